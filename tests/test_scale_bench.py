"""`thucydides bench` and its corpus: real pipeline on a tiny corpus, the report's content, the
corpus assembled from ../shared, and the errors that say what to do."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from thucydides.cli.main import main
from thucydides.scale.bench import BenchReport, PipelineRun, Rate, quantiles
from thucydides.scale.corpus import build_corpus, count_words

ARTICLES = [
    {"id": "k1", "title": "Clashes in Kidal", "text": "Armed men clashed with soldiers near Kidal on Monday, killing two, the army said.", "published": "2022-05-02"},
    {"id": "k2", "title": "Protest in Dakar", "text": "Hundreds of students protested in Dakar on Tuesday against the arrest of their leader.", "published": "2022-05-03"},
    {"id": "k3", "title": "Rain in Lyon", "text": "Heavy rain fell on Lyon for a third day, the weather service said.", "published": "2022-05-03"},
]


def test_quantiles_are_the_median_and_the_nearest_rank_p95():
    assert quantiles([]) == {"median": None, "p95": None}
    values = [float(v) for v in range(1, 101)]
    assert quantiles(values) == {"median": 50.5, "p95": 96.0}


def test_the_ratio_is_the_median_of_the_runs_ratios():
    report = BenchReport("c", 10, 1000, 200, "local", 2, "spawn", True, 32)
    # run 2 was slowed down by another user for the pipeline only
    report.parse_runs = [Rate(10, 200, 1.0), Rate(10, 200, 1.0), Rate(10, 200, 2.0)]
    report.pipeline_runs = [PipelineRun(Rate(10, 200, seconds), 10, 0, 1, 0, 0.1) for seconds in (2.0, 8.0, 4.0)]
    assert report.parse_rate == 10.0 and report.pipeline_rate == 2.5
    assert report.ratio == 0.5
    # the same pairing against the bare parse by the components the pipeline runs
    report.components_parse_runs = [Rate(10, 200, 0.5), Rate(10, 200, 0.5), Rate(10, 200, 1.0)]
    assert report.components_parse_rate == 20.0 and report.components_ratio == 0.25
    assert report.dask_rate is None and report.dask_over_local is None
    # engine "both": Dask over local is taken run by run (pairs share the machine's load), then the median
    report.dask_runs = [PipelineRun(Rate(10, 200, seconds), 10, 0, 1, 0, 0.1) for seconds in (2.5, 4.0, 16.0)]
    assert report.dask_rate == 2.5
    assert report.dask_over_local == 0.8


def test_the_corpus_is_built_to_size_with_distinct_copies(shared_dir):
    corpus = build_corpus(shared_dir, min_bytes=600_000)
    size = sum(len(article.text.encode("utf-8")) for article in corpus)
    assert 600_000 <= size < 700_000
    ids = [article.id for article in corpus]
    assert len(set(ids)) == len(ids)
    copies = [article for article in corpus if "~r" in article.id]
    assert copies and all(article.url is None and article.text.endswith(f"[benchmark copy {article.id.rsplit('~r', 1)[1]}]") for article in copies)
    assert build_corpus(shared_dir, min_bytes=600_000) == corpus, "the same seed gives the same corpus"


def test_count_words_splits_on_whitespace():
    assert count_words("Shelling hit\nDonetsk  at dawn.") == 5


def test_bench_without_a_corpus_or_shared_folder_says_what_to_do(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("THUCYDIDES_SHARED", str(tmp_path / "nowhere"))
    assert main(["bench", "--runs", "1"]) == 1
    error = capsys.readouterr().err
    assert "Error: the benchmark corpus: no ../shared/gold folder was found" in error
    assert "pass --corpus PATH, or set THUCYDIDES_SHARED" in error


def test_bench_refuses_zero_runs(capsys):
    assert main(["bench", "--runs", "0"]) == 1
    assert "Error: --runs: is 0 — give at least 1" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_bench_runs_the_whole_pipeline_and_reports(tmp_path, capsys):
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("".join(json.dumps(article) + "\n" for article in ARTICLES * 24), encoding="utf-8")
    measurements = tmp_path / "bench.json"
    code = main(["bench", "--corpus", str(corpus), "--runs", "1", "--workers", "2", "--latency-sample", "3", "--json", str(measurements)])
    assert code == 0
    out = capsys.readouterr().out
    for label in ("bare spaCy parse", "components used", "full pipeline", "the issue's ratio", "latency", "peak RSS", "main"):
        assert label in out
    data = json.loads(measurements.read_text(encoding="utf-8"))
    assert data["corpus_articles"] == 72 and data["workers"] == 2
    assert data["parse_runs"][0]["articles"] == 72 and data["components_parse_runs"][0]["articles"] == 72
    assert data["components_ratio"] > 0 and data["ratio"] > 0
    [run] = data["pipeline_runs"]
    assert run["rate"]["articles"] == 72
    assert run["skipped"] == 24, "the rain report has no conflict vocabulary"
    assert len([name for name in data["peak_rss_mb"] if name.startswith("worker")]) == 2
    assert data["work_latency"]["median"] > 0 and data["alone_latency"]["median"] > 0


def test_importing_the_runner_and_scale_loads_neither_spacy_nor_dask():
    code = "import sys, thucydides.runner, thucydides.scale, thucydides.cli.bench; print(sorted(m for m in ('spacy', 'dask', 'distributed', 'pyarrow') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
