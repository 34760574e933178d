"""Stage 3 of the pipeline: from a parsed article and its places to coded, sourced events.

extract_events reads the article (story.py: mentions of happenings clause by clause, placed,
dated and shared between each other), then:

1. mentions at the same place on compatible days with compatible actors are one event (ACLED's
   unit: one day × one location × one actor pair), coded by coding.py from all their cues, the
   higher ACLED row winning;
2. each event gets its actors (with fallbacks by type), date, fatalities, status, attribution
   chain, evidence spans, PLOVER coding, confidence and a stable id;
3. a source's own statement of its coding ("Fatalities coded as 4", "Arrests: On 4 May …") wins.

Background events (before the reporting window) are dropped unless ``keep_background``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from thucydides.extract import casualties, coding, gangs, lexicon, status
from thucydides.extract.actors import NOTE_LENGTH, ActorMention, country_name, dated, demonym_country, is_group_name, is_group_term
from thucydides.extract.dates import days_of
from thucydides.extract.mentions import RECIPROCAL_VERBS, Mention, allied
from thucydides.extract.places import home_countries, named_countries, names_an_unread_place
from thucydides.extract.story import _TYPING, Story, attach_floating_sources, compatible_days, denied, family, follow_up_operation, is_current, may_tell_the_same, place_key, place_mentions, read_story, resolve_dates, share_between_mentions, split_ranges, update_tolls
from thucydides.geocode.containers import is_placed
from thucydides.geocode.normalise import TYPE_WORDS
from thucydides.geocode.precision import geo_precision_of, national_capital
from thucydides.model import Actor, Article, Event, EventDate, Evidence, Fatalities, Location, PlaceMention, without_period

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from thucydides.extract.attribution import Statement
    from thucydides.extract.places import EventPlace
    from thucydides.extract.sentences import Sentence

log = logging.getLogger(__name__)


# --- grouping into events ------------------------------------------------------------------------


def _sides(mention: Mention) -> set[str]:
    return {m.actor.name for m in (mention.agent, mention.target) if m is not None}


def _agents_conflict(a: Mention, b: Mention) -> bool:
    if a.agent is None or b.agent is None:
        return False
    x, y = a.agent.actor, b.agent.actor
    if x.name == y.name or not (a.agent.armed and b.agent.armed):
        return False
    # "rebels attacked an army post … soldiers repelled the assault": one fight told from each
    # side; its two sides are one actor pair (ACLED's day × place × pair)
    if y.name in _sides(a) or x.name in _sides(b):
        return False
    # "the attack", "the assault" told again with someone else as its subject ("soldiers
    # searched the houses around the site of the attack"): the event already told, not a second one
    if a.anaphoric or b.anaphoric:
        return False
    # "Russia launched a missile at X. Ukraine's air force said it shot down the missile": the
    # interception of a launch told before is that launch told by the side that stopped it
    if _interception_of(a, b) or _interception_of(b, a):
        return False
    # "troops moved in after the rebels had pulled out": the side leaving and the side entering
    # make one transfer of the place
    if _retreats(a) or _retreats(b):
        return False
    # "anti-regime forces said they seized …" and "a PDF battalion said it overran …": the group
    # named is one of the forces its enemy names them by
    if {a.agent.kind, b.agent.kind} == {"anti", "named"} and {x.inter, y.inter} <= {2, 3}:
        return False
    generic = ("Unidentified",)
    return not (x.name.startswith(generic) or y.name.startswith(generic)) and {x.inter, y.inter} != {1}


_LAUNCHES = {"shelling", "air", "air_platform"}
_PROJECTILES = {"missile", "missiles", "rocket", "rockets", "drone", "drones", "projectile", "projectiles", "shell", "shells"}


def _interception_of(stop: Mention, launch: Mention) -> bool:
    """``stop`` shoots down what ``launch`` fired, named back ("shot down the missile", "the
    drones were intercepted", "it was downed")."""
    if "disrupted" not in stop.categories or not set(launch.categories) & _LAUNCHES:
        return False
    doc = stop.sentence.doc
    for cue in stop.cues:
        if cue.category != "disrupted":
            continue
        head = doc[cue.head]
        for word in (head, head.head):
            for c in word.children:
                if c.dep_ not in {"dobj", "nsubjpass"}:
                    continue
                if c.lower_ in {"it", "them"} or (c.lower_ in _PROJECTILES and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that", "these", "those"} for d in c.children)):
                    return True
    return False


def _villages_apart(a: Mention, b: Mention) -> bool:
    """Two places no gazetteer holds, both coded at the unit they lie in and told apart ("an
    attack on a market in A and another strike on B"): two happenings, though they share a
    point. Places named together in one phrase ("stormed A and B villages") stay one event."""
    if a.place is None or b.place is None or a.place.place is None or b.place.place is None:
        return False
    pa, pb = a.place.place, b.place.place
    if not (_village(pa.mention) and _village(pb.mention)) or pa.mention.text.lower() == pb.mention.text.lower():
        return False
    doc = a.sentence.doc
    # (a clause that takes its place from the sentence before, "households abandoned these
    # villages", is told at the places that sentence names together, not apart from them)
    if _sentence_of(doc[pa.last]) != _sentence_of(doc[pb.last]):
        return True
    return _phrase_root(doc[pa.last]) != _phrase_root(doc[pb.last])


def _sentence_of(token: Token) -> int:
    return token.sent.start


def _village(mention: PlaceMention) -> bool:
    """A name placed at the unit it lies in, not a unit itself ("X Township" placed at its
    district is a unit with no point of its own, not a village)."""
    entry, words = mention.entry, mention.text.lower().split()
    return is_placed(mention) and entry is not None and entry.name.lower().split()[0] not in words and words[-1] not in TYPE_WORDS


def _phrase_root(token: Token) -> int:
    """The first of a run of coordinated names ("A, B and C villages": A's head)."""
    while token.dep_ in {"conj", "compound", "appos"} and token.head.i != token.i:
        token = token.head
    return token.i


def _retreats(mention: Mention) -> bool:
    """A side leaving a place: "withdrew", "pulled out", or armed men who "fled" (no refugees)."""
    armed_flight = "displacement" in mention.categories and mention.agent is not None and mention.agent.armed
    return "withdraw" in mention.categories or armed_flight


def _flight_only(mention: Mention) -> bool:
    """People leaving a place and doing nothing else ("families are fleeing"), armed men aside."""
    return bool(mention.categories) and set(mention.categories) <= {"displacement"} and not _retreats(mention)


def _handed_to(group: list[Mention]) -> Actor | None:
    """The side a place was "handed (over) to"."""
    for m in group:
        for token in m.sentence.span:
            if token.lemma_.lower() != "hand":
                continue
            given = {p.i for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"}
            found = next((a.actor for a in m.actors if a.head in given and a.armed), None)
            if found is not None:
                return found
            # "the army took over the barracks handed over by UN peacekeepers": the giver is the
            # passive's agent; the place went to the side that took it over
            givers = {p.i for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"}
            giver = next((a.actor for a in m.actors if a.head in givers and a.armed), None)
            taker = next((a.actor for a in m.actors if a.armed and giver is not None and a.actor.name != giver.name and a.head not in givers), None)
            if taker is not None:
                return taker
    return None


def _civilians_fled(mention: Mention) -> bool:
    """ "families fled their homes after fighting between X and Y": the subject of the flight
    verb is civilians (whoever the clause about the fighting names)."""
    doc = mention.sentence.doc
    verbs = [doc[c.head] for c in mention.cues if c.category == "displacement"]
    subjects = {t.i for v in verbs for t in v.children if t.dep_ in {"nsubj", "nsubjpass"}}
    return any(a.is_civilian and a.head in subjects for a in mention.actors)


_SEIZED_ARMS = {"disrupted", "weaponry"}


def _arms_recovered(mention: Mention) -> bool:
    """Weapons recovered or seized and nothing else ("troops recovered an M16 rifle and
    documents")."""
    return "disrupted" in mention.categories and set(mention.categories) <= _SEIZED_ARMS


def _point_of(place: EventPlace | None) -> tuple[str, float, float] | None:
    entry = place.place.mention.entry if place is not None and place.place is not None else None
    return None if entry is None else (entry.name.lower(), round(entry.latitude, 3), round(entry.longitude, 3))


def _headline_at_the_same_place(mention: Mention, first: Mention) -> bool:
    """A headline's place and its lead's, told the same way, as two gazetteer entries of one
    name at one point ("Rio" read as the municipality, "Rio de Janeiro" as the city it holds):
    one place, so the headline is the lead's account, not a second event."""
    if not (mention.sentence.is_headline or first.sentence.is_headline):
        return False
    point = _point_of(mention.place)
    return point is not None and point == _point_of(first.place) and (mention.background, mention.modality) == (first.background, first.modality)


def _latest_accounts(groups: list[list[Mention]]) -> list[list[Mention]]:
    """The groups, latest told first; of one sentence, an earlier deed told only in an "after"
    clause comes last ("soldiers stormed the town on Tuesday after separatists attacked a
    checkpoint the night before. Two men were shot dead in the raid": the raid is the latest account)."""
    def told(group: list[Mention]) -> tuple[int, bool]:
        return max(m.sentence.start for m in group), any(m.region.kind != "temporal" for m in group)

    return sorted(reversed(groups), key=told, reverse=True)


def _leaders_arrested_apart(mention: Mention, group: list[Mention]) -> bool:
    """ "Late on Wednesday night, gendarmes arrested two senior party leaders at the party
    headquarters" after a march broken up: an arrest of a movement's leaders, told in a sentence
    of its own, is an Arrests event of its own (the crowd's arrests stay the protest's)."""
    # (dated in its own sentence: "the leader had been arrested over …", told with no day, is the
    # cause a crowd rose up over, told back)
    if "arrest" not in mention.categories or mention.target is None or mention.date_source not in {"own", "sentence"}:
        return False
    if any(m.sentence.index == mention.sentence.index for m in group) or not any(family(m.categories) == "protest" or "lethal_force" in m.categories for m in group):
        return False
    doc, span = mention.sentence.doc, mention.sentence.span
    # (a target named back from another sentence may index another Doc: only its own counts)
    return span.start <= mention.target.head < span.end and doc[mention.target.head].lower_ in lexicon.status_words()["leader_nouns"]


def _shifted_in_time(mention: Mention) -> bool:
    """The mention is told in a clause that moves the time ("after …", "before …"), not in one
    of the same moment ("when …", "while …", "as …")."""
    if mention.region.kind != "temporal":
        return False
    return not any(c.dep_ in {"advmod", "mark"} and c.lower_ in {"when", "while", "as"} for c in mention.region.root.children)


def _groups(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of one event: same place, compatible days, same status, compatible actors."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        key = (place_key(mention.place), mention.background, mention.modality)
        # a clause with neither a place nor a day of its own ("According to local sources, three
        # militiamen and one soldier were killed") goes on with the latest account at its place,
        # not an earlier one there ("an attack near A on 15 February … a clash near A on the 16th")
        latest_first = mention.place_source == "previous" and mention.date_source not in {"own", "sentence"}
        for group in _latest_accounts(groups) if latest_first else groups:
            first = group[0]
            if (place_key(first.place), first.background, first.modality) != key and not _headline_at_the_same_place(mention, first):
                continue
            # a killing told in "after …" is what a protest was about, not part of it
            # (not a "when" clause: "the crowd was marching when police fired tear gas" tells one
            # moment of the same happening)
            temporal = _shifted_in_time(mention) or any(_shifted_in_time(m) for m in group)
            # but "seized the town after government troops withdrew": the side leaving is how
            # the place changed hands, part of the takeover
            handover = any(_retreats(m) for m in (mention, first)) and any(_takes_place(m) for m in (mention, first))
            # and "the fighting lasted hours before reinforcements arrived": forces moving into a
            # fight are part of it
            # (and armed men fleeing it: "the other militants fled")
            # (and captives freed by it: "the other militants fled and the captives were freed")
            reinforcing = any(set(m.categories) <= {"group_change", "other"} or _retreats(m) for m in (mention, first)) and "violent" in {family(mention.categories), family(first.categories)}
            # and "a firefight ensued, after which the rebels withdrew … Troops recovered two rifles
            # at the site": arms taken after a fight, told in a clause of their own, are its spoils
            spoils = mention.region.kind != "temporal" and _arms_recovered(mention) and any(family(m.categories) == "violent" for m in group)
            if temporal and family(mention.categories) != family(first.categories) and not handover and not reinforcing and not spoils and not _arrested_after(mention, first):
                continue
            if any(_another_kind_before(mention, other) for other in group):
                continue
            if not all(compatible_days(mention, other) for other in group) and not _goes_on(mention, group):
                continue
            # two kinds of violence told in sentences of their own are two happenings: "resistance
            # forces attacked an outpost in A, and fighting lasted hours" … "the junta responded
            # with air strikes on the town" is a clash and an air strike (ACLED codes both)
            if _told_apart(mention, group):
                continue
            if any(_agents_conflict(mention, other) for other in group):
                continue
            if _denies_another_deed(mention, group) or any(_denies_another_deed(other, [mention]) for other in group):
                continue
            if any(_villages_apart(mention, other) for other in group):
                continue
            # what came "after the attack" with a toll of its own ("killed 40 militants in air
            # strikes in the days after the attack") is not the attack
            # (nor is a deed of another kind told after it: "Hours later, a bomb exploded in the
            # town" after a shooting, "After the attack, youths burned a mosque")
            # (but "residents recovered 12 bodies after the fighting": dead counted with no deed
            # of the clause's own besides the one it names back are that deed's)
            if mention.sequel and mention.sentence.index != first.sentence.index and (
                any(c.kind == "death" for c in mention.counts) and _own_cues(mention) or _another_deed(mention, group)
            ):
                continue
            if family(mention.categories) == "protest" and family(first.categories) == "strategic" and "arrest" not in first.categories:
                continue
            if _leaders_arrested_apart(mention, group):
                continue
            if _later_fight_after_a_massacre(mention, group):
                continue
            if _crowd_outside_a_fight(mention, group):
                continue
            group.append(mention)
            break
        else:
            groups.append([mention])
    return groups


# what a crowd's own gathering, or its dispersal, is told by ("gathered to demand", "dispersed them")
_CROWD_ACCOUNT = {"protest", "dispersal"}


def _armed_groups_deed(mention: Mention) -> bool:
    """A non-state armed doer's deed on anyone but a crowd: a fight between gangs ("a riot broke
    out between inmates of gang A and gang B"), gunmen's attack on neighbours."""
    agent, target = mention.agent, mention.target
    return agent is not None and agent.actor.inter in {2, 3, 4} and not (target is not None and target.actor.inter in {5, 6})


def _crowd_outside_a_fight(mention: Mention, group: list[Mention]) -> bool:
    """ "A riot broke out inside the prison between inmates of two gangs … Relatives gathered
    outside the prison to demand news; the guards dispersed them with tear gas": a crowd's
    gathering (or its dispersal), told with no armed group as its doer, beside an armed group's
    deed at the same place is a demonstration of its own, not the fight or the attack (ACLED
    codes the two); a group that already holds a crowd's account is the demonstration's."""
    if not set(mention.categories) & _CROWD_ACCOUNT or _armed_groups_deed(mention):
        return False
    return any(_armed_groups_deed(m) for m in group) and not any(set(m.categories) & _CROWD_ACCOUNT for m in group)


# deeds a clause tells as its own doing
_DEEDS = {"kill", "attack", "clash", "abduct", "fire_on", "destroy", "loot"}


def _another_kind_before(a: Mention, b: Mention) -> bool:
    """ "Gunmen killed a policeman in X on Monday, hours after a bomb blast in the city wounded
    six": a deed of a kind of its own (a blast) told in a time clause of a sentence whose main
    clause tells another deed (a shooting) is another happening, not the means of the first."""
    for early, main in ((a, b), (b, a)):
        if early.region.kind != "temporal" or main.region.kind == "temporal" or early.sentence.index != main.sentence.index:
            continue
        kinds = set(early.categories) & _TYPING
        # (not a capture: "seized X after air strikes pounded …" tells how the place was taken)
        # (nor deaths told with no doer, "two people were killed after clashes erupted": the
        # time clause tells what killed them)
        # (and told as a happening, with harm or a doer of its own: "after a member of one group
        # was kidnapped" is what a fight broke out over)
        told = bool(early.counts) or early.agent is not None
        if told and kinds and not kinds & set(main.categories) and {c.category for c in main.cues if c.anchor} & _DEEDS and main.agent is not None and not _takes_place(main):
            return True
    return False


_GOING_ON = {"continue", "last", "persist", "rage", "drag", "go"}
_OVERNIGHT = re.compile(r"\b(?:until|till|into) (?:the )?(?:early hours|small hours|dawn|daybreak|first light|morning)\b|\bovernight\b", re.IGNORECASE)


def _goes_on(mention: Mention, group: list[Mention]) -> bool:
    """ "The clashes continued until the early hours of Monday": the fight told before, going on
    into the next day (the day it ended is no new fight), when the group is a fight of the day before."""
    doc = mention.sentence.doc
    going_on = any(
        c.category == "clash"
        and doc[c.head].dep_ == "nsubj"
        and doc[c.head].head.lemma_.lower() in _GOING_ON
        and any(d.dep_ == "det" and d.lower_ in {"the", "this", "these"} for d in doc[c.head].children)
        for c in mention.cues
    )
    # (only through the night: a fight going on for days is an event a day, ACLED's practice)
    if not going_on or mention.day is None or not _OVERNIGHT.search(mention.sentence.text):
        return False
    if any(m.sentence.index == mention.sentence.index for m in group):
        return False
    days = [m.day for m in group if m.day is not None and m.date_source in {"own", "sentence"}]
    return bool(days) and all(family(m.categories) == "violent" for m in group if set(m.categories) & _TYPING) and all(0 <= (mention.day - d).days <= 1 for d in days)


_FROM_THE_AIR = {"air"}
_ON_THE_GROUND = {"clash", "takeover", "retake"}


def _told_apart(mention: Mention, group: list[Mention]) -> bool:
    """An air strike told in a sentence of its own after a ground fight at the place (or the
    fight after the strike), each typed by its own kind only: two happenings."""
    def kinds(m: Mention) -> set[str]:
        # its own sentence's words only (not the kind lent to it by an account told before)
        span = m.sentence.span
        return {c.category for c in m.cues if c.category in _TYPING and span.start <= c.head < span.end}

    def apart(a: set[str], b: set[str]) -> bool:
        return bool(a) and bool(b) and (a <= _FROM_THE_AIR and b <= _ON_THE_GROUND or b <= _FROM_THE_AIR and a <= _ON_THE_GROUND)

    typed = [m for m in group if kinds(m)]
    return bool(typed) and all(m.sentence.index != mention.sentence.index and apart(kinds(mention), kinds(m)) for m in typed)


def _own_deeds(mention: Mention) -> set[str]:
    """The deeds a mention's own sentence words tell (not those lent by an account before)."""
    span = mention.sentence.span
    return {c.category for c in mention.cues if c.category in _DEEDS and span.start <= c.head < span.end}


def _denies_another_deed(mention: Mention, group: list[Mention]) -> bool:
    """ "Fighting broke out between M23 rebels and militiamen … The M23 denied attacking civilians
    in the territory": a side denying a deed of another kind than the one told at the place denies
    that deed (an accusation answered), not the fight told (a denial of "the account" or of the
    same kind of deed still is the told event's)."""
    if not denied(mention):
        return False
    own = _own_deeds(mention)
    told = set().union(*(_own_deeds(m) for m in group if m.sentence.index != mention.sentence.index))
    if own and told and not own & told:
        return True
    # "… clashes broke out in the south of the district. The Houthi agency denied that the
    # group's fighters had launched any attack": a denial told in a sentence of its own, of deeds
    # told as reported before, is that side's word (a denied report of its own), not what the
    # reports told
    return bool(told) and all(m.sentence.index < mention.sentence.index and not denied(m) for m in group if _own_deeds(m))


def _own_cues(sequel: Mention) -> set[str]:
    """The categories of a sequel's own deed: its cues, not the "after the attack" it follows."""
    doc = sequel.sentence.doc
    return {c.category for c in sequel.cues if not (doc[c.head].dep_ == "pobj" and doc[c.head].head.lower_ in {"after", "following"})}


def _another_deed(sequel: Mention, group: list[Mention]) -> bool:
    """A sequel whose own deed (its cues, not the "after the attack" it follows) shares no kind of
    violence with the event told before: another happening."""
    own = _own_cues(sequel)
    told = {category for m in group for category in m.categories}
    return bool(own) and not own & told


# adverbs telling that a deed came after the one told before it
_AFTERWARDS = {"later", "afterwards", "afterward", "subsequently", "thereafter"}


def _responded(verb: Token) -> bool:
    """ "troops responded to a distress call and engaged the attackers": a fight told as the
    answer to what was told before comes after it."""
    return verb.dep_ == "conj" and verb.head.lemma_.lower() in lexicon.status_words()["responding_verbs"]


def _fought_afterwards(mention: Mention) -> bool:
    """The mention's own fight is told as coming after what was told before ("troops later
    clashed with the group", "Hours later, soldiers engaged the attackers")."""
    doc = mention.sentence.doc
    span = mention.sentence.span
    return any(
        c.category == "clash" and span.start <= c.head < span.end
        and (mention.sequel or any(w.dep_ == "advmod" and w.lower_ in _AFTERWARDS for w in doc[c.head].children) or _responded(doc[c.head]))
        for c in mention.cues
    )


def _later_fight_after_a_massacre(mention: Mention, group: list[Mention]) -> bool:
    """ "Insurgents opened fire on a bus, killing the driver … Troops patrolling the area later
    clashed with the group": a fight that another armed side came to afterwards, told in a
    sentence of its own after armed men's attack on civilians, is a clash of its own (ACLED codes
    the attack on the civilians and the forces' fight with the attackers as two events)."""
    if mention.agent is None or not mention.agent.armed or any(m.sentence.index == mention.sentence.index for m in group):
        return False
    if not _fought_afterwards(mention):
        return False
    attackers = {m.agent.actor.name for m in group if m.agent is not None and m.agent.armed}
    on_civilians = any(m.target is not None and m.target.is_civilian for m in group)
    fought_before = any("clash" in m.categories for m in group)
    return on_civilians and not fought_before and bool(attackers) and mention.agent.actor.name not in attackers


def _arrested_after(a: Mention, b: Mention) -> bool:
    """ "Students were rounded up after police stormed a sit-in": arrests told of a protest that
    their "after" clause tells are its intervention (not "rallied after police arrested their
    leader": an arrest told in the "after" clause is what the crowd rose up over)."""
    for main, later in ((a, b), (b, a)):
        if later.region.kind == "temporal" and main.region.kind != "temporal" and family(later.categories) == "protest" and "arrest" in main.categories:
            return True
    return False


def _takes_place(mention: Mention) -> bool:
    return bool({"takeover", "retake", "transfer"} & set(mention.categories))


def _intervening(group: list[Mention]) -> tuple[ActorMention, ActorMention] | None:
    """ "Gunmen were kidnapping a trader when soldiers intervened, killing two of them": a state
    force stepping in with lethal force against armed men fights them, so the event is an armed
    clash of (the armed men, the force), not the men's attack (nor the force's on civilians)."""
    if any(family(m.categories) == "protest" for m in group):
        return None  # police stepping into a demonstration are crowd control
    # (or arriving: "… were abducting villagers when troops arrived and killed four of them")
    # (not a force that fought the armed men afterwards, "troops on patrol later clashed with
    # the gunmen": it began that fight, actor1)
    force = next((m.agent for m in group if m.agent is not None and m.agent.actor.inter == 1 and not _fought_afterwards(m) and {"intervention", "group_change"} & set(m.categories) and "arrest" not in m.categories and {"kill", "lethal_force", "fire_on", "clash"} & set(m.categories)), None)
    if force is None:
        return None
    attackers = next((a for m in group for a in (m.agent, *m.actors) if a is not None and a.actor.inter in {2, 3, 4}), None)
    return (attackers, force) if attackers is not None else None


_SIZE_TAG = "[size="


def _claimed_takeover_of_a_repelled_attack(group: list[Mention]) -> bool:
    """ "The army repelled an attack by X on the base … X said it had briefly taken control of the
    base": the place is taken only in the attackers' telling of their own deed, while the event is
    told as an assault beaten back; ACLED codes the fight (a battle), not the rival claim."""
    repelled = lexicon.cues().repelled_words
    beaten_back = any(c.text.lower() in repelled for m in group if not m.own_deed for c in m.cues)
    taking = [m for m in group if {"takeover", "retake"} & set(m.categories)]
    return beaten_back and bool(taking) and all(m.own_deed for m in taking)


def _demonstrating(token: Token) -> bool:
    """A crowd word that names demonstrators: "opposition supporters", "ruling party activists",
    "supporters of the Green Party", "traders protesting against new taxes"."""
    words = lexicon.actors_section("demonstrating_crowds")
    if token.lower_ not in words["people"]:
        return False
    marks, verbs = set(words["political_marks"]), set(words["protest_verbs"])
    for child in token.children:
        if child.dep_ in {"amod", "compound"} and (child.lower_ in marks or any(g.lower_ in marks for g in child.children if g.dep_ in {"amod", "compound"})):
            return True
        if child.dep_ == "acl" and child.lemma_.lower() in verbs:
            return True
        # ("supporters of the Green Party", "of the opposition"; not a place after it: "members
        # of the group near X")
        if child.dep_ == "prep" and child.lower_ == "of" and any(_party_named(o, marks) for o in child.children if o.dep_ == "pobj"):
            return True
    return False


def _party_named(noun: Token, marks: set[str]) -> bool:
    """The noun of an "of" phrase names a party or a political side: a name, or a political word
    on it or in its own modifiers."""
    return noun.pos_ == "PROPN" or noun.lower_ in marks or any(
        c.dep_ in {"amod", "compound"} and (c.pos_ == "PROPN" or c.lower_ in marks) for c in noun.children)


def _crowd_fought_the_force(group: list[Mention]) -> bool:
    """ "Two people were killed when police and opposition supporters clashed", "traders protesting
    against new taxes clashed with police": demonstrators who are a side of a clash with the
    state's forces (the clash verb's subject with them, or its "with" object) use violence, a
    violent demonstration (taxonomy: Riots), however many the police killed. An armed group named
    in the clash makes it a battle."""
    for mention in group:
        # (a gun battle is fought by armed men, whatever they are called)
        if not {"clash", "riot_clash"} & set(mention.categories) or "gunfight" in mention.categories or any(a.actor.inter in {2, 3, 4} for a in mention.actors):
            continue
        doc, span = mention.sentence.doc, mention.sentence.span
        # (a cue absorbed from a sentence parsed on its own indexes another Doc: only its own count)
        verbs = [doc[c.head] for c in mention.cues if c.category in {"clash", "riot_clash"} and span.start <= c.head < span.end]
        # (the crowd's words may lie in a protest clause of their own: read the verb's sides)
        sides = [t for verb in verbs for t in span if _side_of(t, verb)]
        # (an actor may be told outside this sentence's parse, a headline's: only its own count)
        force = any(a.actor.inter == 1 and span.start <= a.head < span.end and doc[a.head] in sides for a in mention.actors)
        # (protesters are demonstrators by their word: actors.toml [generic.protesters])
        protesters = set(lexicon.actors_section("generic")["protesters"]["heads"])
        crowd = any(_demonstrating(t) or t.lower_ in protesters for t in sides)
        if force and crowd:
            return True
    return False


def _side_of(token: Token, verb: Token) -> bool:
    """``token`` is a side of the fight ``verb`` tells: its subject (or one joined to it) or the
    noun of its "with" phrase."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "nsubj" and token.head == verb:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head == verb


def _signals(group: list[Mention]) -> coding.Signals:
    categories: dict[str, float] = {}
    claimed_takeover = _claimed_takeover_of_a_repelled_attack(group)
    for mention in group:
        for category, strength in mention.categories.items():
            if claimed_takeover and category in {"takeover", "retake"}:
                continue
            categories[category] = max(categories.get(category, 0.0), strength)
        if _retreats(mention):
            categories["withdraw"] = 1.0
        if any("drone" in c.text.lower() for c in mention.cues):
            categories["drone"] = 1.0
        # "a riot broke out between inmates of two gangs": the riot named as such (not homes set
        # on fire, stones thrown: riot_violence's other words)
        if any(c.category == "riot_violence" and c.text.lower() in {"riot", "riots"} for c in mention.cues):
            categories["riot_named"] = 1.0
        # "fighter jets had destroyed a militant hideout": aircraft doing the deed strike from the air
        if mention.agent is not None and mention.agent.actor.text and _flies(mention.agent.actor.text) and any(c.category == "air_platform" for c in mention.cues):
            categories["air_agent"] = 1.0
    # "stoned a police station over the death of a man in police custody": what the crowd rose
    # over is read apart from its deed (a grievance), yet its anger at the state's forces is what
    # makes the riot a demonstration (coding._riot_against_state)
    if any("outrage" in m.grievances for m in group):
        categories["outrage"] = 1.0
    if any("state_outrage" in m.grievances for m in group):
        categories["state_outrage"] = 1.0
    # an ACLED note's crowd size ("[size=thousands]") is given only for demonstrations and riots:
    # armed men firing on the people of such a note fire on a crowd gathered
    if any(_SIZE_TAG in m.sentence.doc_text for m in group):
        categories["size_tag"] = 1.0
    # who acts is who does what makes the event what it is (as in _actors): the group claiming
    # a bombing, not the police who came to arrest suspects after it
    dominant = family(categories)
    agent = next((m.agent for m in group if m.agent is not None and family(m.categories) == dominant), None)
    # (not people fleeing it: "families are fleeing" told beside a battle no side is named for
    # does not make the families its doers, nor the battle a brawl)
    agent = agent or next((m.agent for m in group if m.agent is not None and not _flight_only(m)), None)
    telling = [m for m in group if family(m.categories) == dominant] if dominant == "violent" else group
    target = next((m.target for m in telling if m.target is not None), None)
    kind = next((m.victims_kind for m in telling if m.victims_kind), None)
    intervening = _intervening(group)
    if intervening is not None:
        categories["clash"] = 1.0
        (agent, target), kind = intervening, "armed"
    if kind is None and target is not None:
        kind = "protesters" if target.actor.inter == 6 else "civilian" if target.is_civilian else "armed" if target.armed else None
    deaths = any(c.kind == "death" and c.value > 0 for m in group for c in m.counts)
    agent_inter = agent.actor.inter if agent else None
    if deaths and not categories.keys() & {"riot_violence", "protest", "mob"} and any(_communities_fought(m) and not _blades_and_stones(m) for m in group):
        # "two people were killed when youth from two sections fought over grazing land": a deadly
        # fight of two communities' men is a clash of communal militias (ACLED), not an attack
        # on the dead as civilians nor a brawl
        kind = "armed"
        if agent_inter is None or agent_inter in coding.CROWD:
            agent_inter = 4
    crowd_violence = any(m.crowd_violence for m in group)
    if _crowd_fought_the_force(group):
        # the crowd fought the police: the crowd acts (rioters), the force is whom it fought
        categories["crowd_fought_force"] = 1.0
        agent_inter, kind, crowd_violence = 5, "armed", True
        target = next((a for m in group for a in m.actors if a.actor.inter == 1), target)
    armed_fire = any(m.agent is not None and m.agent.armed and {"lethal_force", "fire_on", "kill"} & set(m.categories) for m in group)
    others = frozenset(a.actor.inter for m in group for a in m.actors if a.armed and (agent is None or a.actor.name != agent.actor.name))
    return coding.Signals(categories, agent_inter, target.actor.inter if target else None, kind, deaths, crowd_violence, armed_fire, others)


# --- one event ------------------------------------------------------------------------------------


_GOVERNMENT = "Government of "
_FORCE_PREFIXES = {"military": "Military Forces of ", "police": "Police Forces of "}


def _force_named(group: list[Mention]) -> str | None:
    """The prefix of the state's force whose men the happening's clauses name ("600 troops":
    "Military Forces of "; "400 police officers": "Police Forces of "), if any."""
    return next((_FORCE_PREFIXES[a.kind] for m in group for a in m.actors if a.kind in _FORCE_PREFIXES), None)


def _unit_hit(group: list[Mention], target: ActorMention | None, agent: ActorMention | None) -> ActorMention | None:
    """A named unit of a state's forces (a dictionary name: "CRPF", "Gendarmerie") the
    happening's clauses name apart from its doer, of the same state as a generic force hit
    ("security forces", "the army"), if the generic force is the target."""
    if target is None or target.kind not in _FORCE_PREFIXES:
        return None
    country = target.actor.name[len(_FORCE_PREFIXES[target.kind]):]
    doers = {m.agent.head for m in group if m.agent is not None} | ({agent.head} if agent is not None else set())
    return next((a for m in group for a in m.actors
                 if a.kind == "named" and a.actor.inter == 1 and a.head not in doers
                 and any(a.actor.name.startswith(f"{prefix}{country} ") for prefix in _FORCE_PREFIXES.values())), None)


def _country_actor(template: str, inter: int, iso: str | None, text: str | None = None, *, long: bool = False) -> Actor | None:
    name = country_name(iso, short=not long)
    if name is None:
        return None
    return Actor(template.format(name), inter, text)


_STRIKES = {"Air/drone strike", "Shelling/artillery/missile attack"}


def _the_striking_state(doc: Story) -> Actor | None:
    """ "Ukrainian forces attacked the region with drones and artillery … a drone struck a car in
    X": a roundup's strikes no one is named for are the one state's its lead names striking
    (none when the article names two states striking)."""
    states = {m.agent.actor.name: m.agent.actor for m in doc.mentions
              if m.agent is not None and m.agent.actor.inter in {1, 8} and not m.background and not m.modality
              and {"air", "drone", "shelling"} & set(m.categories)}
    return next(iter(states.values())) if len(states) == 1 else None


_FIRING_VERBS = {"fire", "launch", "shoot", "lob"}


def _fired_from_struck_ground(doc: Story, group: list[Mention], state: Actor) -> bool:
    """The projectiles are told fired FROM a place of the country the state's own strikes hit
    ("rockets were fired from the northern Gaza Strip" in a report of Israeli strikes on Gaza):
    the side struck fires back; missiles "fired from Belgorod region" by a state striking
    Ukraine are still the state's."""
    struck = {m.place.place.mention.entry.country_iso for m in doc.mentions
              if m.agent is not None and m.agent.actor.name == state.name and not m.background
              and {"air", "drone", "shelling"} & set(m.categories)
              and m.place is not None and m.place.place is not None and m.place.place.mention.entry is not None}
    for mention in group:
        if mention.place_source != "own" or mention.place is None or mention.place.place is None or mention.place.place.mention.entry is None:
            continue
        token = mention.sentence.doc[mention.place.place.last]
        for ancestor in [token, *token.ancestors][:4]:
            if ancestor.dep_ == "pobj" and ancestor.head.lower_ == "from" and ancestor.head.head.lemma_.lower() in _FIRING_VERBS:
                return mention.place.place.mention.entry.country_iso in struck
    return False


def _protagonist(doc: Story, exclude: str | None) -> Actor | None:
    """The armed side the article is about: the first armed actor named as acting."""
    for _, mention in doc.actors:
        if mention.armed and mention.actor.name != exclude and mention.kind in {"named", "anti", "militia"}:
            return mention.actor
    return None


def _state_force_told(doc: Story) -> Actor | None:
    """The first of the state's own forces (army, police, a unit of them) the article names."""
    return next((m.actor for _, m in doc.actors if m.actor.inter == 1 and m.kind in {"military", "police", "named"} and not m.actor.name.startswith("Government of")), None)
_TAKEOVERS = {"Non-state actor overtakes territory", "Government regains territory"}


def _taken_before_by(doc: Story, group: list[Mention], actor1: Actor | None) -> Actor | None:
    """The side an earlier telling says took the same place (a capture told before this one,
    or on an earlier day, history included: "government forces retook it in 2016"): the side a
    second capture took it from."""
    key = place_key(group[0].place)
    first = min(m.sentence.index for m in group)
    days = [m.day for m in group if m.day is not None]
    earlier = [m for m in doc.mentions if not any(m is g for g in group) and m.place is not None and place_key(m.place) == key
               and {"takeover", "retake"} & set(m.categories) and m.agent is not None and m.agent.armed
               and (actor1 is None or m.agent.actor.name != actor1.name)
               and (m.day is not None and days and m.day < min(days) or m.day is None and m.sentence.index < first)]
    latest = max(earlier, key=lambda m: (m.day or dt.date.min, m.sentence.index), default=None)
    return latest.agent.actor if latest is not None else None


def _opponent(doc: Story, actor1: Actor | None) -> Actor | None:
    """The other side: "anti-X forces" fight X; else the armed actor the article names most."""
    if actor1 is not None and actor1.name.startswith("Anti-") and actor1.name.endswith(" forces"):
        enemy = actor1.name[len("Anti-") : -len(" forces")].lower()
        for _, mention in doc.actors:
            if mention.armed and mention.actor.name.lower().startswith(enemy):
                return Actor(mention.actor.name, mention.actor.inter, mention.actor.text)
    # not an ally named with actor1 as one subject ("government forces and militia fighters took …")
    by_sentence: dict[int, list[ActorMention]] = {}
    for i, m in doc.actors:
        by_sentence.setdefault(i, []).append(m)
    allies = {
        m.actor.name
        for i, named in by_sentence.items()
        if actor1 is not None
        for other in named
        if other.actor.name == actor1.name
        for m in named
        if m is not other and allied(m, other, doc.sentences[i].doc)
    }
    counts = Counter(m.actor.name for _, m in doc.actors if m.armed and (actor1 is None or m.actor.name != actor1.name) and m.kind == "named" and m.actor.name not in allies)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    found = next(m.actor for _, m in doc.actors if m.actor.name == name)
    return found


def _names_a_side(agent: ActorMention, country: str | None) -> bool:
    """A group by name, or the forces of a foreign country ("Russian airstrikes" in Syria), not
    the article's own country's forces by default."""
    return agent.kind in {"named", "anti"} or (agent.actor.inter in {1, 8} and agent.country is not None and agent.country != country)


def _the_hunted_group(doc: Story) -> Actor | None:
    """ "its troops had 'neutralised' 17 jihadists during a pursuit operation": the unnamed men an
    operation hunting an attack's authors hits are the one armed group the article names doing
    the current deeds it tells (Boko Haram, who attacked the base); None when it names several."""
    named = {m.agent.actor.name: m.agent.actor for m in doc.mentions
             if m.agent is not None and m.agent.kind == "named" and m.agent.armed and m.agent.actor.inter in {2, 3} and not m.background and not m.dropped}
    return next(iter(named.values())) if len(named) == 1 else None


def _named_air_force(doc: Story, group: list[Mention], agent: ActorMention | None) -> Actor | None:
    """ "military jets", or no one, striking from the air in an article that names one side doing
    air strikes ("Saudi-led coalition airstrikes kill …", "Russian airstrikes"): that side (few
    sides fly)."""
    if not any("air" in m.categories for m in group):
        return None
    state = agent is None or agent.actor.inter in {1, 8}
    named = {
        m.agent.actor.name: m.agent.actor
        for m in doc.mentions
        if m.agent is not None and _names_a_side(m.agent, doc.context.country) and "air" in m.categories and not m.background and (m.agent.actor.inter in {1, 8}) == state
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _telling_military(doc: Story, group: list[Mention]) -> Actor | None:
    """The state's forces (of a country) that speak in the frame an event is told in ("the army
    said …", "the military general staff said in a communique …")."""
    for mention in group:
        for statement in mention.statements:
            for index, actor in doc.actors:
                if index == mention.sentence.index and actor.kind == "military" and actor.head in statement.frame and actor.actor.inter == 1 and not _only_describes(mention, actor):
                    return actor.actor
    return None


def _speaking_defence_ministry(doc: Story, group: list[Mention]) -> Actor | None:
    """ "Turkish forces neutralised 12 terrorists, the National Defence Ministry said … They were
    neutralised in air strikes on caves in X, the ministry said": a defence ministry telling of an
    air strike no one is named for tells of its own state's forces, the state its sentence names
    ("Turkish", "Russia's"); with none named, nothing is assumed."""
    words = lexicon.status_words()["defence_ministry_words"]
    telling = [m for m in group for s in m.statements if any(w in s.speaker_words for w in words) or s.speaker_words.strip() in {"the ministry", "ministry"}]
    if not telling:
        return None
    by_word = lexicon.countries().by_word
    for sentence in doc.sentences:
        if not any(w in sentence.span.text.lower() for w in words):
            continue
        states = [by_word[(t.lower_,)] for t in sentence.span if t.text[:1].isupper() and (t.lower_,) in by_word]
        return _country_actor("Military Forces of {}", 1, states[0], None, long=True) if states else None
    return None


def _speaking_military_body(group: list[Mention], iso: str | None) -> Actor | None:
    """ "The Joint Operations Command said an airstrike killed 12 militants near X": a state's
    military command telling of a strike tells of its own forces, those of the state its words
    name ("the Nigerian Army Command") or else of the country the event is in. A command named
    with a rebel group's word ("the Eastern Front Command") is a group's, not a state's."""
    heads = lexicon.status_words()["military_body_heads"]
    group_words = lexicon.actors().group_words
    rebel_words = group_words.strong - group_words.state
    by_word = lexicon.countries().by_word
    for mention in group:
        for statement in mention.statements:
            words = statement.speaker_words.strip().lower()
            if not any(words == head or words.endswith(" " + head) for head in heads):
                continue
            if rebel_words & set(words.split()):
                continue
            states = [by_word[(w,)] for w in words.split() if (w,) in by_word]
            return _country_actor("Military Forces of {}", 1, states[0] if states else iso, None, long=True)
    return None


def _only_describes(mention: Mention, actor: ActorMention) -> bool:
    """ "the army-aligned state government said": a force named only in the words describing
    the speaker (whom it backs) does not speak; the telling is the speaker's, not the force's deed."""
    token = mention.sentence.doc[actor.head]
    return token.dep_ in {"npadvmod", "compound", "amod"} and token.head.dep_ == "amod"


def _flown_by_a_military(group: list[Mention]) -> bool:
    """The air cues of the event name aircraft ("an air strike", "warplanes"), not only drones."""
    air = [c.text.lower() for m in group for c in m.cues if c.category == "air"]
    return bool(air) and not all("drone" in text or "uav" in text for text in air)


def _actors(doc: Story, group: list[Mention], sub_event_type: str, signals: coding.Signals, where: str | None = None) -> tuple[Actor | None, Actor | None]:
    event_type = coding.event_type_of(sub_event_type)
    # the article's country, else the event's (a note naming no place is coded at a capital)
    iso = doc.context.country or where
    # the agent of the telling that makes the event what it is (not of "the troops were on
    # patrol" merged into a bombing), a named group before a generic description
    kind = family(signals.categories)
    agents = [m.agent for m in group if m.agent is not None and family(m.categories) == kind]
    if (not agents and kind != "violent") or (kind == "protest" and any(a.armed for a in agents)):
        # (armed men "setting fire to the police station" are no crowd: whoever told of the
        # violence may name them, "the gang coalition known as X claimed the attack")
        agents = [m.agent for m in group if m.agent is not None]
    # the side that pulled out of a place is not the side that took it
    leaving = {id(m.agent) for m in group if "withdraw" in m.categories and len(m.categories.keys() - {"withdraw", "group_change"}) == 0}
    agents = [a for a in agents if id(a) not in leaving] or agents
    # nor is the side a takeover was told against ("the army recaptured X from al-Shabaab" … "al-
    # Shabaab said it had killed 15 soldiers"): it lost the place, whatever else it did there
    lost = {m.target.actor.name for m in group if m.agent is not None and m.target is not None and {"takeover", "retake"} & set(m.categories)}
    agents = [a for a in agents if a.actor.name not in lost] or agents
    # (a group named by its name before one named by its enemy: "anti-regime forces" … "a PDF battalion")
    agent = next((a for a in agents if a.kind == "named"), None) or next((a for a in agents if a.kind == "anti"), agents[0] if agents else None)
    # likewise who is hit: not the suspects the police arrested after a bombing
    telling = [m for m in group if family(m.categories) == kind] if kind == "violent" else group
    target = next((m.target for m in telling if m.target is not None and (agent is None or m.target.actor.name != agent.actor.name)), None)
    target = _named_in_a_retelling(target, telling, agent) or target
    first = group[0]
    assault = "attack" in first.categories and "clash" not in first.categories
    if assault and agent is not None and first.agent is None and first.target is not None and first.target.actor.name == agent.actor.name:
        # "militants attacked an army post … the soldiers repelled them": the side the event
        # was first told as hitting is actor2, whoever is the subject of a later telling
        agent, target = None, first.target
    intervening = _intervening(group)
    if intervening is not None and sub_event_type == "Armed clash":
        agent, target = intervening
    actor1 = agent.actor if agent else None
    # (not forces the text names by their demonym: "a Ukrainian drone attack" in an article whose
    # other air strikes are Russian)
    by_demonym = agent is not None and agent.actor.text is not None and agent.actor.text.lower() in lexicon.countries().demonyms
    if (agent is None or agent.kind not in {"named", "anti"}) and not by_demonym:
        actor1 = _named_air_force(doc, group, agent) or actor1
    actor2 = target.actor if target else None
    force = _force_named(group) if sub_event_type == "Change to group/activity" and actor1 is not None and actor1.name.startswith(_GOVERNMENT) else None
    if force is not None:
        # "the French government announced it was withdrawing 600 troops from X", "… deploying
        # 400 police officers to X": ACLED files a state's movements of its men under its forces,
        # whoever announced them
        actor1 = replace(actor1, name=force + actor1.name[len(_GOVERNMENT):])
    unit = _unit_hit(group, target, agent) if actor2 is not None else None
    if unit is not None:
        # "a grenade thrown at the security forces hurt two CRPF men": the unit the
        # hurt men are named of, not the generic force the deed was aimed at
        actor2 = unit.actor
    if actor2 is not None and actor2.name.startswith("Unidentified Armed Group") and any(follow_up_operation(m) for m in group):
        actor2 = _the_hunted_group(doc) or actor2
    if target is not None and target.party and event_type != "Battles":
        # "BJP workers attacked Congress workers": the workers hit are civilians to ACLED; two
        # crowds of partisans fighting are rioters on both sides
        fight = event_type == "Riots" and bool({"clash", "riot_clash"} & set(signals.categories))
        actor2 = _country_actor("Rioters ({})" if fight else "Civilians ({})", 5 if fight else 7, iso, target.actor.text)
    if event_type == "Protests":
        protesters = next((a for m in group for a in m.actors if a.actor.inter == 6), None)
        force = actor1 if actor1 is not None and actor1.inter in {1, 2, 3, 8} else actor2 if actor2 is not None and actor2.inter in {1, 2, 3, 8} else None
        # (protesters no one names are of the country they march in: a rally in Tel Aviv in a
        # report from Gaza is Israel's, whatever country the article is about)
        actor1 = protesters.actor if protesters else _country_actor("Protesters ({})", 6, where or iso)
        if force is None:
            # "… while security forces responded with tear gas": the force told in another clause
            force = next((a.actor for m in group for a in m.actors if a.actor.inter in {1, 2, 3, 8} and not a.party), None)
        if force is None and sub_event_type in {"Protest with intervention", "Excessive force against protesters"}:
            # ACLED: who intervenes in a protest, unless the text says otherwise, is the police
            force = _country_actor("Police Forces of {}", 1, iso, None, long=True)
        actor2 = force if sub_event_type != "Peaceful protest" else None
        if sub_event_type == "Excessive force against protesters" and _force_from_outside(force, actor1):
            # ACLED names the protesters first when their own state's forces fire on them, the
            # shooters first when they are an armed group or another state's forces
            # ("unidentified gunmen opened fire on protesters", "Israeli troops shot a protester")
            actor1, actor2 = force, actor1
    elif event_type == "Riots":
        crowd = actor1 if actor1 is not None and actor1.inter in {5, 6, 7} else None
        text = crowd.text if crowd else None
        # rioters of the crowd's own country ("Palestinians" clashing in Jerusalem)
        crowd_iso = agent.country if crowd is not None and agent is not None and agent.country else iso
        actor1 = _country_actor("Rioters ({})", 5, crowd_iso, text) or _country_actor("Rioters ({})", 5, iso, text)
        # people the crowd itself beat or killed are civilians ("demonstrators took a suspect to
        # the scene and killed him"); other people named as hit are the crowd, misread
        hurt = sub_event_type == "Violent demonstration" and _crowd_hit(group)
        if actor2 is not None and actor2.inter in {6, 7} and sub_event_type == "Violent demonstration":
            actor2 = None
        # "police fired tear gas to disperse the rioters": the crowd the police's deed hit is the
        # crowd itself, the police the side facing it (no rioters against themselves)
        if actor2 is not None and actor1 is not None and actor2.name == actor1.name and sub_event_type == "Violent demonstration":
            actor2 = next((a.actor for m in group for a in m.actors if a.actor.inter in {1, 8} and not a.actor.name.startswith("Government of")), None)
        if hurt:
            actor2 = _country_actor("Civilians ({})", 7, iso, target.actor.text if target is not None and target.is_civilian else None)
        if actor2 is None:
            # "… as police answered with tear gas": the force facing the crowd (not
            # the authorities someone had alerted: a government faces no crowd by being named)
            actor2 = next((a.actor for m in group for a in m.actors if a.actor.inter in {1, 8} and not a.actor.name.startswith("Government of")), None)
        if actor2 is None and sub_event_type == "Violent demonstration" and len(doc.article.text) <= NOTE_LENGTH:
            # a note of one riot: the force a later sentence tells ("Prison guards brought the
            # wing back under control") faced the crowd (not one the crowd's grievance names)
            told = {m.sentence.index for m in group}
            actor2 = next((a.actor for i, a in doc.actors if i > min(told) and i not in told and a.actor.inter in {1, 8} and not a.actor.name.startswith("Government of")), None)
        if actor2 is None and sub_event_type == "Violent demonstration" and signals.target_kind == "property":
            # shops and houses vandalised by a crowd no force faced: their owners, civilians
            actor2 = _country_actor("Civilians ({})", 7, iso)
        if sub_event_type == "Mob violence" and (actor2 is None or actor2.inter not in {1, 7, 8}) and _suspect_set_upon(group):
            # "a crowd beat and burned a suspected robber", "a mob set a suspected kidnapper
            # ablaze": the suspect a mob takes justice into its own hands on is a civilian (ACLED:
            # the mob's victim is actor2, Civilians), not rioters nor the armed group he is said
            # to be of
            actor2 = _country_actor("Civilians ({})", 7, iso)
        if actor2 is None and sub_event_type == "Mob violence":
            # a mob beats a man: civilians (the man however parsed, when no fight is told); two
            # groups clash: rioters on both sides
            person = "clash" not in signals.categories and any(a.is_civilian and (agent is None or a.head != agent.head) for m in group for a in m.actors)
            # "a mob attacked shops and a mosque": their owners and faithful, civilians
            # (hurt or not: "a mob burned a shrine" destroyed the faithful's, not rioters')
            # (whoever told of it: "police said")
            person = person or ("clash" not in signals.categories and (_civilian_site_hit(group, actor1) or _site_hit(group)))
            # "members of two communities clashed … injuring 12 people": the hurt are the two
            # crowds that fought, rioters on both sides
            fought = any(_communities_fought(m) for m in group)
            civilians = (signals.target_kind == "civilian" or person) and not fought
            # "a mob torched shops", no one hurt and no fight told: property hit, whose owners
            # ACLED names no victim (never the rioters themselves)
            building = not civilians and not signals.has("clash") and signals.target_kind == "property"
            # (a riot no fight is told of, "inmates rioted, setting fire to mattresses", has no
            # second side either)
            lone = not fought and not signals.has("clash", "riot_clash", "attack", "kill") and not signals.deaths and not signals.has("injury")
            actor2 = _country_actor("Civilians ({})", 7, iso) if civilians else None if building or lone else _country_actor("Rioters ({})", 5, iso)
            targets = lexicon.cues().armed_targets
            if any(t.lower_ == "police" and t.dep_ == "compound" and t.head.lower_ in targets and _is_hit(t.head) for m in group for t in m.sentence.span):
                # "a crowd set fire to a police station": the police, whose station it is
                actor2 = _country_actor("Police Forces of {}", 1, iso, None, long=True)
    elif event_type in {"Explosions/Remote violence", "Violence against civilians"}:
        if actor1 is not None and actor1.name.startswith("Government of") and sub_event_type == "Air/drone strike":
            # "the government, which regularly uses drones against the rebels": a state's air
            # strikes are flown by its forces, ACLED's "Military Forces of X", not its government
            actor1 = _country_actor("Military Forces of {}", 1, (agent.country if agent is not None else None) or iso, None, long=True) or actor1
        if (actor1 is None or actor1.inter == 7) and sub_event_type == "Air/drone strike":
            # "the army said an air strike destroyed a base": a state's forces telling of a strike
            # no one else is named for tell of their own
            actor1 = _telling_military(doc, group) or _speaking_defence_ministry(doc, group) or _speaking_military_body(group, iso) or actor1
        if (actor1 is None or actor1.inter == 7) and sub_event_type == "Air/drone strike" and _flown_by_a_military(group):
            # an air strike no one is named for, and no side known to fly in the article: ACLED's
            # "Unidentified Military Forces" (its codebook: inter 1 or 8 by context; warplanes no
            # one claims are mostly a foreign state's), not an armed group (drones aside, which
            # armed groups fly too)
            actor1 = Actor("Unidentified Military Forces", 8, None)
        if actor1 is None and sub_event_type in _STRIKES:
            striking = _the_striking_state(doc)
            # (not rockets fired from the ground that state strikes: "Israeli strikes on Gaza …
            # two rockets were fired from the northern Gaza Strip" are its enemy's)
            actor1 = None if striking is not None and _fired_from_struck_ground(doc, group, striking) else striking
        if actor1 is None or actor1.inter == 7:
            actor1 = _country_actor("Unidentified Armed Group ({})", 3, iso)
        if actor1 is not None and actor2 is not None and actor2.name == actor1.name:
            actor2 = None  # the attackers, misread as their own target
        if event_type == "Violence against civilians" and actor2 is not None and actor2.inter != 7:
            # demonstrators beaten in custody, a militant's relatives, a man the police shot:
            # the victims of violence against civilians are civilians, by its definition
            actor2 = None
        # violence against civilians is, by its definition, against civilians
        if actor2 is None and (signals.target_kind == "civilian" or event_type == "Violence against civilians"):
            actor2 = _country_actor("Civilians ({})", 7, iso)
        elif actor2 is None and signals.target_kind == "armed":
            # "a roadside bomb … killing two soldiers": the force hit
            actor2 = next((a.actor for m in group for a in m.actors if a.armed and a.actor.name != actor1.name), None) if actor1 else None
        elif actor2 is None:
            # "… leaving several passengers wounded", "the police inside the vehicle injured": the
            # people the text tells were hurt (civilians first), when it tells of harm at all
            harmed = [a for m in group if m.injuries or any(c.kind == "death" and c.value > 0 for c in m.counts) for a in m.actors if agent is None or a.head != agent.head]
            if any(a.is_civilian for a in harmed):
                actor2 = _country_actor("Civilians ({})", 7, iso)
            else:
                actor2 = next((a.actor for a in harmed if a.actor.inter == 1 and (actor1 is None or a.actor.name != actor1.name)), None)
            if actor2 is None and not harmed and _harm_told(doc, group) and _civilian_site_hit(group, actor1):
                # "fired rockets at X, hitting residential buildings": the people of the homes
                actor2 = _country_actor("Civilians ({})", 7, iso)
            if actor2 is None and not harmed and _harm_told(doc, group) and _only_civilians_named(group, agent):
                # "a cart carrying villagers hit an explosive device. 4 fatalities": the people the
                # sentence names, when it names no armed side besides the doer, were the ones hurt
                actor2 = _country_actor("Civilians ({})", 7, iso)
            if actor2 is None and not harmed and len(doc.article.text) <= NOTE_LENGTH:
                # a note of one strike: "… shelled X with artillery. 2 civilians were injured."
                # the people a later sentence tells were hurt, when it names no other happening
                actor2 = _hurt_later_in_a_note(doc, group, iso)
    elif sub_event_type == "Other" and any(set(m.categories) == {"displacement"} and _civilians_fled(m) for m in group):
        # "300 families fled their homes following clashes between X and Y": ACLED codes the
        # displaced, alone (the sides of the fighting they fled did not displace them by a deed)
        actor1, actor2 = _country_actor("Civilians ({})", 7, iso or doc.context.country), None
    elif sub_event_type == "Non-violent transfer of territory" and _handed_to(group) is not None:
        # "MINUSMA withdrew from its base and handed it over to Malian forces": the side given
        # the place took it; the side that handed it over left it
        receiver = _handed_to(group)
        actor1, actor2 = receiver, (actor1 if actor1 is not None and actor1.name != receiver.name else actor2)
    elif sub_event_type == "Non-violent transfer of territory" and actor2 is None:
        # "troops moved into the town after the rebels had pulled out": the side that left
        actor2 = next((m.agent.actor for m in group if "withdraw" in m.categories and m.agent is not None and (actor1 is None or m.agent.actor.name != actor1.name)), None)
        actor2 = actor2 or _opponent(doc, actor1)
    elif sub_event_type == "Agreement":
        # the other party to the deal, never the prisoners exchanged
        if actor2 is not None and actor2.inter == 7:
            actor2 = next((a.actor for m in group for a in m.actors if a.armed and (actor1 is None or a.actor.name != actor1.name)), None)
        if actor2 is None and agent is not None:
            # "the government and the ELN signed a ceasefire": the side named with the doer
            partner = next((a for m in group for a in m.actors if a.head != agent.head and (actor1 is None or a.actor.name != actor1.name) and _conjoined(agent, a, m)), None)
            actor2 = partner.actor if partner is not None else None
            if partner is not None and partner.first < agent.first and actor1 is not None:
                # "the Ethiopian government and the TPLF signed …": the parties in the order
                # the text names them (not a group's name before the state's)
                actor1, actor2 = partner.actor, actor1
            state = _conjoined_state(agent, group) if partner is None else None
            if state is not None and actor1 is not None:
                # "The United States and the Taliban signed an agreement": a state named by its
                # country's name with the doer is a party (its government), in the text's order
                at, iso_of_state = state
                government = _country_actor("Government of {}", 1, iso_of_state, None, long=True)
                if government is not None and government.name != actor1.name:
                    actor1, actor2 = (government, actor1) if at < agent.first else (actor1, government)
    elif sub_event_type in {"Arrests", "Looting/property destruction"}:
        if actor1 is None and sub_event_type == "Arrests":
            # "a blogger was arrested": by the police, unless the text names who
            actor1 = _country_actor("Police Forces of {}", 1, iso, None, long=True)
        if sub_event_type == "Arrests" and actor2 is not None and actor2.inter == 6 and not signals.has("protest"):
            # "arrested five activists": activists held away from any protest are civilians
            actor2 = _country_actor("Civilians ({})", 7, iso, actor2.text)
        if actor2 is None and signals.target_kind != "armed":
            # the people arrested, the owners of what was destroyed: civilians unless armed
            actor2 = _country_actor("Civilians ({})", 7, iso)
    elif sub_event_type == "Disrupted weapons use" and _interceptor(group, actor1) is not None:
        # "the Israeli air defence system intercepted a missile fired by the Houthis": the side
        # that stopped the weapon, not the one named as firing it
        actor1, actor2 = _interceptor(group, actor1), actor1
    elif sub_event_type == "Disrupted weapons use" and actor1 is not None and actor1.inter in {2, 3, 4} and any(a.actor.inter in {1, 8} for m in group for a in m.actors):
        # "gendarmes found explosives planted by the PKK and destroyed them": who planted the
        # bomb is whose weapons use was disrupted; the forces who found it acted
        actor2 = actor1
        actor1 = next(a.actor for m in group for a in m.actors if a.actor.inter in {1, 8})
    elif sub_event_type == "Disrupted weapons use" and (actor2 is None or actor2.inter == 7):
        # (a person arrested with the weapons is their holder, not a civilian victim)
        # a cache seized, a bomb defused: the armed group it belonged to, unidentified if unnamed
        # (not a force joined with the agent: "police and a BSF team recovered …")
        others = [a.actor for m in group for a in m.actors if a.armed and (actor1 is None or a.actor.name != actor1.name) and not (agent is not None and _conjoined(agent, a, m))]
        # a group's cache, else the other side's weapon ("shot down a drone flown by X")
        owner = next((a for a in others if a.inter in {2, 3, 4}), None) or next(iter(others), None) or _weapon_state(group, actor1)
        actor2 = owner or _country_actor("Unidentified Armed Group ({})", 3, iso)
    elif event_type == "Battles":
        # a suspect or a fugitive the forces fought, not a man they shot (a clash misread)
        person = next((a for m in group for a in m.actors if a.is_civilian and not a.party and _suspect(a.actor)), None)
        if sub_event_type == "Armed clash" and (actor1 is None or actor1.inter == 7) and actor2 is not None and actor2.inter in {1, 8} and person is not None:
            # "a fugitive died in a gunfight with the police": the state's forces first,
            # the people they fought (no civilian fights) an unidentified armed group
            actor1, actor2 = actor2, _country_actor("Unidentified Armed Group ({})", 3, iso, person.actor.text)
        if sub_event_type == "Armed clash" and actor1 is not None and actor1.inter in {1, 8} and actor2 is not None and actor2.inter == 7 and _suspect(actor2):
            # "police shot dead a suspect in an exchange of fire": likewise
            actor2 = _country_actor("Unidentified Armed Group ({})", 3, iso, actor2.text)
        if sub_event_type == "Armed clash" and actor1 is None and actor2 is not None and actor2.inter == 7 and _suspect(actor2):
            # "police officers raided a hideout in X. In the exchange of fire that followed a
            # suspect was hit and died": a shoot-out no side is named in is between the state's
            # force the article tells operating and the suspects (no civilian fights)
            force = _state_force_told(doc)
            if force is not None:
                actor1, actor2 = force, _country_actor("Unidentified Armed Group ({})", 3, iso, actor2.text)
        if sub_event_type == "Armed clash" and actor1 is None and agent is None and actor2 is not None and actor2.inter == 7 and person is None:
            # "three people were killed in fighting in X": the dead of fighting no side of which
            # is named are its toll, not a side; both sides are groups nobody identified
            actor1 = actor2 = _country_actor("Unidentified Armed Group ({})", 3, iso)
        if sub_event_type == "Armed clash":
            actor1, actor2 = _forces_against_outlaws(group, actor1, actor2, iso)
        if sub_event_type == "Armed clash" and actor1 is not None and actor1.inter in {2, 3} and actor2 is not None and actor2.inter == 7:
            # "a riot broke out between inmates of gang A and gang B, three inmates were killed":
            # no civilian is a side of a clash; the other named group its dead belonged to is
            rival = next((a.actor for m in group for a in m.actors if a.armed and a.kind == "named" and a.actor.inter in {2, 3} and a.actor.name != actor1.name), None)
            # "clashes between two armed factions killed two people": the people killed are the
            # clash's toll, the plural that names both sides is its other side too
            both_sides = _told_as_both_sides(group, actor1)
            actor2 = rival or both_sides or actor2
        if sub_event_type == "Armed clash" and actor1 is None and actor2 is not None and actor2.inter not in {1, 8}:
            # "two gunmen were killed in a shoot-out with police": the state's force the dead
            # fought, named beside them, is the clash's other side (first, as the state's)
            actor1 = next((a.actor for m in group for a in m.actors if a.actor.inter in {1, 8} and a.actor.name != actor2.name), None)
        if actor1 is None:
            actor1 = _protagonist(doc, actor2.name if actor2 else None)
        if actor1 is None and actor2 is not None and actor2.inter in {1, 8}:
            # "their patrol came under heavy fire": forces fired on by no one named (ACLED's
            # unidentified armed group)
            actor1 = _country_actor("Unidentified Armed Group ({})", 3, iso)
        if actor2 is None and sub_event_type in _TAKEOVERS:
            # "Kurdish-led forces seized X on Saturday. On Monday, the SNA recaptured X": a place
            # taken again was lost by the side that took it before, not the article's main group
            actor2 = _taken_before_by(doc, group, actor1)
        if actor2 is None and sub_event_type != "Armed clash":
            actor2 = _opponent(doc, actor1)
        elif actor2 is None:
            actor2 = _opponent(doc, actor1)
        side = actor1 if actor2 is None else actor2 if actor1 is None else None
        if sub_event_type == "Armed clash" and side is not None and side.inter not in {1, 8}:
            # "the ministry said a sergeant was martyred in a clash with PKK terrorists": a defence
            # ministry telling of a clash with a group fought it with its state's forces
            ministry = _speaking_defence_ministry(doc, group)
            if ministry is not None and actor1 is None:
                actor1 = ministry
            elif ministry is not None:
                actor2 = ministry
        if sub_event_type == "Armed clash" and actor2 is None and actor1 is not None and agent is not None and _rival_sides(_teller_of(group, agent).sentence.doc[agent.head]):
            # "two armed groups clashed", "rival gangs fought": both sides are of that kind
            actor2 = actor1
        if sub_event_type == "Armed clash" and actor2 is None and actor1 is not None and actor1.inter in {1, 8}:
            # "police killed two suspected robbers in an exchange of fire": a clash has two sides,
            # the one no name is given ACLED's unidentified armed group
            actor2 = _country_actor("Unidentified Armed Group ({})", 3, iso, person.actor.text if person else None)
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name and event_type not in {"Battles", "Riots"}:
        actor2 = None
    if sub_event_type == "Other" and any(c.category == "other" and c.text.lower() in _RELEASE_WORDS for m in group for c in m.cues):
        # a release of prisoners is coded with the side that held them alone ("52 soldiers were
        # released from Taliban prisons": the Taliban), not the people freed
        if actor1 is None or actor1.inter == 7:
            released = target.actor.name if target else None
            actor1 = next((a.actor for m in group for a in m.actors if a.kind == "named" and a.armed and a.actor.name != released), actor1)
        actor2 = None
    if sub_event_type == "Other" and any("mishap" in m.categories for m in group) and actor1 is None and actor2 is not None and actor2.inter in {1, 2, 3, 8}:
        # "an explosion of unknown cause at an army depot": the side whose depot or guns it was
        actor1, actor2 = actor2, None
    if sub_event_type in _ONE_SIDED:
        if actor1 is None:
            # "a detachment of troops was deployed to the border": who was moved acted
            actor1 = next((a.actor for m in group for a in m.actors if a.armed), None)
        actor2 = None
    if event_type in {"Explosions/Remote violence", "Violence against civilians"} and (actor2 is None or actor2.inter == 7):
        # "… killing two people. The two were members of the PKK, the mayor said": the dead named
        # in the next sentence as a group's members were that group's, not civilians
        actor2 = _dead_named_as_members(doc, group, actor1) or actor2
    if sub_event_type == "Arrests" and (actor2 is None or actor2.inter == 7):
        # "Troops arrested X, also known as Y, on Monday. He is a member of ISWAP": the person
        # arrested, said next to be a group's member, is that group's
        actor2 = _arrested_named_as_members(doc, group, actor1) or actor2
    if sub_event_type == "Arrests":
        actor1 = _security_as_police(actor1)
    elif event_type == "Protests":
        actor2 = _security_as_police(actor2)
    return actor1, _civilians_where_it_happened(actor2, where, iso)


def _coalition_at_home(actor: Actor | None, where: str | None) -> Actor | None:
    """A coalition acting in its leading state's own country is that state's forces, as ACLED
    names them ("Saudi-led coalition airstrikes" on a Saudi border area: the Saudi military)."""
    if actor is None or where is None:
        return actor
    named = next((n for n in lexicon.actors().named if n.at_home and n.country == where and n.name == actor.name), None)
    return actor if named is None else Actor(named.at_home, 1, actor.text)


def _named_in_a_retelling(target: ActorMention | None, telling: list[Mention], agent: ActorMention | None) -> ActorMention | None:
    """ "police detained around 60 alleged gang members. … 25 members of Barrio 18 were
    arrested": unnamed armed men hit, whom another telling of the same event names as a group's,
    are that group (ACLED names the group where the report does)."""
    if target is None or target.kind == "named" or not target.actor.name.startswith("Unidentified"):
        return None
    named = [m.target for m in telling if m.target is not None and m.target.kind == "named" and m.target.armed
             and (agent is None or m.target.actor.name != agent.actor.name)]
    return named[0] if named else None


def _civilians_where_it_happened(actor: Actor | None, where: str | None, home: str | None) -> Actor | None:
    """Civilians are those of the country the event happened in: a Turkish drone's victims near a
    town of Iraq are "Civilians (Iraq)", though the article, and so the word "people", is Turkey's."""
    if actor is None or actor.inter != 7 or where is None or home is None or where == home:
        return actor
    if actor.name != f"Civilians ({country_name(home, short=True)})" or country_name(where, short=True) is None:
        return actor
    return replace(actor, name=f"Civilians ({country_name(where, short=True)})")


# what a state fires that is shot down or intercepted ("shot down 12 Russian drones")
_STATE_WEAPONS = {"drone", "drones", "missile", "missiles", "rocket", "rockets", "aircraft", "jet", "jets", "uav", "uavs", "warplane", "warplanes", "helicopter", "helicopters",
                  "bomb", "bombs", "shell", "shells", "projectile", "projectiles"}


def _interceptor(group: list[Mention], actor1: Actor | None) -> Actor | None:
    """The subject of an interception verb, when it is another side than ``actor1``."""
    for m in group:
        doc = m.sentence.doc
        heads = {doc[c.head] for c in m.cues if c.category == "disrupted" and c.text.lower() in _BROUGHT_DOWN}
        for a in m.actors:
            if a.armed and doc[a.head].dep_ == "nsubj" and doc[a.head].head in heads and (actor1 is None or a.actor.name != actor1.name):
                return a.actor
        # "the Israeli air defence system intercepted …": no actor's name, the demonym of the
        # subject names the state whose defences they are
        for head in heads:
            for subject in (c for c in head.children if c.dep_ == "nsubj"):
                for word in subject.subtree:
                    iso = demonym_country(word, m.sentence) if word.dep_ in {"amod", "compound"} else None
                    forces = _country_actor("Military Forces of {}", 1, iso, word.text, long=True) if iso else None
                    if forces is not None and (actor1 is None or not actor1.name.startswith(forces.name)):
                        return forces
    return None


def _weapon_state(group: list[Mention], actor1: Actor | None) -> Actor | None:
    """ "air defence shot down 12 Russian drones": the forces of the country a demonym names the
    weapon by, when that is not the side that stopped it."""
    for m in group:
        for token in m.sentence.span:
            if token.dep_ in {"amod", "compound"} and token.head.lower_ in _STATE_WEAPONS:
                iso = demonym_country(token, m.sentence)
                forces = _country_actor("Military Forces of {}", 1, iso, token.text, long=True) if iso else None
                if forces is not None and (actor1 is None or not actor1.name.startswith(forces.name)):
                    return forces
    return None


def _conjoined_state(agent: ActorMention, group: list[Mention]) -> tuple[int, str] | None:
    """A country's name joined by "and" to the doer ("the United States and the Taliban", "the
    Taliban and the United States"): its token and country."""
    for mention in group:
        sentence = mention.sentence
        if not (agent.first >= sentence.span.start and agent.last < sentence.span.end):
            continue
        doc = sentence.doc
        head = doc[agent.head]
        joined = [c for c in head.children if c.dep_ == "conj"] + ([head.head] if head.dep_ == "conj" else [])
        for token in joined:
            place = sentence.place_at(token.i)
            if place is not None and place.country_only and place.mention.entry is not None:
                return token.i, place.mention.entry.country_iso
    return None


def _conjoined(agent: ActorMention, other: ActorMention, mention: Mention) -> bool:
    """ "police and a BSF team": two sides named as one subject, one joined to the other."""
    doc = mention.sentence.doc
    if not (agent.first >= mention.sentence.span.start and agent.last < mention.sentence.span.end):
        return False
    a, b = doc[agent.head], doc[other.head]
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i)


# people the police pursue: in a shoot-out with them, the other armed side
_SUSPECTS = {
    "suspect", "suspects", "fugitive", "fugitives", "robber", "robbers", "criminal", "criminals", "escapee", "escapees",
    "outlaw", "outlaws", "bandit", "bandits", "kidnapper", "kidnappers", "smuggler", "smugglers", "gangster", "gangsters",
    "poacher", "poachers", "trafficker", "traffickers", "highwayman", "highwaymen", "carjacker", "carjackers",
}


def _attacking(head: Token) -> bool:
    """The subject of a verb of its own deed: not of dying, nor of one done to each other
    ("smugglers exchanged fire with border guards"); or who an attack or an ambush is "by"
    ("lost three officers in an attack by bandits")."""
    if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.lemma_.lower() in {"attack", "ambush", "raid", "assault"}:
        return True
    return head.dep_ in {"nsubj", "csubj"} and head.head.lemma_.lower() not in {"die", "perish", *RECIPROCAL_VERBS}


def _forces_against_outlaws(group: list[Mention], actor1: Actor | None, actor2: Actor | None, iso: str | None) -> tuple[Actor | None, Actor | None]:
    """ "A wanted bandit was shot dead in a gunfight with police", "three robbers were killed in an
    exchange of fire with soldiers": in a shoot-out between a state's forces and the criminals
    they pursue, the forces are actor1 (ACLED's practice), unless the outlaws are told attacking
    ("bandits attacked a police post": they are the active side)."""
    outlaws = [a.actor for m in group for a in m.actors if a.armed and a.actor.inter in {2, 3, 4} and _suspect(a.actor)]
    if any(t.lower_ in _SUSPECTS and _attacking(t) for m in group for t in m.sentence.span):
        return actor1, actor2  # "bandits were attempting to rob travellers when police intervened"
    if not outlaws and actor1 is None and actor2 is not None and actor2.inter in {1, 8}:
        # "three armed robbers were killed in an exchange of fire with police": the dead named
        # as outlaws are the other side
        dead = next((c.text for m in group for c in m.counts if c.kind == "death" and _suspect(Actor("", 0, c.text))), None)
        if dead is not None:
            return actor2, _country_actor("Unidentified Armed Group ({})", 3, iso, dead)
    if not outlaws:
        return actor1, actor2
    names = {a.name for a in outlaws}
    if actor1 is not None and actor1.inter in {1, 8} and (actor2 is None or actor2.name in names):
        return actor1, actor2
    force = actor2 if actor2 is not None and actor2.inter in {1, 8} else next((a.actor for m in group for a in m.actors if a.actor.inter == 1), None)
    if force is None or not ((actor1 is None or actor1.name in names) and (actor2 is None or actor2.name in names or actor2 is force)):
        return actor1, actor2
    return force, outlaws[0]


def _suspect(actor: Actor) -> bool:
    words = (actor.text or "").lower().split()
    return bool(words) and words[-1] in _SUSPECTS


def _suspect_set_upon(group: list[Mention]) -> bool:
    """The object of the deed (or the subject of its passive) is a suspect: "beat and burned a
    suspected robber", "a suspected thief was lynched"."""
    marks = set(lexicon.casualty_words()["suspect_marks"])
    for mention in group:
        doc, span = mention.sentence.doc, mention.sentence.span
        # (a cue absorbed from a sentence parsed on its own indexes another Doc: only its own count)
        verbs = {doc[c.head] for c in mention.cues if c.anchor and span.start <= c.head < span.end}
        # ("set a suspected kidnapper ablaze": the verb the cue word hangs on)
        verbs |= {v.head for v in list(verbs) if v.pos_ != "VERB"}
        verbs |= {c for v in list(verbs) for c in v.children if c.dep_ == "conj"} | {v.head for v in list(verbs) if v.dep_ == "conj"}
        for verb in verbs:
            for person in verb.children:
                if person.dep_ in {"dobj", "nsubjpass"} and person.pos_ == "NOUN" and any(c.lower_ in marks for c in person.children if c.dep_ == "amod"):
                    return True
    return False


def _crowd_hit(group: list[Mention]) -> bool:
    """People hit by the crowd itself: the victims of a violent deed whose subject is the
    demonstrators ("… and killed him", "beat a trader")."""
    return any(
        m.victims_kind == "civilian" and m.agent is not None and m.agent.actor.inter in {5, 6, 7} and set(m.categories) & {"kill", "attack", "torture", "lethal_force", "fire_on"}
        for m in group
    )


# ACLED codes these with the acting side alone: a group moving, a base set up
_ONE_SIDED = {"Change to group/activity", "Headquarters or base established"}
_RELEASE_WORDS = {"released", "freed", "released prisoners", "prisoner release"}


def _security_as_police(actor: Actor | None) -> Actor | None:
    """ "security forces arrested …", "security forces dispersed the crowd": arrests and crowd
    control are police work, and ACLED codes the security forces doing them as police."""
    if actor is None or not actor.name.startswith("Military Forces of ") or "security" not in (actor.text or "").lower():
        return actor
    country = actor.name[len("Military Forces of ") :]
    if country not in lexicon.countries().by_acled:
        # a state faction's security forces are its police where ACLED names one ("Houthi
        # security forces arrested …"); a unit named for security keeps its name ("Security Belt
        # Forces", "the Houthi Preventive Security Force": the word in the name, capitalised)
        police = next((n.police for n in lexicon.actors().named if n.police and without_period(n.name) == without_period(actor.name)), None)
        if police is None or "security" not in (actor.text or "").split():
            return actor
        return Actor(police, 1, actor.text)
    return Actor("Police Forces of " + country, 1, actor.text)


def _superseded(mention: Mention) -> bool:
    """ "Medical sources previously said two were killed": a figure a later one replaced."""
    # a statement's indices point into its own Doc: a chain may carry one from another sentence's
    return any(s.verb.doc[i].lower_ in {"previously", "initially", "earlier"} for s in mention.statements for i in s.frame)


# "five people, including the attacker, were killed", "killing two soldiers and the attacker":
# the toll already counts the bomber
_BOMBER_COUNTED = re.compile(r"\b(?:including|and|as well as|along with|plus) (?:the|a|one|two|both|its) (?:suicide )?(?:bomber|attacker|assailant)s?\b")


def _also_killed(target: Token) -> bool:
    """The counted dead's verb says "also" ("were also killed", "also died")."""
    verb = target.head
    return verb.pos_ in {"VERB", "AUX"} and any(c.dep_ == "advmod" and c.lower_ in {"also", "too"} for c in verb.children)


# a mass grave found: ACLED's Other, whose bodies are the dead of killings long past
_GRAVE_WORDS = {"mass grave", "mass graves"}


def _a_grave_found(group: list[Mention], sub_event_type: str) -> bool:
    """ "The bodies of 25 people were found in a mass grave": the discovery is the event (Other),
    and its bodies are no fatalities of it (taxonomy.md), unless a killing is told with it."""
    return sub_event_type == "Other" and any(c.text.lower() in _GRAVE_WORDS for m in group for c in m.cues)


def _only_a_grave(group: list[Mention]) -> bool:
    """ "A mass grave with 20 bodies was found near X": bodies found in a grave, and no killing,
    attack or fighting told with them, are the grave's discovery (Other), not an attack at it."""
    categories = {c.category for m in group for c in m.cues if c.anchor}
    return any(c.text.lower() in _GRAVE_WORDS for m in group for c in m.cues) and categories <= {"other", "found_dead"}


def _fatalities(doc: Story, group: list[Mention], sub_event_type: str) -> Fatalities:
    if _a_grave_found(group, sub_event_type):
        return Fatalities(0, None, None, None)
    # the figures of the sentences that name the place come first; others only when they have none
    current = [m for m in group if not _superseded(m)] or group
    named = [m for m in current if m.place_source in {"own", "sibling", "anaphor"} and any(c.kind == "death" for c in m.counts)]
    # (a vague word is no figure: "a strike on X, killing civilians" at a report's head gives way
    # to the paragraph's "killing five civilians", told without naming X again)
    if named and all(c.vague for m in named for c in m.counts if c.kind == "death"):
        named = [m for m in named if any(c.kind == "death" and not c.vague for c in m.counts)] or (
            [] if any(c.kind == "death" and not c.vague for m in current for c in m.counts) else named)
    # the attackers' dead and the others' told in one sentence by clauses of their own ("said
    # three soldiers had been killed and that troops had killed four attackers") add up
    by_sentence: dict[int, dict[tuple[int, int], casualties.Count]] = {}
    for mention in named or current:
        for count in mention.counts:
            by_sentence.setdefault(casualties.parse_of(count, mention.sentence, doc.sentences).index, {})[(count.start, count.end)] = count
    sentences = {s.index: s for s in doc.sentences}
    counts = [c for index, told in by_sentence.items() for c in casualties.both_sides(casualties.add_another(list(told.values()), sentences[index].doc), sentences[index].doc)]
    counts = casualties.one_side_retold(counts)
    injuries = [w for m in group for w in m.injuries]
    # "… killed at least 30 soldiers, it said. Seven of its fighters were also killed": dead of
    # the other side told in a sentence of their own add up; they are no rival figure
    # (told where the place is not named again: "it said")
    also = {(m.sentence.index, c.start): c for m in current for c in m.counts
            if c.kind == "death" and _also_killed(casualties.parse_of(c, m.sentence, doc.sentences).doc[c.target])}
    others = [c for c in counts if (next((m.sentence.index for m in current if c in m.counts), None), c.start) not in also]
    if also and any(c.kind == "death" for c in others):
        fatalities = casualties.combine(others, injuries)
        fatalities = Fatalities(fatalities.count + sum(c.value for c in also.values()), None, None, casualties.combine(counts + list(also.values()), injuries).text)
    else:
        fatalities = casualties.combine(counts, injuries)
    if sub_event_type == "Suicide bomb" and fatalities.count and "including the" not in (fatalities.text or "").lower():
        # ACLED counts the bomber among the dead
        text = doc.article.text.lower()
        # ("a suicide bomber was shot dead before he could detonate his vest": the dead counted
        # is the bomber)
        bomber_counted = any(c.kind == "death" and _THE_BOMBER.search(c.text.lower()) for c in counts)
        if not _BOMBER_COUNTED.search(text) and not bomber_counted:
            fatalities = Fatalities(fatalities.count + 1, fatalities.low, fatalities.high, fatalities.text)
    elif sub_event_type == "Suicide bomb" and not fatalities.count and any(_BOMBER_DIED.search(m.sentence.text) for m in group):
        # "blew herself up, wounding two guards": no one else died, but the bomber did (ACLED counts her)
        fatalities = Fatalities(1, None, None, fatalities.text)
    return fatalities


_THE_BOMBER = re.compile(r"\b(?:bomber|bombers)\b")
# the bomber told dead when no one else is: "blew herself up", "killing only himself"
_BOMBER_DIED = re.compile(r"\b(?:blew|blowing|blows|blow) (?:himself|herself|themselves) up\b|\bkill(?:ing|ed)? (?:only )?(?:himself|herself|themselves)\b", re.IGNORECASE)


def _flies(words: str) -> bool:
    return words.lower().split()[-1] in _AIRCRAFT


_AIRCRAFT = {"jets", "jet", "warplanes", "warplane", "aircraft", "helicopters", "helicopter", "gunships", "gunship", "drones", "drone", "planes", "bombers", "f-16s", "migs", "sukhois"}
_BROUGHT_DOWN = {"shot down", "shoot down", "downed", "intercept", "intercepted", "interception"}


def _status(doc: Story, group: list[Mention], sub_event_type: str) -> str:
    chains = [m.statements for m in group]
    # a party confirming its own account corroborates nothing ("the governor confirmed two deaths")
    corroborated = any((s.kind == "confirm" and not s.is_party) or s.is_neutral for chain in chains for s in chain[:1])
    # a witness who tells it elsewhere in the article ("residents confirmed the deaths")
    corroborated = corroborated or any(s.is_neutral for m in group for s in m.sources)
    corroborated = corroborated or _confirmed_elsewhere(doc, group)
    # a side's gains told by that side: ground taken, or blows it says it dealt in the fighting
    self_claim = sub_event_type in {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"} or (
        coding.event_type_of(sub_event_type) in {"Battles", "Explosions/Remote violence"} and any(m.own_deed and family(m.categories) == "violent" for m in group)
    ) or (
        # "the ministry said soldiers had destroyed a militant hideout": a blow dealt to the
        # other side's camp, told by the side that dealt it
        sub_event_type == "Looting/property destruction" and any(m.own_deed and m.target is not None and m.target.armed for m in group)
    ) or (
        # "the rebels said they had downed a drone": the other side's weapon brought down, told
        # by the side that brought it down; "its forces had struck an ammunition depot": the other
        # side's arms hit by the side that says it hit them
        sub_event_type == "Disrupted weapons use" and any(m.own_deed and any(c.text.lower() in _BROUGHT_DOWN or c.category == "attack" for c in m.cues) for m in group)
    ) or (
        # "police said they launched an operation …, killing two suspects": the suspects a
        # state's force says it killed are its claimed blow to those it hunts, like enemies
        # killed (no exchange of fire told: still an attack by the taxonomy)
        sub_event_type == "Attack" and any(m.own_deed and m.agent is not None and m.agent.actor.inter == 1 and m.target is not None and _suspect(m.target.actor) for m in group)
    )
    # the other side admitting it (the rebels' spokesman owning up to the raid and to their own
    # dead): a side's blow confirmed by the side it hit is no mere claim
    claimants = [m.statements[0] for m in group if m.own_deed and m.statements]
    confirmers = [st for m in group for st in [*m.statements, *m.sources] if st.kind == "confirm" and st.is_party]
    corroborated = corroborated or any(_armed_group_speaks(c) != _armed_group_speaks(t) for c in confirmers for t in claimants)
    return status.report_status(chains, corroborated, doc.unverified, self_claim, doc.party_release)


def _armed_group_speaks(statement: Statement) -> bool:
    """The speaker is (of) a named armed group, not a state ("Taliban spokesman", "the M23")."""
    return is_group_name(statement.link.speaker) or any(is_group_name(w) for w in statement.speaker_words.split())


def _confirmed_elsewhere(doc: Story, group: list[Mention]) -> bool:
    """A neutral source elsewhere confirms what happened at this place ("residents confirmed …")."""
    key = place_key(group[0].place)
    for mention in doc.mentions:
        if mention in group or place_key(mention.place) != key:
            continue
        # (a witness of another kind of violence at the town confirms nothing of this one)
        if any(s.is_neutral for s in mention.statements[:1]) and may_tell_the_same(mention, group[0]):
            return True
    for sentence in doc.sentences:
        lower = sentence.text.lower()
        if "confirm" in lower and group[0].place and group[0].place.place and group[0].place.place.mention.text.lower() in lower:
            words = set(lower.split())
            if words & {"residents", "resident", "witnesses", "locals", "villagers", "sources"}:
                return True
    return False


def _date(group: list[Mention], published: dt.date | None) -> EventDate:
    ranked = sorted(group, key=lambda m: ["own", "sentence", "story", "speech", "published", "none"].index(m.date_source if m.date_source in {"own", "sentence", "story", "speech", "published"} else "none"))
    best = ranked[0]
    if best.day is None:
        return EventDate(None, None, None)
    precision, text = 1, None
    mention = None
    if best.date_source in {"own", "sentence", "speech"}:
        mention = next((d for d in best.dates if best.day in days_of(d) or d.value == best.day), None)
        if mention is not None:
            precision, text = mention.precision or 1, mention.text
    if published is not None and best.day > published and best.modality is None:
        return EventDate(published, precision, text)
    # a plan's bare weekday is the coming one ("teachers will strike on Thursday"): the weekday
    # was read back from publication, as a report's days are
    if published is not None and best.modality == "planned" and mention is not None and mention.kind == "weekday" and best.day < published:
        return EventDate(best.day + dt.timedelta(days=7), precision, text)
    return EventDate(best.day, precision, text)


def _event_id(article: Article, sub_event_type: str, place: str | None, date: EventDate, evidence: Sequence[Evidence]) -> str:
    key = "|".join(
        [article.id, sub_event_type, place or "", date.value.isoformat() if date.value else "", ",".join(f"{e.start}-{e.end}" for e in evidence)]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _evidence(doc: Story, group: list[Mention]) -> tuple[Evidence, ...]:
    own = [m for m in group if m.place_source in {"own", "anaphor"}] or group[:1]
    spans = sorted({m.evidence for m in own})
    text = doc.article.text
    return tuple(Evidence(start, end, text[start:end]) for start, end in spans if end > start)


def _confidence(group: list[Mention], signals: coding.Signals) -> float:
    best = {"own": 0.85, "anaphor": 0.8, "sibling": 0.7, "previous": 0.5, "focus": 0.4}.get(
        min((m.place_source for m in group), key=lambda s: ["own", "anaphor", "sibling", "previous", "focus", "none"].index(s) if s in {"own", "anaphor", "sibling", "previous", "focus"} else 5),
        0.3,
    )
    if max(m.anchor_strength for m in group) < 1.5 and len(signals.categories) <= 1:
        best -= 0.1
    return round(best, 2)


def _names_any_place(doc: Story) -> bool:
    """Whether the text names any place below country level (resolved or not)."""
    return any(not p.country_only for sentence in doc.sentences for p in sentence.places)


def _of_country(actor: Actor | None, iso: str | None) -> Actor | None:
    """A generic actor of an article naming no country ("Civilians (Unknown)") takes the country
    the event is coded in."""
    if actor is None or iso is None or "Unknown" not in actor.name:
        return actor
    short, long = country_name(iso, short=True), country_name(iso, short=False)
    if short is None or long is None:
        return actor
    return replace(actor, name=actor.name.replace("(Unknown)", f"({short})").replace(" of Unknown", f" of {long}"))


_COMMUNITY_UNITS = {"section", "sections", "clan", "clans", "subclan", "subclans", "sub-clans", "communities", "community", "villages", "tribes", "groups", "factions", "cattle camps"}


def _communities_fought(mention: Mention) -> bool:
    """The subject of the fight's verb is men of two communities: "youth from two sections
    fought", "members of rival clans clashed" (or "two rival clans clashed")."""
    doc = mention.sentence.doc
    for cue in mention.cues:
        # (a cue taken from an account told in another parse, a dateline's lead: not this doc's)
        if cue.category != "clash" or cue.head >= len(doc):
            continue
        verb = doc[cue.head]
        # (a parser may hang the verb on the last noun: "youth from two sections fought" as
        # "sections [that] fought")
        described = [verb.head] if verb.dep_ in {"acl", "relcl"} else []
        for subject in [c for c in verb.children if c.dep_ == "nsubj"] + described:
            if _rival_sides(subject) and subject.lower_ in _COMMUNITY_UNITS:
                return True
            for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
                if any(p.lower_ in _COMMUNITY_UNITS and _rival_sides(p) for p in prep.children if p.dep_ == "pobj"):
                    return True
    return False


def _blades_and_stones(mention: Mention) -> bool:
    """ "fought with machetes", "with sticks and stones": a brawl of people, no armed men's fight."""
    return any(t.lemma_.lower() in _BRAWL_WEAPONS for t in mention.sentence.span)


_BRAWL_WEAPONS = {"machete", "stick", "club", "stone", "knife", "rock", "panga", "cudgel"}


def _force_from_outside(force: Actor | None, protesters: Actor | None) -> bool:
    """The force is no state force of the protesters' own country."""
    if force is None or protesters is None or "(" not in protesters.name:
        return False
    if force.inter not in {1, 8}:
        return True
    country = protesters.name.rsplit("(", 1)[1].rstrip(")")
    return country not in force.name and country != "Unknown"


# a bare "junta" is Myanmar's in the lexicon (most news of one is); a junta acting in another
# country is that country's military ("the military junta issued a decree … in Niamey")
_BARE_JUNTA = frozenset({"junta", "the junta", "military junta", "the military junta", "ruling junta", "the ruling junta"})


def _junta_of(actor: Actor | None, iso: str | None) -> Actor | None:
    if actor is None or iso is None or iso == "MM" or (actor.text or "").lower() not in _BARE_JUNTA:
        return actor
    if actor.name != "Military Forces of Myanmar":
        return actor
    long = country_name(iso, short=False)
    return replace(actor, name=f"Military Forces of {long}") if long else actor


def _teller_of(group: list[Mention], agent: ActorMention) -> Mention:
    """The telling whose sentence names ``agent`` (a headline is a document of its own, so the
    agent's token is looked up there, not in the first telling's)."""
    return next((m for m in group if any(a is agent for a in m.actors)), None) or next((m for m in group if m.agent is agent), group[0])


def _told_as_both_sides(group: list[Mention], actor1: Actor) -> Actor | None:
    """actor1 when a telling names it by a plural of both sides ("two armed factions", "rival
    militias"): the clash's other side is of the same kind."""
    for m in group:
        for a in m.actors:
            if a.armed and a.actor.name == actor1.name and _rival_sides(_teller_of(group, a).sentence.doc[a.head]):
                return actor1
    return None


def _rival_sides(head: Token) -> bool:
    """ "two armed groups", "rival gangs": a plural that names both sides of a fight."""
    return head.tag_ in {"NNS", "NNPS"} and any(
        (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in {"amod", "compound"} and c.lower_ in {"rival", "opposing", "warring"}) for c in head.children
    )


def _civilian_site_hit(group: list[Mention], actor1: Actor | None) -> bool:
    """The group's sentences name a civilian site (triggers.toml `civilian_site_words`) as what
    was hit, and no armed side besides ``actor1``: the civilians' ("a missile hit a residential
    area"), not a force's, nor a landmark's ("an IED exploded near a market")."""
    sites = lexicon.cues().civilian_sites
    others = any(a.armed and (actor1 is None or a.actor.name != actor1.name) for m in group for a in m.actors)
    return not others and any(t.lower_ in sites and _is_hit(t) for m in group for t in m.sentence.span)


def _site_hit(group: list[Mention]) -> bool:
    """The group's sentences name a civilian site (a shrine, a church, homes) as what was hit,
    whoever else they name (the police who told of it)."""
    sites = lexicon.cues().civilian_sites

    def hit(word: Token) -> bool:
        # (a faith's name on the site is no place's name: "a Sufi shrine", "a Catholic church")
        while word.dep_ == "conj" and word.head.i != word.i:
            word = word.head
        return word.dep_ in {"dobj", "nsubjpass"} or (word.dep_ == "pobj" and word.head.lower_ in {"on", "at", "into", "against", "onto", "to"})

    return any(t.lower_ in sites and t.pos_ == "NOUN" and hit(t) for m in group for t in m.sentence.span)


def _only_civilians_named(group: list[Mention], agent: ActorMention | None) -> bool:
    """The group names civilians besides its doer, and no armed side but the doer's."""
    others = [a for m in group for a in m.actors if agent is None or a.head != agent.head]
    return any(a.is_civilian for a in others) and not any(a.armed for a in others)


_HURT_WORDS = {"injured", "wounded", "killed", "hurt", "dead"}


# who "the two were members of X" speaks of: the dead of the sentence before
_THE_DEAD_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "dead", "victims", "killed", "men"}
_MEMBER_WORDS = {"members", "member", "fighters", "militants", "commanders", "commander", "cadres", "operatives", "rebels"}


def _dead_named_as_members(doc: Story, group: list[Mention], actor1: Actor | None) -> Actor | None:
    """ "… killing two people. The two were members of the PKK": the sentence right after the
    happening's toll, with no other happening, whose subject is its dead ("the two", "the victims",
    "both") said to be a group's members names the side hit."""
    deadly = [m.sentence.index for m in group if any(c.kind == "death" and c.value > 0 for c in m.counts)]
    if not deadly:
        return None
    # (the next sentence may tell more of the same happening, not of another)
    others = {m.sentence.index for m in doc.mentions if not any(m is g for g in group)}
    following = min(deadly) + 1
    if following >= len(doc.sentences) or following in others:
        return None
    words = [t for t in doc.sentences[following].span if not t.is_punct]
    if len(words) < 4 or words[0].lower_ != "the" and words[0].lower_ != "both" or words[1].lower_ not in _THE_DEAD_WORDS and words[0].lower_ != "both":
        return None
    copula = next((t for t in words[1:4] if t.lower_ in {"were", "was"}), None)
    if copula is None or not any(t.lower_ in _MEMBER_WORDS for t in words[words.index(copula) + 1 : words.index(copula) + 4]):
        return None
    named = [a for i, a in doc.actors if i == following and a.armed and a.kind == "named"]
    return next((a.actor for a in named if actor1 is None or a.actor.name != actor1.name), None)


def _arrested_named_as_members(doc: Story, group: list[Mention], actor1: Actor | None) -> Actor | None:
    """ "… arrested X, alias Y, on Monday. He is a member of ISWAP": the sentence right after the
    arrest, with no happening of its own, whose subject is the arrested ("he", "the suspect") said
    to be a group's member ("is a member of", "belongs to") names the side arrested."""
    told = min(m.sentence.index for m in group)
    following = told + 1
    others = {m.sentence.index for m in doc.mentions if not any(m is g for g in group)}
    if following >= len(doc.sentences) or following in others:
        return None
    words = [t for t in doc.sentences[following].span if not t.is_punct]
    opening = [t for t in words[:3] if t.lower_ not in {"the", "a"}]
    spec = lexicon.actors_section("arrested_members")  # "he", "the suspect"; "is", "belongs"
    if len(words) < 4 or not opening or opening[0].lower_ not in spec["arrested_words"]:
        return None
    copula = next((t for t in words[1:4] if t.lower_ in spec["copulas"]), None)
    if copula is None:
        return None
    after = words[words.index(copula) + 1 : words.index(copula) + 5]
    if not (copula.lower_.startswith("belong") or any(t.lower_ in _MEMBER_WORDS for t in after)):
        return None
    named = [a for i, a in doc.actors if i == following and a.armed and a.kind == "named"]
    return next((a.actor for a in named if actor1 is None or a.actor.name != actor1.name), None)


def _hurt_later_in_a_note(doc: Story, group: list[Mention], iso: str | None) -> Actor | None:
    """Civilians (or a state's force) a sentence after the happening tells were hurt, in a
    sentence with no happening of its own."""
    told = {m.sentence.index for m in group}
    with_events = {m.sentence.index for m in doc.mentions}
    for i, mention in doc.actors:
        if i <= min(told) or i in told or i in with_events:
            continue
        words = {t.lower_ for t in doc.sentences[i].span}
        if not words & _HURT_WORDS:
            continue
        if mention.is_civilian:
            return _country_actor("Civilians ({})", 7, iso)
        if mention.actor.inter == 1:
            return mention.actor
    return None


def _harm_told(doc: Story, group: list[Mention]) -> bool:
    """Someone was killed or hurt: told with the happening ("wounding three") or in a note's own
    count ("20 fatalities")."""
    if any(m.injuries or any(c.kind == "death" and c.value > 0 for c in m.counts) for m in group):
        return True
    coded = casualties.explicit_coding(doc.article.text)
    return coded is not None and coded[0] > 0


def _is_hit(word: Token) -> bool:
    """The word is (or modifies) what a verb hit: its object ("hit a residential area", "attacked
    shops and a mosque") or the object of "on"/"at"/"into"/"to" ("dropped a bomb on a residential
    building", "set fire to a police station"); not a landmark ("exploded near a market", "under
    X police station"), nor a named place ("at X village")."""
    noun = word.head if word.dep_ in {"amod", "compound"} else word
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children):
        return False  # "at Alaudia-Saray village": a named place, where it happened
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ in {"dobj", "nsubjpass"} or (noun.dep_ == "pobj" and noun.head.lower_ in {"on", "at", "into", "against", "onto", "to"})


def _home_of_named(*actors: Actor | None) -> str | None:
    """The one country of the named groups among ``actors`` (actors.toml `country`), if any."""
    homes = {named.country for named in lexicon.actors().named for actor in actors if actor is not None and named.country and named.name == actor.name}
    return homes.pop() if len(homes) == 1 else None


_TERRITORIAL = {"Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"}


def _regional_insurgents(actor: Actor | None, location: Location | None) -> Actor | None:
    """ "insurgents beheaded two fishermen near X (Cabo Delgado)": the unnamed insurgents of a
    province where one insurgency fights are that group's, as ACLED names them (actors.toml
    `[regional_insurgents]`)."""
    if actor is None or location is None or not actor.name.startswith("Unidentified Armed Group ("):
        return actor
    spec = lexicon.actors_section("regional_insurgents")
    words = (actor.text or "").lower()
    if not any(words == head or words.endswith(" " + head) for head in spec.get("heads", ())):
        return actor
    province = next((p for p in spec.get("provinces", ()) if p["country"] == location.country_iso and p["admin1"] == location.admin1), None)
    return actor if province is None else replace(actor, name=province["name"], inter=int(province["inter"]))


def _local_militia(actor: Actor | None, location: Location | None, text: str) -> Actor | None:
    """ "local militiamen attacked a settlement in X": the militia of the town the violence is
    at, "X Communal Militia (Nigeria)" (ACLED's name for a community's militia; not for a
    takeover, where local militias fight for a side)."""
    # the place as the text names it, a proper name ("Ugbokolo", not "Akobo county")
    if actor is None or location is None or not location.text or not all(w[:1].isupper() for w in location.text.split()):
        return actor
    prefix = "Unidentified Communal Militia ("
    if not actor.name.startswith(prefix) or "local" not in (actor.text or "").lower().split():
        return actor
    return replace(actor, name=f"{_community_of(location.text, text)} Communal Militia ({actor.name[len(prefix):]}", inter=4)


# "X area of Y town": X is a part of the community Y
_PART_OF_A_TOWN = r"{place} (?:area|quarter|neighbourhood|neighborhood|section|ward) of (?:the )?((?:[A-Z][\w'-]* )+)(?:town|village|community|city)\b"


def _community_of(place: str, text: str) -> str:
    """The community a place belongs to: the town of which the text names it an area ("in the
    A area of B town": B's militia), else the place itself."""
    found = re.search(_PART_OF_A_TOWN.format(place=re.escape(place)), text)
    return found.group(1).strip() if found else place


def _home_of_state_agent(group: list[Mention], sub_event_type: str) -> list[str]:
    """ "Houthi security forces carried out an arrest campaign": arrests by a named state (or
    de facto authority), told of no place, are national: the country of that state. Not other
    deeds, which forces may do abroad ("Kenyan soldiers set up checkpoints")."""
    if sub_event_type != "Arrests":
        return []
    return [m.agent.country for m in group if m.agent is not None and m.agent.kind == "named" and m.agent.actor.inter == 1 and m.agent.country]


# what an agreement between sides of a conflict is about (ACLED codes no trade or business deal)
_CONFLICT_DEAL_WORDS = frozenset({
    "ceasefire", "cease", "truce", "peace", "armistice", "prisoner", "prisoners", "hostage", "hostages",
    "captive", "captives", "detainee", "detainees", "surrender", "evacuation", "withdrawal", "disarmament",
    "bodies", "war", "warring", "conflict", "fighting", "hostilities", "fighters", "rebels", "militants",
    "militia", "militias", "army", "troops", "insurgents", "combatants", "belligerents", "humanitarian", "corridor",
    # a reconciliation deal mends a conflict's rifts ("the government and religious leaders
    # signed a reconciliation agreement")
    "reconciliation",
})


def _armed_party(actor: Actor | None) -> bool:
    return actor is not None and (actor.inter in {2, 3, 4, 8} or actor.name.startswith(("Military Forces", "Police Forces")))


def _about_the_fighting(group: list[Mention]) -> bool:
    return any(t.lower_ in _CONFLICT_DEAL_WORDS or t.lemma_.lower() in _CONFLICT_DEAL_WORDS for m in group for t in m.sentence.span)


def _displacement_tally(group: list[Mention]) -> bool:
    """ "More than 50,000 people from the state have fled across the border": people who have
    fled since a war began, told in the perfect with no day of their own, are a tally of the
    displaced, not a flight that happened."""
    if not all(_flight_only(m) and m.date_source not in {"own", "sentence"} for m in group):
        return False
    doc = group[0].sentence.doc
    verbs = [doc[c.head] for m in group for c in m.cues if c.category == "displacement"]
    return bool(verbs) and all(any(a.dep_ == "aux" and a.lower_ in {"have", "has"} for a in v.children) for v in verbs)


def _event(doc: Story, group: list[Mention]) -> Event | None:
    if _displacement_tally(group):
        return None
    signals = _signals(group)
    sub_event_type = coding.classify(signals)
    if sub_event_type is None:
        return None
    if _only_a_grave(group):
        sub_event_type = "Other"
    place = group[0].place
    location = None
    if place is not None and place.place is not None:
        mention = place.place.mention
        location = Location.from_mention(mention, geo_precision_of(mention.entry, near=place.near))
    elif any(m.place is not None for m in group):
        return None
    elif any(names_an_unread_place(m.sentence) for m in group):
        pass  # at a place no gazetteer lists ("in Dougoufe"): no point rather than the capital's
    else:
        # told of the whole country: ACLED codes it at the national capital (precision 3)
        named = [iso for m in group for iso in named_countries(m.sentence)] or home_countries(doc.sentences) or _home_of_state_agent(group, sub_event_type)
        capital = national_capital(named[0] if named else None)
        if capital is not None:
            location = Location.from_mention(capital, 3)
    where = location.country_iso if location else None
    actor1, actor2 = _actors(doc, group, sub_event_type, signals, where)
    # at a place no gazetteer knows ("near Adaado", nothing else named), a group of one country
    # tells where: "Al Shabaab … fought soldiers" are Somalia's soldiers
    home = where or _home_of_named(actor1, actor2)
    actor1, actor2 = _of_country(actor1, home), _of_country(actor2, home)
    actor1, actor2 = _junta_of(actor1, where), _junta_of(actor2, where)
    actor1, actor2 = _coalition_at_home(actor1, where), _coalition_at_home(actor2, where)
    if sub_event_type == "Agreement" and not any(_armed_party(a) for a in (actor1, actor2)) and not _about_the_fighting(group):
        # "a company signed a deal with a supplier", "the government signed a loan agreement":
        # no armed party, no word of a conflict
        return None
    # "local militiamen attacked …": ACLED names a communal militia after its community
    if sub_event_type not in _TERRITORIAL:
        actor1, actor2 = (_local_militia(a, location, doc.article.text) for a in (actor1, actor2))
    actor1, actor2 = (_regional_insurgents(a, location) for a in (actor1, actor2))
    # criminal violence in Latin America: ACLED's unidentified gangs
    actor1, actor2 = gangs.criminal_actors(
        actor1, actor2, sub_event_type,
        texts=gangs.texts_of(doc.article.text, [m.sentence.span.text for m in group]),
        country=doc.context.country or where, admin1=location.admin1 if location else None,
    )
    if any(m.background for m in group):
        event_status = "background"
    elif any(m.modality == "planned" for m in group):
        event_status = "planned"
    else:
        event_status = _status(doc, group, sub_event_type)
    date = _date(group, doc.article.published)
    actor1, actor2 = dated(actor1, date.value), dated(actor2, date.value)
    evidence = _evidence(doc, group)
    attribution = tuple(dict.fromkeys([s.link for m in group for s in m.statements] + [s.link for m in group for s in m.sources]))
    return Event(
        id=_event_id(doc.article, sub_event_type, place_key(place), date, evidence),
        event_type=coding.event_type_of(sub_event_type),
        sub_event_type=sub_event_type,
        plover=coding.plover_of(sub_event_type, signals),
        status=event_status,  # type: ignore[arg-type]
        actor1=actor1,
        actor2=actor2,
        location=location,
        date=date,
        # a deed only threatened or planned has killed no one yet ("threatened to kill 10
        # hostages", "vowed to avenge its slain leader by attacking …")
        fatalities=Fatalities(0, None, None, None) if event_status == "planned" else _fatalities(doc, group, sub_event_type),
        attribution=attribution,
        confidence=_confidence(group, signals),
        evidence=evidence,
    )


def _denial_of(event: Event, group: list[Mention]) -> Event | None:
    """ "Witnesses said soldiers shot five protesters, but the army denied the account": the
    witnesses' event stands as they tell it; the army's word is the same event denied, a report
    of its own (a denial beside an assertion, which the store marks as conflicting)."""
    deniers = tuple(dict.fromkeys(s.link for m in group for s in m.disputes))
    if not deniers or event.status in {"background", "planned", "denied"}:
        return None
    twin = hashlib.sha1(f"{event.id}|denied".encode("utf-8")).hexdigest()[:16]
    return replace(event, id=twin, status="denied", attribution=deniers)


def _explicit_fatalities(doc: Story, events: list[Event]) -> list[Event]:
    """A source's own statement of how it coded fatalities ("Fatalities coded as 4") wins."""
    coded = casualties.explicit_coding(doc.article.text)
    current = [e for e in events if e.status not in {"background", "planned", "denied"}]
    if coded is None or not current:
        return events
    count, spread = coded
    # (the whole count over the events it is spread across, the remainder to the first ones, as
    # a count shared over listed places is: "10 across three locations" is 4, 3 and 3)
    share, remainder = divmod(count, spread)
    updated = {
        e.id: replace(e, fatalities=Fatalities(share + (n < remainder), e.fatalities.low, e.fatalities.high, e.fatalities.text))
        for n, e in enumerate(current)
    }
    return [updated.get(e.id, e) for e in events]


def _explicit_heading(doc: Story, events: list[Event]) -> list[Event]:
    """A text that opens with the activity it codes ("Arrests: On 4 May …") has typed itself."""
    head = doc.article.text.lstrip()[:60]
    if ":" not in head:
        return events
    label = lexicon.coding_headings().get(head.split(":", 1)[0].strip().lower())
    if label is None or not events:
        return events
    first = events[0]
    retyped = replace(
        first,
        event_type=coding.event_type_of(label),
        sub_event_type=label,
        plover=coding.plover_of(label, coding.Signals()),
        # a base set up, a group moving: the acting side alone
        actor2=None if label in _ONE_SIDED else first.actor2,
    )
    return [retyped, *events[1:]]


_WORD = re.compile(r"[\w'’-]+")


def _in_group_name(text: str, place: PlaceMention) -> bool:
    """ "Belt" in "Security Belt forces", "Mara" in "MS-13: Mara Salvatrucha": a word of a group's
    name is no place (a gazetteer holds towns named after everything)."""
    before = _WORD.findall(text[max(0, place.start - 40) : place.start])[-3:]
    after = _WORD.findall(text[place.end : place.end + 40])[:3]
    # "the 3rd Coastal Brigade", "the Kirkuk Commando Brigade": a unit's name
    # (run on without a break: in "Batibo, Momo Division" the comma ends the town's name, and the
    # division is the administrative one it lies in)
    units = lexicon.actors().unit_nouns
    joined = bool(re.match(r"[ \t]*\w", text[place.end : place.end + 40]))
    if joined and (after and after[0].lower() in units or len(after) > 1 and after[0][:1].isupper() and after[1].lower() in units):
        return True
    words = [*before, place.text, *after]
    at = len(before)
    # a phrase's words are its words' words run together (``phrase_words`` reads no word
    # across a space): each word is read once, not once in every stretch it is part of
    forms = [lexicon.phrase_words(word) for word in words]
    acronyms = lexicon.actors().acronym_index
    return any(
        " ".join(words[i:j]) in acronyms or is_group_term(sum(forms[i:j], ()))
        for i in range(at + 1)
        for j in range(at + 1, len(words) + 1)
        if j - i > 1
    )


def extract_events(article: Article, doc: Doc, places: Sequence[PlaceMention], *, keep_background: bool = False) -> list[Event]:
    """Coded events of one article, in text order; background events only with ``keep_background``.

    ``doc`` is the spaCy parse of ``article.text``; ``places`` the geocoder's mentions in it.
    """
    places = [p for p in places if not is_group_name(p.text) and not _in_group_name(article.text, p)]
    read = read_story(article, doc, places)
    resolve_dates(read)
    read.mentions = split_ranges(read.mentions, article.published)
    place_mentions(read)
    share_between_mentions(read)
    attach_floating_sources(read)
    update_tolls(read)
    usable = [m for m in read.mentions if not m.dropped and m.place is not None]
    if not usable and not _names_any_place(read):
        # the text names no place the gazetteer knows (only a country, or nothing): what it
        # tells is kept as one event with a null location rather than lost (output.md: unknown → null)
        # a measure told of the whole country ("55 people were arrested in different cities in
        # Belarus") is national; fighting told of a country alone is too vague to place
        usable = [m for m in read.mentions if is_current(m) and not m.summary and (not m.country_only or family(m.categories) != "violent")]
        for mention in usable:
            mention.day = usable[0].day if compatible_days(mention, usable[0]) else mention.day
    events: list[Event] = []
    seen: set[str] = set()
    usable.sort(key=lambda m: (m.sentence.start, m.place.place.first if m.place and m.place.place else 0))
    for group in _groups(usable):
        event = _event(read, group)
        if event is None or event.id in seen:
            continue
        if event.status == "background" and not keep_background:
            continue
        seen.add(event.id)
        events.append(event)
        denial = _denial_of(event, group)
        if denial is not None:
            events.append(denial)
    events = _explicit_fatalities(read, events)
    events = _explicit_heading(read, events)
    # text order; events sharing a passage ("A, B and C had been taken") keep the order of their places
    events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    log.debug("%s: %d mentions, %d events", article.id, len(read.mentions), len(events))
    return events
