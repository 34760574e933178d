"""The runner with worker processes: same results as one process, ordered, bounded, robust.

Each test starts real worker processes (each loads spaCy): a few seconds apiece.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os

import pytest

from test_runner_stream import CONFLICT, corpus, stand_in_analyse
from thucydides.config import Settings
from thucydides.errors import GazetteerError, ThucydidesError
from thucydides.model import Article
from thucydides.runner import process_stream
from thucydides.scale.pool import LocalPool

pytestmark = pytest.mark.slow


def run(articles, *, start_method="spawn", **settings):
    options = {"workers": 2, "batch_size": 4} | settings
    stream = process_stream(
        articles, settings=Settings(**options), progress=False, analyse=stand_in_analyse, start_method=start_method
    )
    return list(stream)


@pytest.mark.parametrize("start_method", ["spawn", "fork"])
def test_two_workers_give_what_one_process_gives_in_the_same_order(start_method):
    articles = corpus(40)
    articles[5] = Article(id="bad", text="Rebels attacked EXPLODE the town of Goma.")
    articles[30] = Article(id="slow", text="Troops attacked TAKES-FOREVER in Homs.")
    parallel = run(articles, start_method=start_method, max_article_seconds=0.5)
    single = run(articles, workers=1, max_article_seconds=0.5)
    assert parallel == single
    assert [r.article.id for r in parallel] == [a.id for a in articles]
    assert parallel[5].skipped == "error in analysis: RuntimeError: a stage bug"
    assert parallel[30].skipped == "time limit: analysis ran over 0.5 s"


def test_a_warm_pool_shares_the_batches_between_its_workers():
    settings = Settings(workers=2, batch_size=4)
    pids = []
    with LocalPool(settings, workers=2, analyse=stand_in_analyse) as pool:
        ready = pool.warm_up()
        results = list(
            process_stream(corpus(80), settings=settings, pool=pool, progress=False, on_batch=lambda b, out: pids.append(out.pid))
        )
    assert len(results) == 80
    assert set(pids) == ready and len(ready) == 2 and os.getpid() not in ready


def test_a_workers_thucydides_error_reaches_the_caller_with_its_fix():
    articles = corpus(12) + [Article(id="g", text="Militia attacked NO-GAZETTEER in Beni.")]
    with pytest.raises(GazetteerError) as raised:
        run(articles)
    assert raised.value.what == "gazetteer index /nowhere/gazetteer.sqlite does not exist"
    assert raised.value.fix == "run `thucydides gazetteer build`"


def test_a_dead_worker_is_reported_with_what_to_do():
    articles = corpus(12) + [Article(id="dies", text="Police attacked DIE-NOW in Lagos.")] + corpus(4)
    with pytest.raises(ThucydidesError) as raised:
        run(articles)
    assert "a worker process died while processing" in raised.value.what
    assert "--workers" in raised.value.fix


def test_input_is_read_only_a_few_batches_ahead():
    pulled = 0

    def endless():
        nonlocal pulled
        index = 0
        while True:
            pulled += 1
            index += 1
            yield Article(id=f"s{index}", text=CONFLICT.format(n=index))

    stream = process_stream(endless(), settings=Settings(workers=2, batch_size=4), progress=False, analyse=stand_in_analyse)
    first = next(stream)
    assert first.article.id == "s1"
    # two batches peeked to choose the engine, then at most 2 per worker in flight
    assert pulled <= (2 + 2 * 2 + 1) * 4
    stream.close()
    assert multiprocessing.active_children() == []



def test_the_real_pipeline_through_worker_processes_equals_pipeline_process_articles(seed_text):
    from thucydides import pipeline

    texts = [
        seed_text,
        "Al-Shabaab fighters attacked a military base in Baidoa on Sunday, killing four soldiers, a local commander said.",
        "Police in Lagos fired tear gas at protesters who blocked a highway on Monday.",
        "Government troops recaptured the town of Bentiu from rebels after two days of fighting, the army said.",
        "Gunmen abducted 20 villagers in Zamfara state on Tuesday, residents said.",
        "Farmers in Punjab marched on Delhi to protest against new grain prices.",
    ]
    articles = [Article(id=f"r{i}", text=text, published=dt.date(2021, 8, 20)) for i, text in enumerate(texts * 2)]
    settings = Settings(workers=2, batch_size=2, prefilter=False)
    through_workers = list(process_stream(articles, settings=settings, progress=False))
    in_process = list(pipeline.process_articles(articles, batch_size=2))
    assert through_workers == in_process
    assert sum(len(result.events) for result in in_process) >= 4, "the stages found events to compare"
