"""Issue #3: "X came under fire/attack from Y": Y acts (actor1), X is hit (actor2).

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
        return events_in(nlp, text, {town: entry(town, iso=iso)}, dt.date(2022, 3, 10))

    return extract


def actors(events: list[Event]) -> list[tuple[str | None, str | None]]:
    return [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events]


@pytest.mark.parametrize(
    ("text", "town", "iso", "by", "hit"),
    [
        # "from" hangs on the verb
        ("A police patrol came under fire from gunmen near Gao on Monday.", "Gao", "ML", "Unidentified Armed Group", "Police Forces of Mali"),
        # "from" hangs on the noun after "under"
        ("An army convoy came under attack from militants near Taloqan on Monday.", "Taloqan", "AF", "Unidentified Armed Group", "Military Forces of Afghanistan"),
        ("Soldiers came under attack from Taliban fighters in Taloqan on Monday.", "Taloqan", "AF", "Taliban", "Military Forces of Afghanistan"),
    ],
)
def test_who_the_fire_came_from_is_actor1(run, text, town, iso, by, hit):
    ((actor1, actor2),) = actors(run(text, town, iso))
    assert actor1 is not None and actor1.startswith(by)
    assert actor2 is not None and actor2.startswith(hit)


def test_fire_from_a_direction_names_no_attacker(run):
    # ACLED's attacker no one names: an unidentified armed group, not the direction
    ((actor1, actor2),) = actors(run("Soldiers came under fire from across the border near Taloqan on Monday.", "Taloqan", "AF"))
    assert actor1 == "Unidentified Armed Group (Afghanistan)"
    assert actor2 is not None and actor2.startswith("Military Forces of Afghanistan")


@pytest.mark.parametrize(
    ("text", "town", "iso", "expected"),
    [
        # an adjective inside the phrase ("heavy", "intense") changes nothing of what it tells
        (
            "A border post came under heavy fire from militants outside Tessalit on Monday.",
            "Tessalit", "ML", ("Armed clash", "Unidentified Armed Group (Mali)", "Military Forces of Mali"),
        ),
        (
            "Two soldiers were killed when their patrol came under heavy fire outside Ghazni city.",
            "Ghazni", "AF", ("Armed clash", "Unidentified Armed Group (Afghanistan)", "Military Forces of Afghanistan"),
        ),
        (
            "A police checkpoint came under intense fire from Taliban fighters outside Charikar on Sunday.",
            "Charikar", "AF", ("Armed clash", "Taliban", "Police Forces of Afghanistan"),
        ),
        # a participle too ("renewed", "sustained")
        (
            "A checkpoint came under renewed attack outside Beledweyne on Tuesday.",
            "Beledweyne", "SO", ("Armed clash", "Unidentified Armed Group (Somalia)", "Military Forces of Somalia"),
        ),
        # people in a bus are civilians: an attack on them
        (
            "A bus carrying villagers came under heavy fire from gunmen outside Gusau on Friday.",
            "Gusau", "NG", ("Attack", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        ),
        # a post fired on from across the border: its country's forces were hit, by no one named
        (
            "An Armenian border post came under fire from across the border near Sotk on Thursday, the defence ministry said.",
            "Sotk", "AM", ("Armed clash", "Unidentified Armed Group (Armenia)", "Military Forces of Armenia"),
        ),
        # … or by the forces holding the positions it came from
        (
            "A border post near Sotk came under fire from Azerbaijani positions across the border on Thursday.",
            "Sotk", "AM", ("Armed clash", "Military Forces of Azerbaijan", "Military Forces of Armenia"),
        ),
        (
            "A police post near Kalat came under rocket fire from army positions on Friday.",
            "Kalat", "PK", ("Shelling/artillery/missile attack", "Military Forces of Pakistan", "Police Forces of Pakistan"),
        ),
    ],
)
def test_a_post_or_patrol_under_heavy_fire_is_a_fight_at_the_town_it_lay_outside(run, text, town, iso, expected):
    (event,) = run(text, town, iso)
    sub_event_type, by, hit = expected
    assert event.sub_event_type == sub_event_type
    assert event.location is not None and event.location.text == town
    assert event.actor1 is not None and event.actor1.name.startswith(by)
    assert event.actor2 is not None and event.actor2.name.startswith(hit)


def test_an_exchange_of_intense_fire_is_a_clash(run):
    (event,) = run("An exchange of intense fire was reported near Gao on Monday.", "Gao", "ML")
    assert event.sub_event_type == "Armed clash"


def test_a_word_describing_the_phrase_itself_is_not_skipped(run):
    # "heavy casualties" (a clash cue) is no "heavy civilian casualties" of an air strike
    (event,) = run("An airstrike caused heavy civilian casualties in Idlib on Monday.", "Idlib", "SY")
    assert event.sub_event_type == "Air/drone strike"
