"""Status, attribution, dates, casualties and history on invented wire reports, through the real geocoder.

Each case of ``tests/data/report_challenge.toml`` is a short report written for this test (other
places and conflicts than any gold article) with the events it must give, or none: a history told
as background, a negation, a threat or a hypothetical gives no current event, and its totals are
no fatalities. An expected event names its place (the location's text) and only the fields the
sentence decides; the report must give exactly as many events as listed.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from thucydides.model import Article, Event
from thucydides.prefilter import first_conflict_term

CASES = tomllib.loads((Path(__file__).parent / "data" / "report_challenge.toml").read_text(encoding="utf-8"))["case"]


def test_every_report_with_an_event_passes_the_prefilter():
    # the tests below parse every text; the CLI and the store first skip texts without conflict vocabulary
    assert [case["text"] for case in CASES if case.get("events") and first_conflict_term(case["text"]) is None] == []


@pytest.fixture(scope="module")
def extract(nlp, geocoder):
    from thucydides.extract import extract_events

    def run(text: str, published: dt.date) -> list[Event]:
        article = Article(id="challenge", text=text, published=published)
        doc = nlp(text)
        return extract_events(article, doc, geocoder.find_places(text, doc))

    return run


def observed(event: Event) -> dict[str, object]:
    """The fields a case may state, as the case writes them."""
    first = event.attribution[0] if event.attribution else None
    return {
        "place": event.location.text if event.location else None,
        "type": event.event_type,
        "sub": event.sub_event_type,
        "status": event.status,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "inter1": event.actor1.inter if event.actor1 else None,
        "inter2": event.actor2.inter if event.actor2 else None,
        "fatalities": event.fatalities.count,
        "low": event.fatalities.low,
        "high": event.fatalities.high,
        "date": event.date.value.isoformat() if event.date.value else None,
        "precision": event.date.precision,
        "speaker": first.speaker if first else None,
        "role": first.role if first else None,
        "channel": first.channel if first else None,
        "via": next((a.via for a in event.attribution if a.via), None),
    }


def agrees(expected: dict[str, object], found: dict[str, object]) -> bool:
    """Names agree when the expected one is part of the found one, case aside ("Military Forces of
    Mali" in "Military Forces of Mali (2021-)"); every other field exactly."""
    for field, value in expected.items():
        if field in {"actor1", "actor2", "speaker", "role", "via"} and value is not None:
            if found[field] is None or str(value).lower() not in str(found[field]).lower():
                return False
        elif found[field] != value:
            return False
    return True


def mismatch(case: dict, events: list[Event]) -> str | None:
    """None when the events are the case's, else what differs."""
    expected = case.get("events", [])
    found = [observed(event) for event in events]
    unmatched = list(found)
    for wanted in expected:
        match = next((f for f in unmatched if agrees(wanted, f)), None)
        if match is None:
            return f"missing {wanted}; found {found}"
        unmatched.remove(match)
    if unmatched:
        return f"unexpected {unmatched}"
    return None


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_a_challenge_report_gives_its_events(extract, case):
    events = extract(case["text"], dt.date.fromisoformat(case["published"]))
    assert mismatch(case, events) is None, mismatch(case, events)


def test_every_case_states_a_category_and_a_date():
    assert {case["category"] for case in CASES} <= {"attribution", "status", "history", "dates", "casualties", "clauses", "actors"}
    assert len({case["id"] for case in CASES}) == len(CASES)
