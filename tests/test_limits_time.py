"""``max_article_seconds`` bounds the parse and the analysis of each article.

An article over the limit is skipped, with ``ArticleResult.skipped`` saying which step ran over,
and the run goes on with the next article. Slow stages are injected: a spaCy component that
stalls on a marker (sleeping, or spinning the CPU), a geocoder that stalls inside the real
pipeline, and a real text just under spaCy's max_length, whose parse takes far longer than the
limit. The analysis limit with the runner's stand-in stage, in one process and in worker pools,
is in test_runner_stream.py and test_runner_pool.py.
"""

from __future__ import annotations

import time

import pytest
import spacy
from spacy.language import Language

from thucydides import analyse
from thucydides.config import Settings
from thucydides.model import Article, ArticleResult, PlaceMention
from thucydides.runner import process_stream

SLOW_MODEL = "thucydides-test-slow-parse"
REPORT = "Insurgents attacked an army base near {place} on Thursday, killing {n} soldiers, officials said."


@Language.component("stall_on_marker")
def stall_on_marker(doc):
    """A parse step that takes 30 s on a text containing STALL (sleeping) or SPIN (computing)."""
    if "STALL" in doc.text:
        time.sleep(30)
    if "SPIN" in doc.text:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pass
    if "SLUGGISH" in doc.text:
        time.sleep(0.3)
    return doc


def places_only(article: Article, doc) -> ArticleResult:
    """A stand-in analysis: each capitalised token is a place (enough to see it ran)."""
    return ArticleResult(
        article=article,
        places=tuple(PlaceMention(t.text, t.idx, t.idx + len(t.text)) for t in doc if t.text[:1].isupper()),
    )


@pytest.fixture
def slow_model(monkeypatch):
    """A blank English pipeline with the stalling step, registered as an installed model."""
    nlp = spacy.blank("en")
    nlp.add_pipe("stall_on_marker")
    monkeypatch.setitem(analyse._models, (SLOW_MODEL, False), nlp)
    return SLOW_MODEL


def corpus(*markers: str) -> list[Article]:
    places = ("Mopti", "Tillaberi", "Marib", "Pibor", "Bunia", "Kandahar", "Sittwe", "Tigray")
    return [
        Article(id=f"t{i}", text=REPORT.format(place=places[i % len(places)], n=i + 2) + (f" {marker}" if marker else ""))
        for i, marker in enumerate(markers)
    ]


def run(articles, **settings) -> tuple[list[ArticleResult], float]:
    options = {"workers": 1, "batch_size": 8, "prefilter": False} | settings
    started = time.perf_counter()
    results = list(process_stream(articles, settings=Settings(**options), progress=False, analyse=places_only))
    return results, time.perf_counter() - started


@pytest.mark.parametrize("marker", ["STALL", "SPIN"])
def test_a_parse_over_the_limit_is_skipped_and_the_others_are_analysed(slow_model, marker):
    results, seconds = run(corpus("", marker, ""), model=slow_model, max_article_seconds=0.5)
    assert [r.article.id for r in results] == ["t0", "t1", "t2"]
    assert results[1].skipped == "time limit: parse ran over 0.5 s" and not results[1].places
    assert results[0].skipped is None and results[0].places
    assert results[2].skipped is None and results[2].places
    # the batch's budget (3 × 0.5 s), then each article alone: far from the 30 s stall
    assert seconds < 8


def test_the_limit_is_per_article_not_per_batch(slow_model):
    """Four articles of 0.3 s each make a 1.2 s batch: none is over a 0.5 s limit."""
    results, _ = run(corpus("SLUGGISH", "SLUGGISH", "SLUGGISH", "SLUGGISH"), model=slow_model, max_article_seconds=0.5)
    assert all(result.skipped is None and result.places for result in results)


