"""Three extraction bugs: whose patrol was hit, who set off an unclaimed bomb, what a transfer of
territory needs.

Invented reports; places given by hand (see test_extract_events.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.model import Event

from test_extract_events import entry, events_in


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, town: str, iso: str) -> list[Event]:
        return events_in(nlp, text, {town: entry(town, iso=iso)}, dt.date(2024, 9, 20))

    return extract


def actors(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.sub_event_type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events]


# --- 1. a police convoy or patrol is the police ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents ambushed a police convoy near Taloqan on Wednesday, killing four officers.",
        "Gunmen attacked a police patrol in Taloqan on Wednesday.",
        "A police patrol was attacked in Taloqan on Wednesday.",
        "A police patrol came under attack in Taloqan on Wednesday.",  # the subject is hit
    ],
)
def test_a_police_convoy_or_patrol_attacked_is_the_police(run, text):
    ((kind, _, actor2),) = actors(run(text, "Taloqan", "AF"))
    assert kind == "Armed clash" and actor2 is not None and actor2.startswith("Police Forces of Afghanistan")


def test_soldiers_who_came_under_attack_are_its_target(run):
    ((_, actor1, actor2),) = actors(run("Soldiers came under attack in Taloqan on Wednesday.", "Taloqan", "AF"))
    # the attackers no one names are ACLED's unidentified armed group, never the soldiers
    assert actor1 == "Unidentified Armed Group (Afghanistan)"
    assert actor2 is not None and actor2.startswith("Military Forces of Afghanistan")


def test_an_army_patrol_is_still_the_military(run):
    ((_, _, actor2),) = actors(run("Gunmen attacked an army patrol in Taloqan on Wednesday.", "Taloqan", "AF"))
    assert actor2 is not None and actor2.startswith("Military Forces of Afghanistan")


# --- 2. the forces who respond to an unclaimed bomb did not set it off --------------------------


@pytest.mark.parametrize(
    "after",
    [
        "Soldiers cordoned off the area after the blast and searched nearby houses.",  # the time of their deed
        "Soldiers cordoned off the site of the explosion.",  # the place of their deed
        "Soldiers sealed off the neighbourhood and searched nearby houses.",  # right before the fix too
    ],
)
def test_an_unclaimed_roadside_bomb_is_set_off_by_an_unidentified_group(run, after):
    text = f"A roadside bomb exploded near a market in Mandera on Thursday, killing two. {after}"
    ((kind, actor1, _),) = actors(run(text, "Mandera", "KE"))
    assert (kind, actor1) == ("Remote explosive/landmine/IED", "Unidentified Armed Group (Kenya)")


# --- 3. a transfer of territory needs a party taking a place --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Forty trucks entered Syrian territory near Tal Abyad on Saturday.",  # a country's territory
        "Forty trucks entered the town of Tal Abyad on Saturday.",  # vehicles take no place
        "Aid trucks moved into the town of Tal Abyad on Saturday.",
    ],
)
def test_vehicles_entering_a_territory_are_no_transfer_of_territory(run, text):
    assert not any(e.sub_event_type == "Non-violent transfer of territory" for e in run(text, "Tal Abyad", "SY"))


def test_fighters_entering_a_town_still_take_it(run):
    events = run("Rebel fighters entered the town of Tal Abyad on Saturday and raised their flag.", "Tal Abyad", "SY")
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"]
