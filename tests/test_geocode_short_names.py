"""Short names whose transliteration skeleton has two letters ("Gazza" for Gaza): matched with a
weak cue ("in X") only to a city of 100,000+ of the article's main country spelt nearly the same.

Sentences of our own; the real embedded gazetteer.
"""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder


def resolved(geocoder: Geocoder, text: str, name: str):
    return [m.entry for m in geocoder.find_places(text) if m.text == name and m.entry is not None]


@pytest.mark.parametrize(("text", "name", "city", "iso"), [
    ("Protesters marched in Gazza on Friday, Palestinian officials said.", "Gazza", "Gaza", "PS"),
    ("Houthi forces arrested 12 journalists in Sannaa on Monday, Yemen's government said.", "Sannaa", "Sanaa", "YE"),
])
def test_a_big_city_spelt_nearly_the_same_is_found_after_in(geocoder, text, name, city, iso):
    [entry] = resolved(geocoder, text, name)
    assert entry.name == city and entry.country_iso == iso


def test_a_village_spelt_nearly_the_same_is_not_taken_after_in(geocoder):
    # "Sanah" is spelt like a hamlet of Yemen (Şanā’), not like its capital
    assert resolved(geocoder, "Soldiers searched houses in Sanah on Monday, Yemen's government said.", "Sanah") == []
