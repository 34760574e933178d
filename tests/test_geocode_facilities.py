"""Named buildings and sites ("Holy Trinity Cathedral"): reported, placed at the article's town, never an event's place."""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder, is_organisation
from thucydides.geocode.facilities import is_facility


def _named(geocoder: Geocoder, text: str, name: str):
    return [m for m in geocoder.find_places(text) if m.text == name]


def test_a_building_is_placed_at_the_town_named_before_it(geocoder):
    text = "In Mombasa, hundreds of worshippers gathered at Holy Trinity Cathedral after the attack."
    [cathedral] = _named(geocoder, text, "Holy Trinity Cathedral")
    assert is_facility(cathedral) and cathedral.entry.name == "Mombasa"
    assert is_organisation(cathedral)  # the event extractor never codes an event at it
    assert cathedral.confidence <= 0.3


def test_a_site_before_a_connector_is_still_closed_by_its_head(geocoder):
    text = "Fans packed Kasarani Stadium as Harambee Stars beat Ghana in Nairobi."
    [stadium] = _named(geocoder, text, "Kasarani Stadium")
    assert stadium.entry.name == "Nairobi"


def test_a_building_with_no_town_in_the_article_is_reported_unplaced(geocoder):
    [prison] = _named(geocoder, "Two guards were hurt in a riot at Kamiti Maximum Prison overnight.", "Kamiti Maximum Prison")
    assert prison.entry is None


def test_a_surname_after_a_first_name_is_no_building(geocoder):
    assert not _named(geocoder, "Stuart Hall and Charlotte Church spoke in Cardiff.", "Charlotte Church")


def test_a_building_named_after_a_known_place_keeps_the_place(geocoder):
    mentions = geocoder.find_places("A rocket struck Kandahar International Airport on Sunday.")
    assert [m.text for m in mentions] == ["Kandahar"] and not is_facility(mentions[0])


def test_a_building_is_placed_at_the_largest_town_named_before_it_not_the_last_suburb(geocoder):
    text = "Police in Mombasa and later in Kilifi closed Holy Family Basilica to worshippers."
    [basilica] = _named(geocoder, text, "Holy Family Basilica")
    assert basilica.entry.name == "Mombasa"


def test_a_demonym_opening_a_quarter_is_part_of_its_name(geocoder):
    text = "Rockets fell on Jerusalem, and shops in the Armenian Quarter closed."
    [quarter] = _named(geocoder, text, "Armenian Quarter")
    assert quarter.entry.name == "Jerusalem" and not _named(geocoder, text, "Armenian")


def test_a_saints_possessive_opens_a_buildings_name(geocoder):
    text = "Gunmen attacked St Anne's Cathedral in Owo, Nigeria, during Mass."
    [cathedral] = _named(geocoder, text, "St Anne's Cathedral")
    assert cathedral.entry.name == "Owo" and not _named(geocoder, text, "St Anne")


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        ("Ferries from Mombasa to Wasini Island were suspended after the storm.", "Wasini Island", "Mombasa"),
        ("Rangers in Arusha said poachers were caught near Lake Eyasi last week.", "Lake Eyasi", "Arusha"),
    ],
)
def test_islands_and_lakes_the_gazetteer_lacks_are_sites_placed_at_the_town(geocoder, text, name, town):
    [site] = _named(geocoder, text, name)
    assert is_facility(site) and site.entry.name == town


def test_a_square_named_like_a_far_small_town_is_the_square_of_the_story(geocoder):
    # the gazetteer's Franklin Square is a village on Long Island, far from this story
    text = "Brass bands paraded through Denver on Saturday and ended the night in Franklin Square, near the river."
    [square] = _named(geocoder, text, "Franklin Square")
    assert is_facility(square) and square.entry.name == "Denver"


def test_a_square_named_like_a_town_the_story_is_about_keeps_the_town(geocoder):
    text = "Residents of Franklin Square met officials from Hempstead on Monday about the parking plan."
    [square] = _named(geocoder, text, "Franklin Square")
    assert not is_facility(square) and square.entry.admin1 == "New York"


def test_a_hotel_opened_by_its_kind_is_placed_at_the_town_named_before_it(geocoder):
    text = "Delegates arrived in Abidjan on Sunday and met at Hotel Ivoire, where the talks will be held."
    [hotel] = _named(geocoder, text, "Hotel Ivoire")
    assert is_facility(hotel) and hotel.entry.name == "Abidjan"


def test_a_lone_capitalised_article_at_the_end_of_a_text_is_no_facility(geocoder):
    places = geocoder.find_places("Hundreds marched in Nairobi on Monday to protest against The.")
    assert [m.text for m in places] == ["Nairobi"]
