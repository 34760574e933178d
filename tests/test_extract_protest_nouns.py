"""Protests told with a noun ("staged a march", "held a vigil") and protests with a purpose
("to reject the new law"), issue #3. Sentences written for the tests (Peru, Bolivia, Kenya);
none is a gold article's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import extract_events, lexicon
from thucydides.model import Article, GazetteerEntry, PlaceMention
from thucydides.prefilter import first_conflict_term, skip_reason


def entry(name: str, iso: str) -> GazetteerEntry:
    return GazetteerEntry(geonameid=abs(hash(name)) % 10**7, name=name, feature="PPL", country_iso=iso, country=None, admin1=None, admin2=None, latitude=-13.5, longitude=-71.9)


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, place: str, iso: str = "PE"):
        start = text.index(place)
        places = [PlaceMention(place, start, start + len(place), entry(place, iso))]
        return extract_events(Article(id="protest-noun-test", text=text, published=dt.date(2021, 6, 7)), nlp(text), places)

    return extract


NOUN_PROTESTS = [
    "Street vendors held a march in Cusco on Saturday against the closure of the old market.",
    "Hundreds of street vendors staged a march in Cusco, Peru on Saturday.",
    "On 5 June 2021, in Cusco, street vendors staged a march against the new fees.",
    "Nurses held a rally in Cusco on Saturday to demand higher wages.",
    "Nurses staged a sit-in in Cusco on Saturday against the hospital closure.",
    "Students organised a demonstration in Cusco on Saturday against the tuition rise.",
    "Families held a vigil in Cusco on Saturday for the missing fishermen.",
    "A funeral march for the slain teacher was held in Cusco on Saturday.",
]


@pytest.mark.parametrize("text", NOUN_PROTESTS)
def test_a_protest_told_with_a_noun_passes_the_prefilter(text):
    # the noun "march" never reached the parser: the prefilter left out the month "March"
    assert skip_reason(Article(id="x", text=text)) is None


@pytest.mark.parametrize("text", NOUN_PROTESTS)
def test_a_protest_told_with_a_noun_is_a_peaceful_protest(run, text):
    (event,) = run(text, "Cusco")
    assert (event.sub_event_type, event.status) == ("Peaceful protest", "reported")


def test_every_protest_word_of_the_extractor_passes_the_prefilter():
    lex = lexicon.cues()
    rules = {rule for rules in lex.by_first_word.values() for rule in rules}
    protest = [r for r in rules if r.category == "protest" and r.strength >= 1 and not r.with_words]
    missed = [r.words for r in protest if first_conflict_term(f"Traders held a {' '.join(r.words)} in the town.") is None]
    assert protest and not missed


def test_the_month_march_is_still_no_protest(run):
    assert first_conflict_term("The museum in Lima opens a new wing of colonial paintings in March.") is None
    assert run("On 8 March, police said the traders met officials in Cusco to discuss the new fees.", "Cusco") == []


@pytest.mark.parametrize(
    "text",
    [
        "Neighbours in Cusco held a pot-banging protest on Saturday against the closure of the clinic and to reject the new water tariff.",
        "Teachers marched in Cusco on Saturday to reject the new evaluation law.",
        "Hundreds of farmers rallied in Cusco on Saturday to demand water and to deny the company a permit.",
        "Women held a vigil in Cusco on Saturday and rejected the new mining law.",
    ],
)
def test_a_protest_to_reject_a_measure_is_no_denial(run, text):
    (event,) = run(text, "Cusco")
    assert (event.sub_event_type, event.status) == ("Peaceful protest", "reported")


def test_what_a_protest_rejects_is_its_grievance(run):
    (event,) = run("Students marched in Sucre on Saturday to reject the killing of a miner by police.", "Sucre", "BO")
    assert (event.sub_event_type, event.status) == ("Peaceful protest", "reported")


@pytest.mark.parametrize(
    "text",
    [
        "The police denied that officers fired on protesters in Kisumu on Saturday.",
        "The ministry was quick to deny that police fired on protesters in Kisumu on Saturday.",
        "The ministry issued a statement on Saturday to deny reports that police fired on protesters in Kisumu.",
    ],
)
def test_a_speaker_denying_a_report_still_makes_it_denied(run, text):
    (event,) = run(text, "Kisumu", "KE")
    assert event.status == "denied"
