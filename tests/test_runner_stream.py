"""The runner's machinery: order, batching, skips, errors, time limits, bounded reading.

The analysis after the parse is a stand-in (``stand_in_analyse``) so that these tests pin the
runner's behaviour whatever the extract and geocode stages do; the parse is spaCy's, for real.
The stand-in lives in this module, at top level, so that spawned workers can import it.
"""

from __future__ import annotations

import logging
import os
import time

import pytest

from thucydides.config import Settings
from thucydides.errors import ConfigError, GazetteerError
from thucydides.model import Actor, Article, ArticleResult, Event, EventDate, Evidence, Fatalities, PlaceMention, Plover
from thucydides.runner import batched, process_stream, resolve_workers

CONFLICT = "Gunmen attacked a police post in Kunduz on Monday, killing {n} officers, officials in Kabul said."
QUIET = "The city orchestra of Vienna played Brahms on Sunday to a full hall."


def stand_in_analyse(article: Article, doc) -> ArticleResult:
    """Places: proper nouns governed by a preposition ("in Kunduz"); one event per article
    that mentions an attack."""
    if "EXPLODE" in article.text:
        raise RuntimeError("a stage bug")
    if "NO-GAZETTEER" in article.text:
        raise GazetteerError("gazetteer index /nowhere/gazetteer.sqlite does not exist", "run `thucydides gazetteer build`")
    if "DIE-NOW" in article.text:
        os._exit(3)
    if "TAKES-FOREVER" in article.text:
        time.sleep(5)
    places = tuple(PlaceMention(t.text, t.idx, t.idx + len(t.text)) for t in doc if t.pos_ == "PROPN" and t.dep_ == "pobj")
    events: tuple[Event, ...] = ()
    start = article.text.find("attacked")
    if start >= 0:
        evidence = Evidence(start, start + 8, article.text[start : start + 8])
        events = (
            Event(
                id=f"ev-{article.id}",
                event_type="Violence against civilians",
                sub_event_type="Attack",
                plover=Plover("ASSAULT"),
                status="reported",
                actor1=Actor("Unidentified Armed Group", 3, "Gunmen"),
                actor2=None,
                location=None,
                date=EventDate(None, None),
                fatalities=Fatalities(count=len(doc)),
                attribution=(),
                confidence=0.5,
                evidence=(evidence,),
            ),
        )
    return ArticleResult(article=article, events=events, places=places)


def corpus(n: int) -> list[Article]:
    return [Article(id=f"a{i:03d}", text=CONFLICT.format(n=i) if i % 4 else QUIET) for i in range(n)]


def run(articles, **settings) -> list[ArticleResult]:
    options = {"workers": 1, "batch_size": 4} | settings
    return list(process_stream(articles, settings=Settings(**options), progress=False, analyse=stand_in_analyse))


def test_results_come_in_input_order_with_the_stage_output():
    articles = corpus(10)
    results = run(articles)
    assert [result.article for result in results] == articles
    assert results[1].places[0].text == "Kunduz"
    assert results[1].events[0].evidence[0].text == "attacked"
    assert results[1].skipped is None


def test_prefilter_skips_articles_without_conflict_vocabulary_and_says_why(caplog):
    with caplog.at_level(logging.INFO, logger="thucydides"):
        results = run(corpus(8))
    quiet = [result for result in results if result.article.text == QUIET]
    assert quiet and all(r.skipped == "prefilter: no conflict vocabulary" and not r.places for r in quiet)
    assert "a000: skipped, prefilter: no conflict vocabulary" in caplog.text


def test_prefilter_off_parses_every_article():
    results = run(corpus(8), prefilter=False)
    assert all(result.skipped is None for result in results)
    assert results[0].places[0].text == "Vienna"


def test_an_error_in_one_article_skips_it_and_the_stream_goes_on(caplog):
    articles = corpus(6)
    articles[2] = Article(id="bad", text="Rebels attacked EXPLODE the town of Goma.")
    results = run(articles)
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert results[2].skipped == "error in analysis: RuntimeError: a stage bug"
    assert results[3].events, "the articles after the failing one are analysed"
    assert "bad: skipped after an error in analysis" in caplog.text


def test_an_article_over_the_time_limit_is_skipped():
    articles = [Article(id="slow", text="Troops attacked TAKES-FOREVER in Homs."), *corpus(3)]
    started = time.perf_counter()
    results = run(articles, max_article_seconds=0.3)
    assert time.perf_counter() - started < 4
    assert results[0].skipped == "time limit: analysis ran over 0.3 s"
    assert results[2].events


def test_a_text_longer_than_spacy_accepts_is_skipped_not_fatal(nlp):
    long_text = "Soldiers fought. " * (nlp.max_length // 17 + 1)
    results = run([Article(id="huge", text=long_text), *corpus(2)])
    assert results[0].skipped.startswith("text of ") and "max_length" in results[0].skipped
    assert results[2].events


def test_a_thucydides_error_stops_the_stream_with_its_fix():
    articles = [*corpus(3), Article(id="g", text="Militia attacked NO-GAZETTEER in Beni.")]
    with pytest.raises(GazetteerError) as raised:
        run(articles)
    assert raised.value.fix == "run `thucydides gazetteer build`"


def test_small_inputs_run_in_this_process():
    pids = set()
    settings = Settings(workers=2, batch_size=4)
    list(process_stream(corpus(7), settings=settings, progress=False, analyse=stand_in_analyse, on_batch=lambda b, out: pids.add(out.pid)))
    assert pids == {os.getpid()}


def test_vocabulary_does_not_grow_across_batches(nlp):
    # every article brings new words; the memory zone frees them after each batch
    articles = [Article(id=f"v{i}", text=f"Fighters of the Qx{i}zz front attacked Zorbu{i}ville.") for i in range(24)]
    run(articles[:8])
    before = len(nlp.vocab.strings)
    run(articles[8:])
    assert len(nlp.vocab.strings) <= before + 5


def test_workers_zero_means_one_per_core_and_negative_is_refused():
    assert resolve_workers(0) >= 1
    assert resolve_workers(3) == 3
    with pytest.raises(ConfigError):
        resolve_workers(-1)


def test_batched_keeps_order_and_refuses_a_zero_size():
    assert [len(batch) for batch in batched(corpus(10), 4)] == [4, 4, 2]
    with pytest.raises(ConfigError):
        list(batched(corpus(2), 0))


def test_progress_bar_on_request_and_silent_otherwise(capsys):
    list(process_stream(corpus(5), settings=Settings(workers=1), progress=True, analyse=stand_in_analyse))
    assert "5/5" in capsys.readouterr().err
    list(process_stream(corpus(5), settings=Settings(workers=1), analyse=stand_in_analyse))
    assert capsys.readouterr().err == ""  # under pytest stderr is not a terminal



def test_the_gazetteer_is_ready_before_the_first_articles_time_limit(tmp_path):
    # building the index (15 s on a fresh machine) used to count against max_article_seconds,
    # so the first article of a fresh install could be skipped as "ran over"
    from thucydides.config import Settings
    from thucydides.ingest import read_text_article
    from thucydides.runner import process_stream

    settings = Settings(gazetteer=str(tmp_path / "fresh-gazetteer.sqlite"), max_article_seconds=5.0)
    article = read_text_article("Gunmen killed three villagers in Gao on Monday, officials said.", title="Gao attack")
    (result,) = list(process_stream([article], settings=settings))
    assert result.skipped is None and result.events
