"""The Dask engine on a local cluster of 2 worker processes: same results as the local runner,
in input order, Parquet partitions written by the workers, errors carried back readable."""

from __future__ import annotations

import json

import pytest

from test_limits_time import hang_on_marker
from test_runner_stream import corpus, stand_in_analyse
from thucydides.config import Settings
from thucydides.errors import GazetteerError, ThucydidesError
from thucydides.model import Article
from thucydides.runner import process_stream

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

SETTINGS = Settings(workers=2, batch_size=4)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster


def test_dask_results_equal_the_local_runner_and_partitions_hold_them(cluster, tmp_path):
    import pyarrow.dataset as ds

    from thucydides.scale import run_dask

    articles = corpus(30)
    articles[7] = Article(id="bad", text="Rebels attacked EXPLODE the town of Goma.")
    pids = set()
    results = list(
        run_dask(
            articles,
            SETTINGS,
            scheduler=cluster.scheduler_address,
            output_dir=tmp_path,
            shard_size=8,
            analyse=stand_in_analyse,
            on_batch=lambda shard, output: pids.add(output.pid),
        )
    )
    local = list(process_stream(articles, settings=SETTINGS.replace(workers=1), progress=False, analyse=stand_in_analyse))
    assert results == local
    assert len(pids) == 2, "both workers took shards"

    assert sorted(path.name for path in (tmp_path / "articles").iterdir()) == [f"part-00000{i}.parquet" for i in range(4)]
    rows = ds.dataset(tmp_path / "articles").to_table().sort_by("article_id").to_pylist()
    assert [row["article_id"] for row in rows] == sorted(article.id for article in articles)
    skipped = {row["article_id"]: row["skipped"] for row in rows if row["skipped"]}
    assert skipped["bad"] == "error in analysis: RuntimeError: a stage bug"
    assert skipped["a000"] == "prefilter: no conflict vocabulary"
    events = ds.dataset(tmp_path / "events").to_table().to_pylist()
    assert len(events) == sum(len(result.events) for result in results)
    first = next(row for row in events if row["article_id"] == "a001")
    assert first["event_type"] == "Violence against civilians" and first["inter1"] == 3
    assert json.loads(first["event"])["evidence"][0]["text"] == "attacked"


def test_a_workers_thucydides_error_reaches_the_client_with_its_fix(cluster):
    from thucydides.scale import run_dask

    articles = corpus(6) + [Article(id="g", text="Militia attacked NO-GAZETTEER in Beni.")]
    with pytest.raises(GazetteerError) as raised:
        list(run_dask(articles, SETTINGS, scheduler=cluster.scheduler_address, shard_size=4, analyse=stand_in_analyse))
    assert raised.value.fix == "run `thucydides gazetteer build`"


def test_a_hanging_analysis_on_a_dask_worker_is_skipped_with_the_time_limit_reason(cluster):
    """Dask runs each task in a worker thread, out of a SIGALRM's reach: the limit holds there."""
    import time

    from thucydides.scale import run_dask

    articles = [Article(id=f"h{i}", text=f"Soldiers attacked {'HANG ' if i == 2 else ''}a camp in Ituri.") for i in range(5)]
    started = time.perf_counter()
    results = list(
        run_dask(articles, SETTINGS.replace(prefilter=False, max_article_seconds=0.5), scheduler=cluster.scheduler_address, shard_size=5, analyse=hang_on_marker)
    )
    assert time.perf_counter() - started < 15
    assert [r.skipped for r in results] == [None, None, "time limit: analysis ran over 0.5 s", None, None]
    assert all(r.places for r in results if r.skipped is None)


def test_without_a_scheduler_a_local_cluster_runs_and_stops():
    import multiprocessing

    from thucydides.scale import run_dask

    before = set(multiprocessing.active_children())  # the module's cluster has its own
    results = list(run_dask(corpus(10), SETTINGS, shard_size=5, analyse=stand_in_analyse))
    assert [result.article.id for result in results] == [f"a{i:03d}" for i in range(10)]
    assert results[1].places[0].text == "Kunduz"
    assert set(multiprocessing.active_children()) <= before


def test_an_unreachable_scheduler_is_an_error_that_says_what_to_check():
    from thucydides.scale.dask_engine import connect

    with pytest.raises(ThucydidesError) as raised:
        connect("tcp://127.0.0.1:9", SETTINGS, timeout="2s")
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in raised.value.what
    assert "dask scheduler" in raised.value.fix


def test_dasks_info_logs_stay_off_the_users_stderr():
    """distributed turns its loggers to INFO on import; a plain run shows warnings only, -vv all."""
    import subprocess
    import sys

    probe = (
        "import logging, sys\n"
        "from thucydides.cli.main import _configure_logging\n"
        "_configure_logging(int(sys.argv[1]))\n"
        "import thucydides.scale.dask_engine\n"
        "logging.getLogger('distributed.scheduler').info('scheduler diary')\n"
        "logging.getLogger('distributed.scheduler').warning('scheduler warning')\n"
    )
    plain = subprocess.run([sys.executable, "-c", probe, "0"], capture_output=True, text=True, check=True).stderr
    assert "scheduler warning" in plain and "scheduler diary" not in plain
    debug = subprocess.run([sys.executable, "-c", probe, "2"], capture_output=True, text=True, check=True).stderr
    assert "scheduler diary" in debug
