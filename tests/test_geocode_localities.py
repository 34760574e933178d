"""Localities opened by their kind ("Barangay X", "Sitio Y") and the town named after them
(issue #4). Sentences of our own; the real embedded gazetteer."""

from __future__ import annotations

from thucydides.geocode.containers import is_placed


def test_a_barangay_is_placed_at_the_town_named_after_a_comma(geocoder):
    # a barangay is always part of the city or municipality named after it, comma or not
    text = "Soldiers clashed with rebels in Barangay San Isidro, Bayawan City, Negros Oriental."
    [barangay] = [m for m in geocoder.find_places(text) if m.text == "Barangay San Isidro"]
    assert is_placed(barangay) and barangay.entry.name == "Bayawan"


def test_a_lone_locality_kind_word_is_no_place(geocoder):
    # "Barangay" alone is neither a spelling of some village nor an unknown place
    text = "Police arrested 12 residents in Barangay Central, Pasig City, on Friday."
    assert [m.text for m in geocoder.find_places(text)] == ["Pasig City"]


def test_a_village_after_a_comma_still_needs_a_unit_or_a_seat(geocoder):
    # outside a locality, a town after a comma may be the next item of a list
    text = "Rebels raided Kisoro, Kabale and Mbarara on Monday."
    assert not any(is_placed(m) for m in geocoder.find_places(text))


def test_a_name_followed_by_its_unit_in_brackets_is_a_place(geocoder):
    # "X (Province)" is how ACLED notes say where X lies, even after a weak cue or none
    text = "Gunmen attacked a hotel in Bundheri (Banaadir)."
    [mention] = [m for m in geocoder.find_places(text) if m.text == "Bundheri"]
    assert is_placed(mention) and mention.entry.name == "Banaadir"


def test_a_name_completed_inside_the_unit_named_beside_it(geocoder):
    # official names add a hero's name the text leaves out: "Matías Romero Avendaño"
    text = "Police escorted a caravan through the town of Matias Romero, in Oaxaca state, on Tuesday."
    [mention] = [m for m in geocoder.find_places(text) if m.text == "Matias Romero"]
    assert not is_placed(mention) and mention.entry.name == "Matías Romero Avendaño"


def test_a_name_is_not_completed_outside_its_unit(geocoder):
    text = "Police escorted a caravan through the town of Matias Romero, in Chiapas state, on Tuesday."
    [mention] = [m for m in geocoder.find_places(text) if m.text == "Matias Romero"]
    assert mention.entry is None or mention.entry.name != "Matías Romero Avendaño"


def test_the_towns_a_name_begins_are_looked_up_once_per_process(geocoder, monkeypatch):
    # news repeats its places: the second article naming the same name asks the gazetteer nothing,
    # and the unit named beside it is still checked each time (the towns are cached, not the answer)
    from thucydides.geocode import Geocoder

    fresh = Geocoder(geocoder.gazetteer)
    looked_up: list[str] = []
    real = fresh.gazetteer.names_beginning
    monkeypatch.setattr(fresh.gazetteer, "names_beginning", lambda key, *rest: looked_up.append(key) or real(key, *rest))
    in_oaxaca = "Police escorted a caravan through the town of Matias Romero, in Oaxaca state, on Tuesday."
    in_chiapas = "Police escorted a caravan through the town of Matias Romero, in Chiapas state, on Tuesday."
    names = [{m.text: m.entry.name for m in fresh.find_places(text) if m.entry} for text in (in_oaxaca, in_chiapas, in_oaxaca)]
    assert looked_up.count("matias romero") == 1
    assert names[0]["Matias Romero"] == names[2]["Matias Romero"] == "Matías Romero Avendaño"
    assert names[1].get("Matias Romero") != "Matías Romero Avendaño"
