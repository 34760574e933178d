"""Toponym recognition: abbreviations, names that span a comma, multi-word names, words that are no places."""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder
from thucydides.model import PlaceMention


def mentions_of(geocoder: Geocoder, text: str, nlp=None) -> dict[str, list[PlaceMention]]:
    table: dict[str, list[PlaceMention]] = {}
    for mention in geocoder.find_places(text, nlp(text) if nlp is not None else None):
        assert text[mention.start : mention.end] == mention.text
        table.setdefault(mention.text, []).append(mention)
    return table


@pytest.mark.parametrize(
    ("text", "abbreviation", "unit"),
    [
        ("Floods closed schools in Roanoke, Va., on Tuesday.", "Va.", "Virginia"),
        ("The senator (D-Calif.) voted against the bill.", "Calif.", "California"),
        ("A tornado struck Dalton, Ga. Residents said the sirens were late.", "Ga.", "Georgia"),
        ("Miners in Sudbury, Ont., went on strike.", "Ont.", "Ontario"),
        ("The club moved its ground to Stevenage, Herts, last season.", "Herts", "Hertfordshire"),
    ],
)
def test_an_abbreviated_state_keeps_its_dot_and_names_the_unit(geocoder, nlp, text, abbreviation, unit):
    [mention] = mentions_of(geocoder, text, nlp)[abbreviation]
    assert mention.entry is not None and mention.entry.name == unit and mention.entry.feature in ("ADM1", "ADM2")


@pytest.mark.parametrize("text", ["Miss. Lane said the Mass. was long.", "Mo Farah won. VA hospitals closed.", "Pa said no."])
def test_an_abbreviation_without_its_dot_or_its_town_is_no_state(geocoder, text):
    states = {"Mississippi", "Massachusetts", "Missouri", "Virginia", "Pennsylvania"}
    assert not [m for m in geocoder.find_places(text) if m.entry is not None and m.entry.name in states]


def test_washington_dc_with_its_comma_is_one_name(geocoder):
    found = mentions_of(geocoder, "Delegates flew from Washington, D.C. to Nairobi for the talks.")
    [city] = found["Washington, D.C."]
    assert city.entry is not None and city.entry.country_iso == "US" and city.entry.feature == "PPLC"
    assert "Washington" not in found


@pytest.mark.parametrize(
    ("text", "organisation", "country"),
    [
        ("Fans packed the stands for the Lagos Gold Cup on Saturday.", "Lagos Gold Cup", "NG"),
        ("Doctors at Mombasa General Hospital treated the wounded.", "Mombasa General Hospital", "KE"),
        ("The Kenya Chamber of Commerce welcomed the deal.", "Kenya Chamber of Commerce", "KE"),
        ("A spokesman for the French Embassy in Dakar said the visa office was shut.", "French Embassy", "FR"),
        ("Residents objected to Kerry County Council's housing plan.", "Kerry County Council", "IE"),
    ],
)
def test_a_name_closed_by_an_organisation_word_is_one_mention(geocoder, text, organisation, country):
    from thucydides.geocode import is_organisation

    [mention] = mentions_of(geocoder, text)[organisation]
    assert mention.entry is not None and mention.entry.country_iso == country and is_organisation(mention)


@pytest.mark.parametrize(("text", "place"), [("The U.S. Attorney's Office declined to comment.", "U.S."),
                                             ("Nairobi Police arrested two men.", "Nairobi")])
def test_a_possessive_or_a_police_force_leaves_the_place_alone(geocoder, text, place):
    from thucydides.geocode import is_organisation

    [mention] = mentions_of(geocoder, text)[place]
    assert not is_organisation(mention)


def test_two_small_place_words_glued_together_are_one_unknown_village(geocoder, nlp):
    # "Papun" is a small town in Kayin State and "Kan" matches small places elsewhere; the parse
    # reads both as places, but together they are one village the gazetteer lacks
    text = "Jets bombed Papun Kan village in the northern Magway region on Friday."
    found = mentions_of(geocoder, text, nlp)
    assert "Papun" not in found and "Kan" not in found
    [village] = found["Papun Kan"]
    assert village.entry is None or village.entry.admin1 == "Magway"


