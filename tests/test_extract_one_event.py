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
    text = "On 8 March 2022, JNIM militants made two attempts to attack an army post in Boulkessi. The soldiers repelled the assaults."
    (event,) = run(text, {"Boulkessi": entry("Boulkessi", iso="BF")})
    assert event.sub_event_type == "Armed clash"
    assert event.actor1.name.startswith("JNIM")
    assert event.actor2.name.startswith("Military Forces of Burkina Faso")


def test_an_attempted_attack_is_an_event_and_a_future_attempt_a_plan(run):
    (tried,) = run("On 8 March 2022, gunmen tried to attack a police post in Ouallam.", {"Ouallam": entry("Ouallam", iso="NE")})
    assert tried.status == "reported"
    (later,) = run("On 8 March 2022, gunmen will try to attack a police post in Ouallam.", {"Ouallam": entry("Ouallam", iso="NE")})
    assert later.status == "planned"


def test_the_attack_retold_with_another_subject_is_the_same_event(run):
    text = (
        "On 8 March 2022, a roadside bomb exploded near a police station in Jamame, killing two people. "
        "Soldiers arrived later to counter the attack."
    )
    (event,) = run(text, {"Jamame": entry("Jamame", iso="SO")})
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_the_group_claiming_a_bombing_did_it_not_the_police_who_came_after(run):
    text = (
        "On 8 March 2022, an IED exploded at a market in Baidoa. "
        "Policemen cordoned off the area and arrested two suspects. "
        "Al Shabaab claimed responsibility for the attack."
    )
    (event,) = run(text, {"Baidoa": entry("Baidoa", iso="SO")})
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1.name == "Al Shabaab"


def test_the_grievance_of_a_protest_retold_after_it_is_no_intervention(run):
    text = (
        "On 8 March 2022, lawyers held a protest in Quetta against the arrest of a colleague. "
        "He was arrested in connection with a land dispute."
    )
    (event,) = run(text, {"Quetta": entry("Quetta", iso="PK")})
    assert event.sub_event_type == "Peaceful protest"


def test_an_arrest_of_the_protesters_is_still_an_intervention(run):
    text = "On 8 March 2022, lawyers held a protest in Quetta against a new tax. Police arrested six of the protesters."
    (event,) = run(text, {"Quetta": entry("Quetta", iso="PK")})
    assert event.sub_event_type == "Protest with intervention"


def test_people_gathering_to_mark_a_day_and_detained_is_a_protest_with_intervention(run):
    text = "On 1 May 2022, police detained 12 workers who gathered in Kadikoy to mark Labour Day."
    (event,) = run(text, {"Kadikoy": entry("Kadikoy", iso="TR")}, published=dt.date(2022, 5, 2))
    assert event.sub_event_type == "Protest with intervention"


def test_the_month_of_march_is_no_march(run):
    (event,) = run("On 8 March 2022, police arrested two journalists in Izmir.", {"Izmir": entry("Izmir", iso="TR")})
    assert event.sub_event_type == "Arrests"


def test_inmates_burning_mattresses_for_a_demand_is_a_violent_demonstration(run):
    text = (
        "On 8 March 2022, inmates burned mattresses in the prison of Tocoron to demand family visits. "
        "Guards dispersed the demonstration."
    )
    (event,) = run(text, {"Tocoron": entry("Tocoron", iso="VE")})
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1.name == "Rioters (Venezuela)"


def test_armed_men_firing_on_a_road_blockade_is_excessive_force(run):
    text = (
        "On 8 March 2022, villagers blocked the road to Kidal to denounce the closure of their school. "
        "During the protest, militiamen opened fire, killing a protester."
    )
    (event,) = run(text, {"Kidal": entry("Kidal", iso="ML")})
    assert event.sub_event_type == "Excessive force against protesters"


def test_live_bullets_at_a_march_are_excessive_force(run):
    text = (
        "On 8 March 2022, soldiers dispersed a march in Beita with tear gas. "
        "Soldiers also fired live bullets at the marchers."
    )
    (event,) = run(text, {"Beita": entry("Beita", iso="PS")})
    assert event.sub_event_type == "Excessive force against protesters"


def test_demonstrators_taking_the_streets_take_no_territory(run):
    text = "On 8 March 2022, demonstrators took the streets in Mualla district to criticise the governor."
    (event,) = run(text, {"Mualla": entry("Mualla", iso="YE")})
    assert event.sub_event_type == "Peaceful protest"


def test_shots_fired_into_the_air_are_no_attack(run):
    text = "On 8 March 2022, border guards fired dozens of shots into the air near Kapitan Andreevo."
    assert run(text, {"Kapitan Andreevo": entry("Kapitan Andreevo", iso="BG")}) == []


