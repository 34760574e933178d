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


@pytest.mark.parametrize(("text", "first_word"), [
    ("Gunmen killed two policemen in Kot Yusuf on Sunday, officials said.", "Kot"),
    ("A roadside bomb hit a patrol near Kili Omar, wounding three soldiers.", "Kili"),
    ("Militants torched a school in Sar Khalid overnight, residents said.", "Sar"),
])
def test_a_given_name_after_a_place_word_is_the_rest_of_an_unknown_name(geocoder, text, first_word):
    # "Ali", "Omar", "Yusuf" read like a title before a name ("Ali Khan"); after a place word they
    # end a longer name the gazetteer lacks, not a title the place qualifies ("Kabul police")
    assert [m for m in geocoder.find_places(text) if m.text == first_word and m.entry is not None] == []


def test_a_place_still_qualifies_the_office_after_it(geocoder):
    assert [m.text for m in geocoder.find_places("Kandahar Governor Hamid Khan visited the wounded.") if m.entry is not None][:1] == ["Kandahar"]
