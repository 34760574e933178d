"""Analyst review: accept, reject, edit; reviewed values survive re-extraction; the queue; audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_store_fixtures import ISWAP, article, event, result

from thucydides.errors import InputError, NotFoundError
from thucydides.store import EventFilter, Store


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "review.db") as opened:
        yield opened


def add(store, article_id, source, text=None, url=None, **kwargs):
    art = article(article_id, text or f"{source}: ISWAP took Bama. ({article_id})", source=source, url=url)
    return store.add_result(result(art, event(f"{article_id}-1", evidence="ISWAP took Bama", **kwargs)))


def test_edit_applies_checked_changes_and_is_audited(store: Store):
    (event_id,) = add(store, "a", "A").event_ids
    edited = store.review(
        event_id, "edit", reviewer="ana",
        changes={"fatalities": 7, "sub_event_type": "Armed clash", "date": {"value": "2023-03-03"}, "actor2": None},
        note="per the UN report",
    )
    assert edited.review_state == "edited"
    assert (edited.event.fatalities.count, edited.event.sub_event_type, edited.event.event_type) == (7, "Armed clash", "Battles")
    assert edited.event.date.value == dt.date(2023, 3, 3) and edited.event.actor2 is None
    entry = store.audit(event_id)[-1]
    assert (entry.actor, entry.action, entry.note) == ("reviewer:ana", "edited", "per the UN report")
    assert entry.changes["fatalities"][0]["count"] == 0 and entry.changes["fatalities"][1]["count"] == 7
    assert entry.changes["review_state"] == ["unreviewed", "edited"]


def test_reviewed_values_survive_re_extraction(store: Store):
    url = "https://example.org/a"
    (event_id,) = add(store, "a", "A", url=url, deaths=5).event_ids
    store.review(event_id, "edit", reviewer="ana", changes={"fatalities": 6})
    # the article is updated and re-extracted with another toll; another outlet adds a source
    add(store, "a", "A", url=url, text="Updated: ISWAP took Bama, 40 dead.", deaths=40)
    add(store, "b", "B", deaths=50)
    stored = store.event(event_id)
    assert stored.event.fatalities.count == 6  # the analyst's value
    assert stored.corroboration == 2 and len(stored.sources) == 2  # sources still follow
    assert [c.fatalities.count for c in stored.claims] == [40, 50]


def test_accept_keeps_values_and_reject_hides_from_queue_and_control(store: Store):
    (first,) = add(store, "a", "A").event_ids
    (second,) = add(store, "b", "B", place="Gwoza").event_ids
    assert store.review(first, "accept", reviewer="ana").review_state == "accepted"
    assert {e.id for e in store.review_queue()} == {second}
    assert any(r.name == "Gwoza" for r in store.control())
    store.review(second, "reject", reviewer="ben", note="not a takeover")
    assert store.review_queue() == []
    assert not any(r.name == "Gwoza" for r in store.control())
    assert [e.id for e in store.events(EventFilter(review_state="rejected"))] == [second]
    assert store.count_events(EventFilter(review_state=("unreviewed", "accepted", "edited"))) == 1
    # a rejected event still gathers new reports rather than reappearing as a new event
    assert add(store, "c", "C", place="Gwoza").event_ids == (second,)
    assert store.event(second).review_state == "rejected"


def test_queue_puts_conflicts_first_then_low_confidence(store: Store):
    (calm,) = add(store, "a", "A", confidence=0.3, place="Kidal", actor2=None).event_ids
    (sure,) = add(store, "b", "B", confidence=0.9, place="Gwoza").event_ids
    (disputed,) = add(store, "c", "C", confidence=0.95, status="claimed").event_ids
    add(store, "d", "D", status="denied", speaker="army spokesman")
    add(store, "e", "E", status="background", place="Dikwa")  # not a current event: not queued
    assert [e.id for e in store.review_queue()] == [disputed, calm, sure]
    assert [e.id for e in store.review_queue(limit=1)] == [disputed]


@pytest.mark.parametrize(
    ("action", "changes", "message"),
    [
        ("approve", None, "not an action"),
        ("edit", {}, "are empty"),
        ("edit", {"colour": "red"}, "cannot be edited"),
        ("edit", {"sub_event_type": "Skirmish"}, "not an ACLED sub-event type"),
        ("edit", {"event_type": "Riots"}, "is not the type of"),
        ("edit", {"status": "rumoured"}, "use one of"),
        ("edit", {"fatalities": -1}, "whole number"),
        ("edit", {"date": {"value": "03/04/2023"}}, "not a date"),
        ("edit", {"date": {"precision": 4}}, "precision"),
        ("edit", {"actor1": {"name": "X", "inter": 9}}, "ACLED actor type"),
        ("edit", {"location": {"planet": "Mars"}}, "unknown field"),
        ("edit", {"confidence": 2}, "from 0 to 1"),
        ("accept", {"fatalities": 1}, "takes no changes"),
    ],
)
def test_bad_reviews_are_refused_with_a_fix(store: Store, action, changes, message):
    (event_id,) = add(store, "a", "A").event_ids
    with pytest.raises(InputError, match=message) as error:
        store.review(event_id, action, reviewer="ana", changes=changes)
    assert error.value.fix
    assert store.event(event_id).review_state == "unreviewed"  # nothing half-done


def test_review_needs_a_reviewer_and_an_event(store: Store):
    (event_id,) = add(store, "a", "A").event_ids
    with pytest.raises(InputError, match="reviewer"):
        store.review(event_id, "accept", reviewer=" ")
    with pytest.raises(NotFoundError):
        store.review("ev-nope", "accept", reviewer="ana")
    with pytest.raises(NotFoundError):
        store.audit("ev-nope")


def test_editing_a_location_moves_the_event_in_the_control_timeline(store: Store):
    (event_id,) = add(store, "a", "A").event_ids
    store.review(event_id, "edit", reviewer="ana", changes={"location": {"admin2": "Gwoza", "name": "Gwoza", "geonameid": 2339631}})
    districts = [r for r in store.control() if r.level == "ADM2"]
    assert [(r.name, r.controller) for r in districts] == [("Gwoza", ISWAP.name)]


def test_a_reviewed_event_that_loses_its_sources_is_kept(store: Store):
    url = "https://example.org/k"
    (event_id,) = add(store, "k", "A", url=url).event_ids
    store.review(event_id, "accept", reviewer="ana")
    outcome = add(store, "k", "A", url=url, text="Correction: nothing happened in Bama.", place="Kidal", actor2=None)
    assert event_id not in outcome.deleted and store.deleted_events() == []
    kept = store.event(event_id)
    assert (kept.review_state, kept.corroboration, kept.sources) == ("accepted", 0, ())
    assert store.audit(event_id)[-1].action == "kept"
