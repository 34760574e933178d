"""Names written with "and" ("Jammu and Kashmir", "Trinidad and Tobago") are one place.

A lower-case "and" ends a run of capitalised words, so these names were read as two places
("Jammu", a city, and "Kashmir"), and a district "of Jammu and Kashmir" was then placed inside
the city's district. The run now reads across "and" only where the gazetteer has the whole name,
and not for names of common words only ("Central and Western", "King and Queen").
"""

from __future__ import annotations

import pytest

ONE_NAME = [
    ("Two militants were killed in an encounter in Jammu and Kashmir on Monday.", "Jammu and Kashmir", "IN", "ADM1"),
    ("Heavy rain flooded parts of Trinidad and Tobago overnight.", "Trinidad and Tobago", "TT", "PCLI"),
    ("Gunmen killed four border guards in Sistan and Baluchestan province, state media said.", "Sistan and Baluchestan", "IR", "ADM1"),
    ("Elections in Bosnia and Herzegovina were held peacefully.", "Bosnia and Herzegovina", "BA", "PCLI"),
    ("A hurricane warning was issued for Saint Vincent and the Grenadines.", "Saint Vincent and the Grenadines", "VC", "PCLI"),
]


@pytest.mark.parametrize(("text", "name", "country", "feature"), ONE_NAME, ids=[case[1] for case in ONE_NAME])
def test_a_name_written_with_and_is_one_place(geocoder, text, name, country, feature):
    mentions = geocoder.find_places(text)
    (mention,) = [m for m in mentions if name in m.text or m.text in name]
    assert mention.text == name
    assert mention.entry is not None and mention.entry.country_iso == country and mention.entry.feature == feature


def test_a_district_of_jammu_and_kashmir_is_not_placed_in_jammu(geocoder):
    mentions = geocoder.find_places("Militants ambushed an army convoy in Poonch district of Jammu and Kashmir, killing three soldiers.")
    poonch = next(m for m in mentions if m.text == "Poonch")
    assert poonch.entry is not None and poonch.entry.feature == "ADM2" and poonch.entry.latitude > 33.5


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Convoys moved between Kabul and Kandahar on Tuesday.", {"Kabul", "Kandahar"}),
        ("Storms swept across Central and Western Europe this week.", {"Western Europe"}),
        ("The King and Queen visited Windsor on Friday.", {"Windsor"}),
    ],
)
def test_other_names_joined_by_and_stay_apart(geocoder, text, names):
    assert {m.text for m in geocoder.find_places(text)} >= names
    assert not any(" and " in m.text for m in geocoder.find_places(text))
