"""ACLED's conventions for naming actor1 and actor2, through the whole pipeline (parse, real
geocoder, extraction), on invented notes and wire-style snippets: the cases are data,
tests/data/actor_conventions.toml.

Each case gives the actors every event of its snippet must have (ACLED's names, compared
without period tags: "Police Forces of India" for "Police Forces of India (2014-)"); "" wants no
actor. Written for these tests about places and groups no gold note is about; held-out ACLED
notes from other months and countries are scored the same way.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from thucydides.model import Actor, Article, without_period

CASES = tomllib.loads((Path(__file__).parent / "data" / "actor_conventions.toml").read_text(encoding="utf-8"))["case"]


def _name(actor: Actor | None) -> str:
    return "" if actor is None else without_period(actor.name)


@pytest.fixture(scope="module")
def run(nlp, geocoder):
    from thucydides.pipeline import process_article

    def events(case: dict):
        article = Article(id="actor-conventions", text=case["text"], published=dt.date.fromisoformat(case["published"]))
        return process_article(article, nlp=nlp, geocoder=geocoder).events

    return events


def test_every_convention_has_cases():
    assert {case["convention"] for case in CASES} == {"named group", "gang", "party", "country of", "roles", "communal"}


@pytest.mark.parametrize("case", CASES, ids=[f"{case['convention']}: {case['text'][:50]}" for case in CASES])
def test_a_snippet_names_its_actors_as_acled_does(run, case):
    events = run(case)
    assert events, "no event"
    got = {(_name(e.actor1), _name(e.actor2)) for e in events}
    expected = (case["actor1"], case.get("actor2", None))
    if expected[1] is None:
        assert {a1 for a1, _ in got} == {expected[0]}
    else:
        assert got == {expected}
