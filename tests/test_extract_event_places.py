"""Which of the places a note names its event happened at (thucydides/extract/places.py, story.py).

A site named after a place ("the Socabaya prison", "the Kakoba square") lies in the town the
story is told at; a place inside what a crowd is against is where its grievance happened; a
bracket or a country inside a location trail does not split one happening over two places.
Sentences written for these tests, places given by hand (test_extract_events.entry).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from test_extract_events import entry, places_in, run  # noqa: F401 - run is the fixture extracting with hand-built places

from thucydides.extract import extract_events
from thucydides.geocode.resolve import SPELLING_VARIANT
from thucydides.model import Article, Event, GazetteerEntry


def where(events: list[Event]) -> list[str | None]:
    return [e.location.text if e.location else None for e in events]


def known(iso: str, *names: str) -> dict[str, GazetteerEntry | None]:
    return {name: entry(name, iso=iso) for name in names}


def test_a_site_named_after_a_place_is_in_the_town_the_sentence_names(run):
    text = "In Arequipa, inmates of the Socabaya prison set fire to mattresses on Tuesday to demand their release."
    assert where(run(text, known("PE", "Arequipa", "Socabaya"))) == ["Arequipa"]


def test_a_site_named_after_a_place_is_in_the_town_the_story_is_told_at(run):
    text = ("On 3 March 2023, hundreds of teachers demonstrated in Mbarara over unpaid salaries. "
            "The teachers gathered at the Kakoba square and chanted slogans before marching to the district offices.")
    assert set(where(run(text, known("UG", "Mbarara", "Kakoba"), published=dt.date(2023, 3, 3)))) == {"Mbarara"}


def test_a_site_alone_still_places_its_event(run):
    text = "Gunmen stormed the Jalalabad prison on Sunday and freed dozens of inmates."
    assert where(run(text, known("AF", "Jalalabad"))) == ["Jalalabad"]


def test_a_place_of_what_a_crowd_is_against_is_no_place_of_the_demonstration(run):
    text = ("Hundreds of students protested in Kisumu on Monday against the detention of activists "
            "accused of burning a bank in Nakuru.")
    assert where(run(text, known("KE", "Kisumu", "Nakuru"))) == ["Kisumu"]


def test_the_only_place_of_a_demonstration_stays_even_inside_its_grievance(run):
    text = "Residents demonstrated on Monday against the eviction of traders in Nakuru."
    assert where(run(text, known("KE", "Nakuru"))) == ["Nakuru"]


def test_what_an_attack_is_against_is_where_it_happened(run):
    text = "Militants launched an attack against an army base in Menaka on Sunday, the army said in Gao."
    assert "Menaka" in where(run(text, known("ML", "Menaka", "Gao")))


def test_a_name_the_recogniser_missed_inside_a_bracket_does_not_break_the_trail(run):
    text = "Rebels besieged Ndele (Ndele, Bamingui), capital city of Kotto prefecture, on Friday."
    assert where(run(text, known("CF", "Ndele", "Kotto"))) == ["Ndele"]


def test_a_bracket_after_a_country_inside_a_trail_still_qualifies_its_first_name(run):
    text = "Air raids hit Tarsiya area in northern Chad (Fada, Ennedi) on Monday, killing two herders."
    gazetteer = {**known("TD", "Tarsiya", "Fada", "Ennedi"), "Chad": entry("Chad", feature="PCLI", iso="TD")}
    assert where(run(text, gazetteer)) == ["Tarsiya"]



def test_a_name_no_gazetteer_knows_told_next_is_at_the_place_of_the_story(run):
    text = ("On 3 March 2023, gunmen shot dead two farmers in Kabarole. "
            "Also, a handcuffed man was found shot dead in Nyakasura Kisiita.")
    gazetteer = {"Kabarole": entry("Kabarole", iso="UG"), "Nyakasura Kisiita": None}
    assert set(where(run(text, gazetteer, published=dt.date(2023, 3, 3)))) == {"Kabarole"}


def test_a_name_no_gazetteer_knows_told_alone_keeps_its_name(run):
    text = "On 3 March 2023, gunmen shot dead two farmers in Nyakasura Kisiita."
    gazetteer = {"Nyakasura Kisiita": None}
    assert where(run(text, gazetteer, published=dt.date(2023, 3, 3))) == ["Nyakasura Kisiita"]


def test_an_unknown_name_in_a_list_with_a_known_one_is_a_place_of_its_own(run):
    text = "The army said on Sunday its troops had retaken Kamango and Nobili after the rebels pulled out."
    gazetteer = {"Kamango": entry("Kamango", iso="CD"), "Nobili": None}
    assert set(where(run(text, gazetteer))) == {"Kamango", "Nobili"}


def test_an_unknown_name_beside_a_known_one_in_its_sentence_is_at_the_known_one(run):
    text = "A landmine exploded near Tessalit on Sunday, wounding a herder who was watering camels at Bir Tazeghart."
    gazetteer = {"Tessalit": entry("Tessalit", iso="ML"), "Bir Tazeghart": None}
    assert where(run(text, gazetteer)) == ["Tessalit"]


def _at(name: str, latitude: float, longitude: float, admin1_id: int, feature: str = "PPL") -> GazetteerEntry:
    return replace(entry(name, feature=feature, iso="MX", admin1_id=admin1_id), latitude=latitude, longitude=longitude)


def test_a_name_matched_only_by_its_spelling_far_from_the_scene_is_a_namesake(nlp):
    text = "On 3 March 2023, in Mexicali, Baja California, gunmen shot dead two men in Colonia Pueblo Nuevo."
    state = _at("Baja California", 30.0, -115.0, 1, feature="ADM1")
    gazetteer = {
        "Mexicali": _at("Mexicali", 32.6, -115.5, 1),
        "Baja California": state,
        # matched fuzzily to a village of another state, 2,000 km away
        "Colonia Pueblo Nuevo": _at("Pueblo Nuevo", 17.0, -96.7, 2),
    }
    found = [replace(p, why=f"{p.text}: {SPELLING_VARIANT} (fuzzy)") if p.text.startswith("Colonia") else p
             for p in places_in(text, gazetteer)]
    article = Article(id="test-article", text=text, published=dt.date(2023, 3, 3))
    assert where(extract_events(article, nlp(text), found)) == ["Mexicali"]


def test_a_reference_point_the_recogniser_missed_does_not_break_the_trail(run):
    text = "A landmine exploded in Tarmaba area east of Bir Kassa in Mopti countryside on Sunday, wounding a boy."
    assert where(run(text, known("ML", "Tarmaba", "Mopti"))) == ["Tarmaba"]


@pytest.mark.parametrize("text, region, town, iso", [
    ("Rebels shelled the Idlib town of Saraqib on Monday, killing four civilians.", "Idlib", "Saraqib", "SY"),
    ("Drones struck the Kherson village of Bilozerka overnight, wounding a woman.", "Kherson", "Bilozerka", "UA"),
])
def test_the_region_before_town_of_is_where_the_town_lies(run, text, region, town, iso):
    unit = entry(region, "ADM1", iso=iso)
    places = {region: unit, town: entry(town, iso=iso, admin1_id=unit.geonameid)}
    assert where(run(text, places)) == [town]


def test_a_region_of_no_one_country_before_town_of_leaves_the_town(run):
    text = "Fighting broke out in the Sinai town of Arish on Monday, killing three soldiers."
    places = {"Sinai": entry("Sinai", "DSRT", iso=None), "Arish": entry("Arish", iso="EG")}
    assert where(run(text, places)) == ["Arish"]


def test_a_village_of_a_district_is_still_the_village(run):
    text = "Gunmen attacked Kalpani village of Mardan district on Monday, killing a farmer."
    places = {"Kalpani": entry("Kalpani", iso="PK"), "Mardan": entry("Mardan", "ADM2", iso="PK")}
    assert where(run(text, places)) == ["Kalpani"]


@pytest.mark.parametrize("text, origin, target", [
    ("Rockets fired from Gaza landed near Ashkelon on Wednesday, wounding two people.", "Gaza", "Ashkelon"),
    ("Mortars fired from Gaza towards Sderot wounded a farmer on Tuesday.", "Gaza", "Sderot"),
    ("A missile launched from Belgorod exploded near Kharkiv on Sunday, killing a man.", "Belgorod", "Kharkiv"),
])
def test_a_strike_happened_where_it_landed_not_where_it_was_fired_from(run, text, origin, target):
    places = {origin: entry(origin, iso="PS"), target: entry(target, iso="IL")}
    assert where(run(text, places)) == [target]


def test_a_strike_told_only_by_where_it_was_fired_from_is_there(run):
    text = "Rockets were fired from Gaza on Monday, wounding two people."
    assert where(run(text, known("PS", "Gaza"))) == ["Gaza"]


@pytest.mark.parametrize("text, owner, place", [
    ("Fighting erupted in Khartoum's twin city Omdurman on Thursday, killing six civilians.", "Khartoum", "Omdurman"),
    ("Gunmen killed two shopkeepers in Kabul's western suburb Paghman on Friday.", "Kabul", "Paghman"),
    ("Shelling hit Donetsk's satellite town Makiivka on Monday, killing three people.", "Donetsk", "Makiivka"),
])
def test_a_possessive_place_before_an_apposition_is_no_second_place(run, text, owner, place):
    assert where(run(text, known("SD", owner, place))) == [place]