def test_a_multiword_match_keeps_its_name_beside_another_word(geocoder, nlp):
    text = "Police defused a bomb in Muara Bungo Dua subdistrict, Bungo Regency, Jambi."
    # the parse reads "Dua" as part of a facility with the rest: the two-word town is still named
    [town] = mentions_of(geocoder, text, nlp)["Muara Bungo"]
    assert town.entry is not None and town.entry.country_iso == "ID"


def test_a_capitalised_adverb_before_a_province_is_no_place(geocoder, nlp):
    text = "Meanwhile, Helmand province saw heavy fighting. However, Kandahar stayed calm."
    found = mentions_of(geocoder, text, nlp)
    assert "Meanwhile" not in found and "However" not in found
    assert found["Helmand"][0].entry is not None


@pytest.mark.parametrize(
    ("text", "locality", "wrong"),
    [
        ("Gunmen shot two men in Colonia Las Flores, in the municipality of Culiacan.", "Colonia Las Flores", "Colonia"),
        ("Troops clashed with rebels at Sitio Malinao, Barangay San Isidro, in Lanao del Sur.", "Barangay San Isidro", "San Isidro"),
        ("Police found a body in Colonia Centro of Tijuana.", "Colonia Centro", "Centro"),
    ],
)
def test_a_locality_opened_by_its_kind_is_one_name(geocoder, nlp, text, locality, wrong):
    found = mentions_of(geocoder, text, nlp)
    assert locality in found and wrong not in found, list(found)


def test_the_known_town_after_a_locality_and_of_is_still_found(geocoder, nlp):
    found = mentions_of(geocoder, "Police found a body in Colonia Centro of Tijuana.", nlp)
    assert found["Tijuana"][0].entry.country_iso == "MX"



@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [("Drought hit Western Chad last year.", "Western Chad", "Chad"),
     ("Rebels regrouped in Northern Mali last year.", "Northern Mali", "Mali"),
     ("Snow fell across Central Ohio overnight.", "Central Ohio", "Ohio")],
)
def test_a_compass_word_before_a_large_place_is_part_of_the_mention(geocoder, text, part, whole):
    found = mentions_of(geocoder, text)
    assert whole not in found
    [mention] = found[part]
    assert mention.entry is not None and whole in mention.entry.name


def test_a_compass_word_before_a_town_stays_out(geocoder):
    assert "Kabul" in mentions_of(geocoder, "Shops reopened in West Kabul on Sunday.")


def test_an_american_state_named_x_state_is_its_university_team(geocoder):
    found = mentions_of(geocoder, "Ohio State beat Michigan, and fans in Kaduna State cheered.")
    assert found["Ohio"][0].entry.name == "Ohio" and "Ohio State" not in found
    assert "Kaduna State" in found  # Nigeria's states are called so


def test_peoples_in_a_country_name_is_no_possessive(geocoder):
    found = mentions_of(geocoder, "Envoys of the People's Republic of China and the Democratic People's Republic of Korea met.")
    assert found["People's Republic of China"][0].entry.country_iso == "CN"
    assert found["Democratic People's Republic of Korea"][0].entry.country_iso == "KP"


def test_a_headline_ending_in_a_first_name_makes_no_person_of_the_dateline(geocoder):
    found = mentions_of(geocoder, "Academy hopes to find the next star like Ahmed\n\nNAIROBI - Boys train every morning.")
    assert found["NAIROBI"][0].entry.country_iso == "KE"


def test_a_demonym_in_an_outlet_name_still_counts_but_the_outlet_word_is_no_town(geocoder):
    found = mentions_of(geocoder, "Readers of the African Herald wrote to the editor.")
    assert found["African"][0].entry is not None and "Herald" not in found


