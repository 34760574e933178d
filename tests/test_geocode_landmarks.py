"""Landmarks known by a bare name ("the Kremlin", "landed at Heathrow") and one-word buildings
("the state Capitol"): placed at their town, over the small towns spelt like them."""

from __future__ import annotations

from thucydides.geocode import Geocoder, is_organisation
from thucydides.geocode.facilities import is_facility
from thucydides.geocode.lexicon import lexicon


def _named(geocoder: Geocoder, text: str, name: str):
    return [m for m in geocoder.find_places(text) if m.text == name]


def test_a_bare_landmark_is_placed_at_its_town_not_at_a_small_namesake(geocoder):
    # the gazetteer's only White House is a town in Tennessee
    text = "Senators from Ohio and Georgia met aides at the White House on Tuesday, the governor said."
    [house] = _named(geocoder, text, "White House")
    assert house.entry.name == "Washington" and house.entry.feature == "PPLC"
    assert is_facility(house) and is_organisation(house)  # never an event's location


def test_a_landmark_the_gazetteer_lacks_is_found(geocoder):
    text = "The Kremlin said on Monday that the talks with Finland would resume next month."
    [kremlin] = _named(geocoder, text, "Kremlin")
    assert kremlin.entry.name == "Moscow"


def test_an_airport_named_bare_after_a_possessive(geocoder):
    # Heathrow's only gazetteer namesake is a village in Florida
    text = "Some 4,000 parrots passed through Heathrow's quarantine unit last year, Florida breeders said."
    [airport] = _named(geocoder, text, "Heathrow")
    assert airport.entry.name == "London" and airport.entry.country_iso == "GB"


def test_a_facility_name_with_a_landmark_inside_is_placed_at_the_landmark_town(geocoder):
    # the largest town named before it is Vienna, Austria: the landmark says where the airport is
    text = "The delegation left Vienna on Monday and landed at Gatwick Airport in the evening."
    [airport] = _named(geocoder, text, "Gatwick Airport")
    assert airport.entry.name == "Crawley"


def test_the_state_capitol_stands_in_the_town_of_the_story_not_in_a_town_spelt_like_it(geocoder):
    text = "DENVER (AP) — Hundreds of nurses rallied outside the state Capitol on Friday, demanding higher pay."
    [capitol] = _named(geocoder, text, "Capitol")
    assert capitol.entry.name == "Denver" and is_facility(capitol)


def test_a_longer_place_name_is_no_landmark(geocoder):
    text = "Police in Capitol Heights, Maryland, arrested two men on Sunday."
    assert not _named(geocoder, text, "Capitol")


def test_every_landmark_town_is_in_the_embedded_gazetteer(geocoder):
    assert set(geocoder._landmark_towns(lexicon())) == set(lexicon().landmarks)
