"""The seed report end to end through the real geocoder: the four required events, field by field.

Skipped, saying why, when the geocoder or ../shared/gold is not available. The scorer's view of
the same run is in test_evaluate_baseline.py; this test pins what extraction itself must get
right (attribution chains, actors, status, evidence, nothing from the history or negations).
"""

from __future__ import annotations

import datetime as dt

import pytest



@pytest.fixture(scope="module")
def seed_events(nlp, seed_text):
    try:
        from thucydides.geocode import default_geocoder
    except ImportError as error:  # pragma: no cover - depends on the geocode stage being installed
        pytest.skip(f"thucydides.geocode.default_geocoder is not importable: {error}")
    from thucydides.extract import extract_events
    from thucydides.ingest.articles import read_text_article

    article = read_text_article(seed_text, published=dt.date(2021, 8, 20))
    doc = nlp(article.text)
    places = default_geocoder().find_places(article.text, doc)
    return article, extract_events(article, doc, places), extract_events(article, doc, places, keep_background=True)


def by_place(events):
    return {event.location.text: event for event in events if event.location is not None}


def test_the_four_required_events(seed_events):
    _, events, _ = seed_events
    found = [(e.sub_event_type, e.location.text if e.location else None) for e in events]
    assert found == [
        ("Non-state actor overtakes territory", "Deh Saleh"),
        ("Non-state actor overtakes territory", "Bano"),
        ("Non-state actor overtakes territory", "Pul-Hesar"),
        ("Peaceful protest", "Kabul"),
    ]


def test_takeovers_are_claimed_by_the_minister_and_the_police_commander(seed_events):
    _, events, _ = seed_events
    places = by_place(events)
    for name in ("Deh Saleh", "Bano", "Pul-Hesar"):
        event = places[name]
        assert event.status == "claimed"
        assert event.attribution[0].speaker == "Bismillah Mohammadi"
        assert event.attribution[0].role == "Defence Minister" and event.attribution[0].channel == "tweet"
        assert event.actor2.name == "Taliban" and event.actor2.inter == 1  # state forces from 15 August 2021
        assert event.actor1.inter == 3
        assert event.location.admin1 is not None and "Baghl" in event.location.admin1
    bano = places["Bano"]
    relay = bano.attribution[1]
    assert (relay.speaker, relay.via) == ("local police commander", "local TV station Tolo News")
    # "heavy casualties" names no deaths: 0, words kept
    assert bano.fatalities.count == 0 and "heavy casualties" in bano.fatalities.text
    assert bano.date.value == dt.date(2021, 8, 20)


def test_the_kabul_protest_is_reported(seed_events):
    _, events, _ = seed_events
    kabul = by_place(events)["Kabul"]
    assert kabul.status == "reported" and kabul.attribution == ()
    assert kabul.actor1.name == "Protesters (Afghanistan)" and kabul.actor1.inter == 6
    assert kabul.plover.event_type == "PROTEST"


def test_evidence_points_into_the_cleaned_text(seed_events):
    article, events, _ = seed_events
    for event in events:
        assert event.evidence
        for evidence in event.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.text


def test_nothing_current_from_history_or_negation(seed_events, seed_gold):
    article, events, with_background = seed_events
    passages = [item["text"] for item in seed_gold["not_current_events"]]
    for event in events:
        for evidence in event.evidence:
            assert not any(evidence.text in passage or passage in evidence.text for passage in passages)
    # what the history paragraph tells is at most background, with none of its 15,000 dead
    history = [e for e in with_background if e not in events]
    assert all(e.status == "background" for e in history)
    assert all(e.fatalities.count < 15000 for e in with_background)