def test_a_kind_word_before_a_name_names_the_whole_run(geocoder, nlp):
    # "Mir" alone is a village in Belarus and "Hassan" a first name: after "the town of" the
    # whole run is the town's name, which the gazetteer lacks
    text = "Two officials were killed in the town of Mir Hassan on Sunday, police in Bannu said."
    found = mentions_of(geocoder, text, nlp)
    assert "Mir" not in found
    [town] = found["Mir Hassan"]
    assert town.entry is None or town.entry.country_iso == "PK"


def test_a_name_before_area_is_a_place_even_when_no_gazetteer_lists_it(geocoder, nlp):
    text = "Fighters clashed with the army in the Mersa Gebeya area, outside of Woldia, on Monday."
    assert "Mersa Gebeya" in mentions_of(geocoder, text, nlp)


def test_area_does_not_change_which_place_a_known_name_is(geocoder):
    found = mentions_of(geocoder, "Shelling hit the Kabul area on Monday.")
    assert found["Kabul"][0].entry.feature == "PPLC"


def test_a_kind_of_several_words_is_one_kind_word(geocoder):
    found = mentions_of(geocoder, "Herders attacked villages in Bokkos Local Government Area of Plateau State.")
    [lga] = found["Bokkos Local Government Area"]
    assert lga.entry is not None and lga.entry.feature == "ADM2" and lga.entry.country_iso == "NG"


def test_a_kind_word_after_a_run_names_no_word_before_a_known_name(geocoder):
    found = mentions_of(geocoder, "Councillors of the Clonmel District met on Tuesday.")
    assert "Councillors" not in found


def test_a_club_named_after_its_town_names_the_town(geocoder):
    found = mentions_of(geocoder, "Hundreds of fans of Morpeth Wanderers travelled north by coach for the cup match on Saturday.")
    assert found["Morpeth"][0].entry.country_iso == "GB"


@pytest.mark.parametrize(("text", "group"), [("Fano fighters clashed with federal troops near Lalibela.", "Fano"),
                                              ("Al-Shabab claimed the attack in Mogadishu.", "Al-Shabab")])
def test_an_armed_groups_name_is_no_place(geocoder, nlp, text, group):
    assert group not in mentions_of(geocoder, text, nlp)


def test_a_group_name_after_a_place_cue_is_still_the_town(geocoder):
    assert mentions_of(geocoder, "The film festival in Fano drew large crowds this summer.")["Fano"][0].entry.country_iso == "IT"


@pytest.mark.parametrize(("text", "not_place"), [
    ("Police patrolled the Druze area of the old town all night.", "Druze"),
    ("Officers were called to the area of Ridgeway Avenue and Copper Drive after midnight.", "Ridgeway Avenue"),
    ("Fighting broke out between Fano fighters and soldiers after dark.", "Fano"),
])
def test_religions_streets_and_groups_are_no_unknown_places(geocoder, nlp, text, not_place):
    assert not_place not in mentions_of(geocoder, text, nlp)


def test_a_short_word_is_no_abbreviation_of_a_country(geocoder):
    found = mentions_of(geocoder, "Car bombs exploded in Mogadishu on Friday, while the CAR government met.")
    assert "Car" not in found and found["CAR"][0].entry.country_iso == "CF"


def test_a_councillor_is_a_title(geocoder):
    # "Cllr Galway" spelt as one word is close to Claregalway
    assert "Cllr Galway" not in mentions_of(geocoder, "Residents of Ennis heard Cllr Galway say the plan was ready.")


def test_a_kind_before_such_as_names_the_kind_of_the_list():
    from thucydides.config import load_settings
    from thucydides.geocode import Geocoder

    text = "Tech firms are leaving costly states such as New York or Washington for Texas, economists said."
    places = {m.text: m.entry for m in Geocoder(settings=load_settings()).find_places(text)}
    assert places["Washington"].feature == "ADM1"  # the state, not the capital
