"""An invented challenge set (tests/data/geocode_challenge.toml): news-style sentences of our own
with the classic traps of toponym resolution — namesakes across continents (Paris, Texas;
Tripoli, Lebanon; Georgia the state), people and bodies named like places ("Chad Johnson",
"Queen Victoria", "Bank of England"), demonyms, all-caps datelines, "the X province of Y",
transliteration variants (Kharkov, Dnipropetrovsk, al-Mawsil), "the Gambia", abbreviated
states ("Portland, Ore."), plural regions ("the Carolinas"). Each case states the place
expected (country "" for a region of no one country), on the real embedded gazetteer."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from thucydides.geocode import is_demonym, is_organisation

CASES = tomllib.loads((Path(__file__).parent / "data" / "geocode_challenge.toml").read_text(encoding="utf-8"))["case"]


def _id(case: dict) -> str:
    return f"{case['name']}-{case['country']}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_challenge_case(geocoder, case):
    mentions = [m for m in geocoder.find_places(case["text"]) if m.text == case["name"]]
    if case["geonameid"] == "none":
        assert not [m for m in mentions if m.entry is not None], "a person's or body's name read as a place"
        return
    assert mentions, f"{case['name']!r} not found"
    places = {(m.entry.country_iso or "", m.entry.geonameid) for m in mentions if m.entry is not None}
    assert (case["country"], case["geonameid"]) in places, places
    role = case.get("role")
    if role == "demonym":
        assert all(is_demonym(m) for m in mentions)
    elif role == "organisation":
        assert all(is_organisation(m) for m in mentions)
    else:
        assert not any(is_demonym(m) for m in mentions), "a place's own name read as a people's"


def test_the_cases_are_well_formed():
    for case in CASES:
        assert set(case) <= {"text", "name", "country", "geonameid", "role"}, case
        assert case["name"] in case["text"], case
        assert (case["country"] == "none") == (case["geonameid"] == "none"), case
        assert case.get("role") in (None, "demonym", "organisation"), case


def test_every_demonym_names_a_place(geocoder):
    # a province's people ("GB:Scotland") must name a province the gazetteer lists
    from thucydides.geocode.lexicon import lexicon

    missing = sorted({target for target in lexicon().demonyms.values() if geocoder._demonym_entry(target) is None})
    assert not missing


# ---- event places in conflict reports and ACLED-style notes (issue #4) -------------------------
# `[[event]]`: an invented passage and where its events must be coded: every event lies at one of
# `places` (country, within `km` of lat/lon, with `precision` and the mention `text` when stated),
# each of `places` gets one, and `events` says how many there are when stated. `[[toponym]]`: a
# name that must resolve in `country` within 161 km of lat/lon (GeoWebNews' tolerance).

DATA = tomllib.loads((Path(__file__).parent / "data" / "geocode_challenge.toml").read_text(encoding="utf-8"))
EVENTS = DATA.get("event", [])
TOPONYMS = DATA.get("toponym", [])


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from thucydides.geocode.resolve import distance_km

    return distance_km(lat1, lon1, lat2, lon2)


def _at(location, place: dict) -> bool:
    return (location is not None and location.latitude is not None and location.country_iso == place["country"]
            and _km(location.latitude, location.longitude, place["lat"], place["lon"]) <= place["km"]
            and place.get("text", location.text) == location.text)


@pytest.mark.parametrize("case", EVENTS, ids=[c["id"] for c in EVENTS])
def test_event_place(pipeline_events, case):
    locations = [event.location for event in pipeline_events(case)]
    found = [(loc.text, loc.name, loc.country_iso, loc.geo_precision) if loc else None for loc in locations]
    assert all(any(_at(loc, place) for place in case["places"]) for loc in locations), f"an event elsewhere: {found}"
    for place in case["places"]:
        hits = [loc for loc in locations if _at(loc, place)]
        assert hits, f"no event at {place}: {found}"
        if "precision" in place:
            assert any(loc.geo_precision == place["precision"] for loc in hits), found
    if "events" in case:
        assert len(locations) == case["events"], found


@pytest.mark.parametrize("case", TOPONYMS, ids=[c["id"] for c in TOPONYMS])
def test_toponym_near(geocoder, case):
    entries = [m.entry for m in geocoder.find_places(case["text"]) if m.text == case["name"] and m.entry is not None]
    assert any((e.country_iso or "") == case["country"] and _km(e.latitude, e.longitude, case["lat"], case["lon"]) <= 161
               for e in entries), [(e.name, e.country_iso, e.admin1) for e in entries]


def test_the_event_cases_are_well_formed():
    ids = [c["id"] for c in EVENTS + TOPONYMS]
    assert len(ids) == len(set(ids))
    for case in EVENTS:
        assert set(case) <= {"id", "published", "text", "places", "events"}, case
        assert case["places"] and all({"country", "lat", "lon", "km"} <= set(p) for p in case["places"]), case
    for case in TOPONYMS:
        assert set(case) == {"id", "text", "name", "country", "lat", "lon"} and case["name"] in case["text"], case

def test_every_region_home_is_a_country(geocoder):
    # data/regions.tsv's sixth column: a misspelt code would silently cast no vote
    from thucydides.geocode.resolve import region_homes

    countries = geocoder.gazetteer.countries()
    assert region_homes(), "no region lists its home countries"
    assert not sorted({iso for homes in region_homes().values() for iso in homes} - set(countries))


def test_a_bracketed_region_name_is_a_short_form():
    from thucydides.geocode.build import region_names

    assert region_names("Gulf of Mexico|(the Gulf)") == [("Gulf of Mexico", "name"), ("the Gulf", "short")]
    assert region_names("Dnieper|Dnipro") == [("Dnieper", "name"), ("Dnipro", "alias")]


def test_every_unit_word_is_a_kind_word_of_real_countries(geocoder):
    # data/unit_words.tsv: a word the recogniser never reads as a kind word would restrict nothing,
    # a misspelt country code would drop every candidate
    from thucydides.geocode.lexicon import lexicon
    from thucydides.geocode.resolve import unit_word_countries

    countries = geocoder.gazetteer.countries()
    assert not sorted(word for word in unit_word_countries() if word not in lexicon().kind_words)
    assert not sorted({iso for homes in unit_word_countries().values() for iso in homes} - set(countries))


def test_a_unit_word_of_few_countries_keeps_their_candidates_only():
    from thucydides.geocode.resolve import in_countries_of_unit_word
    from thucydides.model import GazetteerEntry

    def town(iso: str) -> tuple[GazetteerEntry, str]:
        return GazetteerEntry(1, "Kani", "PPL", iso, None, None, None, 0.0, 0.0), "name"

    assert in_countries_of_unit_word([town("JP"), town("MM")], "township") == [town("MM")]
    assert in_countries_of_unit_word([town("JP")], "woreda") == []
    assert in_countries_of_unit_word([town("JP")], "district") == [town("JP")]
