"""One happening, one event: ACLED's unit (day × place × actor pair) and what a note's other
sentences are (its setting, a retelling, a plan), on reports written for the tests.

Places are given by hand (see test_extract_events.py); none of these texts is a gold note's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import extract_events
from thucydides.model import Article, Event

from test_extract_events import at, entry, places_in


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, gazetteer: dict, published: dt.date = dt.date(2022, 3, 10)) -> list[Event]:
        article = Article(id="one-event", text=text, published=published)
        return extract_events(article, nlp(text), places_in(text, gazetteer))

    return extract


def test_a_fight_told_from_each_side_is_one_event_with_the_attacker_first(run):
    # the second telling names its own target (no "the assault" that a retelling would be)
    text = "On 8 March 2022, Ansarul Islam fighters attacked a military camp near Djibo. Soldiers at the camp fired on the militants for two hours."
    (event,) = run(text, {"Djibo": entry("Djibo", iso="BF")})
    assert event.sub_event_type == "Armed clash"
    assert event.actor1.name.startswith("Ansaroul Islam")
    assert event.actor2.name.startswith("Military Forces of Burkina Faso")


def test_an_attempted_attack_is_an_event_and_a_future_attempt_a_plan(run):
    (tried,) = run("On 8 March 2022, gunmen tried to attack a police post in Ouallam.", {"Ouallam": entry("Ouallam", iso="NE")})
    assert tried.status == "reported"
    (later,) = run("On 8 March 2022, gunmen will try to attack a police post in Ouallam.", {"Ouallam": entry("Ouallam", iso="NE")})
    assert later.status == "planned"


def test_the_attack_retold_with_another_subject_is_the_same_event(run):
    # two named armed sides (a group, then the army) that are no pair of one fight: only the
    # retelling ("the site of the attack") keeps the soldiers' search from being an event
    text = (
        "On 8 March 2022, Al Shabaab militants detonated a roadside bomb beside a bus stop in Jamame, killing two people. "
        "Soldiers reached the scene an hour later and searched the houses around the site of the attack."
    )
    (event,) = run(text, {"Jamame": entry("Jamame", iso="SO")})
    assert (event.sub_event_type, event.actor1.name, event.fatalities.count) == ("Remote explosive/landmine/IED", "Al Shabaab", 2)


def test_the_group_claiming_a_bombing_did_it_not_the_police_who_came_after(run):
    text = (
        "On 8 March 2022, an IED exploded at a market in Baidoa. "
        "Police later detained three young men near the market. "
        "Al Shabaab claimed responsibility for the attack."
    )
    (event,) = run(text, {"Baidoa": entry("Baidoa", iso="SO")})
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1.name == "Al Shabaab"


def test_the_grievance_of_a_protest_retold_after_it_is_no_intervention(run):
    text = (
        "On 8 March 2022, lawyers held a protest in Quetta against the arrest of a colleague. "
        "She was arrested for criticising a judge on television."
    )
    (event,) = run(text, {"Quetta": entry("Quetta", iso="PK")})
    assert event.sub_event_type == "Peaceful protest"


def test_an_arrest_of_the_protesters_is_still_an_intervention(run):
    text = "On 8 March 2022, lawyers held a protest in Quetta against a new tax. Police arrested six of the protesters."
    (event,) = run(text, {"Quetta": entry("Quetta", iso="PK")})
    assert event.sub_event_type == "Protest with intervention"


def test_people_gathering_to_mark_a_day_and_detained_is_a_protest_with_intervention(run):
    text = "On 8 March 2022, in Bornova, police detained fifteen women gathering on a square to mark International Women's Day."
    (event,) = run(text, {"Bornova": entry("Bornova", iso="TR")})
    assert event.sub_event_type == "Protest with intervention"


def test_the_month_of_march_is_no_march(run):
    (event,) = run("On 8 March 2022, police arrested two journalists in Izmir.", {"Izmir": entry("Izmir", iso="TR")})
    assert event.sub_event_type == "Arrests"


def test_inmates_burning_blankets_for_a_demand_is_a_violent_demonstration(run):
    text = (
        "On 8 March 2022, inmates burned blankets in their cells at Lurigancho prison to demand faster trials. "
        "Guards dispersed the demonstration."
    )
    (event,) = run(text, {"Lurigancho": entry("Lurigancho", iso="PE")})
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1.name == "Rioters (Peru)"


def test_armed_men_firing_on_a_road_blockade_is_excessive_force(run):
    text = (
        "On 8 March 2022, villagers blocked the road to Kidal to denounce the closure of their school. "
        "Militiamen shot at the crowd and one protester died."
    )
    (event,) = run(text, {"Kidal": entry("Kidal", iso="ML")})
    assert event.sub_event_type == "Excessive force against protesters"


def test_live_bullets_at_a_march_are_excessive_force(run):
    text = (
        "On 8 March 2022, gendarmes broke up a march in Conakry with tear gas. "
        "Later in the day, gendarmes fired live rounds at the marchers."
    )
    (event,) = run(text, {"Conakry": entry("Conakry", iso="GN")})
    assert event.sub_event_type == "Excessive force against protesters"


def test_demonstrators_taking_the_streets_take_no_territory(run):
    text = "On 8 March 2022, students took the streets in the old town of Sfax to denounce the price of bread."
    (event,) = run(text, {"Sfax": entry("Sfax", iso="TN")})
    assert event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("verb", ["occupied", "took over"])
def test_a_crowd_holding_the_streets_of_a_town_captures_no_town(run, verb):
    # the town of the streets is a territory argument of the verb: only "the streets" tells
    # that no place changed hands ("took the streets" above is a protest phrase of its own)
    text = f"On 8 March 2022, students {verb} the streets of the old town of Sfax to denounce the price of bread."
    events = run(text, {"Sfax": entry("Sfax", iso="TN")})
    assert not [e for e in events if "territory" in e.sub_event_type]


def test_shots_fired_into_the_air_are_no_attack(run):
    text = "On 8 March 2022, border guards fired dozens of shots into the air near Kapitan Andreevo."
    assert run(text, {"Kapitan Andreevo": entry("Kapitan Andreevo", iso="BG")}) == []


def test_weapons_destroyed_by_troops_are_disrupted_weapons_use(run):
    text = "On 8 March 2022, the army destroyed a cache of weapons and ammunition belonging to the rebels near Bunia."
    (event,) = run(text, {"Bunia": entry("Bunia", iso="CD")})
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_side_forced_to_withdraw_lost_the_place_by_force(run):
    text = "On 8 March 2022, clan militiamen overran two villages near Beledweyne while the soldiers holding them were forced to withdraw."
    (event,) = run(text, {"Beledweyne": entry("Beledweyne", iso="SO")})
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_curfew_imposed_ahead_of_possible_raids_is_a_change_of_activity(run):
    text = "On 8 March 2022, in Apatzingan, armed men imposed a curfew on the neighbourhood ahead of possible raids by a rival cartel."
    (event,) = run(text, {"Apatzingan": entry("Apatzingan", iso="MX")})
    assert event.sub_event_type == "Change to group/activity"


def test_a_naming_verb_coordinated_with_the_clash_plans_nothing(run):
    text = "On 8 March 2022, two factions of the militia, called Alpha and Bravo, clashed in Walikale."
    (event,) = run(text, {"Walikale": entry("Walikale", iso="CD")})
    assert (event.sub_event_type, event.status) == ("Armed clash", "reported")


def test_a_participle_of_sexual_violence_is_a_deed(run):
    text = "On 8 March 2022, militiamen abandoned two gang-raped girls on a road near Kalemie."
    (event,) = run(text, {"Kalemie": entry("Kalemie", iso="CD")})
    assert event.sub_event_type == "Sexual violence"


def test_a_convoy_entering_a_countrys_territory_is_not_that_countrys(run):
    text = (
        "On 8 March 2022, Iranian troops were deployed to their outposts near Penjwen. "
        "A convoy of 40 trucks entered Iraqi territory overnight."
    )
    events = run(text, {"Penjwen": entry("Penjwen", iso="IQ")})
    assert at(events) == [("Change to group/activity", "Penjwen")]
    assert events[0].actor1.name.startswith("Military Forces of Iran")


def test_a_post_named_by_its_holder_is_the_holders(run):
    # the demonym of a post ("an Iraqi outpost") names who holds it; the land a clause names
    # ("entered Iraqi territory", above) is never read, as only the cue's own words are
    (outpost,) = run("On 8 March 2022, an Iraqi outpost was set up near Penjwen.", {"Penjwen": entry("Penjwen", iso="IQ")})
    assert outpost.sub_event_type == "Headquarters or base established"
    assert outpost.actor1 is not None and outpost.actor1.name.startswith("Military Forces of Iraq")


def test_a_vehicle_seized_in_a_town_is_looting_not_a_capture(run):
    text = "On 8 March 2022, gunmen seized a pickup truck of a local militia in Menaka."
    (event,) = run(text, {"Menaka": entry("Menaka", iso="ML")})
    assert event.sub_event_type == "Looting/property destruction"


def test_a_man_attacked_at_his_home_is_an_attack_on_him(run):
    text = "On 8 March 2022, near Eldoret, bandits attacked a village elder at his home. They burned his car."
    (event,) = run(text, {"Eldoret": entry("Eldoret", iso="KE")})
    assert event.sub_event_type == "Attack"


def test_an_arrest_with_weapons_recovered_is_a_weapons_seizure(run):
    text = "On 8 March 2022, police arrested four rebels and recovered rifles and grenades in Ukhrul."
    (event,) = run(text, {"Ukhrul": entry("Ukhrul", iso="IN")})
    assert event.sub_event_type == "Disrupted weapons use"
    (arrest,) = run("On 8 March 2022, police arrested four traders and seized cash in Ukhrul.", {"Ukhrul": entry("Ukhrul", iso="IN")})
    assert arrest.sub_event_type == "Arrests"


def test_a_booby_trapped_car_defused_is_disrupted_weapons_use(run):
    text = "On 8 March 2022, soldiers defused a booby-trapped car near Tal Afar."
    (event,) = run(text, {"Tal Afar": entry("Tal Afar", iso="IQ")})
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_base_set_up_amid_continued_raids_is_a_current_event(run):
    text = "On 8 March 2022, government troops set up a military post in Macomia amid continued raids by insurgents."
    (event,) = run(text, {"Macomia": entry("Macomia", iso="MZ")})
    assert (event.sub_event_type, event.status) == ("Headquarters or base established", "reported")


def test_infrastructure_attacked_with_no_one_hurt_is_property_destruction(run):
    text = "On 8 March 2022, unidentified gunmen attacked a railway bridge outside Kassala."
    (event,) = run(text, {"Kassala": entry("Kassala", iso="SD")})
    assert event.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize(
    "closure",
    ["banned all entry to the town of Ercis", "halted all travel into and out of Ercis", "sealed off the town of Ercis", "suspended entry to Ercis"],
)
def test_a_governorship_closing_a_town_is_a_change_of_activity_by_the_government(run, closure):
    text = f"On 8 March 2022, the Van governorship {closure} after a landmine blast on the main road."
    (event,) = run(text, {"Ercis": entry("Ercis", iso="TR")})
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1.name.startswith("Government of Turkey")


def test_what_had_happened_to_people_before_is_no_event_of_the_day(run):
    text = (
        "On 8 March 2022, prison guards in Tabriz beat and tortured four protesters who had "
        "been detained at rallies in Urmia and Tabriz."
    )
    events = run(text, {"Tabriz": entry("Tabriz", iso="IR"), "Urmia": entry("Urmia", iso="IR")})
    assert at(events) == [("Attack", "Tabriz")]
    assert events[0].actor2.name == "Civilians (Iran)"


def test_security_forces_making_arrests_are_coded_as_police(run):
    (event,) = run("On 8 March 2022, security forces arrested five students in Homs.", {"Homs": entry("Homs", iso="SY")})
    assert event.sub_event_type == "Arrests"
    assert event.actor1.name.startswith("Police Forces of Syria")


def test_a_base_or_a_move_has_no_second_actor(run):
    text = "On 8 March 2022, UN peacekeepers set up a new base in Fataki to protect the families displaced there."
    (event,) = run(text, {"Fataki": entry("Fataki", iso="CD")})
    assert event.sub_event_type == "Headquarters or base established"
    assert event.actor2 is None


def test_explosives_planted_by_a_group_and_destroyed_by_troops(run):
    text = "On 8 March 2022, Turkish soldiers found explosives planted by the PKK near Semdinli and destroyed them in a controlled explosion."
    (event,) = run(text, {"Semdinli": entry("Semdinli", iso="TR")})
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1.name.startswith("Military Forces of Turkey")
    assert event.actor2.name.startswith("PKK")


def test_an_ally_named_with_the_agent_is_not_the_other_side(run):
    text = (
        "On 8 March 2022, army troops and allied tribal fighters took control of Wadi Rumman, "
        "killing a number of Houthi fighters."
    )
    (event,) = run(text, {"Wadi Rumman": entry("Wadi Rumman", iso="YE")})
    assert event.sub_event_type == "Government regains territory"
    assert event.actor2.name.startswith("Military Forces of Yemen (2016-) Supreme Political Council")


def test_each_place_of_a_list_of_targets_keeps_its_own_holder(run):
    text = "On 8 March 2022, rebels raided a police post in Ruhengeri and an army barracks in Gisenyi."
    events = run(text, {"Ruhengeri": entry("Ruhengeri", iso="RW"), "Gisenyi": entry("Gisenyi", iso="RW")})
    holders = {e.location.text: e.actor2.name for e in events}
    assert holders["Ruhengeri"].startswith("Police Forces of Rwanda")
    assert holders["Gisenyi"].startswith("Military Forces of Rwanda")


def test_unnamed_fighters_told_by_the_province_are_the_group_named_in_the_town(run):
    text = (
        "On 8 March 2022, in Ituri, soldiers fought gunmen of an armed group, witnesses said. "
        "CODECO militiamen captured the town of Fataki, according to a local chief."
    )
    ituri = entry("Ituri", feature="ADM1", iso="CD", gid=777001)
    places = {"Ituri": ituri, "Fataki": entry("Fataki", iso="CD", admin1_id=777001)}
    (event,) = run(text, places)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor2.name.startswith("Military Forces of the Democratic Republic of Congo")


def test_a_spokesman_telling_of_the_towns_far_below_is_a_source_of_their_events(run):
    background = " ".join(f"Fact {n} about the group is told here." for n in range(12))
    text = (
        "On 8 March 2022, soldiers entered Bunia and Komanda once the militiamen had withdrawn, an officer said. "
        + background
        + " Interior minister Paul Mabika said on state radio that the army had regained the two towns."
    )
    events = run(text, {"Bunia": entry("Bunia", iso="CD"), "Komanda": entry("Komanda", iso="CD")})
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"] * 2
    for event in events:
        assert any("Mabika" in source.speaker for source in event.attribution)


def test_a_commitment_to_fight_is_no_fight(run):
    text = "On 8 March 2022, in Kitchanga, a militia leader renewed his pledge to fight the M23 rebels."
    assert all(event.status == "planned" for event in run(text, {"Kitchanga": entry("Kitchanga", iso="CD")}))


def test_indias_central_armed_police_are_police_units(run):
    text = "On 8 March 2022, a grenade thrown by militants wounded three CRPF men in Tral."
    (event,) = run(text, {"Tral": entry("Tral", iso="IN")})
    assert event.sub_event_type == "Grenade"
    assert event.actor2.name == "Police Forces of India (2014-) Central Reserve Police Force"


def test_troops_moved_somewhere_are_the_actor_of_the_move(run):
    text = "On 8 March 2022, a detachment of GNB troops was deployed to Guasdualito to guard the border crossing."
    (event,) = run(text, {"Guasdualito": entry("Guasdualito", iso="VE")})
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1.name == "Military Forces of Venezuela (1999-) GNB: Venezuelan National Guard"


def test_an_age_is_not_a_count_of_the_dead(run):
    text = "On 8 March 2022, a 63-year-old shepherd was killed by a landmine near Kandahar."
    (event,) = run(text, {"Kandahar": entry("Kandahar", iso="AF")})
    assert event.fatalities.count == 1


def test_the_day_of_the_month_is_not_a_count_of_the_dead(run):
    text = "Around 1 May 2021, in Leon, two women were found dead."
    (event,) = run(text, {"Leon": entry("Leon", iso="MX")}, published=dt.date(2021, 5, 2))
    assert event.fatalities.count == 2


def test_a_closing_tally_of_fatalities_is_the_sources_coding(run):
    text = "On 8 March 2022, in Culiacan, two men were found shot dead. Another body was found nearby. 3 fatalities"
    (event,) = run(text, {"Culiacan": entry("Culiacan", iso="MX")})
    assert event.fatalities.count == 3


def test_the_dead_of_a_clause_telling_no_event_are_the_main_clauses(run):
    text = (
        "On 8 March 2022, troops captured an insurgent camp near Muidumbe following a gunfight with "
        "the militants, which ended in 9 militants dead and 2 wounded."
    )
    (event,) = run(text, {"Muidumbe": entry("Muidumbe", iso="MZ")})
    assert event.fatalities.count == 9


def test_deaths_told_in_the_next_sentence_are_the_events(run):
    text = "On 8 March 2022, a gang shot two taxi drivers in San Pedro Sula. One driver died and the other is in hospital."
    (event,) = run(text, {"San Pedro Sula": entry("San Pedro Sula", iso="HN")})
    assert event.fatalities.count == 1


def test_a_patrol_hit_by_a_grenade_is_the_target(run):
    text = "On 8 March 2022, unknown attackers threw a grenade at a CRPF patrol in Pulwama."
    (event,) = run(text, {"Pulwama": entry("Pulwama", iso="IN")})
    assert event.actor1.name == "Unidentified Armed Group (India)"
    assert event.actor2.name == "Police Forces of India (2014-) Central Reserve Police Force"


def test_a_drone_shot_down_belongs_to_the_side_operating_it(run):
    text = "On 8 April 2022, over Harad, Houthi fighters shot down a surveillance drone flown by the Saudi-led coalition."
    (event,) = run(text, {"Harad": entry("Harad", iso="YE")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor2.name == "Operation Restoring Hope"


def test_a_named_factions_security_forces_making_arrests_are_its_police(run):
    # (ACLED names a faction's "security forces" that arrest its police: docs/extract.md, acled3)
    text = "On 8 April 2022, Houthi security forces detained three journalists in Dhamar."
    (event,) = run(text, {"Dhamar": entry("Dhamar", iso="YE")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Arrests"
    assert event.actor1.name.startswith("Police Forces of Yemen (2016-) Supreme Political Council")


def test_a_brigade_of_the_government_forces_regains_territory_for_them(run):
    text = "On 8 April 2022, the Giants Brigades took control of two hills near Qataba from Houthi forces."
    (event,) = run(text, {"Qataba": entry("Qataba", iso="YE")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Government regains territory"
    # ACLED appends a named unit to its force's name, after the period tag
    assert event.actor1.name == "Military Forces of Yemen (2012-) Giants Brigades"


def test_a_village_named_after_at_is_where_not_whom(run):
    text = "On 8 April 2022, a mob attacked and stoned two policemen at Sonpur village."
    (event,) = run(text, {"Sonpur": entry("Sonpur", iso="IN")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Mob violence"
    assert event.actor2.name.startswith("Police Forces of India")


def test_a_unit_placed_at_its_district_is_no_village_of_its_own(geocoder):
    # two villages no gazetteer holds, placed at their district, are two places (two events
    # when told apart); a township placed there is a unit, no second village beside them
    from thucydides.extract.events import _village

    text = "Troops were stationed in Thit Kaung and Ywar Thit villages, Ponnagyun Township, Sittwe District, Rakhine State, Myanmar."
    placed = {m.text: _village(m) for m in geocoder.find_places(text)}
    assert placed["Ywar Thit"] is True
    assert placed["Ponnagyun Township"] is False
    assert placed["Sittwe District"] is False
