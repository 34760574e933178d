"""ACLED's naming conventions for actors: units of a state's forces after the period tag, tribes
and clans as identity militias, a named group described by its enemy. Sentences written for the
tests (Niger, Mexico, Iraq, Somalia, Sudan, Afghanistan…); none is a gold article's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract.actors import ActorContext, actors_in, dated
from thucydides.extract.sentences import sentences_of
from thucydides.model import Actor


@pytest.fixture(scope="module")
def names(nlp):
    def found(text: str, country: str | None, day: dt.date = dt.date(2023, 5, 2)) -> list[tuple[str, int]]:
        sentence = sentences_of(text, nlp(text), [])[0]
        return [(dated(m.actor, day).name, m.actor.inter) for m in actors_in(sentence, ActorContext(country, day))]

    return found


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Gendarmes fired at smugglers near the border post.", "NE", "Military Forces of Niger (2021-2023) Gendarmerie"),
        ("The gendarmerie arrested two traders at a market.", "CM", "Military Forces of Cameroon (1982-) Gendarmerie"),
        ("Federal police officers seized a truck of fuel on the highway.", "MX", "Police Forces of Mexico (2018-2024) Federal Police"),
        ("Military police raided a house in the favela.", "BR", "Military Forces of Brazil (2023-) Military Police"),
        ("Prison guards fired tear gas at the inmates.", "AR", "Police Forces of Argentina (2019-2023) Prison Guards"),
        ("Armed police personnel stopped the buses at the crossing.", "NP", "Police Forces of Nepal (2015-) Armed Police Force"),
    ],
)
def test_a_unit_of_a_states_forces_follows_the_period_tag(names, text, country, expected):
    assert names(text, country)[0] == (expected, 1)


def test_armed_police_are_a_unit_only_where_a_state_has_one_by_that_name(names):
    assert names("Armed police personnel stopped the buses at the crossing.", "KE")[0][0] == "Police Forces of Kenya (2022-)"


def test_a_brigade_by_its_name_is_a_unit_and_a_numbered_one_the_force(names):
    assert names("The Thunder Brigade shelled the hills east of the dam.", "IQ")[0][0] == "Military Forces of Iraq (2022-) Thunder Brigade"
    assert names("The 7th Brigade shelled the hills east of the dam.", "IQ")[0][0] == "Military Forces of Iraq (2022-)"
    # whose brigade, not which one
    assert names("The Iraqi brigade shelled the hills east of the dam.", "IQ")[0][0] == "Military Forces of Iraq (2022-)"


def test_a_named_force_keeps_its_unit(names):
    assert names("Russian military police blocked a road near the airport.", "SY")[0] == ("Military Forces of Russia (2000-) Military Police", 8)


def test_tribesmen_and_clansmen_are_an_identity_militia_by_their_name(names):
    assert names("Bani Dhabyan tribesmen blocked the road to the oil field.", "YE")[0] == ("Bani Dhabyan Tribal Militia (Yemen)", 4)
    assert names("Abgaal clan fighters attacked a rival settlement.", "SO")[0] == ("Abgaal Clan Militia (Somalia)", 4)
    # a country's tribesmen, or unnamed ones, are ACLED's unidentified tribal militia
    assert names("Sudanese tribesmen blocked the road to the oil field.", "SD")[0][0] == "Unidentified Tribal Militia (Sudan)"
    assert names("Armed tribesmen blocked the road to the oil field.", "YE")[0][0] == "Unidentified Tribal Militia (Yemen)"


def test_a_named_group_described_by_its_enemy_is_the_group(names):
    assert names("Anti-Taliban National Resistance Front fighters ambushed a patrol.", "AF")[0][0] == "National Resistance Front"
    # with no group named, the enemy's name is all there is
    assert names("Anti-Taliban fighters ambushed a patrol.", "AF")[0][0] == "Anti-Taliban forces"


def test_a_period_tag_goes_before_the_unit():
    actor = Actor("Military Forces of Turkey Gendarmerie", 1, "gendarmes")
    assert dated(actor, dt.date(2021, 6, 1)).name == "Military Forces of Turkey (2016-) Gendarmerie"
    assert dated(Actor("Police Forces of Venezuela", 1, None), dt.date(2021, 6, 1)).name == "Police Forces of Venezuela (1999-)"


@pytest.fixture(scope="module")
def run(nlp):
    from test_extract_actors import entry

    from thucydides.extract import extract_events
    from thucydides.model import Article, PlaceMention

    def extract(text: str, place: str, iso: str, published: dt.date = dt.date(2023, 6, 13)):
        start = text.index(place)
        found = [PlaceMention(place, start, start + len(place), entry(place, iso))]
        return extract_events(Article(id="names-test", text=text, published=published), nlp(text), found)

    return extract


def test_the_forces_whose_positions_were_fired_at_are_hit(run):
    (event,) = run("On 12 June 2023, Al Shabaab fighters fired mortars at the government positions near Jowhar.", "Jowhar", "SO")
    assert event.actor1.name == "Al Shabaab"
    assert event.actor2 is not None and event.actor2.name.startswith("Military Forces of Somalia")


def test_the_forces_whose_vehicle_a_bomb_targeted_are_hit_by_the_demonym(run):
    (event,) = run("On 12 June 2023, JNIM militants set off an explosive device targeting a Burkinabe army truck near Djibo.", "Djibo", "BF")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor2 is not None and event.actor2.name.startswith("Military Forces of Burkina Faso")
    # a civilian's car is no force's
    (event,) = run("On 12 June 2023, JNIM militants set off an explosive device targeting a trader's truck near Djibo.", "Djibo", "BF")
    assert event.actor2 is None or not event.actor2.name.startswith("Military Forces")


def test_people_beating_a_person_hit_a_civilian(run):
    (event,) = run("On 12 June 2023, four men beat up a trader with iron rods in Kisumu over a debt.", "Kisumu", "KE")
    assert event.sub_event_type == "Mob violence"
    assert event.actor1.name == "Rioters (Kenya)"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Kenya)"


def test_the_authorities_someone_alerted_are_not_who_a_mob_faced(run):
    text = "On 12 June 2023, a nurse was assaulted by her neighbour's relatives in Kisumu for alerting authorities that he had broken the curfew."
    (event,) = run(text, "Kisumu", "KE")
    assert event.sub_event_type == "Mob violence"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Kenya)"


def test_members_of_a_group_after_another_side_are_the_group(names):
    found = names("There was a clash between police units and members of the New People's Army (NPA) in the hills.", "PH")
    assert found[0][0].startswith("Police Forces of the Philippines")
    assert found[1][0] == "NPA: New People's Army"


@pytest.mark.parametrize(
    "text",
    [
        "On 12 June 2023, men suspected to be JNIM militants burned a school near Djibo.",
        "On 12 June 2023, gunmen identified as members of JNIM burned a school near Djibo.",
    ],
)
def test_people_suspected_to_be_of_a_group_are_the_group(run, text):
    (event,) = run(text, "Djibo", "BF")
    assert event.actor1 is not None and event.actor1.name == "JNIM: Group for Support of Islam and Muslims"


def test_two_groups_offered_as_the_author_are_named_both(names):
    found = names("Presumed ISWAP or Boko Haram fighters looted shops in the town.", "NG")
    # ACLED's "A and/or B", in the dictionary's order
    assert found[0] == ("Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad and/or Islamic State (West Africa)", 2)
    # "and" joins two sides, not two guesses
    assert not any("and/or" in n for n, _ in names("ISWAP and Boko Haram fighters clashed near the lake.", "NG"))


def test_the_suspected_author_of_a_bombing_told_after_it_is_its_actor(run):
    text = "On 12 June 2023, a minibus struck a landmine near Djibo. The mine was probably planted by JNIM militants."
    (event,) = run(text, "Djibo", "BF")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 is not None and event.actor1.name == "JNIM: Group for Support of Islam and Muslims"
    # a deed itself in doubt is no event
    assert run("On 12 June 2023, JNIM militants could attack Djibo.", "Djibo", "BF") == []


def test_a_police_convoy_is_the_polices(names):
    assert names("Gunmen ambushed a police convoy on the highway.", "NG")[1][0].startswith("Police Forces of Nigeria")
    assert names("Gunmen ambushed an army convoy on the highway.", "NG")[1][0].startswith("Military Forces of Nigeria")


def test_a_dateline_after_a_headline_is_cut_off_the_lead(nlp):
    text = "Bandits kill six in raid on village\nKANO, Nigeria (AP) — Bandits on motorcycles attacked a village in the northwest, killing six farmers, police said."
    sentences = sentences_of(text, nlp(text), [])
    lead = next(s for s in sentences if "attacked" in s.text)
    assert lead.text.startswith("Bandits on motorcycles")
    subject = next(t for t in lead.span if t.lower_ == "bandits")
    assert subject.dep_ == "nsubj"


def test_forces_affiliated_to_a_group_are_the_group_and_forces_backed_by_a_state_are_not_its(names):
    assert names("Houthi-affiliated military forces detained a teacher in the city.", "YE")[0][0] == "Military Forces of Yemen (2016-) Supreme Political Council"
    # the group named after the affiliation is who acts
    assert ("ADF: Allied Democratic Forces", 2) in names("The IS-linked ADF rebels claimed the raid.", "CD")
    # a sponsor's name says who backs them, not whose forces they are
    (backed, _) = names("Rwandan-backed forces shelled the hills above the town.", "CD")[0]
    assert not backed.startswith("Military Forces of Rwanda")


def test_a_squad_of_a_force_acts_as_the_force(run):
    (event,) = run("On 12 June 2023, a squad of police commandos seized two rifles and grenades from a hideout near Moreh.", "Moreh", "IN")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 is not None and event.actor1.name.startswith("Police Forces of India")


def test_two_groups_sharing_a_noun_are_two_mentions(names):
    found = [n for n, _ in names("A clash between SPLM-N and RSF forces was reported in the hills.", "SD")]
    assert "SPLM-N: Sudan People's Liberation Movement-North" in found and "Rapid Support Forces" in found
    # a named brigade keeps its unit when another group shares its noun
    found = [n for n, _ in names("Giants Brigades and Southern Resistance forces shelled the hills.", "YE", dt.date(2022, 4, 8))]
    assert "Military Forces of Yemen (2012-) Giants Brigades" in found and "Southern Resistance" in found


def test_the_militiamen_after_a_named_militia_are_that_militia(run):
    text = "Residents of Fataki have long feared the CODECO militia. On 12 June 2023, soldiers clashed with the militiamen near the town."
    (event,) = run(text, "Fataki", "CD")
    assert event.actor2 is not None and event.actor2.name == "CODECO: Cooperative for Development of Congo"
