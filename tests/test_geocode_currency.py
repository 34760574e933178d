"""A currency names money, not a place (issue #4): "US dollars", "the Lebanese pound".

A country or its adjective right before a currency word must not make that country one the
article is about: no focus vote, no home country, no event place. Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import extract_events
from thucydides.extract.places import home_countries
from thucydides.extract.sentences import sentences_of
from thucydides.geocode import Geocoder, is_currency, is_demonym
from thucydides.model import Article


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    from thucydides.config import load_settings

    return Geocoder(settings=load_settings())


def mention(geocoder: Geocoder, text: str, name: str):
    [found] = [m for m in geocoder.find_places(text) if m.text == name]
    return found


@pytest.mark.parametrize("town", ["Jericho", "Bethlehem", "Athens"])
def test_dollars_do_not_pull_a_town_to_the_united_states(geocoder, town):
    text = f"Gunmen robbed a money changer in {town} on Monday, taking 5,000 US dollars."
    assert mention(geocoder, text, town).entry.country_iso != "US"


@pytest.mark.parametrize(("text", "name", "iso"), [
    ("The Egyptian pound fell against the U.S. dollar on Sunday.", "U.S.", "US"),
    ("The Egyptian pound fell against the U.S. dollar on Sunday.", "Egyptian", "EG"),
    ("Smugglers were caught with 40,000 Iraqi dinars.", "Iraqi", "IQ"),
    ("Bread costs 12 Turkish Lira in the camp.", "Turkish", "TR"),
])
def test_a_country_naming_money_is_a_currency_mention(geocoder, text, name, iso):
    found = mention(geocoder, text, name)
    assert found.entry.country_iso == iso and is_currency(found) and is_demonym(found)


@pytest.mark.parametrize(("text", "name"), [
    ("Israel pounds Gaza as truce talks stall.", "Israel"),  # the verb, not the money
    ("Russians pound the town from the east.", "Russians"),
    ("The fund sent $2 million in US aid to the region.", "US"),  # aid is no currency
])
def test_a_country_before_a_verb_or_other_noun_stays_a_country(geocoder, text, name):
    assert not is_currency(mention(geocoder, text, name))


def test_a_protest_about_the_exchange_rate_is_not_coded_at_the_currencys_capital(geocoder, nlp):
    text = ("Protesters blocked roads in Kfar Remman on Tuesday as the Lebanese pound hit a new low "
            "against the US dollar.")
    doc = nlp(text)
    article = Article(id="currency", text=text, published=dt.date(2024, 3, 5))
    places = geocoder.find_places(text, doc)
    assert home_countries(sentences_of(text, doc, places)) == []
    events = extract_events(article, doc, places)
    assert events and all(e.location is None or e.location.country_iso != "US" for e in events)


@pytest.mark.parametrize(("text", "name", "iso"), [
    ("Thieves stole 3 million Lebanese pounds from a shop in Kfarkela.", "Kfarkela", "LB"),
    ("Robbers took 40,000 Egyptian pounds from a farmer in Dayrout.", "Dayrout", "EG"),
    ("Kidnappers demanded 20 million Syrian pounds for a man seized in Maarat Misrin.", "Maarat Misrin", "SY"),
])
def test_a_village_spelt_otherwise_is_looked_for_in_the_country_of_the_money(geocoder, text, name, iso):
    # the currency chooses no namesake and places no event, but money told in a country's pounds
    # is weak evidence of where the story is: a name no entry is spelt like is looked for there
    found = mention(geocoder, text, name)
    assert found.entry is not None and found.entry.country_iso == iso


def test_the_money_alone_places_no_event_at_its_capital(geocoder, nlp):
    text = "Thieves stole 3 million Lebanese pounds from a shop in Kfarkela on Monday."
    doc = nlp(text)
    places = geocoder.find_places(text, doc)
    events = extract_events(Article(id="pounds", text=text, published=dt.date(2024, 3, 5)), doc, places)
    assert [e.location.text for e in events if e.location] == ["Kfarkela"]