def test_weapons_destroyed_by_troops_are_disrupted_weapons_use(run):
    text = "On 8 March 2022, the army destroyed a cache of weapons and ammunition belonging to the rebels near Bunia."
    (event,) = run(text, {"Bunia": entry("Bunia", iso="CD")})
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_side_forced_to_withdraw_lost_the_place_by_force(run):
    text = "On 8 March 2022, tribesmen took control of several checkpoints in Mukalla as government forces were forced to withdraw."
    (event,) = run(text, {"Mukalla": entry("Mukalla", iso="YE")})
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_curfew_announced_as_part_of_planned_attacks_is_a_change_of_activity(run):
    text = "On 8 March 2022, in Apatzingan, gunmen published a video announcing a curfew as part of planned attacks against a rival gang."
    (event,) = run(text, {"Apatzingan": entry("Apatzingan", iso="MX")})
    assert event.sub_event_type == "Change to group/activity"


def test_a_naming_verb_coordinated_with_the_clash_plans_nothing(run):
    text = "On 8 March 2022, two factions of the militia, called Alpha and Bravo, clashed in Walikale."
    (event,) = run(text, {"Walikale": entry("Walikale", iso="CD")})
    assert (event.sub_event_type, event.status) == ("Armed clash", "reported")


def test_a_participle_of_sexual_violence_is_a_deed(run):
    text = "On 8 March 2022, soldiers reportedly gang-raped one woman during a raid in Bamenda."
    (event,) = run(text, {"Bamenda": entry("Bamenda", iso="CM")})
    assert event.sub_event_type == "Sexual violence"


def test_a_convoy_entering_a_countrys_territory_is_not_that_countrys(run):
    text = (
        "On 8 March 2022, Turkish forces sent reinforcements to their positions near Afrin. "
        "The convoy of 30 vehicles entered Syrian territory at the border."
    )
    events = run(text, {"Afrin": entry("Afrin", iso="SY")})
    assert at(events) == [("Change to group/activity", "Afrin")]
    assert events[0].actor1.name.startswith("Military Forces of Turkey")


def test_a_vehicle_seized_in_a_town_is_looting_not_a_capture(run):
    text = "On 8 March 2022, gunmen seized a pickup truck of a local militia in Menaka."
    (event,) = run(text, {"Menaka": entry("Menaka", iso="ML")})
    assert event.sub_event_type == "Looting/property destruction"


def test_a_man_attacked_at_his_home_is_an_attack_on_him(run):
    text = "On 8 March 2022, a farmer was attacked by gunmen at his home in Kintampo. His motorbike was destroyed."
    (event,) = run(text, {"Kintampo": entry("Kintampo", iso="GH")})
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


def test_a_base_set_up_because_of_continued_attacks_is_a_current_event(run):
    text = "On 8 March 2022, UN peacekeepers installed a new temporary military base in Bule due to continued attacks by militiamen."
    (event,) = run(text, {"Bule": entry("Bule", iso="CD")})
    assert (event.sub_event_type, event.status) == ("Headquarters or base established", "reported")


def test_infrastructure_attacked_with_no_one_hurt_is_property_destruction(run):
    text = "On 8 March 2022, the pipeline near Saravena was attacked by unidentified armed men."
    (event,) = run(text, {"Saravena": entry("Saravena", iso="CO")})
    assert event.sub_event_type == "Looting/property destruction"


def test_a_governorship_closing_a_district_is_a_change_of_activity_by_the_government(run):
    text = "On 8 March 2022, the Siirt governorship sealed off the town of Pervari for ten days to curb an outbreak of measles."
    (event,) = run(text, {"Pervari": entry("Pervari", iso="TR")})
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1.name.startswith("Government of Turkey")


def test_what_had_happened_to_people_before_is_no_event_of_the_day(run):
    text = (
        "On 8 March 2022, students who had been arrested during protests in Arak and Qom were "
        "beaten and tortured by intelligence agents in Arak."
    )
    events = run(text, {"Arak": entry("Arak", iso="IR"), "Qom": entry("Qom", iso="IR")})
    assert at(events) == [("Attack", "Arak")]
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
    text = "On 8 March 2022, rebels attacked a police station in Ruhengeri and an army base in Gisenyi."
    events = run(text, {"Ruhengeri": entry("Ruhengeri", iso="RW"), "Gisenyi": entry("Gisenyi", iso="RW")})
    holders = {e.location.text: e.actor2.name for e in events}
    assert holders["Ruhengeri"].startswith("Police Forces of Rwanda")
    assert holders["Gisenyi"].startswith("Military Forces of Rwanda")


