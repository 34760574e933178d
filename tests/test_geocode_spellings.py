"""Spelling variants the geocoder accepts only with the text's support (issue #4).
Sentences of our own; the real embedded gazetteer."""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder


def resolved(geocoder: Geocoder, text: str, name: str):
    return [m.entry for m in geocoder.find_places(text) if m.text == name and m.entry is not None]


def test_a_garbled_name_is_its_skeleton_namesake_in_the_unit_named_beside_it(geocoder):
    # the vowels are too far off for the edit-similarity floor; the consonants and the
    # province in brackets together identify the city
    [entry] = resolved(geocoder, "Gunmen killed two men in Mizor Shoraf (Balkh) on Monday.", "Mizor Shoraf")
    assert entry.name == "Mazār-e Sharīf"


def test_a_garbled_name_without_its_unit_is_not_matched(geocoder):
    assert resolved(geocoder, "Gunmen killed two men in Mizor Shoraf on Monday, Afghan police said.", "Mizor Shoraf") == []


def test_a_village_at_home_beats_a_larger_namesake_abroad(geocoder):
    # the Iraqi town is larger, but the report's other names are Syrian: a small place abroad
    # would be reported unresolved while the name is also a Syrian village
    [entry] = resolved(geocoder, "Shelling hit farms near Sinjar and Salamiyah in Hama on Tuesday.", "Sinjar")
    assert entry.country_iso == "SY"


def test_a_word_glued_after_a_found_name_is_no_spelling_of_another_place(geocoder):
    # "Satu" ("one") ends the subdistrict's name; read alone it was a town 1,300 km away
    text = "Police raided a house in Kuala Tungkal Satu subdistrict, Tanjung Jabung Barat, Jambi."
    assert resolved(geocoder, text, "Satu") == []
    assert [e.name for e in resolved(geocoder, text, "Kuala Tungkal")] == ["Kuala Tungkal"]


@pytest.mark.parametrize(("text", "name", "province"), [
    # the only country evidence is a foreign people's: a province abroad is still found, spelt
    # with other vowels or with a three-letter skeleton
    ("Turkish troops set up two new posts in Edlib on Friday.", "Edlib", "Idlib"),
    ("Russian military police patrolled near Tal Tamr in al-Hasakeh.", "al-Hasakeh", "Al Ḩasakah"),
])
def test_a_province_spelt_otherwise_when_the_text_names_only_peoples(geocoder, text, name, province):
    [entry] = resolved(geocoder, text, name)
    assert entry.name == province and entry.feature == "ADM1"


def test_no_province_abroad_for_a_village_named_beside_its_own_province(geocoder):
    # the text names a Somali province: an unknown neighbourhood is no Moldovan province
    text = "Gunmen attacked a hotel in Bundheri (Banaadir)."
    assert [e.country_iso for e in resolved(geocoder, text, "Bundheri")] in ([], ["SO"])


@pytest.mark.parametrize("text", [
    "Lebanese soldiers clashed with protesters in Tripoli on Monday.",
    "A bomb damaged a bank in Tripoli. Lebanese police said nobody was hurt.",
])
def test_a_city_at_home_beats_a_larger_namesake_abroad_that_votes_for_itself(geocoder, text):
    [entry] = resolved(geocoder, text, "Tripoli")
    assert entry.country_iso == "LB"


def test_a_city_that_dwarfs_its_namesakes_keeps_its_reading(geocoder):
    # London is over twenty times larger than London, Ontario: a Canadian people's name is not enough
    [entry] = resolved(geocoder, "Canadian fans flew to London for the final.", "London")
    assert entry.country_iso == "GB"
