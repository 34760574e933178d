"""Many reports → one reconciled event (thucydides.reconcile.merge)."""

from __future__ import annotations

import datetime as dt

from test_store_fixtures import ARMY_NG, ISWAP, event

from thucydides.model import Actor
from thucydides.reconcile.matching import SourceEvent
from thucydides.reconcile.merge import reconcile


def report(ev, article_id, source, **kwargs) -> SourceEvent:
    return SourceEvent(ev, article_id, source=source, **kwargs)


def test_one_report_keeps_its_values_under_the_given_id():
    ev = event("x", deaths=4, deaths_text="four soldiers were killed")
    merged = reconcile("ev-1", [report(ev, "a", "Outlet A")])
    assert merged.event.id == "ev-1"
    assert merged.event.sub_event_type == ev.sub_event_type
    assert merged.event.fatalities.count == 4
    assert merged.corroboration == 1
    assert not merged.conflicting
    assert [c.stance for c in merged.claims] == ["asserts"]


def test_higher_sub_event_type_wins_and_neutral_report_outranks_a_claim():
    clash = event("x", sub="Armed clash", status="claimed", speaker="ISWAP statement")
    takeover = event("y", sub="Non-state actor overtakes territory", status="reported")
    merged = reconcile("ev", [report(clash, "a", "A"), report(takeover, "b", "B")])
    assert merged.event.sub_event_type == "Non-state actor overtakes territory"
    assert merged.event.event_type == "Battles"
    assert merged.event.status == "reported"
    assert merged.corroboration == 2


def test_fatalities_lowest_credible_with_range_and_words_kept():
    reports = [
        report(event("1", deaths=12, deaths_text="12 soldiers"), "a", "A"),
        report(event("2", deaths=30, low=20, high=30, deaths_text="20 to 30 killed"), "b", "B"),
        # no figure: neither lowers the count to 0 nor narrows the range
        report(event("3", deaths=0, deaths_text="heavy casualties"), "c", "C"),
        report(event("4", deaths=15), "d", "D"),
    ]
    merged = reconcile("ev", reports)
    fatalities = merged.event.fatalities
    assert (fatalities.count, fatalities.low, fatalities.high) == (12, 12, 30)
    assert merged.fatalities_best == 15
    assert fatalities.text == "12 soldiers; 20 to 30 killed; heavy casualties"
    assert merged.conflicting  # disputed tolls go to the review queue


def test_no_figures_means_zero_and_no_range():
    merged = reconcile("ev", [report(event("1", deaths_text="heavy casualties"), "a", "A")])
    assert (merged.event.fatalities.count, merged.event.fatalities.low, merged.fatalities_best) == (0, None, None)


def test_corroboration_counts_independent_outlets_only():
    ev = event("1")
    reports = [
        report(ev, "a", "Outlet A"),
        report(ev, "b", "Outlet A"),  # the same outlet twice
        report(ev, "c", "Outlet C", duplicate_of="a"),  # a wire copy
        report(event("2", status="denied", speaker="army spokesman"), "d", "Outlet D"),  # a denial
    ]
    merged = reconcile("ev", reports)
    assert merged.corroboration == 1
    assert [c.stance for c in merged.claims] == ["asserts", "asserts", "asserts", "denies"]
    assert [c.independent for c in merged.claims] == [True, True, False, True]


def test_claim_and_denial_are_kept_side_by_side():
    claim = event("1", status="claimed", speaker="ISWAP statement", actor1=ISWAP, actor2=ARMY_NG)
    denial = event("2", status="denied", speaker="army spokesman", actor1=ISWAP, actor2=ARMY_NG)
    merged = reconcile("ev", [report(denial, "b", "B"), report(claim, "a", "A")])
    assert merged.event.status == "claimed"  # the denial does not erase the claim…
    assert merged.conflicting  # …nor is averaged away: the event is marked for review
    stances = {c.speaker: c.stance for c in merged.claims}
    assert stances == {"ISWAP statement": "asserts", "army spokesman": "denies"}
    assert merged.event.attribution[0].speaker == "ISWAP statement"


def test_only_denials_make_a_denied_event():
    merged = reconcile("ev", [report(event("1", status="denied"), "a", "A")])
    assert merged.event.status == "denied"
    assert merged.corroboration == 0


def test_a_description_is_replaced_by_a_name_another_outlet_gives():
    described = event("1", actor1=Actor("local militia", 3, "local militia"), actor2=ARMY_NG)
    named = event("2", status="claimed", actor1=Actor("Civilian JTF", 3, "CJTF"), actor2=None)
    merged = reconcile("ev", [report(described, "a", "A"), report(named, "b", "B")])
    assert merged.event.actor1.name == "Civilian JTF"
    assert merged.event.actor2 == ARMY_NG


def test_most_precise_location_and_date():
    vague = event("1", place="Bama LGA", day=dt.date(2023, 3, 5), precision=2)
    exact = event("2", status="claimed", place="Bama", day=dt.date(2023, 3, 4))
    merged = reconcile("ev", [report(vague, "a", "A"), report(exact, "b", "B")])
    assert merged.event.location.geonameid == 2348773
    assert merged.event.date.value == dt.date(2023, 3, 4) and merged.event.date.precision == 1


def test_independent_outlets_raise_confidence():
    one = reconcile("ev", [report(event("1", confidence=0.6), "a", "A")])
    two = reconcile("ev", [report(event("1", confidence=0.6), "a", "A"), report(event("2", confidence=0.6), "b", "B")])
    copy = reconcile("ev", [report(event("1", confidence=0.6), "a", "A"), report(event("2", confidence=0.6), "b", "B", duplicate_of="a")])
    assert one.event.confidence == 0.6
    assert two.event.confidence == 0.84
    assert copy.event.confidence == 0.6


def test_merge_does_not_depend_on_report_order_for_its_values():
    a = report(event("1", status="claimed", deaths=5), "a", "A")
    b = report(event("2", status="reported", deaths=3), "b", "B")
    first, second = reconcile("ev", [a, b]), reconcile("ev", [b, a])
    assert first.event == second.event


def test_a_copy_counts_when_its_original_does_not_report_the_event():
    ev = event("1")
    alone = reconcile("ev", [report(ev, "copy", "Aggregator", duplicate_of="original")])
    assert alone.corroboration == 1 and alone.claims[0].independent
    with_original = reconcile("ev", [report(ev, "original", "Wire"), report(ev, "copy", "Aggregator", duplicate_of="original")])
    assert with_original.corroboration == 1 and [c.independent for c in with_original.claims] == [True, False]


def test_a_description_beats_unidentified_and_a_name_beats_both():
    unidentified = event("1", actor1=Actor("Unidentified Armed Group (Nigeria)", 3), actor2=ARMY_NG)
    described = event("2", status="claimed", actor1=Actor("anti-government fighters", 2), actor2=ARMY_NG)
    named = event("3", status="claimed", actor1=ISWAP, actor2=ARMY_NG)
    two = reconcile("ev", [report(unidentified, "a", "A"), report(described, "b", "B")])
    assert two.event.actor1.name == "anti-government fighters"
    three = reconcile("ev", [report(unidentified, "a", "A"), report(described, "b", "B"), report(named, "c", "C")])
    assert three.event.actor1 == ISWAP
