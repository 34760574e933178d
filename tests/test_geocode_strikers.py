"""The side that strikes says who acts, not where: "Russians pound Kupiansk", "Russia shelled
…", "Russian shelling hit …". Its country gets no vote for the article's countries, so a town
spelt otherwise than in the gazetteer ("Kupiansk" for Kupyansk) is not looked for in the
attacker's country only (where it matched a district of Novosibirsk). Sentences written for
these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import extract_events
from thucydides.model import Article


def resolved(geocoder, text: str, name: str):
    [found] = [m for m in geocoder.find_places(text) if m.text == name]
    return found.entry


@pytest.mark.parametrize(
    "text",
    [
        "Russians pound Kupiansk overnight",
        "Russians shell Kupiansk overnight",
        "Russia shelled Kupiansk overnight, the governor said.",
        "Russian shelling hit Kupiansk overnight.",
    ],
)
def test_a_town_struck_by_a_foreign_side_is_not_looked_for_in_its_country(geocoder, text):
    entry = resolved(geocoder, text, "Kupiansk")
    assert entry is not None and (entry.name, entry.country_iso) == ("Kupyansk", "UA")


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        # the side named as such, not striking, still tells the article's country
        ("Russian officials visited Kupino on Monday.", "Kupino", "RU"),
        # a side striking a place it names itself: the place resolves by its own name
        ("Ukrainian drones hit Belgorod overnight.", "Belgorod", "RU"),
        # a side striking at home: a name found nowhere else is still looked for in its country
        ("Nigerian airstrikes hit Malam Fatori on Monday.", "Malam Fatori", "NG"),
        ("Pakistani shelling killed two people in Kotly on Monday.", "Kotly", "PK"),
    ],
)
def test_a_side_not_striking_still_counts_and_named_places_resolve(geocoder, text, name, iso):
    entry = resolved(geocoder, text, name)
    assert entry is not None and entry.country_iso == iso


@pytest.mark.parametrize(
    "text",
    [
        "Russians pound Kupiansk overnight. Two civilians were killed, the governor said.",
        "Russians shelled Kupiansk overnight, the governor said.",
    ],
)
def test_a_people_pounding_a_town_is_its_countrys_forces_shelling_it(geocoder, nlp, text):
    doc = nlp(text)
    places = geocoder.find_places(text, doc)
    (event,) = extract_events(Article(id="strikers", text=text, published=dt.date(2024, 3, 4)), doc, places)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.location is not None and event.location.country_iso == "UA"
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of Russia")


def test_money_in_pounds_is_no_shelling(geocoder, nlp):
    text = "Gunmen robbed a shop owner of 500,000 Syrian pounds in Aleppo on Monday."
    doc = nlp(text)
    events = extract_events(Article(id="money", text=text, published=dt.date(2024, 3, 4)), doc, geocoder.find_places(text, doc))
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


def test_a_people_firing_a_weapon_is_not_named_a_states_forces(geocoder, nlp):
    # who fired the rockets the text does not say: not "Military Forces of" the people's country
    text = "Palestinians fired rockets at Sderot on Monday."
    doc = nlp(text)
    events = extract_events(Article(id="rockets", text=text, published=dt.date(2024, 3, 4)), doc, geocoder.find_places(text, doc))
    assert events and all(e.actor1 is None or not e.actor1.name.startswith("Military Forces") for e in events)
