"""A convoy moving is a force moving ("Change to group/activity", taxonomy.md: a group "moves or
masses forces") only when it is a force's: a convoy of goods, aid or civilians crossing a border
or entering a town is no event, and the people in it are civilians.

Invented reports; places given by hand (see test_extract_events.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_extract_events import entry, events_in

DAY = dt.date(2024, 3, 6)


@pytest.mark.parametrize(
    "text",
    [
        "A convoy of 40 trucks carrying food crossed the border from Chad into Geneina on Wednesday, the UN said.",
        "A second convoy of commercial lorries entered Geneina through the Adre crossing on Wednesday.",
        "An aid convoy crossed into Geneina on Wednesday.",
        "Fuel tankers arrived in Geneina on Wednesday after a week on the road.",
    ],
)
def test_a_convoy_of_goods_or_aid_moving_is_no_event(nlp, text):
    places = {"Geneina": entry("Geneina", iso="SD"), "Adre": entry("Adre", iso="TD"), "Chad": entry("Chad", "PCLI", iso="TD")}
    assert events_in(nlp, text, places, DAY) == []


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("A Turkish military convoy entered Sarmada through the Atmeh crossing on Wednesday.", "Military Forces of Turkey"),
        ("A convoy of trucks carrying soldiers arrived in Sarmada on Wednesday.", "Military Forces of Syria"),
        ("A convoy of armoured vehicles moved into Sarmada on Wednesday.", "Military Forces of Syria"),
    ],
)
def test_a_forces_convoy_moving_in_is_a_change_to_its_activity(nlp, text, force):
    (event,) = events_in(nlp, text, {"Sarmada": entry("Sarmada", iso="SY")}, DAY)
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1 is not None and event.actor1.name.startswith(force)
    assert event.actor2 is None


def test_the_people_of_an_aid_convoy_attacked_are_civilians(nlp):
    text = "Gunmen attacked an aid convoy near Gao on Sunday, killing two drivers."
    (event,) = events_in(nlp, text, {"Gao": entry("Gao", iso="ML")}, DAY)
    assert event.sub_event_type == "Attack"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Mali)"


def test_a_peacekeeping_or_escorted_convoy_attacked_is_a_fight(nlp):
    for text in ("A UN peacekeeping convoy came under fire near Bentiu on Monday.",
                 "An aid convoy escorted by soldiers was ambushed near Bentiu on Monday."):
        (event,) = events_in(nlp, text, {"Bentiu": entry("Bentiu", iso="SS")}, DAY)
        assert event.sub_event_type == "Armed clash", text
