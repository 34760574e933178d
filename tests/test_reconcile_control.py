"""The district control timeline (thucydides.reconcile.control)."""

from __future__ import annotations

import datetime as dt

from test_store_fixtures import ARMY_NG, BOKO, ISWAP, event

from thucydides.reconcile.control import (
    ControlReport,
    ControlSource,
    ControlUnit,
    control_timeline,
    is_territorial,
    state_at,
)

BORNO = ControlUnit("ADM1", "ADM1:2346794", 2346794, "Borno", "Borno", "NG")
BAMA = ControlUnit("ADM2", "ADM2:2348772", 2348772, "Bama", "Borno", "NG", 11.45, 13.75)
GWOZA = ControlUnit("ADM2", "ADM2:2339630", 2339630, "Gwoza", "Borno", "NG")
DAY = dt.date(2023, 3, 4)


def source(article_id, outlet, status, speaker=None, event_id="e", independent=True) -> ControlSource:
    return ControlSource(article_id, outlet, None, status, speaker, event_id, independent)


def change(event_id, sources, *, unit=BAMA, day=DAY, sub="Non-state actor overtakes territory", actor1=ISWAP, actor2=ARMY_NG, place="Bama"):
    ev = event(event_id, sub=sub, actor1=actor1, actor2=actor2, day=day, place=place)
    return ControlReport(ev, unit if unit.level == "ADM2" else None, BORNO, tuple(sources))


def districts(records):
    return [r for r in records if r.level == "ADM2"]


def test_a_neutral_report_is_an_assessed_control():
    records = control_timeline([change("e1", [source("a", "Reuters", "reported")])])
    (bama,) = districts(records)
    assert (bama.state, bama.controller, bama.basis, bama.date) == ("controlled", ISWAP.name, "assessed", DAY)
    assert bama.event_ids == ("e1",)


def test_one_sides_word_is_a_claim_and_a_denial_makes_it_contested():
    claimed = control_timeline([change("e1", [source("a", "Amaq", "claimed", "ISWAP statement")])])
    assert (districts(claimed)[0].state, districts(claimed)[0].basis) == ("controlled", "claimed")
    disputed = control_timeline([change("e1", [
        source("a", "Amaq", "claimed", "ISWAP statement"),
        source("b", "Premium Times", "denied", "army spokesman"),
    ])])
    bama = districts(disputed)[0]
    assert (bama.state, bama.controller, bama.basis) == ("contested", None, "claimed")
    assert [s.status for s in bama.sources] == ["claimed", "denied"]  # both claims kept


def test_independent_outlets_quoting_different_people_make_it_assessed():
    records = control_timeline([change("e1", [
        source("a", "Outlet A", "claimed", "ISWAP statement"),
        source("b", "Outlet B", "claimed", "local residents"),
        source("c", "Outlet C", "denied", "army spokesman"),
    ])])
    bama = districts(records)[0]
    assert (bama.state, bama.controller, bama.basis) == ("controlled", ISWAP.name, "assessed")


def test_copies_of_one_claim_stay_a_claim():
    records = control_timeline([change("e1", [
        source("a", "Outlet A", "claimed", "ISWAP statement"),
        source("b", "Outlet B", "claimed", "ISWAP statement", independent=False),
    ])])
    assert districts(records)[0].basis == "claimed"


def test_a_lone_denial_says_the_loser_still_holds_it():
    records = control_timeline([change("e1", [source("b", "Premium Times", "denied", "army spokesman")])])
    bama = districts(records)[0]
    assert (bama.state, bama.controller, bama.basis) == ("controlled", ARMY_NG.name, "claimed")


def test_timeline_is_a_sequence_of_states_by_date():
    taken = change("e1", [source("a", "A", "reported")], day=DAY)
    retaken = change(
        "e2", [source("b", "B", "reported")], day=DAY + dt.timedelta(days=10),
        sub="Government regains territory", actor1=ARMY_NG, actor2=ISWAP,
    )
    records = districts(control_timeline([retaken, taken]))
    assert [(r.date, r.controller) for r in records] == [(DAY, ISWAP.name), (DAY + dt.timedelta(days=10), ARMY_NG.name)]
    assert [r.controller for r in state_at(records, DAY + dt.timedelta(days=5))] == [ISWAP.name]
    assert [r.controller for r in state_at(records, DAY + dt.timedelta(days=10))] == [ARMY_NG.name]
    assert state_at(records, DAY - dt.timedelta(days=1)) == []


def test_two_sides_taking_one_district_on_one_day_is_contested():
    records = districts(control_timeline([
        change("e1", [source("a", "A", "reported")], actor1=ISWAP),
        change("e2", [source("b", "B", "reported")], actor1=BOKO),
    ]))
    assert [(r.state, r.controller, r.event_ids) for r in records] == [("contested", None, ("e1", "e2"))]


def test_a_province_is_contested_when_its_districts_change_hands():
    records = control_timeline([
        change("e1", [source("a", "A", "reported")], unit=BAMA),
        change("e2", [source("b", "B", "reported")], unit=GWOZA, place="Gwoza", day=DAY + dt.timedelta(days=2)),
    ])
    provinces = [r for r in records if r.level == "ADM1"]
    assert [(r.name, r.state, r.date) for r in provinces] == [("Borno", "contested", DAY), ("Borno", "contested", DAY + dt.timedelta(days=2))]
    assert [r.name for r in districts(records)] == ["Bama", "Gwoza"]


def test_an_event_at_the_province_sets_the_provinces_state():
    whole = change("e1", [source("a", "A", "reported")], unit=BORNO, place="Borno")
    records = control_timeline([whole])
    assert [(r.level, r.state, r.controller) for r in records] == [("ADM1", "controlled", ISWAP.name)]


def test_only_territorial_events_make_the_timeline():
    assert not is_territorial(event("x", sub="Armed clash"))
    assert is_territorial(event("x", sub="Non-violent transfer of territory"))
    assert control_timeline([change("e1", [source("a", "A", "reported")], sub="Armed clash")]) == []
