"""Points of natural features and large regions, and readings of bare names shared by a unit and a town."""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder
from thucydides.geocode.resolve import distance_km


def _mention(geocoder: Geocoder, text: str, name: str):
    found = [m for m in geocoder.find_places(text) if m.text == name]
    assert found and found[0].entry is not None, f"{name!r} not resolved in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "mouth"),
    [
        ("Barges were stuck on the Danube after the drought in Hungary.", "Danube", (45.2, 29.7)),
        ("Fishermen on the Mekong say dams upstream in Laos starve the river.", "Mekong", (9.6, 106.5)),
        ("Farmers in Karnataka and Tamil Nadu quarrel over the waters of the Cauvery.", "Cauvery", (11.14, 79.86)),
    ],
)
def test_a_river_is_placed_at_its_mouth_as_geonames_places_streams(geocoder, text, name, mouth):
    entry = _mention(geocoder, text, name).entry
    assert entry.feature == "STM"
    assert distance_km(entry.latitude, entry.longitude, *mouth) < 50


def test_the_rainforest_is_not_placed_at_the_river_mouth(geocoder):
    entry = _mention(geocoder, "Loggers cleared more of Amazonia in Brazil this year.", "Amazonia").entry
    assert entry.feature == "RGN" and entry.latitude < -1


def test_a_bare_province_name_is_not_a_village_of_that_name_elsewhere_in_the_country(geocoder):
    # Florida is also a village of New York state: naming New York beside it does not make it so
    text = "After the blizzard in Rochester, New York, thousands of retirees moved to Florida for the winter."
    entry = _mention(geocoder, text, "Florida").entry
    assert entry.feature == "ADM1" and entry.country_iso == "US"


def test_a_town_of_a_province_name_still_counts_when_called_a_town(geocoder):
    text = "The town of Florida in Orange County, New York, flooded after the storm."
    assert _mention(geocoder, text, "Florida").entry.feature.startswith("PPL")


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        ("Ferries to Oahu were cancelled as the hurricane neared Hawaii.", "Oahu", "ISL"),
        ("Wildfires forced tourists off Mallorca in Spain.", "Mallorca", "ISL"),
        ("Hospitals across the East of England cancelled operations.", "East of England", "RGN"),
    ],
)
def test_islands_and_regions_the_embedded_gazetteer_adds(geocoder, text, name, feature):
    assert _mention(geocoder, text, name).entry.feature == feature


def test_a_title_then_a_comma_names_the_body_not_a_person(geocoder):
    # "Chairman, Niger Delta …": the title is of the body named after the comma
    text = "The Chairman, Niger Delta Peace Forum, Ebi Tonye, called for talks with the militants."
    assert _mention(geocoder, text, "Niger Delta").entry.feature == "RGN"


def test_a_title_right_before_a_name_still_makes_it_a_person(geocoder):
    assert not [m for m in geocoder.find_places("Senator Kaduna Bello spoke in Abuja.") if m.text == "Kaduna"]


def _town(geonameid: int, country: str, population: int):
    from thucydides.model import GazetteerEntry

    return GazetteerEntry(geonameid=geonameid, name="Kingsbridge", feature="PPL", country_iso=country,
                          country=country, admin1=None, admin2=None, latitude=10.0, longitude=10.0,
                          population=population)


def test_a_city_several_times_larger_than_its_namesakes_in_the_articles_countries_wins():
    from thucydides.geocode.resolve import Context, choose

    # the city (AA, 200,000) is 8 times the largest namesake of the other focus country; a third
    # namesake abroad (CC, 150,000) is no rival the focus could favour
    city, small, abroad = _town(1, "AA", 200_000), _town(2, "BB", 25_000), _town(3, "CC", 150_000)
    context = Context(focus={"AA": 0.5, "BB": 1.0}, named_admin1={})
    choice, _ = choose([(small, "name"), (abroad, "name"), (city, "name")], None, context)
    assert choice.entry.geonameid == 1 and "largest town of its name" in choice.why


def test_a_city_only_a_few_times_larger_leaves_the_focus_to_decide():
    from thucydides.geocode.resolve import Context, choose

    city, small = _town(1, "AA", 200_000), _town(2, "BB", 50_000)
    choice, _ = choose([(small, "name"), (city, "name")], None, Context(focus={"AA": 0.5, "BB": 1.0}, named_admin1={}))
    assert choice.entry.geonameid == 2


def test_a_bracket_after_a_title_still_abbreviates_the_title(geocoder):
    text = "A bomb hit the car of the Afgooye District Commissioner (DC) in Lower Shabelle."
    assert not [m for m in geocoder.find_places(text) if m.text == "DC"]


@pytest.mark.parametrize(
    ("text", "name", "geonameid"),
    [
        ("Oil prices rose as tension spread across the Middle East this week.", "Middle East", 6269133),
        ("Caravans of Central American migrants reached the border at Tijuana.", "Central American", 7729892),
        ("Typhoons form over the warm western Pacific in late summer.", "Pacific", 2363254),
    ],
)
def test_regions_with_a_geonames_id_are_at_its_point(geocoder, text, name, geonameid):
    assert _mention(geocoder, text, name).entry.geonameid == geonameid


def test_a_big_town_abroad_gets_no_namesake_bonus_over_a_unit_of_the_articles_country():
    from dataclasses import replace

    from thucydides.geocode.resolve import Context, choose

    county = replace(_town(1, "AA", 300_000), feature="ADM2")
    city, village = _town(2, "BB", 500_000), _town(3, "CC", 1_000)
    choice, _ = choose([(city, "name"), (village, "name"), (county, "name")], None, Context(focus={"AA": 1.0}, named_admin1={}))
    assert choice.entry.geonameid == 1


def test_a_compass_word_before_the_us_names_the_country_like_before_any_country(geocoder):
    entry = _mention(geocoder, "Wildfires raged across the Western US this summer.", "Western US").entry
    assert entry.feature == "PCLI" and entry.country_iso == "US"
