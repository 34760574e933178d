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
    ((actor1, actor2),) = actors(run("Soldiers came under fire from across the border near Taloqan on Monday.", "Taloqan", "AF"))
    assert actor1 is None and actor2 is not None and actor2.startswith("Military Forces of Afghanistan")
