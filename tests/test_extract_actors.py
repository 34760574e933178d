"""Who did it to whom: actor rules on reports written for the tests (Mali, Burkina Faso, Niger,
Somalia, Sudan, Syria, Russia/Ukraine, DRC, Iraq); none is a gold article's.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from thucydides.extract import extract_events
from thucydides.extract.actors import ActorContext, actors_in, dated
from thucydides.extract.sentences import sentences_of
from thucydides.model import Actor, Article, Event, GazetteerEntry, PlaceMention

_ids = iter(range(20000, 100000))


def entry(name: str, iso: str, feature: str = "PPL") -> GazetteerEntry:
    return GazetteerEntry(geonameid=next(_ids), name=name, feature=feature, country_iso=iso, country=None, admin1=None, admin2=None, latitude=12.0, longitude=3.0)


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, places: dict[str, str], published: dt.date = dt.date(2024, 2, 20)) -> list[Event]:
        gazetteer = {name: entry(name, iso) for name, iso in places.items()}
        found = sorted((PlaceMention(n, m.start(), m.end(), e) for n, e in gazetteer.items() for m in re.finditer(rf"\b{re.escape(n)}\b", text)), key=lambda p: p.start)
        return extract_events(Article(id="actors-test", text=text, published=published), nlp(text), found)

    return extract


def at(events: list[Event], place: str) -> Event:
    return next(e for e in events if e.location is not None and e.location.text == place)


def test_actor_words_name_who_not_how_many(nlp):
    text = "At least 12 militants were killed in the raid."
    sentence = sentences_of(text, nlp(text), [])[0]
    (militants,) = [a for a in actors_in(sentence, ActorContext("BF", dt.date(2024, 2, 20))) if a.actor.inter == 3]
    assert militants.actor.text == "militants"


def test_a_demonym_among_the_words_before_the_cue_names_the_force(run):
    event = at(run("A Russian drone strike damaged a power line in the town of Kupiansk on Monday.", {"Kupiansk": "UA"}), "Kupiansk")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia (2000-)"


def test_the_subject_of_the_verb_governing_the_cue_acts(run):
    text = "On Sunday, Houthi fighters claimed to have shelled army positions near Harib."
    event = at(run(text, {"Harib": "YE"}), "Harib")
    assert event.actor1 is not None and event.actor1.text is not None and "Houthi" in event.actor1.text


def test_the_rebels_after_a_named_group_are_that_group(run):
    text = (
        "The army says it has retaken two towns held by the M23 rebels.\n\n"
        "A spokesman said troops entered Bunagana on Sunday after the rebels had pulled out."
    )
    event = at(run(text, {"Bunagana": "CD"}), "Bunagana")
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of")
    assert event.actor2 is not None and event.actor2.name.startswith("M23") and event.actor2.text == "M23"


def test_a_bombing_hits_the_force_not_by_it(run):
    text = "A roadside bomb hit a vehicle carrying soldiers near Baidoa on Tuesday, killing three soldiers, the army said. The troops were on patrol."
    event = at(run(text, {"Baidoa": "SO"}), "Baidoa")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Somalia (2022-)"


def test_a_riots_actor2_is_the_force_facing_the_crowd(run):
    text = "Protesters threw stones and set tyres on fire in Nasiriyah on Friday, while security forces responded with tear gas."
    event = at(run(text, {"Nasiriyah": "IQ"}), "Nasiriyah")
    assert event.event_type == "Riots"
    assert event.actor2 is not None and event.actor2.inter == 1


def test_jets_in_an_article_naming_one_side_striking_from_the_air(run):
    text = (
        "Russian airstrikes kill nine in northwest Syria\n\n"
        "Nine people were killed on Saturday when military jets struck a market in Ariha, rescuers said.\n\n"
        "Hours later a second strike hit a bakery in Maarat Misrin."
    )
    events = run(text, {"Ariha": "SY", "Maarat Misrin": "SY"})
    for place in ("Ariha", "Maarat Misrin"):
        event = at(events, place)
        assert event.sub_event_type == "Air/drone strike"
        assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia (2000-)", place


@pytest.mark.parametrize(
    ("text", "iso", "name", "inter"),
    [
        ("Fighters of the Azawad Liberation Front attacked an army convoy.", "ML", "FLA: Azawad Liberation Front", 2),
        ("CPC rebels ambushed a patrol near the border.", "CF", "CPC: Coalition of Patriots for Change", 2),
        ("Kataib Hezbollah fighters fired rockets at the base.", "IQ", "Kataib Hezbollah", 3),
        ("Members of the G9 Family and Allies burned houses.", "HT", "G9 Family and Allies", 3),
        ("Guerreros Unidos gunmen killed two police officers.", "MX", "Guerreros Unidos", 3),
        ("Wazalendo fighters clashed with the rebels.", "CD", "Wazalendo", 3),
        ("The Karenni Nationalities Defence Force seized a junta outpost.", "MM", "KNDF: Karenni Nationalities Defence Force", 2),
    ],
)
def test_main_armed_groups_of_todays_conflicts_are_named(nlp, text, iso, name, inter):
    sentence = sentences_of(text, nlp(text), [])[0]
    found = [(a.actor.name, a.actor.inter) for a in actors_in(sentence, ActorContext(iso, dt.date(2024, 2, 20)))]
    assert (name, inter) in found


@pytest.mark.parametrize(
    ("text", "place", "iso", "sub_event_type", "actor2"),
    [
        ("Police arrested an opposition blogger in Gomel on Monday.", "Gomel", "BY", "Arrests", "Civilians (Belarus)"),
        ("Two village groups clashed with sticks and stones in Sitamarhi on Sunday.", "Sitamarhi", "IN", "Mob violence", "Rioters (India)"),
        ("On Sunday a mob beat a suspected thief to death in Sitamarhi.", "Sitamarhi", "IN", "Mob violence", "Civilians (India)"),
        ("On Monday police found a hidden weapons cache near Khasavyurt.", "Khasavyurt", "RU", "Disrupted weapons use", "Unidentified Armed Group (Russia)"),
        ("On Monday soldiers defused an IED planted by al-Shabab near Afgoye.", "Afgoye", "SO", "Disrupted weapons use", "Al Shabaab"),
        ("On Friday gunmen abducted a traditional ruler from his home in Lafia.", "Lafia", "NG", "Abduction/forced disappearance", "Civilians (Nigeria)"),
        ("On Friday protesters were dispersed with tear gas in Tamale.", "Tamale", "GH", "Protest with intervention", "Police Forces of Ghana (2017-2025)"),
    ],
)
def test_acled_defaults_for_the_second_actor(run, text, place, iso, sub_event_type, actor2):
    event = at(run(text, {place: iso}), place)
    assert event.sub_event_type == sub_event_type
    assert event.actor2 is not None and event.actor2.name == actor2


def test_a_name_running_into_the_cue_word_is_whose_strike_it_was(run):
    event = at(run("On Sunday, a Saudi-led coalition air raid was reported on Kitaf district.", {"Kitaf": "YE"}), "Kitaf")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.name == "Operation Restoring Hope"
    assert event.actor2 is None or event.actor2.name != "Operation Restoring Hope"


def test_someone_arrested_by_no_one_named_was_arrested_by_the_police(run):
    event = at(run("On Tuesday a popular blogger was arrested in Mogilev.", {"Mogilev": "BY"}), "Mogilev")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.name == "Police Forces of Belarus (1994-)"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Belarus)"


def test_rioters_are_named_after_the_crowds_own_country(run):
    text = "On Monday Indian workers clashed with police and threw stones at a checkpoint in Birgunj."
    event = at(run(text, {"Birgunj": "NP"}), "Birgunj")
    assert event.event_type == "Riots"
    assert event.actor1 is not None and event.actor1.name == "Rioters (India)"


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("Military Forces of Nigeria", dt.date(2019, 6, 1), "Military Forces of Nigeria (2015-2023)"),
        ("Police Forces of Nigeria", dt.date(2023, 5, 29), "Police Forces of Nigeria (2023-)"),
        ("Military Forces of Afghanistan", dt.date(2021, 8, 14), "Military Forces of Afghanistan (2014-2021)"),
        ("Government of Afghanistan", dt.date(2021, 8, 15), "Government of Afghanistan (2021-)"),
        ("Police Forces of India Border Security Force", dt.date(2020, 1, 1), "Police Forces of India (2014-) Border Security Force"),
        ("Military Forces of the Democratic Republic of Congo", dt.date(2022, 1, 1), "Military Forces of the Democratic Republic of Congo (2019-)"),
        # no tag: no date, a day before every known period, a country without periods, one already there, no state
        ("Military Forces of Nigeria", None, "Military Forces of Nigeria"),
        ("Military Forces of Nigeria", dt.date(2001, 1, 1), "Military Forces of Nigeria"),
        ("Military Forces of Libya", dt.date(2022, 1, 1), "Military Forces of Libya"),
        ("Military Forces of Yemen (2016-) Supreme Political Council", dt.date(2022, 1, 1), "Military Forces of Yemen (2016-) Supreme Political Council"),
        ("Military Forces of Niger", dt.date(2022, 1, 1), "Military Forces of Niger (2021-2023)"),
        ("Civilians (Nigeria)", dt.date(2022, 1, 1), "Civilians (Nigeria)"),
    ],
)
def test_state_forces_carry_the_period_of_the_government_on_the_events_day(name, day, expected):
    assert dated(Actor(name, 1), day) == Actor(expected, 1)


def test_an_event_names_state_forces_with_the_period_of_its_own_date(run):
    # told on the new government's second day, about the old government's last Sunday
    text = "Troops clashed with gunmen in Gwantu on Sunday."
    events = run(text, {"Gwantu": "NG"}, published=dt.date(2023, 5, 30))
    assert at(events, "Gwantu").actor1.name == "Military Forces of Nigeria (2015-2023)"


def test_pro_government_forces_are_the_government_of_the_country_told_about(run):
    text = "On Monday, pro-government forces took control of the headquarters of the navy brigade in Lumbo following an attack by rebels."
    event = at(run(text, {"Lumbo": "ML"}), "Lumbo")
    assert (event.sub_event_type, event.actor1.name) == ("Government regains territory", "Military Forces of Mali (2021-)")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Saudi enemy shelled the village of Qatir on Friday.", "Military Forces of Saudi Arabia"),
    ("The enemy shelled the village of Qatir on Friday.", None),
])
def test_the_enemy_is_an_army_only_with_its_country_named(run, text, expected):
    # one side's outlets call the other's army "the enemy": whose, only its country says
    actor = at(run(text, {"Qatir": "YE"}, published=dt.date(2025, 1, 11)), "Qatir").actor1
    assert (actor.name.split(" (20")[0] if actor and actor.name.startswith("Military") else None) == expected
