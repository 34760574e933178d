"""A name no gazetteer lists is still reported as a place when the unit or country it lies in follows
it ("X, in southern Lebanon"), as after a bare comma ("X, Idlib"): the event extractor then knows a
village was named, and does not code the event at the country (issue #4). Invented sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "name"), [
    ("Gunmen killed two shepherds in Umm Jarisat, in northern Iraq, on Monday.", "Umm Jarisat"),
    ("A drone hit a motorcycle in Wadi Saluqiyeh, in southern Lebanon, wounding its rider.", "Wadi Saluqiyeh"),
    ("Bandits raided Gidan Kwarbai, in the north of Nigeria, on Sunday.", "Gidan Kwarbai"),
])
def test_a_name_before_its_unit_is_a_place(geocoder, text, name):
    assert [m.entry for m in geocoder.find_places(text) if m.text == name] == [None]


@pytest.mark.parametrize(("text", "name"), [
    ("A raid killed three people in the village of Tell Zahab on Monday, residents said.", "Tell Zahab"),
    ("Mortar fire hit the hamlet of Tel Ghurab near the river on Sunday.", "Tel Ghurab"),
])
def test_a_hill_word_opening_an_unknown_village_is_part_of_its_name(geocoder, text, name):
    # "tell" is a common word alone (the verb), but it opens Levantine village names
    assert [m.entry for m in geocoder.find_places(text) if m.text == name] == [None]


def test_tell_alone_is_still_a_word(geocoder):
    assert [m.text for m in geocoder.find_places("Residents said: Tell the soldiers to leave Homs.") if m.text.startswith("Tell")] == []
