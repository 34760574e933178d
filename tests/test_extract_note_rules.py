"""Rules met on short coded notes (a day, a place, what happened), on notes written for the tests
(Sudan, Somalia, DRC, Kenya, Nigeria…); none is a gold note's. Places are given by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import extract_events
from thucydides.model import Article, Event

from test_extract_events import entry, places_in


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, places: dict[str, str], published: dt.date) -> list[Event]:
        gazetteer = {name: entry(name, iso=iso) for name, iso in places.items()}
        return extract_events(Article(id="note-test", text=text, published=published), nlp(text), places_in(text, gazetteer))

    return extract


def test_a_later_day_told_in_the_past_is_no_plan(run):
    text = "On 3 June 2023, a fisherman was found bound and shot near Kosti; his body was recovered on 5 June."
    (event,) = run(text, {"Kosti": "SD"}, dt.date(2023, 6, 3))
    assert event.sub_event_type == "Attack"
    assert event.status == "reported"


def test_a_later_day_still_to_come_is_a_plan(run):
    (event,) = run("Opposition groups will hold a demonstration in Kisumu on 9 June.", {"Kisumu": "KE"}, dt.date(2023, 6, 3))
    assert event.status == "planned"
    (event,) = run("A demonstration has been scheduled in Kisumu for 9 June.", {"Kisumu": "KE"}, dt.date(2023, 6, 3))
    assert event.status == "planned"


def test_a_span_that_began_by_publication_is_no_plan(run):
    text = "On 2 June 2023, during fighting that lasted between 2 June-3 June, Al Shabaab militants clashed with soldiers in Bulo Burte."
    events = run(text, {"Bulo Burte": "SO"}, dt.date(2023, 6, 2))
    assert events and all(e.status == "reported" for e in events)
