"""ACLED coding from cue categories: precedence and definitions (no model needed)."""

from __future__ import annotations

import pytest

from thucydides.extract import coding, lexicon
from thucydides.extract.coding import Signals, classify


def signals(*categories: str, agent: int | None = None, target: str | None = None, deaths: bool = False, **strengths: float) -> Signals:
    found = {c: 1.0 for c in categories}
    found.update(strengths)
    return Signals(found, agent, None, target, deaths)


def test_the_coding_table_has_acleds_25_types_in_precedence_order():
    rows = lexicon.coding_rows()
    assert len(rows) == 25
    order = sorted(rows.values(), key=lambda row: row.rank)
    assert order[0].sub_event_type == "Government regains territory"
    assert order[-1].sub_event_type == "Other"
    assert {row.event_type for row in order} == {
        "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians", "Strategic developments",
    }


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # territory: who takes it decides the row; without fighting it is a transfer
        (signals("takeover", agent=2), "Non-state actor overtakes territory"),
        (signals("takeover", agent=1), "Government regains territory"),
        (signals("retake"), "Government regains territory"),
        (signals("retake", agent=3), "Non-state actor overtakes territory"),
        (signals("takeover", "nofight", agent=1), "Non-violent transfer of territory"),
        (signals("transfer", "withdraw", agent=1), "Non-violent transfer of territory"),
        # a battle needs two armed sides
        (signals("clash", agent=2, target="armed"), "Armed clash"),
        (signals("attack", agent=3, target="armed"), "Armed clash"),
        # remote violence outranks the violence against civilians it causes
        (signals("air", "kill", agent=1, target="civilian", deaths=True), "Air/drone strike"),
        (signals("air_platform", "kill", agent=1, target="civilian", deaths=True), "Air/drone strike"),
        (signals("shelling", "kill", target="civilian"), "Shelling/artillery/missile attack"),
        (signals("suicide", "ied", "kill"), "Suicide bomb"),
        (signals("ied", "kill", target="armed"), "Remote explosive/landmine/IED"),
        (signals("grenade", "attack", target="civilian"), "Grenade"),
        (signals("chemical", "air"), "Chemical weapon"),
        # ... but a ground battle with air support is one battle
        (signals("clash", "air_platform", "attack", agent=1, target="armed"), "Armed clash"),
        (signals("sexual", "attack", "abduct", target="civilian"), "Sexual violence"),
        (signals("attack", "kill", agent=3, target="civilian", deaths=True), "Attack"),
        (signals("abduct", agent=3, target="civilian"), "Abduction/forced disappearance"),
        # "the attack" that was a kidnapping is an abduction unless someone was hurt
        (signals("abduct", "attack", agent=3, target="civilian"), "Abduction/forced disappearance"),
        (signals("abduct", "attack", "kill", agent=3, target="civilian", deaths=True), "Attack"),
        # an arrest by a rebel group is an abduction, by the police an arrest
        (signals("arrest", agent=2), "Abduction/forced disappearance"),
        (signals("arrest", agent=1), "Arrests"),
        (signals("agreement", agent=1), "Agreement"),
        (signals("group_change", agent=1), "Change to group/activity"),
        (signals("disrupted", agent=1), "Disrupted weapons use"),
        (signals("base", agent=8), "Headquarters or base established"),
        (signals("loot", agent=3), "Looting/property destruction"),
        (signals("displacement"), "Other"),
    ],
)
def test_classify_follows_acled_rows_and_definitions(given, expected):
    assert classify(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (signals("protest", agent=6), "Peaceful protest"),
        (signals("protest", "intervention", agent=6), "Protest with intervention"),
        (signals("protest", "arrest", agent=6), "Protest with intervention"),
        (signals("protest", "lethal_force", agent=1, target="protesters", deaths=True), "Excessive force against protesters"),
        # the crowd's own violence makes a riot, whatever force meets it
        (Signals({"protest": 1, "riot_violence": 1, "lethal_force": 1}, 1, None, None, True, True), "Violent demonstration"),
        (signals("demo_tactic", "protest_purpose", agent=7), "Violent demonstration"),
        (signals("riot_violence", "clash", agent=7), "Mob violence"),
        (signals("mob", "attack", agent=5), "Mob violence"),
        (signals("attack", agent=7, target="civilian"), "Mob violence"),
    ],
)
def test_protests_and_riots(given, expected):
    assert classify(given) == expected


def test_weak_protest_words_alone_are_no_protest_but_protesters_acting_are():
    assert classify(signals(protest=0.5)) is None
    assert classify(signals(protest=0.5, agent=6)) == "Peaceful protest"


def test_a_grenade_is_no_mob_weapon_and_a_clash_with_a_suspect_is_still_a_clash():
    assert classify(signals("grenade", "riot_clash", agent=7)) == "Grenade"
    assert classify(signals("clash", "kill", agent=1, target="civilian")) == "Armed clash"


def test_agreement_nouns_alone_make_no_agreement():
    assert classify(signals(agreement=0.5)) is None


def test_no_cue_no_event():
    assert classify(Signals()) is None
    assert classify(signals("injury")) is None


def test_plover_coding_on_every_row():
    for label in lexicon.coding_rows():
        plover = coding.plover_of(label, Signals())
        assert plover.event_type in {
            "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
            "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
        }, label
    takeover = coding.plover_of("Non-state actor overtakes territory", Signals())
    assert takeover.event_type == "ASSAULT" and "territory" in takeover.context
    assert coding.plover_of("Peaceful protest", Signals()).mode == "demo"
    drone = coding.plover_of("Air/drone strike", Signals({"air": 1.0, "drone": 1.0}))
    assert drone.mode == "drone"
    looting = coding.plover_of("Looting/property destruction", Signals({"loot": 1.0}))
    assert (looting.event_type, looting.mode) == ("COERCE", "seize")


def test_headings_name_known_types():
    headings = lexicon.coding_headings()
    assert headings["property destruction"] == "Looting/property destruction"
    assert set(headings.values()) <= set(lexicon.coding_rows())


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # a crowd storming a seat of power rose against the state: a violent demonstration
        (signals("attack", "riot_clash", "storm_seat", agent=7), "Violent demonstration"),
        (signals("attack", "riot_clash", "storm_seat", agent=5), "Violent demonstration"),
        # ... unless it beat the people it found there (a mob), or is armed men (no crowd)
        (signals("attack", "riot_clash", "storm_seat", "destroy", agent=6, target="civilian"), "Mob violence"),
        (signals("attack", "storm_seat", agent=3), "Attack"),
        # a riot's fires over the state's violence (an "after" clause's grievance) whatever they hit
        (signals("mob", "destroy", "riot_violence", "outrage", agent=5, target="property"), "Violent demonstration"),
        (signals("mob", "destroy", "riot_violence", agent=5, target="property"), "Mob violence"),
        # ... but a crowd beating a man is a mob, whatever angered it
        (signals("mob", "attack", "riot_violence", "outrage", agent=5, target="civilian"), "Mob violence"),
        # armed men marching on a town: a force on the move, no protest
        (signals("advance", agent=2), "Change to group/activity"),
        # the state's fire on a crowd blockading for a demand: force against its protest
        (signals("attack", "lethal_force", "blockade", "protest_purpose", agent=1, target="civilian", deaths=True), "Excessive force against protesters"),
    ],
)
def test_riots_by_acleds_rules(given, expected):
    assert classify(given) == expected
