"""Evaluation as a test: the real pipeline on ../shared/gold, held to tests/baselines/events.json.

A metric below its floor (or a count above its ceiling) fails the suite. The floors sit a little
below what the pipeline measured when they were set; raising them is a commit of its own
(docs/evaluate.md). The seed test is the project's acceptance test (issue 2): on the seed, every
required event found, no false positive, nothing from the history.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.evaluate import load_gold, run_extract_on_gold, score_gold

BASELINE = Path(__file__).parent / "baselines" / "events.json"
METRICS = {
    "event_precision", "event_recall", "event_f1", "tp", "fp", "fn", "history_fp", "optional_matched", "ignored",
    "event_type_accuracy", "sub_event_type_weighted_f1", "actor1_accuracy", "actor2_accuracy", "date_accuracy",
    "fatalities_accuracy", "status_accuracy", "attribution_accuracy", "places_found", "places_resolved",
}


def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def test_baseline_file_names_known_metrics_and_sane_bounds():
    sets = baseline()["sets"]
    assert set(sets) == {"seed", "dev", "acled"}
    for name, spec in sets.items():
        assert set(spec["floors"]) <= METRICS and set(spec.get("ceilings", {})) <= METRICS, name
        assert all(0.0 <= floor <= 1.0 for floor in spec["floors"].values()), name
        for metric, floor in spec["floors"].items():
            measured = spec["measured"].get(metric)
            assert measured is not None and floor <= measured, f"{name}.{metric}: floor above the measured value"


@pytest.fixture(scope="module")
def reports(gold_dir):
    """One pipeline run over all three gold sets (one model load, batched), scored set by set."""
    from thucydides.config import load_settings

    sets = {name: load_gold(gold_dir / spec["gold"]) for name, spec in baseline()["sets"].items()}
    everything = [item for items in sets.values() for item in items]
    results = run_extract_on_gold(everything, load_settings())
    reports = {}
    for name, items in sets.items():
        ids = {item.article_id for item in items}
        reports[name] = score_gold(items, [result for result in results if result.article.id in ids])
    return reports


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seed", "dev", "acled"])
def test_no_metric_falls_below_the_baseline(reports, name):
    spec = baseline()["sets"][name]
    metrics = reports[name].metrics()
    below = {
        metric: (metrics[metric], floor)
        for metric, floor in spec["floors"].items()
        if metrics[metric] is None or metrics[metric] < floor - 1e-9
    }
    above = {metric: (metrics[metric], ceiling) for metric, ceiling in spec.get("ceilings", {}).items() if metrics[metric] > ceiling}
    assert not below and not above, (
        f"{name}: (value, bound) below floors {below}, above ceilings {above}\n{reports[name].format_text()}"
    )


@pytest.mark.slow
def test_seed_every_required_event_no_false_positive_nothing_from_history(reports):
    report = reports["seed"]
    assert (report.recall, report.fp, report.history_fp) == (1.0, 0, 0), report.format_text()
    # issue 2: the right status and attribution chain on each of them, too
    assert report.fields["status"].value == 1.0, report.format_text()
    assert report.fields["attribution"].value == 1.0, report.format_text()


@pytest.mark.slow
def test_score_without_output_runs_the_pipeline(gold_dir, tmp_path, capsys):
    from thucydides.cli.main import main

    saved = tmp_path / "seed.jsonl"
    assert main(["score", str(gold_dir / "seed.json"), "--save-output", str(saved)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("events: P=") and "tp=" in first
    # what was saved scores the same when given back as OUTPUT
    assert main(["score", str(gold_dir / "seed.json"), str(saved)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == first
