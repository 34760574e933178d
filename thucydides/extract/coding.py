"""ACLED coding of one event from the cues gathered for it, with ACLED's precedence.

The rules read the cue categories of the event (from every mention merged into it), who acts
(actor1's inter) and who is hit (the target: armed, civilian, protesters or property). The
order of the checks is ACLED's row order (taxonomy.md), with its definitions: a battle needs
two organised armed sides, so protesters meeting police are a protest or a riot, an attack on
soldiers or police is an armed clash, an attack on civilians is violence against civilians,
and remote violence wins over it ("no other engagement"); an arrest by a non-state group is an
abduction; a capture without fighting is a non-violent transfer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thucydides.extract import lexicon
from thucydides.model import Plover

ARMED = frozenset({1, 2, 3, 4, 8})
CROWD = frozenset({5, 6, 7})
_EXPLOSIVE = ("chemical", "air", "air_platform", "suicide", "shelling", "ied", "grenade", "explosion")
_VIOLENT = ("clash", "attack", "kill", "air", "shelling", "ied", "suicide", "grenade", "explosion", "fire_on", "found_dead")


@dataclass
class Signals:
    """What coding needs to know about one event."""

    categories: dict[str, float] = field(default_factory=dict)  # cue category → strength
    agent_inter: int | None = None  # actor1
    target_inter: int | None = None  # actor2 or the victims
    target_kind: str | None = None  # "armed", "civilian", "protesters", "property", None
    deaths: bool = False
    crowd_violence: bool = False  # a mention where the crowd itself (or nobody named) is violent
    armed_fire: bool = False  # an armed actor shoots or kills in one of the event's mentions
    # the armed sides named in the event's mentions other than actor1 (their inter codes)
    other_sides: frozenset[int] = frozenset()

    def has(self, *categories: str) -> bool:
        return any(self.categories.get(c, 0) > 0 for c in categories)


def _seizure_only(s: Signals) -> bool:
    """Weapons seized or found and no one hurt ("seized 50 rifles in a raid on a hideout",
    "arrested four rebels and recovered grenades"): ACLED codes the seizure, not the raid."""
    harm = s.deaths or s.has("kill", "found_dead", "explosion", "fire_on", "clash", "injury", "torture", "sexual", "abduct")
    # "bombed militant positions, destroying a weapons store": the store is what a strike hit
    strike = s.has("air", "shelling") or (s.has("bombing_verb") and s.agent_inter in {1, 8})
    return s.has("disrupted") and s.has("weaponry", "arrest") and not harm and not strike


def _territory(s: Signals) -> str | None:
    # "M23 fighters entered X after clashes with the army": a side entering a place it fought an
    # armed side for took it (not gunmen entering a village to kill its people)
    entered_by_force = s.has("entry") and s.has("clash") and s.target_kind == "armed" and s.agent_inter in ARMED
    if not (s.has("takeover", "retake") or entered_by_force):
        # "withdrew its fighters from the city without a fight": the side leaving hands it over
        if (s.has("transfer") and s.has("withdraw", "nofight")) or (s.has("withdraw") and s.has("nofight")):
            return "Non-violent transfer of territory"
        return None
    # a place stormed or assaulted ("stormed the town after the troops fled") was taken by force
    fighting = s.has("clash", "kill", "air", "shelling", "fire_on", "forced_out") or s.deaths or s.categories.get("attack", 0) >= 1
    if s.has("nofight") or (s.has("withdraw", "transfer") and not fighting):
        return "Non-violent transfer of territory"
    if s.agent_inter == 1 or (s.has("retake") and s.agent_inter is None):
        return "Government regains territory"
    # "Rwandan and Mozambican forces recaptured X from ISM militants": a foreign force retaking a
    # place from a non-state group, no state's forces on the other side, fights for the government
    if s.has("retake") and s.agent_inter == 8 and s.target_inter != 1 and s.other_sides & {2, 3, 4} and 1 not in s.other_sides:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _riot_against_state(s: Signals) -> bool:
    """A crowd's stones, fire or fight against the police or soldiers told with its anger or the
    grievance it rose over (taxonomy: demonstrators using violence). Without one ("fans clashed
    with police after the match") the crowd is a mob."""
    crowd = s.agent_inter in {5, 6, 7} or (s.agent_inter is None and s.crowd_violence)
    against_state = s.target_inter == 1 or (s.target_kind == "armed" and s.agent_inter in {5, 6, 7})
    # "rioters torched shops and cars after a teenager was shot dead by police": the crowd's
    # fires over the state's violence are its demonstration, whatever they hit (not people:
    # a crowd beating a man is a mob, whatever angered it); people ("youths") are such a crowd
    # when the state's violence is named, not for their anger alone
    over_state = (s.has("outrage") and s.agent_inter in {5, 6, None}) or (s.has("state_outrage") and s.agent_inter in {5, 6, 7, None})
    against_state = against_state or (s.target_kind in {"property", None} and s.has("riot_violence") and over_state)
    riot = s.has("riot_violence") or (s.has("riot_clash", "attack") and s.agent_inter in {5, 6, 7})
    return crowd and against_state and riot and s.has("outrage") and not s.has("gunfight", *_EXPLOSIVE)


def _seat_stormed(s: Signals) -> bool:
    """ "Supporters of the defeated president stormed the national congress": a crowd storming
    where a state governs rose against the state, a demonstration turned violent (not a mob's
    attack on bystanders); armed men storming a palace are no crowd, and a crowd that beats the
    staff it found there ("stormed the mayor's office …, beating staff members") attacked people,
    a mob."""
    crowd = s.agent_inter in CROWD or (s.agent_inter is None and s.crowd_violence)
    return s.has("storm_seat") and crowd and s.target_kind != "civilian"


def _protest(s: Signals) -> str | None:
    crowd_acts = s.agent_inter in CROWD or s.agent_inter is None
    # "a suicide bomber targeted a rally", "grenades exploded at a rally": a bombing of a crowd
    # is remote violence; the crowd is its target (not the police's stun grenades, nor the
    # crowd's own petrol bombs)
    bombing = s.has("suicide", "ied", "air", "shelling", "chemical") or (s.has("grenade") and not s.has("dispersal"))
    if bombing and s.agent_inter not in CROWD | {1}:
        return None
    # "separatists enforced a lockdown to protest the arrest of a commander": a rebel group
    # (inter 2) does not demonstrate; the protest word tells why it acted, not a protest
    if s.agent_inter == 2 and not s.has("demo_tactic", "dispersal", "intervention"):
        return None
    # a protest is told by a protest word, or by protesters acting, or by a crowd's violence
    # with a demand ("barricaded roads with burning tires to demand their wages")
    protest = (
        s.categories.get("protest", 0) >= 1
        or (s.has("protest") and (s.agent_inter == 6 or s.target_kind == "protesters"))
        or (s.has("demo_tactic", "blockade") and s.has("protest_purpose") and crowd_acts)
        # a crowd blocking roads or burning tires: a demonstration's tactic, not a mob's attack
        or (s.has("demo_tactic", "blockade") and s.agent_inter in CROWD)
        # "inmates burned blankets to demand faster trials": vandalism for a demand
        or (s.has("destroy", "loot") and s.has("protest_purpose") and s.agent_inter in CROWD)
        # "police fired tear gas to disperse students": crowd control tells of a crowd gathered
        or (s.has("dispersal") and s.target_kind != "armed" and s.agent_inter not in {2, 3, 4, 8})
        # "students throwing stones fought running battles with police … Police fired tear gas to
        # disperse them": the police are the crowd's target, and the crowd it dispersed, whose
        # own violence is told, was demonstrating (no armed side fought the police)
        or (s.has("dispersal") and s.crowd_violence and s.target_inter == 1 and s.agent_inter in {1, None} | CROWD and not s.armed_fire)
        # "FC personnel fired on participants of the gathering … [size=thousands]": a note's crowd
        # size tells a crowd gathered, and armed men firing on it use force against protesters
        or (s.has("size_tag") and (s.agent_inter in ARMED or s.agent_inter is None) and s.has("lethal_force", "fire_on", "intervention", "dispersal") and s.target_kind != "armed")
        # "security forces fired on marchers": the state's force against the people of a protest
        or (s.has("protest") and s.agent_inter == 1 and s.has("lethal_force", "intervention", "dispersal") and s.target_kind != "armed")
        # "police shot dead two men as workers demanding higher wages blocked a highway": the
        # state's fire on a crowd blockading for a demand is force against its protest
        or (s.agent_inter == 1 and s.has("blockade", "demo_tactic") and s.has("protest_purpose") and s.has("lethal_force", "fire_on") and s.target_kind != "armed")
        # "opened fire on demonstrators demanding jobs": the people the force hit are named as a
        # protest's, no protest word needed
        or (s.target_kind == "protesters" and s.agent_inter == 1 and s.has("lethal_force", "fire_on"))
        # "angry youths stoned police and torched a police post after a man died in custody": a
        # crowd's riot against the state's forces over a grievance is a violent demonstration
        or _riot_against_state(s)
        or _seat_stormed(s)
        # "police and opposition supporters clashed": demonstrators fighting the state's forces
        or s.has("crowd_fought_force")
    )
    if not protest:
        return None
    if s.has("torture") and s.categories.get("protest", 0) < 1:
        return None  # "demonstrators were tortured in custody": no crowd control, no protest
    # the crowd's own violence makes a riot; stones thrown by the police do not
    vandalism = s.has("destroy", "loot") and s.agent_inter in CROWD
    # demonstrators who fought the police used violence themselves: a violent demonstration,
    # whoever died in it (force against protesters is the taxonomy's for peaceful ones)
    if s.has("crowd_fought_force") and not s.has("gunfight"):
        return "Violent demonstration"
    # "two women died after soldiers beat them during a rally": the dead of a protest the force
    # broke up are its victims, however they are named
    lethal = s.has("lethal_force") or (s.deaths and s.target_kind in {"protesters", "civilian", None})
    if lethal and (s.agent_inter in ARMED or s.armed_fire) and not vandalism and not s.has("riot_violence"):
        # a crowd blocking a road that armed men fire on: force against protesters, the
        # blockade is no violence of the crowd's own
        return "Excessive force against protesters"
    if s.crowd_violence or vandalism or _seat_stormed(s) or (s.has("riot_violence", "demo_tactic") and crowd_acts) or (s.has("riot_clash") and crowd_acts and s.agent_inter != 1):
        return "Violent demonstration"
    if s.has("lethal_force") or (s.deaths and s.target_kind == "protesters"):
        return "Excessive force against protesters"
    if s.has("intervention", "dispersal", "arrest"):
        return "Protest with intervention"
    return "Peaceful protest"


def _mob(s: Signals) -> str | None:
    crowd_acts = s.agent_inter in CROWD
    if s.has("grenade", "ied", "air", "shelling", "suicide", "chemical"):
        return None  # a crowd throws stones, not bombs
    if s.has("sexual"):
        return None  # harm of a sexual nature is sexual violence, whoever does it
    if s.has("gunfight") and not s.has("mob"):
        return None  # a shootout is fought with guns, by armed men however they are named
    # two armed sides ("fighting between the cartel and a rival gang") are a battle, not a mob
    if s.has("mob") and s.agent_inter not in {1, 2, 8} and not (s.agent_inter in ARMED and s.target_kind == "armed"):
        return "Mob violence"
    # a crowd or a group of people who beat, attack or fight: mob violence
    if crowd_acts and (s.has("riot_violence", "riot_clash", "demo_tactic") or s.has("clash") or s.has("attack", "kill")):
        return "Mob violence"
    # "two groups clashed and pelted stones at each other": unnamed sides fighting with stones
    if s.agent_inter is None and s.has("riot_violence") and s.has("clash", "riot_clash"):
        return "Mob violence"
    return None


def _battle(s: Signals) -> str | None:
    # "members of two cartel factions engaged in a shootout": a gun battle has armed sides,
    # whoever the words name
    if s.has("gunfight") and not s.has("mob"):
        return "Armed clash"
    if s.agent_inter in CROWD or s.target_kind in {"civilian", "protesters"} and not s.has("clash"):
        return None
    if s.has("clash") or (s.has("mob") and s.agent_inter in ARMED and s.target_kind == "armed"):
        # a shoot-out of armed men with a "suspect" is still a clash; civilians fighting are not
        if s.target_kind in {"civilian", "protesters", "property"} and s.agent_inter not in ARMED:
            return "Armed clash" if _toll_of_unnamed_fighting(s) else None
        return "Armed clash"
    explosive = s.has(*_EXPLOSIVE)
    if _seizure_only(s):
        return None
    if s.target_kind == "armed" and not explosive and s.has("attack", "kill", "fire_on"):
        return "Armed clash"
    if s.has("fire_on") and not explosive and s.target_kind in {None, "armed"} and s.agent_inter in ARMED:
        return "Armed clash"
    return None


def _toll_of_unnamed_fighting(s: Signals) -> bool:
    """ "Three people were killed in fighting in X": fighting no side of which is named, told only
    by its dead, is a battle between armed groups nobody identified (ACLED's unidentified armed
    group), not an attack on the people it killed; a crowd's clash ("supporters clashed"), a
    protest, a mob or an attack word make it something else."""
    return (s.agent_inter is None and not s.other_sides and s.target_kind == "civilian" and s.deaths and not s.crowd_violence
            and not s.has("protest", "mob", "attack", "fire_on", "riot_violence", "demo_tactic", "dispersal"))


def _remote(s: Signals) -> str | None:
    if _seizure_only(s) and not s.has("attack"):
        return None  # grenades and bombs seized with their holders are no grenade attack
    if s.has("chemical"):
        return "Chemical weapon"
    # "a bomber wearing an explosive vest": an aircraft word beside a suicide bombing is the bomber
    if s.has("air") or (s.has("air_platform") and not s.has("suicide") and s.has("attack", "kill", "explosion", "ied", "shelling")):
        return "Air/drone strike"
    # "fighter jets destroyed a hideout": what aircraft destroy, they destroy from the air
    if s.has("air_agent") and s.has("destroy"):
        return "Air/drone strike"
    if s.has("suicide"):
        return "Suicide bomb"
    # "government troops bombed a school", "Israelis bombed a camp" (the verb, no device, gun or
    # shell named): a state's forces bombing a place do so from the air, never a controlled
    # detonation
    if s.has("bombing_verb") and s.agent_inter in {1, 8}:
        return "Air/drone strike"
    # police or soldiers blowing up a bomb that hurt no one: a controlled detonation
    if s.has("ied", "explosion") and s.agent_inter == 1 and not s.deaths and not s.has("injury", "shelling", "air", "grenade"):
        return "Disrupted weapons use"
    if s.has("shelling"):
        return "Shelling/artillery/missile attack"
    if s.has("ied"):
        return "Remote explosive/landmine/IED"
    if s.has("grenade"):
        return "Grenade"
    if s.has("explosion") and s.has("attack", "kill") or s.categories.get("explosion", 0) >= 1:
        return "Remote explosive/landmine/IED"
    return None


def _civilians(s: Signals) -> str | None:
    if s.has("sexual"):
        return "Sexual violence"
    abduction = s.has("abduct") or (s.has("arrest") and s.agent_inter in {2, 3, 4})
    harm = s.deaths or s.has("kill", "found_dead", "torture", "fire_on", "injury")
    if _seizure_only(s) and s.has("weaponry"):
        return None
    # a raid on houses that hurt no one is property destruction or looting
    if s.target_kind == "property" and not harm and not abduction:
        return None
    # "police detained 12 residents … the men were taken to an unknown location": the state's
    # arrest, told with where the detained were taken, is the arrest (strategic, below)
    if s.has("arrest") and s.agent_inter == 1 and not harm:
        return None
    # "the attack" that was a kidnapping: an abduction unless someone was also killed or hurt
    if abduction and not harm:
        return "Abduction/forced disappearance"
    # "Israeli forces arrested 25 Palestinians during raids": a state force's raid that hurt no
    # one and took people into custody is the arrest (strategic, below)
    if s.has("arrest") and s.agent_inter in {1, 8} and not harm and s.categories.get("attack", 0) >= 1 and not s.has("sexual"):
        return None
    # a weak word ("violence", "incident") beside another deed is its setting ("sends troops as
    # ethnic violence spreads"), no attack of its own
    # (people wounded by an armed side, "injured two villagers with live ammunition", were attacked)
    violent = (s.categories.get("attack", 0) >= 1 or s.has("kill", "found_dead", "torture", "fire_on", "lethal_force" if s.deaths else "")
               or (s.has("injury") and s.has("lethal_force") and s.agent_inter in ARMED))
    # (a raid on shops and homes in which people were killed is an attack on their owners)
    if violent and (s.target_kind in {"civilian", None, "protesters"} or s.target_kind == "property" and s.deaths) and not (s.target_kind in {None, "property"} and s.agent_inter in CROWD):
        return "Attack"
    if s.has("abduct") or (s.has("arrest") and s.agent_inter in {2, 3, 4}):
        return "Abduction/forced disappearance"
    return None


def _strategic(s: Signals) -> str | None:
    if s.has("disrupted") and s.has("weaponry") and s.has("arrest"):
        # ACLED codes a seizure of weapons with the arrest of their holders as the seizure
        return "Disrupted weapons use"
    order = (
        # a seizure of power is the happening; the arrests and seizures in it are its means
        ("coup", "Other"),
        # guns fired into the air, a blast of no one's doing: no attack, base or cache is the news
        ("mishap", "Other"),
        ("air_shots", "Other"),
        ("agreement", "Agreement"),
        ("arrest", "Arrests"),
        # "established checkpoints and a base": a base set up is what stays; a movement or a
        # patrol that sets one up is how it came there (not troops deployed to their outposts)
        ("base_set", "Headquarters or base established"),
        ("formation", "Change to group/activity"),
        ("group_change", "Change to group/activity"),
        # armed men marching on a place, no fight told: a force on the move
        ("advance", "Change to group/activity"),
        ("disrupted", "Disrupted weapons use"),
        ("base", "Headquarters or base established"),
        ("loot", "Looting/property destruction"),
        ("destroy", "Looting/property destruction"),
        ("transfer", "Non-violent transfer of territory"),
        ("displacement", "Other"),
        ("other", "Other"),
    )
    for category, label in order:
        # a group that moves or deploys is an armed one: refugees arriving are displacement
        if category == "group_change" and s.agent_inter in CROWD:
            continue
        if category == "agreement" and s.categories.get("agreement", 0) < 1:
            continue
        if category == "base_set" and not s.has("base"):
            continue
        if category == "air_shots" and s.agent_inter == 1:
            continue  # a state's forces firing warning shots: no event of their own
        if s.has(category):
            return label
    if s.has("group_change") and s.agent_inter in CROWD:
        return "Other"
    # "the oil field was attacked", no one hurt: the destruction of property
    if s.target_kind == "property" and s.has("attack") and not s.deaths and not s.has("injury"):
        return "Looting/property destruction"
    return None


def _truce(s: Signals) -> str | None:
    """"signed a cessation of hostilities agreement", "reached a ceasefire deal, ending weeks of
    fighting": an agreement told with the fighting it stops, no one killed, hurt or shot at in
    it, is the agreement (ACLED's Agreement row); the fighting word names what ended."""
    if s.categories.get("agreement", 0) < 1 or not s.has("clash") or not s.has("truce"):
        return None
    harm = s.deaths or s.has("kill", "found_dead", "fire_on", "injury", "gunfight", "takeover", "retake", "abduct", "arrest", *_EXPLOSIVE)
    return None if harm or s.categories.get("attack", 0) >= 1 else "Agreement"


def _riot_between_armed_groups(s: Signals) -> str | None:
    """"a riot broke out in the prison between inmates of gang A and gang B": a riot whose two
    sides are named organised armed groups (rebels, gangs) is their fight, an Armed clash
    (taxonomy.md: two organised armed sides), not rioters demonstrating nor an attack on the
    inmates who died in it."""
    named_groups = {2, 3}
    if s.has("riot_named") and s.agent_inter in named_groups and s.other_sides & named_groups and 1 not in s.other_sides:
        return "Armed clash"
    return None


def classify(signals: Signals) -> str | None:
    """ACLED sub-event type of an event, or None when the cues name no codable event."""
    for rule in (_truce, _territory, _riot_between_armed_groups, _protest, _mob, _battle, _remote, _civilians, _strategic):
        label = rule(signals)
        if label:
            return label
    if signals.has("attack", "kill") and signals.target_kind == "armed":
        return "Armed clash"
    return None


def event_type_of(sub_event_type: str) -> str:
    return lexicon.coding_rows()[sub_event_type].event_type


def rank(sub_event_type: str) -> int:
    """ACLED precedence: 0 is the highest row."""
    return lexicon.coding_rows()[sub_event_type].rank


def plover_of(sub_event_type: str, signals: Signals) -> Plover:
    row = lexicon.coding_rows()[sub_event_type]
    event_type, mode = row.plover, row.mode
    for category, chosen in row.modes.items():
        if signals.has(category):
            if ":" in chosen:
                event_type, mode = chosen.split(":", 1)
            else:
                mode = chosen
            break
    if sub_event_type == "Air/drone strike" and signals.has("air_platform") and not signals.has("air"):
        mode = row.mode
    return Plover(event_type=event_type, mode=mode, context=row.context)