def test_unnamed_fighters_told_by_the_province_are_the_group_named_in_the_town(run):
    text = (
        "On 8 March 2022, the army clashed with fighters from a militia in Oromia, residents said. "
        "OLA rebels seized the town of Dembi Dolo, a local official said."
    )
    oromia = entry("Oromia", feature="ADM1", iso="ET", gid=777001)
    places = {"Oromia": oromia, "Dembi Dolo": entry("Dembi Dolo", iso="ET", admin1_id=777001)}
    (event,) = run(text, places)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor2.name.startswith("Military Forces of Ethiopia")


def test_a_spokesman_telling_of_the_towns_far_below_is_a_source_of_their_events(run):
    background = " ".join(f"Fact {n} about the group is told here." for n in range(12))
    text = (
        "On 8 March 2022, a military spokesman said troops moved into Kalehe and Minova after the rebels had pulled out. "
        + background
        + " Army spokesman Major Jean Bosco Kasereka told reporters that the two towns were now under government control."
    )
    events = run(text, {"Kalehe": entry("Kalehe", iso="CD"), "Minova": entry("Minova", iso="CD")})
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"] * 2
    for event in events:
        assert any("Kasereka" in source.speaker for source in event.attribution)


def test_a_commitment_to_fight_is_no_fight(run):
    text = "On 8 March 2022, in Kitchanga, a militia leader reaffirmed his commitment to fight the M23 rebels."
    assert all(event.status == "planned" for event in run(text, {"Kitchanga": entry("Kitchanga", iso="CD")}))


def test_indias_central_armed_police_are_police_units(run):
    text = "On 8 March 2022, militants hurled a grenade at CRPF personnel in Sopore, injuring two of them."
    (event,) = run(text, {"Sopore": entry("Sopore", iso="IN")})
    assert event.sub_event_type == "Grenade"
    assert event.actor2.name == "Police Forces of India (2014-) Central Reserve Police Force"


def test_troops_moved_somewhere_are_the_actor_of_the_move(run):
    text = "On 8 March 2022, a unit of GNB officers was moved to Guasdualito to secure the border crossing."
    (event,) = run(text, {"Guasdualito": entry("Guasdualito", iso="VE")})
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1.name == "Military Forces of Venezuela GNB: Venezuelan National Guard"


def test_an_age_is_not_a_count_of_the_dead(run):
    text = "On 8 March 2022, a 63-year-old farmer died when a landmine exploded near Hpakant."
    (event,) = run(text, {"Hpakant": entry("Hpakant", iso="MM")})
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
        "On 8 March 2022, the army took control of a rebel camp near Beni after clashes with the "
        "rebels, which resulted in 14 rebels dead and 3 captured."
    )
    (event,) = run(text, {"Beni": entry("Beni", iso="CD")})
    assert event.fatalities.count == 14


def test_deaths_told_in_the_next_sentence_are_the_events(run):
    text = "On 8 March 2022, two brothers were shot by gunmen in Apaseo. The younger one died and the other was hospitalised."
    (event,) = run(text, {"Apaseo": entry("Apaseo", iso="MX")})
    assert event.fatalities.count == 1


def test_a_patrol_hit_by_a_grenade_is_the_target(run):
    text = "On 8 March 2022, militants hurled a grenade at a CRPF patrol in Sopore."
    (event,) = run(text, {"Sopore": entry("Sopore", iso="IN")})
    assert event.actor1.name == "Unidentified Armed Group (India)"
    assert event.actor2.name == "Police Forces of India (2014-) Central Reserve Police Force"


def test_a_drone_shot_down_belongs_to_the_side_operating_it(run):
    text = "On 8 April 2022, Houthi forces reportedly shot down a reconnaissance drone operated by the Saudi-led coalition near Harad."
    (event,) = run(text, {"Harad": entry("Harad", iso="YE")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor2.name == "Operation Restoring Hope"


def test_a_named_security_force_making_arrests_keeps_its_name(run):
    text = "On 8 April 2022, the Houthi Preventive Security Force arrested twelve teachers in Dhamar."
    (event,) = run(text, {"Dhamar": entry("Dhamar", iso="YE")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Arrests"
    assert event.actor1.name.startswith("Military Forces of Yemen (2016-) Supreme Political Council")


def test_a_brigade_of_the_government_forces_regains_territory_for_them(run):
    text = "On 8 April 2022, the Giants Brigades took control of two hills near Qataba from Houthi forces."
    (event,) = run(text, {"Qataba": entry("Qataba", iso="YE")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1.name == "Military Forces of Yemen (2012-)"


def test_a_village_named_after_at_is_where_not_whom(run):
    text = "On 8 April 2022, a mob attacked and pelted stones at a team of policemen at Rampur village."
    (event,) = run(text, {"Rampur": entry("Rampur", iso="IN")}, published=dt.date(2022, 4, 10))
    assert event.sub_event_type == "Mob violence"
    assert event.actor2.name.startswith("Police Forces of India")
