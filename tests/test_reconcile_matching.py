"""When two reports are one event: actors, places, dates, families (thucydides.reconcile)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from test_store_fixtures import ARMY_NG, BOKO, ISWAP, MILITIA, event, location

from thucydides.model import Actor
from thucydides.reconcile import actors
from thucydides.reconcile.matching import SourceEvent, dates_overlap, same_event, same_place


def report(ev, article_id="a", **kwargs) -> SourceEvent:
    return SourceEvent(ev, article_id, **kwargs)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Taliban", "the Taliban"),
        ("Taliban", "Taliban fighters"),
        ("Al Shabaab", "al-Shabaab"),
        ("Military Forces of Nigeria (2015-2023)", "Military Forces of Nigeria"),
        ("Kataib Hezbollah", "Kata'ib Hizbollah"),
    ],
)
def test_same_actor_despite_spelling(first, second):
    assert actors.same_name(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Taliban", "Anti-Taliban forces"),  # "anti-Taliban" is one word: the opposite side
        ("ISIS", "ISKP"),
        ("Islamic State (West Africa)", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ],
)
def test_different_actors(first, second):
    assert not actors.same_name(first, second)


@pytest.mark.parametrize("name", ["local militia", "Anti-Taliban forces", "unidentified gunmen", "Unidentified Armed Group (Mali)"])
def test_descriptions_are_generic(name):
    assert actors.is_generic(name)


@pytest.mark.parametrize("name", ["Taliban", "National Resistance Front", "Afghan forces", "JNIM"])
def test_names_are_not_generic(name):
    assert not actors.is_generic(name)


def test_a_description_stands_for_a_named_group_of_the_same_kind():
    named = Actor("National Resistance Front", 2)
    assert actors.side_match(Actor("local militia", 3), named) == "weak"
    assert actors.side_match(Actor("anti-Taliban forces", None), named) == "weak"
    # two different named armed groups are two actors
    assert actors.side_match(Actor("ISKP", 2), Actor("Taliban", 2)) == "conflict"
    # a country's state forces are one actor however an outlet names them
    assert actors.side_match(Actor("Afghan army", 1), Actor("Military Forces of Afghanistan (2004-2021)", 1)) == "weak"
    assert actors.side_match(None, named) == "unknown"


def test_actor_pairs_line_up_in_either_order():
    assert actors.alignment((ISWAP, ARMY_NG), (ARMY_NG, ISWAP)) == "swapped"
    assert actors.alignment((ISWAP, ARMY_NG), (ISWAP, None)) == "straight"
    assert actors.alignment((ISWAP, ARMY_NG), (BOKO, ARMY_NG)) is None
    assert actors.alignment((MILITIA, BOKO), (Actor("vigilantes", None), BOKO)) == "straight"


def test_same_place_by_id_or_district():
    town, district = location("Bama"), location("Bama LGA")
    assert same_place(town, town)
    assert same_place(town, district)  # a town and the district it lies in (ADM2, precision 2)
    assert not same_place(town, location("Gwoza"))  # another district of the same state
    assert not same_place(town, None)
    # two different named towns of one district are two ACLED locations
    other_town = replace(town, geonameid=999, name="Banki", text="Banki")
    assert not same_place(town, other_town)
    # an unresolved mention with the same name and the same province
    unresolved = replace(town, geonameid=None, admin2=None)
    assert same_place(town, unresolved)


def test_transliterations_of_an_unresolved_district_do_not_merge_across_provinces():
    a = replace(location("Bama"), geonameid=None)
    b = replace(a, admin1="Yobe")
    assert not same_place(a, b)


def test_dates_within_the_window_of_their_precision():
    day = dt.date(2023, 3, 4)
    one = report(event("a", sub="Armed clash", day=day))
    assert dates_overlap(one, report(event("b", sub="Armed clash", day=day)))
    # a clash on the next day is another ACLED event…
    assert not dates_overlap(one, report(event("b", sub="Armed clash", day=day + dt.timedelta(days=1))))
    # …but a change of control dated a day apart by two outlets is the same one
    taken = report(event("a", day=day))
    assert dates_overlap(taken, report(event("b", day=day + dt.timedelta(days=1))))
    assert not dates_overlap(taken, report(event("b", day=day + dt.timedelta(days=3))))
    # a week-precise date covers the days around its midpoint
    week = report(event("b", sub="Armed clash", day=day + dt.timedelta(days=3), precision=2))
    assert dates_overlap(one, week)
    # an undated report stands for the week before its publication
    undated = report(event("b", sub="Armed clash", day=None), published=day + dt.timedelta(days=2))
    assert dates_overlap(one, undated)
    stale = report(event("b", sub="Armed clash", day=None), published=day + dt.timedelta(days=20))
    assert not dates_overlap(one, stale)


def test_same_event_needs_family_status_class_place_date_and_actors():
    base = report(event("a"))
    assert same_event(base, report(event("b", sub="Armed clash", actor1=ISWAP)))  # one family
    assert same_event(base, report(event("b", status="denied")))  # a denial is about the same event
    assert not same_event(base, report(event("b", sub="Air/drone strike")))
    assert not same_event(base, report(event("b", status="background")))
    assert not same_event(base, report(event("b", place="Gwoza")))
    assert not same_event(base, report(event("b", actor1=BOKO)))
    assert not same_event(base, report(event("b", place=None)))


def test_outlet_is_the_source_or_the_url_host():
    ev = event("a")
    assert SourceEvent(ev, "x", source="Daily Trust").outlet == SourceEvent(ev, "y", source="daily trust ").outlet
    assert SourceEvent(ev, "x", url="https://www.example.org/a").outlet == SourceEvent(ev, "y", url="http://example.org/b").outlet
    assert SourceEvent(ev, "x").outlet != SourceEvent(ev, "y").outlet