def test_every_article_over_the_limit_is_skipped_alone(slow_model):
    results, seconds = run(corpus("STALL", "", "SPIN", "", "STALL"), model=slow_model, max_article_seconds=0.3, batch_size=5)
    assert [r.skipped for r in results] == ["time limit: parse ran over 0.3 s", None, "time limit: parse ran over 0.3 s", None, "time limit: parse ran over 0.3 s"]
    assert seconds < 10


def test_a_zero_limit_means_no_limit(slow_model):
    results, seconds = run(corpus("SLUGGISH", ""), model=slow_model, max_article_seconds=0)
    assert all(result.skipped is None for result in results) and seconds >= 0.3


def test_a_stage_of_the_real_pipeline_that_stalls_is_cut_off(monkeypatch, nlp):
    """The limit holds for the real stages (here the geocoder), not only for stand-ins."""
    from thucydides.geocode import geocoder

    real = geocoder.Geocoder.find_places

    def find_places(self, text, doc=None):
        if "Pibor" in text:
            time.sleep(30)
        return real(self, text, doc)

    monkeypatch.setattr(geocoder.Geocoder, "find_places", find_places)
    articles = corpus("", "", "", "")  # the article about Pibor is the fourth
    started = time.perf_counter()
    # 3 s: the three real articles before it must fit in the limit even on a loaded CI machine
    results = list(process_stream(articles, settings=Settings(workers=1, max_article_seconds=3.0), progress=False))
    assert time.perf_counter() - started < 25
    assert results[3].skipped == "time limit: analysis ran over 3 s"
    assert all(result.skipped is None for result in results[:3])


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_a_real_text_just_under_spacys_max_length_is_cut_off_in_its_parse(nlp):
    """A text spaCy accepts can still take half a minute and gigabytes to parse: the limit stops
    it early, and the next article is parsed as usual."""
    filler = "Clashes were reported in Bor and in Malakal over the weekend and again on Monday "
    huge = Article(id="huge", text=(filler * (nlp.max_length // len(filler)))[: nlp.max_length - 10])
    normal = corpus("")[0]
    started = time.perf_counter()
    results, _ = run([huge, normal], max_article_seconds=1.0)
    assert results[0].skipped == "time limit: parse ran over 1 s"
    assert results[1].skipped is None and results[1].places
    assert time.perf_counter() - started < 30


class _SlowFinaliser:
    def __del__(self):
        time.sleep(0.6)  # the alarm goes off in here, where Python ignores the exception


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_timeout_raised_where_python_ignores_exceptions_is_raised_again():
    """Regression, found by test_fuzz_pipeline.py: an alarm that went off inside a gc callback
    was swallowed (an "unraisable" exception) and the article then ran without a limit."""
    from thucydides.scale.worker import ArticleTimeout, time_limit

    started = time.perf_counter()
    with pytest.raises(ArticleTimeout):
        with time_limit(0.2):
            _SlowFinaliser()  # dropped at once: __del__ runs now, and takes the first alarm
            time.sleep(10)
    assert time.perf_counter() - started < 3
    time.sleep(0.6)  # the alarm is disarmed: nothing goes off after the block


# --- the limit in threads other than the main one ------------------------------------------------
# Dask runs tasks in worker threads and the web server runs POST /articles in a thread pool; a
# SIGALRM reaches only the main thread, so there a watchdog thread raises the timeout instead.


def hang_on_marker(article: Article, doc) -> ArticleResult:
    """A stand-in analysis that never ends on an article containing HANG (a stage caught in a
    loop); bounded at 20 s, and raising there, so a failing test ends and says so."""
    if "HANG" in article.text:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            time.sleep(0.01)
        raise AssertionError("the time limit did not stop the stage")
    return places_only(article, doc)


def in_thread(function, *args, **kwargs):
    """``function(*args, **kwargs)`` run in a thread of a pool, as Dask and the web server do."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def test_the_limit_interrupts_a_block_in_a_thread_that_is_not_the_main_one():
    from thucydides.scale.worker import ArticleTimeout, time_limit

    def spin_under_a_limit() -> float:
        started = time.perf_counter()
        with pytest.raises(ArticleTimeout):
            with time_limit(0.3):
                while time.perf_counter() - started < 20:
                    pass
        return time.perf_counter() - started

    assert in_thread(spin_under_a_limit) < 3


def test_a_hanging_analysis_in_a_thread_is_skipped_and_the_others_are_analysed():
    articles = corpus("", "HANG", "")
    options = Settings(workers=1, batch_size=8, prefilter=False, max_article_seconds=0.5)
    started = time.perf_counter()
    results = in_thread(lambda: list(process_stream(articles, settings=options, progress=False, analyse=hang_on_marker)))
    assert time.perf_counter() - started < 10
    assert [r.skipped for r in results] == [None, "time limit: analysis ran over 0.5 s", None]
    assert results[0].places and results[2].places


def test_a_parse_over_the_limit_in_a_thread_is_skipped(slow_model):
    results, _ = in_thread(run, corpus("", "SPIN", ""), model=slow_model, max_article_seconds=0.5)
    assert [r.skipped for r in results] == [None, "time limit: parse ran over 0.5 s", None]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_in_a_thread_a_swallowed_timeout_is_raised_again_and_nothing_goes_off_after_the_block():
    from thucydides.scale.worker import ArticleTimeout, time_limit

    def swallow_then_wait() -> float:
        started = time.perf_counter()
        with pytest.raises(ArticleTimeout):
            with time_limit(0.2):
                try:
                    while time.perf_counter() - started < 0.5:
                        time.sleep(0.01)
                except ArticleTimeout:
                    pass  # a stage's `except Exception` swallows the first one
                while time.perf_counter() - started < 20:
                    time.sleep(0.01)
        seconds = time.perf_counter() - started
        # disarmed: a block that ends before its limit, then a while without any limit
        with time_limit(0.2):
            pass
        calm = time.perf_counter()
        while time.perf_counter() - calm < 0.8:
            time.sleep(0.01)
        return seconds

    assert in_thread(swallow_then_wait) < 3


def test_post_articles_cuts_off_a_hanging_analysis(tmp_path, monkeypatch, nlp):
    """POST /articles runs the runner in FastAPI's thread pool: the limit holds there too."""
    from fastapi.testclient import TestClient

    from thucydides import pipeline
    from thucydides.serve import create_app

    def analyse_parsed(article, doc, *, geocoder=None):
        return hang_on_marker(article, doc)

    monkeypatch.setattr(pipeline, "analyse_parsed", analyse_parsed)
    settings = Settings(token="t0ken-for-the-limit-test", max_article_seconds=0.5)
    text = "Gunmen attacked a checkpoint near Sittwe on Friday, killing three guards. HANG"
    with TestClient(create_app(tmp_path / "limit.db", settings), base_url="http://127.0.0.1") as client:
        started = time.perf_counter()
        response = client.post(
            "/articles", json={"text": text, "published": "2024-03-08"}, headers={"Authorization": "Bearer t0ken-for-the-limit-test"}
        )
        assert time.perf_counter() - started < 10
    assert response.status_code == 201, response.text
    assert response.json()["outcome"]["skipped"] == "time limit: analysis ran over 0.5 s"


def test_a_limit_left_without_its_disarm_does_not_hit_the_thread_afterwards(monkeypatch):
    """A timeout that lands at the very entry of the block's exit, before the disarm, leaves
    the limit armed: the watchdog then sees that the block's frame is gone and drops it,
    instead of raising into whatever the thread runs next (a web server's next request)."""
    from thucydides.scale.worker import time_limit

    def leave_without_disarm():
        time_limit(0.1).__enter__()  # the block's frame returns; its __exit__ never runs

    def then_go_on() -> bool:
        leave_without_disarm()
        calm = time.perf_counter()
        while time.perf_counter() - calm < 1.0:
            time.sleep(0.01)
        return True

    assert in_thread(then_go_on)
