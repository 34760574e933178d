"""A force's name that ends in (or holds) a word that is a small place somewhere names no place.

Invented sentences: "Belt" and "Naval" are villages in other countries; read as places they
pulled the article's country focus away from where it happened.
"""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder


def places(geocoder: Geocoder, nlp, text: str) -> dict[str, str | None]:
    return {m.text: m.entry.country_iso if m.entry else None for m in geocoder.find_places(text, nlp(text))}


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May, Security Belt forces took control of a checkpoint in Ahwar.",  # a group of the actor dictionary
        "On 2 May, forces of the Security Belt besieged Ahwar.",
    ],
)
def test_a_known_groups_name_holds_no_place(geocoder, nlp, text):
    assert places(geocoder, nlp, text) == {"Ahwar": "YE"}


def test_a_word_before_a_force_word_is_the_forces_name(geocoder, nlp):
    assert places(geocoder, nlp, "Troops of the 3rd Naval Brigade were deployed in Mukalla.") == {"Mukalla": "YE"}


def test_a_brigade_named_after_a_province_still_names_it(geocoder, nlp):
    found = places(geocoder, nlp, "The Kandahar Brigade moved into Spin Boldak.")
    assert found.get("Kandahar") == "AF" and found.get("Spin Boldak") == "AF"


def test_the_unit_nouns_are_one_list_every_reader_takes():
    """[unit_nouns] of actors.toml is the one list: the military heads and the geocoder's force
    heads read it; "division", a region's word too ("Dhaka Division"), stays out of the latter."""
    from thucydides.extract.lexicon import actors
    from thucydides.geocode.lexicon import lexicon

    units = actors().unit_nouns
    military = next(kind for kind in actors().generic if kind.kind == "military")
    assert {"brigade", "regiments", "division"} <= units
    assert {(noun,) for noun in units} <= set(military.heads)
    assert units - {"division"} <= lexicon().force_heads and "division" not in lexicon().force_heads
