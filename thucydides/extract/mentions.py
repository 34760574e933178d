"""Event mentions: what one clause region of one sentence says happened, before merging.

A mention gathers, for one region: its cues (kept only when not negated, hypothetical or an
opinion), the places it is about (containers, qualifiers and landmarks set aside, one mention
per coordinated place), its date expressions, its actors and their roles, its death counts and
the statements it is reported in. events.py then places mentions that name no place, merges the
mentions of one event and codes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Sequence

from thucydides.extract import lexicon, status
from thucydides.extract.actors import RECIPROCAL_VERBS, ActorContext, ActorMention, demonym_country, ethnic_militia, generic_actor, is_group_name, is_pronoun, with_unit
from thucydides.extract.attribution import Statement, chain_for
from thucydides.extract.casualties import Count, add_later_deaths, both_sides, died_of_wounds, some_of_the_dead
from thucydides.extract.dates import DateMention, is_time_word, window_days
from thucydides.extract.places import EventPlace, counts_by_place, event_places, list_head
from thucydides.extract.regions import SPREADING, TIME_MARKS, Region
from thucydides.extract.sentences import Sentence, bare_participle
from thucydides.extract.triggers import Cue, armed_doer, clause_verb, headline_verb, verb_read_as_noun, verb_read_between_names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DEFINITE = {"the", "this", "that", "these", "those"}
_QUANTIFIERS = {"all", "several", "many", "some", "numerous", "various", "multiple", "dozens", "scores", "hundreds"}


@dataclass
class Mention:
    sentence: Sentence
    region: Region
    cues: list[Cue]
    place: EventPlace | None
    place_source: str  # "own", "sibling", "previous", "anaphor", "container", "none"
    country_only: bool  # the region names only a country
    dates: list[DateMention]
    date_source: str  # "own", "sentence", "speech", "none"
    background: bool
    modality: str | None  # "planned", or None
    statements: list[Statement]
    agent: ActorMention | None
    target: ActorMention | None
    victims_kind: str | None
    counts: list[Count]
    injuries: list[str]
    summary: bool
    anaphoric: bool
    evidence: tuple[int, int]
    actors: list[ActorMention] = field(default_factory=list)
    day: dt.date | None = None  # the day (one of a range) this mention stands for
    dropped: bool = False
    crowd_violence: bool = False  # stones, fire, barricades by a crowd (or by nobody named)
    # what a crowd's clause says it rose up over ("against the arrest of an editor"): categories
    grievances: frozenset[str] = frozenset()
    # other statements telling of the same happening (a lead's "an official said" summing it up,
    # a later "X confirmed the attack"): sources of the event, not the chain that frames this clause
    sources: list[Statement] = field(default_factory=list)
    # a party tells of its own side's deed ("the army said its troops killed 30 militants")
    own_deed: bool = False
    # statements contradicting the account this clause is told in ("…, but the army denied the account")
    disputes: list[Statement] = field(default_factory=list)
    # what followed an event told before ("air strikes in the days after the attack"): another happening
    sequel: bool = False
    # the clause names back an event told before as the object of what someone did about it ("JNIM
    # said it had carried out the attack", "condemned the bombing"): no day of its own
    told_back: bool = False

    @property
    def categories(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for cue in self.cues:
            found[cue.category] = max(found.get(cue.category, 0.0), cue.strength)
        return found

    @property
    def anchor_strength(self) -> float:
        heads: dict[int, float] = {}
        for cue in self.cues:
            if cue.anchor:
                heads[cue.head] = max(heads.get(cue.head, 0.0), cue.strength)
        return sum(heads.values())


# --- places ----------------------------------------------------------------------------------


# --- actors and roles -------------------------------------------------------------------------


_COLLECTIVES = {"team", "contingent", "squad", "detachment", "platoon", "unit"}
# "a group of TMC workers attacked …": a group of people acts as they do (as a subject; a group
# struck is hit whoever it was)
_SUBJECT_COLLECTIVES = {"group", "band"}


_QUANTITIES = {"dozens", "dozen", "scores", "score", "hundreds", "thousands", "tens", "number", "handful", "several", "many", "some", "most", "all", "both", "none", "each", "one"}


# verbs that put a deed down to someone ("attributed the attack to X")
_ASCRIBING = {"attribute", "ascribe"}


def _yields_itself(verb: Token) -> bool:
    """ "handed themselves over": a handing over is a surrender only of oneself (a town handed over
    to rebels is a transfer, read elsewhere)."""
    return verb.lemma_.lower() != "hand" or any(c.dep_ == "dobj" and c.lower_ in {"themselves", "himself", "herself"} for c in verb.children)


def _yielded_to(token: Token, anchors: list[Token]) -> bool:
    """ "surrendered to the army", "handed themselves over to the authorities": the "to" phrase
    of a yielding verb; "surrendered after meeting the provincial governor": the one met."""
    yielding = lexicon.cues().yielding_verbs
    verbs = {v.i for a in anchors for v in (a, clause_verb(a)) if v.lemma_.lower() in yielding and _yields_itself(v)}
    if not verbs:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.i in verbs:
        return True
    # (the meeting hung on the verb through "after"/"before": "surrendered after meeting X")
    return (token.dep_ == "dobj" and head.lemma_.lower() == "meet" and head.dep_ == "pcomp"
            and head.head.lower_ in {"after", "before", "during"} and head.head.head.i in verbs)


def _role(mention: ActorMention, anchors: list[Token]) -> str:
    """ "agent", "target" or "other", from the mention's head relative to the event's anchors."""
    token = mention_head = anchors[0].doc[mention.head]
    if _doer_of_a_misparsed_verb(token, anchors):
        return "agent"
    token = _described(token, mention)
    token = _describing_a_name(token) if mention.armed else token
    # "a squad of gendarmes and soldiers detained …": the squad's role is its members'
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _COLLECTIVES | _SUBJECT_COLLECTIVES and (
        token.head.head.lemma_.lower() in _COLLECTIVES or token.head.head.dep_ in {"nsubj", "nsubjpass"}
    ):
        token = token.head.head
    # "killed dozens of terrorists", "three of the attackers were killed": a share of a side has
    # the role of the share (so has a share of a crowd: "hundreds of protesters clashed with police")
    if (mention.armed or mention.actor.inter in {5, 6}) and token.dep_ == "pobj" and token.head.lower_ == "of" and (token.head.head.lower_ in _QUANTITIES or token.head.head.like_num or token.head.head.tag_ == "CD"):
        token = token.head.head
    # "a Saudi-led coalition air raid was reported": a name whose phrase runs into the cue word
    # is whose raid it was, whatever the verb does to the phrase
    # (not a post or a base named by its holder: "attacked a junta outpost" hit the junta's post)
    if mention.head in {a.i for a in anchors if a.lower_ not in lexicon.cues().territory_nouns} and mention.kind in {"named", "anti"}:
        return "agent"
    if token.dep_ == "conj":
        token = token.head
        while token.dep_ == "conj":
            token = token.head
    # "opened fire on demonstrators demanding jobs": a parse that makes the people the subject of
    # a gerund hung on the preposition; they are what the preposition names, hit
    if token.dep_ == "nsubj" and token.head.tag_ == "VBG" and token.head.dep_ == "pcomp" and token.i < token.head.i and token.head.head.lower_ in {"on", "against", "at", "upon"}:
        return "target"
    head = token.head
    # "shelled trenches of the army of X": the forces whose trenches or posts were hit
    # have the role of their positions
    owned = lexicon.cues().armed_targets
    if token.dep_ == "pobj" and head.lower_ == "of" and (head.head.lower_ in owned or head.head.lemma_.lower() in owned):
        token = head.head
        head = token.head
    anchor_ids = {a.i for a in anchors}
    verbs = {clause_verb(a).i for a in anchors if not _aside(a)} | anchor_ids
    # "a patrol came under attack": the subject is hit
    if token.dep_ == "nsubj" and _came_under(head):
        return "target"
    # "two soldiers died in the shelling": who dies in an event suffers it
    if token.dep_ == "nsubj" and head.lemma_.lower() in {"die", "perish"}:
        return "target"
    # "the army lost 12 soldiers in an ambush": the side that loses its men suffers the deed
    if token.dep_ == "nsubj" and head.lemma_.lower() == "lose" and any(_lost_people(c) for c in head.children):
        return "target"
    # "Soldiers killed in ambush", "Five policemen killed in attack": a headline's passive
    if (token.dep_ == "nsubj" and head.i in verbs and bare_participle(head)) or (
        token.dep_ == "ROOT" and any(a.head.i == token.i and bare_participle(a) for a in anchors)
    ):
        return "target"
    # "came under fire from gunmen" ("from" on the verb or on the noun): whoever it came from acts
    if token.dep_ == "pobj" and head.lower_ == "from" and (_came_under(head.head) or (head.head.dep_ == "pobj" and head.head.head.lower_ == "under" and _came_under(head.head.head.head))):
        return "agent"
    # (who puts a deed down to someone did not do it: "the authorities attributed the attack to X")
    if token.dep_ == "nsubj" and head.lemma_.lower() in _ASCRIBING and any(a.head.i == head.i and a.dep_ == "dobj" for a in anchors):
        return "other"
    if token.dep_ in {"nsubj", "csubj"} and head.i in verbs:
        return "agent"
    # "forces claimed to have shelled", "gunmen tried to storm": the subject of the verb that
    # governs the cue's infinitive or participle acts
    if token.dep_ == "nsubj" and any(a.dep_ == "xcomp" and a.head.i == head.i for a in anchors):
        return "agent"
    # "fighters made several attempts to attack the camp": the subject of the verb whose object
    # the cue's infinitive describes
    if token.dep_ == "nsubj" and any(a.dep_ == "acl" and a.tag_ == "VB" and a.head.dep_ == "dobj" and a.head.head.i == head.i for a in anchors):
        return "agent"
    if token.dep_ == "nsubjpass" and head.i in verbs:
        return "target"
    # "In A, the state capital, junta troops arrested five men": a parse that hangs the verb off
    # its subject as a participle; a participle with an object of its own is active, the noun its doer
    # "by X" of the cue itself ("killed by Taliban insurgents", "an attack by gunmen"), not of
    # another verb in the sentence ("the car was stopped by the security guards and went off")
    by = token.dep_ == "pobj" and (head.lower_ == "by" or head.dep_ == "agent")
    if by and (head.head.i in verbs or head.head.i in anchor_ids or head.head.lemma_.lower() in _EVENT_NOUNS):
        return "agent"
    # "an attack claimed by the al-Shabab group": who claims it did it
    if by and head.head.lemma_.lower() == "claim":
        return "agent"
    # "the authorities attributed the attack to the X front": whom a deed is put down to did it
    # (and who puts it down does not: "blamed the attack on" is an accusation, read elsewhere)
    put_to = token
    while put_to.dep_ == "pobj" and put_to.head.lower_ == "of" and put_to.head.head.dep_ == "pobj":
        put_to = put_to.head.head  # "to the X front of the FARC dissidents"
    if put_to.dep_ == "pobj" and put_to.head.lower_ == "to" and put_to.head.head.lemma_.lower() in _ASCRIBING and any(a.head.i == put_to.head.head.i for a in anchors):
        return "agent"

    # "under the control of the local militia", "in the hands of X"
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in {"control", "hand", "hands"}:
        return "agent"
    if token.dep_ in {"dobj", "dative"} and head.i in verbs:
        return "target"
    # "accused rebels of shelling …": the accused did the deed of the "of" phrase
    if token.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in lexicon.status_words()["accusing_verbs"] and any(
        a.dep_ == "pcomp" and a.head.lower_ == "of" and a.head.head.i in {head.i, token.i} for a in anchors
    ):
        return "agent"
    # "artillery shelling of the Saudi enemy on the area of X": an attack noun with an "of" and
    # an "on" phrase (the translated Arabic "qasf al-aduw 'ala"): the "of" side shelled, the
    # "on" phrase names what was hit ("the shelling of the town" alone is the target's)
    if (mention.armed and token.dep_ == "pobj" and head.lower_ == "of" and head.head.i in anchor_ids and head.head.pos_ == "NOUN"
            and any(c.dep_ == "prep" and c.lower_ in _HIT_PREPS for t in (token, head.head) for c in t.children)):
        return "agent"
    # "threw stones at policemen at X village": the village named after "at" is where, not whom
    if token.dep_ == "pobj" and head.lower_ == "at" and token.lower_ in {"village", "villages", "town", "locality"}:
        return "other"
    # "two rebels were killed in an encounter with government troops": the state's force a fight
    # noun is "with", the noun being where the dead fell ("in", "during"), fought those killed (a
    # soldier "martyred in a clash with PKK terrorists" keeps his state first, events._actors)
    fight = head.head
    if (mention.kind in {"military", "police"} and token.dep_ == "pobj" and head.lower_ == "with" and fight.i in anchor_ids and fight.pos_ == "NOUN"
            and fight.dep_ == "pobj" and fight.head.lower_ in {"in", "during"}):
        return "agent"
    if token.dep_ == "pobj" and head.lower_ in {"on", "against", "at", "with", "targeting", "upon"}:
        return "target"
    if _yielded_to(token, anchors):
        return "target"
    # "struck the GNA-held airbase": the armed holder of the military site a verb hit (not of
    # "government-held areas", a region whose people may be hit)
    site = head.head
    if (mention.armed and token.dep_ in {"npadvmod", "compound", "nmod"} and head.lower_ in lexicon.cues().holding_participles and head.dep_ == "amod"
            and site.dep_ == "dobj" and site.head.i in verbs and (site.lower_ in owned or site.lemma_.lower() in owned)):
        return "target"
    # "took control of X from pro-Houthi forces": the side that lost the place
    if token.dep_ == "pobj" and head.lower_ == "from" and head.head.i in verbs:
        return "target"
    # (the parse may hang it on the place taken: "retook the town of X from Boko Haram")
    taken = head.head
    if token.dep_ == "pobj" and head.lower_ == "from" and taken.dep_ == "dobj" and taken.head.i in verbs and taken.lower_ in lexicon.cues().territory_nouns:
        return "target"
    if token.dep_ == "pobj" and head.lower_ == "between":
        return "agent" if mention_head.dep_ != "conj" else "target"
    if token.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"} and head.i in anchor_ids:
        return "agent"
    if token.dep_ == "dobj" and head.dep_ in {"acl", "advcl", "xcomp"} and head.lemma_ in {"target", "hit", "kill"}:
        return "target"
    return "other"




def _described(token: Token, mention: ActorMention) -> Token:
    """ "a strike by the paramilitary Rapid Support Forces": a parse that makes the descriptor
    just before a name its head, with the name its apposition; the name stands where the
    descriptor does (a descriptor is no actor of its own)."""
    head = token.head
    if token.dep_ != "appos" or head.i != mention.first - 1 or head.i == token.i:
        return token
    if any(c.dep_ not in {"det", "amod", "compound", "punct"} and c.i != token.i for c in head.children):
        return token
    return head


# where a person's name stands as a party to a deed ("arrested X", "X was shot", "X, alias Y")
_NAMED_ARGUMENTS = {"dobj", "nsubj", "nsubjpass", "conj"}


def _describing_a_name(token: Token) -> Token:
    """ "arrested Musa Garba, a suspected X commander", "killed Ali Hassan, a member of X": a
    side's man described in apposition to a person's name stands where the name does (the
    name itself is no actor: the description says whose side the person is). For an armed
    side's description only (not "in A, B state, a fugitive died")."""
    name = token.head
    if token.dep_ != "appos" or name.i == token.i or name.pos_ != "PROPN":
        return token
    # a description ("a member of", "a suspected X commander"), not a name's gloss ("the National
    # Army (SNA)"), of a name a deed is done to or by, not of a place ("in A, B state, a fugitive")
    described = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)
    return name if described and name.dep_ in _NAMED_ARGUMENTS else token


# the prepositions that name what an attack noun hit ("the shelling … on the area of X")
_HIT_PREPS = {"on", "upon", "against", "targeting"}


def _came_under(verb: Token) -> bool:
    """ "came under attack/fire": a form of "come" with an "under" phrase of its own."""
    return verb.lemma_.lower() == "come" and any(c.lower_ == "under" for c in verb.children)


# verbs whose subject meets a mine rather than lays it
_MEETING_VERBS = {"hit", "strike", "step", "run", "drive", "trigger", "tread"}


def _ran_into_a_mine(subject_word: Token, devices: list[Token]) -> bool:
    """The actor is the subject of a verb whose object is the device it ran into."""
    for device in devices:
        verb = device.head if device.dep_ == "dobj" else device.head.head if device.dep_ == "pobj" and device.head.lower_ in {"on", "over", "onto", "into"} else None
        if verb is None or verb.lemma_.lower() not in _MEETING_VERBS:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if any(subject_word.i in {t.i for t in s.subtree} for s in subjects):
            return True
    return False


# verbs whose subject grieves for the dead: their side, never who killed them
_MOURNING = {"mourn", "grieve", "eulogise", "eulogize", "bury"}


def _mourner(mention: ActorMention, doc: Doc) -> bool:
    """ "Hezbollah mourned three of its fighters, killed in strikes": the subject of a verb of
    mourning is the side of the dead."""
    head = doc[mention.head]
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in _MOURNING


# cues of a place changing hands, whose object is the place
_TAKING = {"takeover", "retake", "entry"}


def _place_taken(mention: ActorMention, taking: set[int], doc: Doc) -> bool:
    """A settlement's word read as its people ("village" among civilians' heads) that is what a
    takeover took ("recaptured the village of X", "took control of two villages"): a place."""
    word = doc[mention.head]
    if not taking or not mention.is_civilian or word.lower_ not in lexicon.cues().territory_nouns:
        return False
    governor = word
    for _ in range(3):
        if governor.dep_ not in {"dobj", "pobj", "nsubjpass", "prep"}:
            return False
        governor = governor.head
        if governor.i in taking:
            return True
    return False


def _doer_of_a_misparsed_verb(noun: Token, anchors: list[Token]) -> bool:
    """ "In A, the state capital, junta troops arrested five men": a parse that hangs the verb off
    its subject as a participle ("troops [who were] arrested"); one with an object of its own is
    active, and the noun it hangs off is its doer."""
    if any(a.dep_ == "acl" and a.head.i == noun.i and a.tag_ in {"VBD", "VBN"} and any(c.dep_ == "dobj" for c in a.children) for a in anchors):
        return True
    # (or its second verb: "youths in X set upon and killed a man", "set" hung on "youths" and
    # "killed", with its object, joined to it)
    if any(a.dep_ == "conj" and a.tag_ == "VBD" and a.head.dep_ == "acl" and a.head.head.i == noun.i and a.head.tag_ in {"VBD", "VBN"}
           and any(c.dep_ == "dobj" for c in a.children) for a in anchors):
        return True
    # (or a verb hung on the object of the subject's participle: "students armed with sticks
    # clashed with police", "clashed" read as a participle on "sticks" and the sentence left
    # with the noun as its root; the men the participle describes are the doers)
    if noun.dep_ == "ROOT" and noun.pos_ in {"NOUN", "PROPN"} and any(_hung_on_a_participles_object(a, noun) for a in anchors):
        return True
    # ("the Syrian Democratic Forces retook Manbij" read as one name: the name hanging on the
    # verb tagged a noun is its doer)
    # ("a gendarme shot and killed a driver" read as the noun "gendarme shot": the same)
    return noun.dep_ == "compound" and any(noun.head.i == a.i and (verb_read_between_names(a) or verb_read_as_noun(a)) for a in anchors)


def _hung_on_a_harm(token: Token) -> bool:
    """The first verb above a date's word is one of killing or wounding ("injured on Tuesday")."""
    words = lexicon.casualty_words()
    harm = {w.split()[0] for w in words["death_verbs"]} | {"wound", "injure", "hurt"}
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in harm


def _hung_on_a_participles_object(verb: Token, noun: Token) -> bool:
    """ "students armed with sticks clashed …" parsed as noun ← armed → with → sticks ← clashed."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBD", "VBN"} or verb.i < noun.i:
        return False
    held = verb.head  # "sticks"
    preposition = held.head if held.dep_ == "pobj" else None
    participle = preposition.head if preposition is not None and preposition.dep_ == "prep" else None
    return participle is not None and participle.dep_ == "acl" and participle.tag_ == "VBN" and participle.head.i == noun.i


def assign_roles(actors: list[ActorMention], anchors: list[Token]) -> tuple[ActorMention | None, ActorMention | None]:
    if not anchors:
        return None, None
    roles = [(m, _role(m, anchors)) for m in actors]
    # (the mourner is the dead's side: a target if anything)
    roles = [(m, "target" if r == "agent" and _mourner(m, anchors[0].doc) else "mourner" if _mourner(m, anchors[0].doc) else r) for m, r in roles]
    # (a side working with the doer is neither: "struck X in coordination with the government")
    roles = [(m, "partner" if _working_with(m, anchors[0].doc) else r) for m, r in roles]
    # armed actors first; people acting ("villagers attacked", "people in the crowd hurled") after
    # (a party's people are people: "police arrested 50 people, members of the X party")
    agents = sorted((m for m, r in roles if r == "agent"), key=lambda m: (m.is_civilian or m.party, m.kind not in {"named", "anti"}))
    if not agents and not all(_aside(a) for a in anchors):
        # a parse that hangs the subject elsewhere ("the Giants Brigades and local fighters (backed
        # by …) took control"): the first armed subject before the cue
        first = min(a.i for a in anchors)
        agents = [m for m, r in roles if r == "other" and m.armed and m.head < first and anchors[0].doc[m.head].dep_ in {"nsubj", "nsubjpass", "ROOT"}]
        agents = agents or _subject_lost(roles, anchors)
    targets = [m for m, r in roles if r == "target"]
    agent = agents[0] if agents else None
    if agent is not None and agent.actor.inter == 1:
        # "police and a CRPF-like unit of the same state recovered …": the force named first acts,
        # the other joins it (ACLED's associated actor)
        doc = anchors[0].doc
        joined = [m for m in agents if m.actor.inter == 1 and m.country == agent.country and m.head < agent.head and doc[agent.head].dep_ == "conj" and doc[agent.head].head.i == m.head]
        agent = joined[0] if joined else agent
    if agent is not None and agent.actor.inter == 8 and not any(a.lemma_.lower() in RECIPROCAL_VERBS for a in anchors):
        # "Wagner mercenaries and Malian soldiers executed …": a foreign force acting with the
        # country's own forces, one subject, is their associate; ACLED's actor1 is the host
        # state's force (not two states' forces fighting each other: "A and B troops clashed")
        doc = anchors[0].doc
        host = [m for m in agents if m.actor.inter == 1 and allied(m, agent, doc)]
        agent = host[0] if host else agent
    # "five men beat up a man": people hitting people are two mentions of one name, not one side
    target = next((m for m in targets if agent is None or m.actor.name != agent.actor.name or (m.is_civilian and m.head != agent.head)), None)
    if agent is None:
        # "clashes between Fano fighters and ENDF": the first side acts
        between = [m for m, r in roles if r == "agent" and m.is_civilian]
        agent = between[0] if between else None
    mutual = any(a.lemma_.lower() in RECIPROCAL_VERBS for a in anchors)
    if agent is not None and (target is None or not target.armed) and mutual:
        # "clashes between Hema and Lendu militiamen killed five people": the two sides of a
        # clash are its actors, whoever died in it
        side = next((m for m, r in roles if r == "agent" and m is not agent and m.armed and m.actor.name != agent.actor.name), None)
        target = side or target
    if agent is not None and target is None:
        # not an ally coordinated with the agent ("pro-government forces and militia fighters
        # took control of …"); "clashes between A and B" name both sides with "between", and
        # the subjects of a verb done to each other ("A and B fighters clashed") are its sides
        doc = anchors[0].doc
        target = next(
            (m for m, r in roles if r in {"agent", "target"} and m is not agent and m.actor.name != agent.actor.name and (mutual or not allied(m, agent, doc))),
            None,
        )
    if agent is not None and target is not None and target.head < agent.head and mutual:
        if any(m is target and r == "agent" for m, r in roles):
            # "soldiers and NPA rebels exchanged fire": of two subjects fighting each other, the
            # one named first is actor1
            agent, target = target, agent
    return agent, target


def _subject_lost(roles: list[tuple[ActorMention, str]], anchors: list[Token]) -> list[ActorMention]:
    """ "at the beginning of Ramadan, Islah-affiliated forces reportedly abducted …" parsed with
    the forces inside the time phrase: an active verb with no subject of its own acts through
    the armed phrase that ends just before it (adverbs between)."""
    verb = weapon = anchors[0]
    while weapon.dep_ == "compound" and weapon.head.i > weapon.i:
        weapon = weapon.head
    if weapon.dep_ == "dobj" and weapon.head.pos_ == "VERB":
        verb = weapon.head  # "IS fired mortar shells": the weapon named is what the verb fired
    if verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in verb.children):
        return []
    doc = verb.doc
    for mention, role in roles:
        if role != "other" or not mention.armed or mention.last >= verb.i:
            continue
        # "IS executed 15 civilians", "IS militants abducted nurses": the group's acronym read
        # as the verb "is" makes a past participle of the deed, hung on it or on the noun
        misread = verb.tag_ == "VBN" and (
            any(c.dep_ in {"aux", "auxpass"} and mention.first <= c.i <= mention.last for c in verb.children)
            or (verb.dep_ == "acl" and verb.head.i == mention.head and doc[mention.first].pos_ == "AUX")
        )
        if verb.tag_ not in {"VBD", "VBZ", "VBP"} and not misread:
            continue
        between = doc[mention.last + 1 : verb.i]
        if all(t.pos_ in {"ADV", "AUX", "PART"} for t in between):
            return [mention]
    return []


# nouns of joint work ("in coordination with X", "in cooperation with X"): X is the doer's partner
_WORKING_VERBS = {"work", "cooperate", "collaborate"}
_JOINT_WORK = {"coordination", "cooperation", "collaboration", "partnership", "conjunction", "liaison", "concert", "tandem"}


def _working_with(mention: ActorMention, doc: Doc) -> bool:
    """ "struck a camp in coordination with the Federal Government", "jointly with the army",
    "together with local militia": a side named as working with the doer is its partner, not
    whom the deed was done to."""
    token = doc[mention.head]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"with", "alongside"}:
        return False
    if prep.lower_ == "alongside":
        return True
    above = prep.head
    if above.lower_ in _JOINT_WORK or above.lemma_.lower() in _WORKING_VERBS:
        return True  # (also "an official working with the SDF": whom the person works with)
    return any(c.lower_ in {"jointly", "together"} for c in (prep.children if prep.i > 0 else ())) or doc[prep.i - 1].lower_ in {"jointly", "together"}


def _first_of_a_shared_noun(mention: ActorMention | None, actors: list[ActorMention], doc: Doc) -> ActorMention | None:
    """ "clashes with A and B forces": two groups sharing one noun, whose phrase is read as the
    second's; ACLED's side is the group named first (the other its associate). Not the two sides
    of a fight: "a clash between A and B forces", "A and B fighters clashed"."""
    text = (mention.actor.text or "") if mention is not None else ""
    if " and " not in text:
        return mention
    head = doc[mention.head]
    if (head.dep_ == "pobj" and head.head.lower_ == "between") or (head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_.lower() in RECIPROCAL_VERBS):
        return mention
    first = text.split(" and ", 1)[0]
    return next((a for a in actors if a is not mention and a.actor.text == first and a.armed == mention.armed), mention)


def _the_one_group_named(target: ActorMention | None, agent: ActorMention | None, actors: list[ActorMention]) -> ActorMention | None:
    """ "… killing four al-Shabaab fighters, and that a strike near B had destroyed a militant
    training camp": unnamed militants' post hit, in a sentence naming one armed group besides
    the doer, is that group's."""
    if target is None or not target.actor.name.startswith("Unidentified Armed Group") or target.kind == "named":
        return None
    named = {a.actor.name: a for a in actors if a.kind == "named" and a.armed and a.actor.inter in {2, 3}
             and (agent is None or a.actor.name != agent.actor.name)}
    return next(iter(named.values())) if len(named) == 1 else None


def allied(a: ActorMention, b: ActorMention, doc: Doc) -> bool:
    """The two are conjuncts of one subject ("A and B took …"), not sides of a fight."""
    def top(mention: ActorMention) -> Token:
        token = doc[mention.head]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    x, y = top(a), top(b)
    return x.i == y.i and x.dep_ in {"nsubj", "nsubjpass"} and x.head.lower_ != "between"


def _object_kind(anchors: list[Token]) -> str | None:
    """ "attacks against a police station", "the oil field was attacked": what was hit."""
    lex = lexicon.cues()
    for anchor in anchors:
        objects = [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"}]
        objects += _came_under_subjects(anchor)
        objects += [p for c in anchor.children if c.dep_ == "prep" and c.lower_ in {"on", "against", "at", "targeting"} for p in c.children if p.dep_ == "pobj"]
        for token in objects:
            # "attacked at a checkpoint" hits the checkpoint; "attacked at his home" is where a
            # person was attacked
            located = token.dep_ == "pobj" and token.head.lower_ == "at"
            for candidate in (token.lower_, token.lemma_.lower(), " ".join(t.lower_ for t in token.subtree if t.i >= token.i - 1 and t.i <= token.i)):
                if candidate in lex.armed_targets:
                    return "armed"
                if candidate in lex.property_targets and not located:
                    return "property"
    return None


def victims_kind(
    target: ActorMention | None, counts: list[Count], actors: list[ActorMention], sentence: Sentence, anchors: list[Token] | None = None
) -> str | None:
    """Who was hit: from the target, else from the people counted dead or hurt, else what was hit."""
    mentions = [target] if target is not None else []
    for count in counts:
        mentions.extend(m for m in actors if m.first <= count.target <= m.last or m.head == count.target)
        if sentence.doc[count.target].lower_ in {"him", "her", "he", "she"} and not mentions:
            return "civilian"  # "shot him and killed him": a person, not a force
    for mention in mentions:
        if mention.actor.inter == 6:
            return "protesters"
        # a party's workers hit by another's are civilians (ACLED's violence against civilians)
        if mention.is_civilian or mention.party:
            return "civilian"
        if mention.armed:
            return "armed"
    return _object_kind(anchors or [])


_EVENT_NOUNS = {"attack", "fire", "assault", "strike", "raid", "bombardment", "shelling", "ambush", "offensive"}


# --- building -----------------------------------------------------------------------------------


def _summary(cues: list[Cue], sentence: Sentence, place: EventPlace | None = None) -> bool:
    """ "have taken three districts", "hit five villages near X": a count of places summed up
    and told one by one elsewhere. Not when the event's place is itself one of the places
    listed ("some eastern cities and the capital of Kabul")."""
    territory = lexicon.cues().territory_nouns
    for cue in cues:
        if not cue.anchor:
            continue
        verb = clause_verb(sentence.doc[cue.head])
        for token in [*verb.subtree]:
            if token.lower_ in territory and token.tag_ in {"NNS", "NNPS"}:
                if any(c.dep_ == "nummod" or c.lower_ in _QUANTIFIERS for c in token.children):
                    if place is None or place.place is None or place.near:
                        return True
                    listed = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
                    if place.place.last not in listed:
                        return True
    return False


_ORDINALS = {"second", "third", "another", "latest", "first", "last", "other", "same", "earlier", "previous", "twin", "both"}


def _anaphoric(anchors: list[Cue], sentence: Sentence) -> bool:
    """ "the attack", "Saturday's second attack", "this incident": an event already told."""
    for cue in anchors:
        token = sentence.doc[cue.head]
        if token.pos_ != "NOUN":
            continue
        for child in token.children:
            if child.dep_ in {"det", "poss"} and (child.lower_ in _DEFINITE or child.dep_ == "poss"):
                return True
            if child.dep_ == "amod" and child.lower_ in _ORDINALS:
                return True
    return False


# verbs that carry out what their object names ("staged a protest", "resumed their sit-in")
_DOING_VERBS = frozenset({"continue", "resume", "hold", "stage", "launch", "conduct", "carry", "begin", "start", "renew", "mount"})


def _day_of_the_telling(anchors: list[Cue], dates: list[DateMention], sentence: Sentence) -> bool:
    """ "JNIM claimed responsibility for the raid in a message on Monday", "condemned the
    bombing on Tuesday": an event told back as the object of what someone did about it is dated
    by the deed, not by the day of the claim or the condemnation (a day in the noun's own phrase,
    "the attack on Sunday", or a retelling as subject, "the attack happened on Sunday", dates it)."""
    doc = sentence.doc
    if not anchors or not _anaphoric(anchors, sentence):
        return False
    heads = [doc[c.head] for c in anchors]
    # "fired a salvo of rockets at X in response to the enemy's massacres": a deed told anew (an
    # indefinite noun outside the phrase of the one named back) is no telling of an earlier one
    told_back = [h for c, h in zip(anchors, heads) if _anaphoric([c], sentence)]
    if any(_told_anew(h) and h not in told_back and not any(h in b.subtree for b in told_back) for h in heads):
        return False
    if any(h.pos_ != "NOUN" or h.dep_ in {"nsubj", "nsubjpass"} for h in heads):
        return False
    # "women continued their sit-in on 15 January", "held their rally on Sunday": the verb does
    # the deed its object names, on the day given; no one tells it back
    # (but "said its fighters had carried out the attack": a claim of the deed told before)
    if any(h.head.lemma_.lower() in _DOING_VERBS and not _carried_out_the(h) for h in heads):
        return False
    # a channel hung on the noun by the parse ("the raid in a message posted on Monday") is
    # the telling's, not the deed's
    channels = lexicon.status_words()["channels"]
    told = {t.i for h in heads for p in h.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in channels for t in p.subtree}
    inside = {(sentence.char(t), sentence.char_end(t)) for h in heads for t in h.subtree if t.i not in told}
    return all(not any(start < d.end and d.start < end for start, end in inside) for d in dates)


def _told_anew(noun: Token) -> bool:
    """ "a salvo of rockets", "an air strike": a noun (or the noun it is "of") with an indefinite article."""
    if noun.pos_ != "NOUN":
        return False
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        holders.append(noun.head.head)
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for h in holders for c in h.children)


def _carried_out_the(noun: Token) -> bool:
    """ "carried out the attack": the definite deed its doer owns up to, not one it stages anew."""
    verb = noun.head
    return verb.lemma_.lower() == "carry" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children
    )


def evidence_span(sentence: Sentence, key_tokens: list[int], region: Region) -> tuple[int, int]:
    doc = sentence.doc
    first = min(key_tokens)
    left = doc[first].left_edge.i
    if left in region.tokens and first - left <= 6:
        first = left
    last = max(key_tokens)
    while last + 1 < sentence.span.end and doc[last + 1].dep_ in {"compound"} and last + 1 in region.tokens:
        last += 1
    return sentence.char(doc[first]), sentence.char_end(doc[last])


def _region_dates(region: Region, sentence: Sentence, dates: list[DateMention], frame: set[int], regions: Sequence[Region] = ()) -> tuple[list[DateMention], str]:
    def tokens_of(mention: DateMention) -> set[int]:
        return {t.i for t in sentence.span if sentence.char(t) < mention.end and sentence.char_end(t) > mention.start}

    usable = [d for d in dates if not d.qualifier]
    own = [d for d in usable if tokens_of(d) & region.tokens]
    # "traders shut their shops on Tuesday, denouncing the killing of a driver last week": a day
    # inside what a crowd denounces or demands dates the grievance, not the crowd's own act
    crowds_own = [d for d in own if not _in_grievance(tokens_of(d), sentence)]
    if crowds_own and len(crowds_own) < len(own):
        own = crowds_own
    # "Militants who killed 11 soldiers earlier this month struck again on Monday", "killed four
    # on Sunday, in the latest of attacks that have killed hundreds since 2023": a past told in a
    # relative clause of the sentence dates that clause, not the deed the region tells a day of
    relatives = [list(t.subtree) for t in sentence.span if t.dep_ == "relcl"]
    in_relative = {t.i for tree in relatives for t in tree}
    # (the parse may hang the clause's last words on the main verb: "who killed 11 soldiers near
    # X earlier this month struck again")
    ends = {tree[-1].i + 1 for tree in relatives}
    current = [d for d in own if not (d.background and (tokens_of(d) <= in_relative or min(tokens_of(d), default=-1) in ends))]
    if len(current) < len(own) and any(d.value is not None and not d.background for d in current):
        own = current
    if own:
        return own, "own"
    # "arrested a man suspected of killing three people last year", "… after he had fled to X in
    # 2019": a past told in a clause about a person or an earlier time dates that clause's deed
    # only, not the news the rest of the sentence tells
    # ("since the conflict began in 2011, 500,000 people have been killed" opens the span the
    # sentence tells: it still dates it)
    aside = {i for r in regions if r is not region and r.kind in {"relative", "temporal", "alleged"} and not _opens_a_span(r) for i in r.tokens}
    outside = [d for d in usable if not (tokens_of(d) & frame) and not (d.background and tokens_of(d) & aside)]
    if outside:
        return outside, "sentence"
    speech = [d for d in usable if tokens_of(d) & frame]
    # "… beheaded three farmers in X, on Sunday, local sources told Lusa": a day told before the
    # speaker, hung on the telling by the parse, is the deed's
    doc = sentence.doc
    teller = {i for i in frame if doc[i].pos_ in {"VERB", "AUX"} or doc[i].dep_ == "nsubj"}
    before = [d for d in speech if teller and all(i > max(tokens_of(d)) for i in teller) and min(tokens_of(d)) > min(region.tokens, default=0)]
    if before:
        return before, "sentence"
    # "three people were killed and hundreds injured on Tuesday, police said", parsed with
    # "hundreds injured on Tuesday" as the speakers' subject: a day hung on a verb of harm
    # dates the harm, not the telling
    harmed = [d for d in speech if any(_hung_on_a_harm(doc[i]) for i in tokens_of(d))]
    if harmed:
        return harmed, "sentence"
    if speech:
        return speech, "speech"
    return [], "none"


def _in_grievance(tokens: set[int], sentence: Sentence) -> bool:
    """Tokens inside a phrase opened by a grievance word ("denouncing the killing … last week")."""
    doc, words = sentence.doc, lexicon.cues().grievance_words
    for i in tokens:
        token = doc[i]
        for _ in range(8):
            if token.lower_ in words:
                return True
            if token.head.i == token.i:
                break
            token = token.head
    return False


def _opens_a_span(region: Region) -> bool:
    return region.kind == "temporal" and any(c.dep_ == "mark" and c.lower_ in {"since", "until", "till"} for c in region.root.children)


def build_mentions(
    sentence: Sentence,
    regions: list[Region],
    cues: list[Cue],
    statements: list[Statement],
    actors: list[ActorMention],
    dates: list[DateMention],
    counts: list[Count],
    injuries: list[tuple[int, int, str]],
    context: ActorContext | None = None,
) -> list[Mention]:
    frame = {i for s in statements for i in s.frame}
    mentions: list[Mention] = []
    doc = sentence.doc
    for region in regions:
        in_region = [c for c in cues if c.head in region.tokens]
        region_cues = _without_causes_and_grievances(in_region, sentence, cues)
        grievances = frozenset(c.category for c in in_region if c not in region_cues)
        kept: list[Cue] = []
        modalities: list[str] = []
        planned_heads: set[int] = set()
        history_heads: set[int] = set()
        undone_heads: set[int] = set()  # words telling a deed not done or a thing only shown
        for cue in region_cues:
            token = doc[cue.head]
            if cue.anchor:
                if _in_a_tally(token):
                    continue
                if _relative_of_a_past(token, context):
                    history_heads.add(cue.head)
                    continue
                if status.negated(token, attempt_happens=cue.category in _ASSAULTS) or status.in_opinion(token, lambda t: _town_at(t, sentence)) or (_describes_a_thing(cue, token, cues) and not headline_verb(token, sentence)) or _on_display(token):
                    if status.negated(token, attempt_happens=cue.category in _ASSAULTS) or _on_display(token):
                        undone_heads.add(cue.head)
                    continue
                # what an anniversary recalls, or what happened years before the clause's own
                # time, is history, not the day's news
                if status.remembered(token) or status.long_before(token) or status.since_then(token) or _of_an_earlier_year(token, context):
                    history_heads.add(cue.head)
                    continue
                modality = status.modality(token, statements)
                if modality == "hypothetical" and not _doubted_author(token) and not _doubted_culprit(token):
                    continue
                if modality == "hypothetical":
                    modality = None  # what is in doubt is who did it, not whether it happened
                if modality:
                    modalities.append(modality)
                    planned_heads.add(cue.head)
            kept.append(cue)
        # (the weaker cues of a word that tells history go with it: "the anniversary of a massacre
        # in which 160 villagers were killed" lends no lethal force to the day's gathering)
        kept = [c for c in kept if c.anchor or c.head not in history_heads]
        # (nor do those of a deed not done: "foiled a plot to bomb a church" bombed nothing)
        kept = [c for c in kept if c.anchor or c.head not in undone_heads]
        if planned_heads and len(modalities) < len([c for c in kept if c.anchor]):
            # "imposed a curfew ahead of possible raids by a rival gang": the clause
            # tells what was done; what is only planned in it is no part of the event
            kept = [c for c in kept if c.head not in planned_heads]
            modalities = []
        anchors = [c for c in kept if c.anchor]
        if _standing_hazard(anchors, kept, sentence):
            continue
        provisional = Mention(sentence, region, kept, None, "none", False, [], "none", False, None, [], None, None, None, [], [], False, False, (0, 0))
        anchor_tokens = [doc[c.head] for c in anchors]
        region_actors = [m for m in actors if m.head in region.tokens or _doer_of_a_misparsed_verb(doc[m.head], anchor_tokens)]
        # "recaptured the village of X", "took control of the town": the place taken is where,
        # not civilians hit
        taking = {c.head for c in anchors if c.category in _TAKING}
        region_actors = [m for m in region_actors if not _place_taken(m, taking, doc)]
        region_actors = [m for m in region_actors if not _source_of_the_account(doc[m.head])]
        # "a grenade at a CRPF patrol": the patrol hit is no actor of the grenade; a movement word
        # decides roles only when the clause tells nothing else
        acting = [doc[c.head] for c in anchors if c.category != "group_change"] or anchor_tokens
        agent, target = assign_roles(region_actors, acting) if anchors else (None, None)
        agent, target = _headline_roles(agent, target, region_actors, acting, sentence)
        if agent is not None and target is None and _ran_into_a_mine(doc[agent.head], [doc[c.head] for c in anchors if c.category == "ied"]):
            # "a convoy hit an explosive device", "a jawan stepped on a pressure IED": the force
            # that ran into it was hit; who laid it is not told here
            agent, target = None, agent
        agent = _armed_people(agent, kept, doc, context)
        # ("armed Lou Nuer youths looted and burned the market": men the text calls armed are a
        # militia, whatever a crowd would do)
        # (herders who burn a village are their people's militia however their torching is worded:
        # "suspected herders torched houses and granaries" is no riot)
        if agent is not None and agent.is_civilian and (not any(c.category in _CROWD for c in anchors) or "armed" in agent.actor.text.lower().split()
                                                        or _herders_militia(doc[agent.head], agent.country, anchors) is not None):
            # "suspected Fulani herdsmen killed five farmers", "Murle youths abducted children":
            # a people's men doing violence are its ethnic militia, not a mob
            militia = ethnic_militia(agent.actor.text, agent.country) or _herders_militia(doc[agent.head], agent.country, anchors)
            agent = replace(agent, actor=militia, kind="militia") if militia is not None else agent
        if agent is not None and agent.actor.inter == 3:
            # "gunmen suspected to be Fulani militia": the people the men are believed to be of
            militia = ethnic_militia(_suspected_to_be(doc[agent.head]), agent.country)
            agent = replace(agent, actor=militia, kind="militia") if militia is not None else agent
        if agent is not None and agent.party and context is not None:
            if any(c.category in {"protest", "demo_tactic", "blockade"} for c in anchors):
                # "BJP workers staged a sit-in": a party's people protesting are protesters
                agent = generic_actor("protesters", agent.country, context, agent.actor.text, agent.head) or agent
            elif _protesting(doc[agent.head], cues) and any(c.category in _PROTEST_TURNED_VIOLENT for c in anchors):
                # "PTI supporters protesting the arrest attacked the house and set it on fire":
                # a party's people who do violence while protesting are rioters
                agent = generic_actor("rioters", agent.country, context, agent.actor.text, agent.head) or agent
            elif any(c.category == "riot_violence" for c in anchors) and (target is None or target.actor.inter == 1):
                # "BNP activists torched vehicles and clashed with police": a party's people
                # burning and stoning are rioters, whoever they face
                agent = generic_actor("rioters", agent.country, context, agent.actor.text, agent.head) or agent
            elif any(c.category in {"clash", "riot_clash"} for c in anchors) and (target is None or target.party or target.is_civilian):
                # "AL activists clashed with BNP supporters": two crowds of partisans fighting
                # are rioters (ACLED's mob violence); a party's people attacking are its militia
                agent = generic_actor("rioters", agent.country, context, agent.actor.text, agent.head) or agent
        # "protesters shouted at …": protesters acting are a protest even without a protest word
        protesters_act = agent is not None and agent.actor.inter == 6 and any(c.category == "protest" for c in anchors)
        if provisional.anchor_strength < 1 and not protesters_act:
            continue
        if context is not None:
            heavy = {c.head for c in anchors if c.category in _HEAVY_WEAPONS}
            agent = agent or _accused_state(anchor_tokens, sentence, context) or _state_agent(anchor_tokens, sentence, context, target, heavy) or _fired_from(anchor_tokens, sentence, context)
            target = target or _object_actor(anchor_tokens, sentence, context)
            target = _the_one_group_named(target, agent, actors) or target
        agent, target = _first_of_a_shared_noun(agent, actors, doc), _first_of_a_shared_noun(target, actors, doc)
        region_counts = [c for c in counts if (c.target in region.tokens or _dead_named_in(doc[c.target], region)) and not _grievance_count(c, kept, sentence, cues if _crowd_doer(agent) else None) and not _dead_of_an_earlier_deed(c, kept, cues, sentence) and not _dead_of_a_charge(doc[c.target]) and not status.remembered(doc[c.target]) and not status.long_before(doc[c.target]) and not status.since_then(doc[c.target])]
        region_counts = both_sides(region_counts, doc)
        # "killed four people and wounded 12, three of whom died later": the wounded who died
        # afterwards add to the clause's toll (no rival figure of its dead)
        later = [c for c in region_counts if died_of_wounds(c, doc)]
        if later and any(c.kind == "death" and c not in later for c in region_counts):
            region_counts = add_later_deaths([c for c in region_counts if c not in later], later)
        region_injuries = [text for start, end, text in injuries if any(sentence.char(doc[i]) == start for i in region.tokens) or any(start <= sentence.char(doc[i]) < end for i in region.tokens)]
        places, country_only = event_places(region, sentence, region_actors, anchor_tokens,
                                            crowd=any(c.category in _CROWD for c in anchors),
                                            movement=bool(anchors) and all(c.category == "group_change" for c in anchors) and agent is not None and agent.armed,
                                            # a retreat told after the deed flees too ("set fire to the store
                                            # before withdrawing towards the X forest"): X is no scene
                                            flight=any(c.category in {"displacement", "withdraw"} for c in kept))
        region_dates, date_source = _region_dates(region, sentence, dates, frame, regions)
        if date_source in {"own", "sentence"} and _day_of_the_telling(anchors, region_dates, sentence):
            date_source = "speech"
        chain = chain_for(region.root.i, statements) or chain_for(anchors[0].head, statements)
        agent = _speakers_own_forces(agent, chain, sentence, context, actors) if context is not None else agent
        # habits and tallies are told in the clause or in the frame that reports it
        # ("in recent months commanders claim to have killed …")
        said_in = {i for s in chain for i in s.frame}
        # not the setting: "set up a post … amid continued raids" is one event
        # (a sentence with no cause word has no setting: the parse is walked only where it has one)
        told = ({i for i in region.tokens if not _in_setting(doc[i], anchor_tokens)}
                if not _CAUSE_WORDS.isdisjoint(sentence.words) else set(region.tokens))
        region_text = " ".join(doc[i].text for i in sorted(told | said_in))
        background = (
            any(d.background for d in region_dates if date_source in {"own", "sentence"})
            or status.habitual(region_text, [doc[i] for i in sorted(told)], dated=any(d.precision == 1 and d.value for d in region_dates if date_source == "own"),
                               placed=bool(places) and not country_only)
            # (unless its "after" clause dates it to a day of its own: "marched on Monday after
            # two students were shot dead by soldiers on Saturday" tells the shooting too; what a
            # relative clause says of a person, "a reporter who had been detained on Friday", stays the
            # setting)
            or (_grievance_of_crowd(region, regions, cues) and not (region.kind == "temporal" and date_source == "own" and any(d.value and not d.background for d in region_dates)))
            or _how_a_place_fell(region, regions, cues)
            or _surrendered_then_killed(region, regions, cues)
            or _earlier_of_a_person(region, regions)
            # what a person is suspected of, unless the clause dates it in the news ("suspected of
            # killing a soldier on Sunday")
            or (region.kind == "alleged" and not (date_source == "own" and any(d.value and not d.background for d in region_dates)))
            # "Between 21 and 27 January, forces killed 14 people in the region": a toll over a
            # week or more is a tally of many events, none of them told
            or (date_source == "own" and any(c.kind == "death" for c in region_counts)
                and any(d.value and d.until and (d.until - d.value).days >= _TALLY_DAYS for d in region_dates))
        )
        verb = clause_verb(_noun_modified(anchor_tokens[0]))
        if sentence.index > 0 and verb.i in region.tokens and status.is_present_habit(verb) and not chain:
            background = True
        # "… since the fighting began": the start of a span is a time of reference, told before;
        # "as fighting spread along the lake": the state the news is told against
        if region.kind == "temporal" and any(c.dep_ == "mark" and c.lower_ == "since" for c in region.root.children):
            background = True
        # (also parsed with the "as" on the subject: "as [fighting] … spread")
        root = region.root
        if root.lemma_.lower() in SPREADING and any(m.dep_ == "mark" and m.lower_ in {"as", "while"} for c in (root, *root.children) for m in c.children):
            background = True
        # "aircraft had bombed villages around the town since the fighting began": a span opened by
        # a "since" clause is a record of many days, not one happening (unless a day is named)
        if date_source != "own" and any(a.dep_ == "aux" and a.lower_ in {"has", "have", "had"} for a in verb.children) and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in verb.children):
            background = True
        # (a headline's verb tagged as a plural noun, "Militia Torches Homes", is no pattern)
        strong = [doc[c.head] for c in anchors if c.strength >= 1 and sentence.place_at(c.head) is None and not headline_verb(doc[c.head], sentence)]
        # (not a threat of them: "threatened to launch air strikes on X" is a plan)
        threatened = "planned" in modalities and all(t.dep_ == "dobj" for t in strong)
        if status.generic_nouns(strong) and date_source not in {"own", "sentence"} and not threatened:
            background = True
        # "have abducted civilians for ransom" with no day and no place: a record of conduct
        if not places and date_source not in {"own", "sentence"} and status.generic_perfect([doc[c.head] for c in anchors]):
            background = True
        # "the conflict has killed more than 40,000 people": a war's running toll, whatever
        # place it names
        if date_source != "own" and status.conflict_tally(verb):
            background = True
        # a day after publication told in the past tense ("the corpse was recovered on 9 June") was
        # misdated, not planned: only a clause not yet in the past is a plan
        # ("announced a strike for next Wednesday": a day named as ahead is ahead, whatever the tense)
        future = any(d.future and (d.kind == "weekday_next" or not _told_as_past(verb)) for d in region_dates if date_source in {"own", "sentence"})
        modality = "planned" if modalities and len(modalities) == len(anchors) or future else None
        kind = victims_kind(target, region_counts, region_actors, sentence, anchor_tokens)
        base = Mention(
            sentence=sentence,
            region=region,
            cues=kept,
            place=None,
            place_source="none",
            country_only=country_only,
            dates=region_dates,
            date_source=date_source,
            background=background,
            modality=modality,
            statements=chain,
            disputes=[s for s in statements if s.kind == "dispute" and region.root.i in s.complement],
            agent=agent,
            target=target,
            victims_kind=kind,
            counts=region_counts,
            injuries=region_injuries,
            # a headline sums up the story the body tells place by place
            summary=_summary(anchors, sentence) or sentence.is_headline,
            anaphoric=_anaphoric(anchors, sentence),
            evidence=evidence_span(sentence, _cue_tokens(anchors), region),
            actors=region_actors,
            # (a crowd's grievance whatever its deed: "angry residents stormed a police station
            # after a man died in police custody")
            grievances=grievances if any(c.category in _CROWD for c in kept) or _crowd_doer(agent) else frozenset(),
        )
        if agent is not None and is_pronoun(doc[agent.head]):
            base.agent = None
        base.crowd_violence = _crowd_violence(kept, region_actors, sentence)
        base.own_deed = bool(chain) and chain[0].is_party and (_done_by_speaker(anchor_tokens[0], verb, chain[0]) or _state_tells_its_forces(agent, chain[0], context))
        base.sequel = _after_an_event(verb, sentence)
        base.told_back = _day_of_the_telling(anchors, [], sentence)
        if not places:
            mentions.append(base)
            continue
        split_counts = counts_by_place(places, region_counts, sentence)
        own_deeds = _deed_of_each_place(places, anchors, sentence)
        headline_deeds = _headline_deed_of_each_place(places, anchors, sentence)
        for n, event_place in enumerate(places):
            deed = own_deeds[n]
            here_cues = [c for c in kept if not c.anchor or c.head == deed] if deed is not None else kept
            here_anchors = [c for c in anchors if c.head == deed] if deed is not None else anchors
            here_agent, here_target, here_kind = agent, target, base.victims_kind
            if headline_deeds[n] is not None:
                # (each deed of the headline with its own words, doer and victim)
                start, end = headline_deeds[n]
                here_cues = [c for c in kept if start <= c.head < end]
                here_anchors = [c for c in anchors if start <= c.head < end]
                deed_tokens = [doc[c.head] for c in here_anchors]
                here_agent, here_target = _headline_roles(None, None, [m for m in region_actors if m.first < end], deed_tokens, sentence)
                here_kind = victims_kind(here_target, [], [], sentence, deed_tokens)
            key = _cue_tokens(here_anchors) + [event_place.place.first, event_place.place.last] + list_head(event_place.place, places, sentence)
            if here_agent is not None and abs(here_agent.head - here_anchors[0].head) <= 8:
                key.append(here_agent.head)
            here = _target_at(event_place, sentence, context) if here_target is not None and here_target.kind not in {"named", "anti"} and len(places) > 1 else None
            mention = replace(
                base,
                cues=here_cues,
                place=event_place,
                place_source="own",
                agent=here_agent,
                target=here or (here_target if headline_deeds[n] is not None else base.target),
                victims_kind=here_kind,
                counts=split_counts[n],
                evidence=evidence_span(sentence, key, region),
                summary=_summary(anchors, sentence, event_place) or sentence.is_headline,
            )
            mentions.append(mention)
    _grievance_told_after(mentions, regions, cues)
    return _orphan_counts(mentions, regions, counts, cues)


def _grievance_told_after(mentions: list[Mention], regions: list[Region], cues: list[Cue]) -> None:
    """ "Rioters torched shops after a teenager was shot dead by police": the state's violence an
    "after"/"following" clause tells (an `outrage` cue there) is what the crowd of the sentence's
    other clause rose over, as if told in its own "over …" phrase (coding._riot_against_state);
    the clause stays a happening of its own."""
    outraged = [
        r for r in regions
        if r.kind == "temporal" and any(c.category == "outrage" and c.head in r.tokens for c in cues)
        and any(t.dep_ in {"mark", "prep"} and t.lower_ in {"after", "following"} for t in r.root.children)
    ]
    if not outraged:
        return
    told = frozenset(c.category for c in cues if c.category in {"outrage", "state_outrage"} and any(c.head in r.tokens for r in outraged))
    for mention in mentions:
        if mention.region not in outraged and (any(c.category in _CROWD for c in mention.cues) or _crowd_doer(mention.agent)):
            mention.grievances = mention.grievances | told


def _deed_root(token: Token) -> Token:
    """The verb a deed's noun is the object of ("carrying out an air strike": carrying)."""
    while token.dep_ in {"dobj", "compound"} and token.head.i != token.i and token.head.pos_ in {"VERB", "NOUN"}:
        token = token.head
    return token


def _accusation_of(deed: Token) -> Token | None:
    """The accusing verb whose "of" phrase holds ``deed`` ("accused X of shelling …, and of
    carrying out an air strike …"), else None."""
    deed = _deed_root(deed)
    of = deed.head if deed.dep_ == "pcomp" else None
    # "… and of bombing a market": a later "of" is coordinated with the first one, or (as the
    # parse has it) with a phrase inside the first deed
    for _ in range(6):
        if of is None or (of.lower_ == "of" and of.dep_ != "conj"):
            break
        of = of.head if of.head.i != of.i else None
    if of is None or of.lower_ != "of" or of.head.lemma_.lower() not in lexicon.status_words()["accusing_verbs"]:
        return None
    return of.head


def _accused_deed(deed: Token) -> bool:
    return _accusation_of(deed) is not None


def _accused_state(anchors: list[Token], sentence: Sentence, context: ActorContext) -> ActorMention | None:
    """ "Hamas accused Israel of shelling a hospital in X": a country accused of a deed of war is
    its forces (the accused of a named group is read by the roles)."""
    for anchor in anchors:
        verb = _accusation_of(anchor)
        if verb is None:
            continue
        for accused in (c for c in verb.children if c.dep_ == "dobj"):
            place = sentence.place_at(accused.i)
            if place is not None and place.country_only and place.mention.entry is not None:
                return generic_actor("military", place.mention.entry.country_iso, context, accused.text, accused.i)
    return None


def _deed_of_each_place(places: list[EventPlace], anchors: list[Cue], sentence: Sentence) -> list[int | None]:
    """ "accused Israel of shelling a hospital in A and of bombing a market in B": when each place
    of an accusation hangs on a deed of its own, each event is that deed (the head of its cue),
    not every deed of the clause; None for all when they share one ("of attacking A and B").
    (Elsewhere deeds told together at several places are mostly one operation, which ACLED codes
    as its highest type: "thwarted an attack on A and then took B".)"""
    doc = sentence.doc
    roots = {_deed_root(doc[c.head]).i: c.head for c in anchors if _accused_deed(doc[c.head])}
    if len(places) < 2 or len(roots) < 2:
        return [None] * len(places)
    found: list[int | None] = []
    for event_place in places:
        current = doc[event_place.place.last]
        deed = None
        for _ in range(10):
            if current.i in roots:
                deed = roots[current.i]
                break
            if current.head.i == current.i:
                break
            current = current.head
        found.append(deed)
    if None in found or len(set(found)) < 2:
        return [None] * len(places)
    return found


# a toll told over this many days and more is a tally (a week's summary), not an event per day
_TALLY_DAYS = 6


def _town_at(token: Token, sentence: Sentence) -> bool:
    place = sentence.place_at(token.i)
    return place is not None and not place.country_only


def _source_of_the_account(token: Token) -> bool:
    """ "According to information gathered from residents, relatives of the victims and local
    officials, a drone strike hit …": people named inside the "according to" phrase are where the
    account comes from, never a side of the deed it frames."""
    if any(a.lower_ == "according" and a.dep_ == "prep" for a in token.ancestors):
        return True
    # (a list of sources the parse breaks at its commas makes its later items subjects of the
    # verb the phrase hangs on, beside the true one: "…from residents, relatives of the victims
    # and officials, a drone strike hit": all before the last subject are still the sources)
    opening = next((t for t in token.sent if not t.is_punct and not t.is_space), None)
    if opening is None or opening.lower_ != "according" or opening.dep_ != "prep" or token.i <= opening.i:
        return False
    subjects = [c for c in opening.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return len(subjects) >= 2 and token.i < subjects[-1].left_edge.i


def _headline_deed_of_each_place(places: list[EventPlace], anchors: list[Cue], sentence: Sentence) -> list[tuple[int, int] | None]:
    """ "Fighters kidnap worker in A as soldiers torch houses in B": a headline telling two deeds,
    each before its own place, tells two events; each place's deed runs from the last headline
    verb before it to the place (token range). None for all in a body sentence, or when the
    places share one deed ("Rebels attack A and B")."""
    nothing: list[tuple[int, int] | None] = [None] * len(places)
    if not sentence.is_headline or len(places) < 2:
        return nothing
    doc = sentence.doc
    # (a headline's deeds are told in the present, "kidnap", "torch"; not a participle, "a local
    # official shot dead in X", which names a victim)
    verbs = sorted({c.head for c in anchors if doc[c.head].tag_ in {"VB", "VBP", "VBZ"} or headline_verb(doc[c.head], sentence)})
    found: list[tuple[int, int] | None] = []
    for event_place in places:
        before = [v for v in verbs if v < event_place.place.first]
        found.append((before[-1], event_place.place.last + 1) if before else None)
    if None in found or len({span[0] for span in found if span}) < len(places):
        return nothing
    return found


def _headline_roles(
    agent: ActorMention | None, target: ActorMention | None, actors: list[ActorMention], anchors: list[Token], sentence: Sentence
) -> tuple[ActorMention | None, ActorMention | None]:
    """ "Rioters torch vehicles", "Rebels loot hospital": the parse hangs a headline's subject on
    the object; the actor just before a headline verb does the deed, one after it suffers it."""
    for anchor in anchors:
        if not headline_verb(anchor, sentence):
            continue
        subject = next((m for m in actors if m.last == anchor.i - 1), None)
        if subject is None:
            continue
        if agent is None or agent.head > anchor.i:
            agent = subject
        if target is None or target is subject:
            target = next((m for m in actors if m.first > anchor.i), None)
        return agent, target
    return agent, target


# a sentence opened by the time that passed since the one before ("Hours later, a bomb
# exploded …", "Later that day, gunmen attacked …", "Shortly afterwards, …"): what it tells
# followed the happening told before
_LAPSE_OPENING = re.compile(
    r"^\W*(?:(?:a few |several |\w+ )?(?:hours|minutes|moments) later|later (?:that|the same) (?:day|night|morning|afternoon|evening)"
    r"|shortly (?:afterwards?|after that|thereafter)|soon afterwards?)\b",
    re.IGNORECASE,
)


def _kills_in_its_clause(verb: Token) -> bool:
    """The clause tells deaths of its own ("…, killing three of them")."""
    killing = {w.split()[0] for w in lexicon.casualty_words()["death_verbs"]}
    return any(t.lemma_.lower() in killing for t in verb.subtree)


def _after_an_event(verb: Token, sentence: Sentence) -> bool:
    """ "(it killed 40 militants in air strikes) in the days after the attack", "following the
    ambush, troops shelled …", "Hours later, …": the clause tells what came after an event
    already told."""
    if _LAPSE_OPENING.match(sentence.text):
        return True
    # "soldiers later engaged the attackers near X, killing two": a fight after the one told, with
    # dead of its own (a verb with an object of its own, or "later clashed with the gunmen"; not
    # "one of the wounded later died", nor
    # "police later detained three men", which is told with the attack)
    if (any(c.dep_ == "advmod" and c.lower_ in {"later", "afterwards", "subsequently", "thereafter"} for c in verb.children)
            and any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in {"with", "against"} for c in verb.children) and _kills_in_its_clause(verb)):
        return True
    nouns = lexicon.status_words()["referring_event_nouns"]
    for token in verb.subtree:
        if token.lower_ in {"after", "following"} and token.dep_ == "prep":
            for pobj in token.children:
                definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in pobj.children)
                if pobj.dep_ == "pobj" and pobj.lower_ in nouns and definite:
                    return True
    # "its forces killed three militants linked to the attack", "arrested the men behind the
    # bombing": the deed's authors hunted down (the words describe people; "the group said it was
    # behind the bombing" is a claim, told with the bombing)
    links = lexicon.status_words()["author_link_words"]
    for token in verb.subtree:
        head = token.head
        described = (token.lower_ in links and head.pos_ in {"NOUN", "PROPN"}) or (
            (head.lower_ in links or head.lemma_.lower() in links) and head.dep_ in {"acl", "amod"} and head.head.pos_ in {"NOUN", "PROPN"})
        if token.dep_ == "prep" and described:
            for pobj in token.children:
                definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in pobj.children)
                if pobj.dep_ == "pobj" and pobj.lower_ in nouns and definite:
                    return True
    return False


def _of_an_earlier_year(token: Token, context: ActorContext | None) -> bool:
    """ "over the 2015 bombing of a hotel", "the 2017 siege": an event noun named by its year,
    a year before publication, is history."""
    if context is None or context.published is None:
        return False
    if token.pos_ in {"VERB", "AUX"}:
        # "the 2019 massacre killed 160 people": the verb tells what its subject did
        return any(c.dep_ == "nsubj" and _of_an_earlier_year(c, context) for c in token.children)
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(
        c.dep_ in {"nummod", "compound", "amod", "npadvmod"} and c.is_digit and len(c.text) == 4 and 1900 <= int(c.text) < context.published.year
        for c in token.children
    )


_SPEAKER_PRONOUNS = {"it": "its", "they": "their", "we": "our"}


def _dead_named_in(target: Token, region: Region) -> bool:
    """ "Those killed included four drivers": people counted among the dead that the region's
    own participle names ("those killed" is the clause; its members are the object of
    "included", outside it); "three of them, who were killed …": the number of the clause's people."""
    # "three of its commanders, who were killed in …": the region is the relative clause on the
    # partitive's noun, the number outside it
    nouns = [p for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if any(r.dep_ == "relcl" and r.i in region.tokens for n in nouns for r in n.children):
        return True
    while target.dep_ == "conj" and target.head.i != target.i:
        target = target.head
    if not some_of_the_dead(target):
        return False
    if target.dep_ == "dobj" and target.head.lemma_.lower() == "include":
        return any(t.i in region.tokens for c in target.head.children if c.dep_ == "nsubj" for t in c.subtree)
    # "Among those killed were a driver and two traders"
    return any(t.i in region.tokens for p in target.head.children if p.dep_ == "prep" and p.lower_ == "among" for t in p.subtree)


def _done_by_speaker(anchor: Token, verb: Token, statement: Statement) -> bool:
    """ "The army said it killed 30 militants", "… its troops repelled the attack", "the rebels
    said they captured the town": the deed's subject is the speaker, or the speaker's own, by a
    pronoun agreeing with the speaker ("Faqiri said they came under attack" tells of others)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}:
        # "the army said it conducted an operation …, killing five": a participle with no subject
        # of its own is done by the subject of the verb it hangs on (as "… a raid, killing five")
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in statement.verb.children if c.dep_ == "nsubj"), None)
    if subject is None or speaker is None or not (anchor.i == verb.i or (anchor.dep_ == "dobj" and anchor.head.i == verb.i)):
        return False
    # "an army statement said soldiers killed five bandits": an army's word on soldiers no one
    # else owns is about its own; "the Taliban's spokesman said the group's fighters killed …"
    words = set(statement.speaker_words.split())
    if subject.lower_ in _BARE_FORCES and words & _ARMY_SPEAKERS and not any(c.dep_ in {"poss", "amod", "compound"} for c in subject.children):
        return True
    if statement.is_party and any(c.dep_ == "poss" and c.lower_ in {"group", "movement", "organisation", "organization"} for c in subject.children):
        return True
    # "a Taliban spokesman said fighters had repelled an attack": a named group's voice on bare
    # fighters no one else owns speaks of its own
    if (subject.lower_ in _BARE_FIGHTERS and not any(c.dep_ in {"poss", "amod", "compound"} for c in subject.children)
            and any(is_group_name(t.text) for t in speaker.subtree if t.pos_ == "PROPN")):
        return True
    # "a spokesman for the separatists said … their fighters": the side the spokesman speaks for
    side = next((o for p in speaker.children if p.dep_ == "prep" and p.lower_ == "for" and speaker.lower_ in _VOICES
                 for o in p.children if o.dep_ == "pobj"), None)
    speaker = side if side is not None else speaker
    pronoun = "we" if speaker.lower_ == "we" else "they" if speaker.tag_ in {"NNS", "NNPS"} else "it" if speaker.tag_ == "NN" else None
    # "Al Shabaab said it killed …", "the M23 said its fighters …": a named armed group is an
    # "it" or a "they" (a person's name is neither)
    if speaker.tag_ == "NNP" and is_group_name(" ".join(t.text for t in speaker.subtree if t.pos_ == "PROPN")):
        named = {"it", "they"}
        return subject.lower_ in named or any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in subject.children)
    if speaker.tag_ == "NN" and speaker.lower_ in _COMMANDING and (subject.lower_ in {"he", "she"} or any(
            c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in subject.children)):
        return True  # "the commander said his men had shelled …": a person speaking of his own
    if pronoun is None:
        return False
    return subject.lower_ == pronoun or any(c.dep_ == "poss" and c.lower_ == _SPEAKER_PRONOUNS[pronoun] for c in subject.children)


def _state_tells_its_forces(agent: ActorMention | None, statement: Statement, context: ActorContext) -> bool:
    """ "according to a statement from the defence ministry, troops killed 15 militants": a
    state's army or defence ministry telling what its own country's forces did."""
    if agent is None or agent.kind != "military" or agent.country is None or agent.country != context.country:
        return False
    return bool(set(statement.speaker_words.split()) & (_ARMY_SPEAKERS | {"defence", "defense"}))


_BARE_FORCES = {"soldiers", "troops", "forces", "servicemen"}
_BARE_FIGHTERS = {"fighters", "forces", "militants", "members"}
# a person at the head of armed men, whose "his men" are his side's
_COMMANDING = {"commander", "leader", "chief", "general", "colonel", "captain", "warlord", "head"}


def _in_a_tally(token: Token) -> bool:
    """ "bringing the total killed in the area this week to 15", "the number of people killed":
    a participle counting the dead of a tally is no deed of its own."""
    head = token.head
    if token.dep_ in {"acl", "amod", "relcl"} and head.lemma_.lower() in _TALLY_NOUNS:
        return True
    # "the number of people killed": the participle on the counted noun
    return (token.dep_ in {"acl", "amod"} and head.dep_ == "pobj" and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in _TALLY_NOUNS)


_TALLY_NOUNS = {"total", "number", "toll", "tally", "count"}
# cues of an assault, which happened even when it failed ("failed to storm the station")
_ASSAULTS = {"attack", "clash"}
# who speaks for a side: "a spokesman for the rebels"
_VOICES = {"spokesman", "spokesperson", "spokeswoman", "spokesmen", "voice", "representative"}
_ARMY_SPEAKERS = {"army", "military", "junta", "armed"}


_DOUBT = {"probably", "likely", "possibly", "presumably"}
_HEAVY_WEAPONS = {"shelling", "air"}


def _armed_people(agent: ActorMention | None, cues: list[Cue], doc: Doc, context: ActorContext | None) -> ActorMention | None:
    """ "Russians pound Kupiansk", "Israelis bombed the camp": a people whose own verb is
    shelling or bombing is its country's forces (no crowd has artillery or jets). Not a people
    firing a weapon ("Palestinians fired rockets": who fired them the text does not say)."""
    if agent is None or context is None or agent.kind != "civilians" or agent.country is None:
        return agent
    subject = doc[agent.head]
    verbs = {c.head for c in cues if c.category in _HEAVY_WEAPONS or c.category == "bombing_verb"}
    if not (agent.actor.text or "")[:1].isupper() or subject.dep_ != "nsubj" or subject.head.i not in verbs:
        return agent
    if lexicon.countries().by_word.get((subject.lower_,)) is None:
        return agent  # "Villagers bombed a police post" (capitalised as the sentence opens): no people's name
    return generic_actor("military", agent.country, context, agent.actor.text, agent.head) or agent


def _doubted_author(token: Token) -> bool:
    """ "The mine was probably laid by JNIM fighters", "the raid was likely carried out
    by X": a deed already told ("the …"), whose author is a guess; ACLED codes the suspected."""
    verb = clause_verb(token)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    told = subject is not None and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subject.children)
    doubted = any(c.dep_ == "advmod" and c.lower_ in _DOUBT for c in verb.children)
    by = any(c.dep_ == "agent" for c in verb.children)
    return told and doubted and by


def _doubted_culprit(token: Token) -> bool:
    """ "Gunmen may have been responsible for the killing of two farmers", "… could be behind
    the bombing": the deed happened; what is in doubt is who did it."""
    return token.dep_ == "pobj" and (
        (token.head.lower_ == "for" and token.head.head.lemma_.lower() in {"responsible", "to blame"}) or token.head.lower_ == "behind"
    )


def _told_as_past(verb: Token) -> bool:
    """ "landed", "were killed", "had been seized": a simple past, or a participle whose
    auxiliary is past ("has been scheduled", "will be held" are not)."""
    while verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        verb = verb.head  # "was seized and beaten": the tense of the first verb
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"will", "would", "shall"} or a.tag_ == "MD" for a in auxiliaries):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and bool(auxiliaries) and auxiliaries[0].tag_ == "VBD"


_WOUNDING = {"injure", "wound", "hurt", "injured", "wounded"}


def _orphan_counts(mentions: list[Mention], regions: list[Region], counts: list[Count], cues: Sequence[Cue] = ()) -> list[Mention]:
    """ "captured a camp after a gunfight with the militants, which ended in 9 militants dead":
    the dead told in a clause that tells no event of its own are the main clause's."""
    told = {id(m.region) for m in mentions}
    # (the dead of a deed a person is suspected of are no one's toll in this sentence)
    # (nor those of an earlier deed told in a time clause and read as no news: "the attacks came a
    # week after fighters killed four people in a raid" gives the attacks no dead of that raid)
    silent = [r for r in regions if id(r) not in told and r.kind != "alleged" and not _earlier_deed_told(r, cues)]
    orphans = [c for c in counts if c.kind == "death" and any(c.target in r.tokens for r in silent)]
    # (nor the dead of an earlier deed the clause's deed follows or answers, told in a relative
    # clause: "arrested 20 people following a clash with militiamen that left three soldiers dead")
    orphans = [c for c in orphans if not any(_dead_of_an_earlier_deed(c, m.cues, list(cues), m.sentence) for m in mentions)]
    # (the wounded who died afterwards, told in a clause of their own, add to a told toll: "…
    # wounded 12, three of whom died later")
    later = [c for c in orphans if mentions and died_of_wounds(c, mentions[0].sentence.doc)]
    if later and any(c.kind == "death" for m in mentions for c in m.counts):
        for mention in mentions:
            if not mention.background:
                mention.counts = add_later_deaths(mention.counts, later)
        orphans = [c for c in orphans if c not in later]
    if not orphans:
        return mentions
    # "the police said four officers were killed, while a hospital said seven died": another
    # source's toll of the same dead, a conflicting figure of the told event
    reported = [r for r in silent if r.kind in {"reported", "coordinate"}]
    for mention in mentions:
        # (not a crowd's: "demanding justice for a trader who died in custody" is its grievance)
        crowd = bool(set(mention.categories) & _CROWD)
        # (nor the dead of the state's violence a crowd rose over: "residents stormed a police
        # station after a man died in police custody", _grievance_told_after)
        crowd = crowd or (_crowd_doer(mention.agent) and "outrage" in mention.grievances)
        if mention.background or crowd:
            continue
        if mention.region.kind == "main" and not any(c.kind == "death" for c in mention.counts):
            mention.counts = mention.counts + orphans
        elif mention.region.kind == "relative" and not any(c.kind == "death" for c in mention.counts):
            # "local sources reported four rebels killed": the participle on the counted noun is
            # the clause telling its dead
            doc = mention.sentence.doc
            mention.counts = mention.counts + [c for c in orphans if any(doc[i].head.i == c.target for i in mention.region.tokens)]
        elif mention.region.kind == "reported":
            # (also the toll of a reported clause that told none: "said the attack had been
            # repelled and that 11 soldiers had died")
            # (the attackers' dead told in the next clause add up with the others': both_sides)
            mention.counts = both_sides(mention.counts + [c for c in orphans if any(c.target in r.tokens for r in reported)], mention.sentence.doc)
    # "two women died after soldiers beat them at a rally": a main clause that tells only the
    # deaths, and its "after" clause what killed them: the dead are that clause's
    # (also when the deaths are what someone reports: "told AP that eight people had died after a
    # shell hit a camp")
    main_dead = [c for c in orphans if any(c.target in r.tokens for r in silent if r.kind in {"main", "reported"})]
    if main_dead and not any(m.region.kind in {"main", "reported"} for m in mentions):
        for mention in mentions:
            # ("two officers died and three civilians were injured after an attack on the station":
            # the wounded's clause, coordinated with the deaths, holds what killed them too)
            wounded = mention.region.kind == "coordinate" and mention.region.root.lemma_.lower() in _WOUNDING
            if (mention.region.kind == "temporal" or wounded) and not mention.background and not any(c.kind == "death" for c in mention.counts):
                mention.counts = mention.counts + main_dead
    return mentions


def _earlier_deed_told(region: Region, cues: Sequence[Cue]) -> bool:
    """A time clause ("a week after …", "before …", "since …") telling a deed of violence of its
    own: its dead are that deed's, whether or not it is news."""
    marked = any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in region.root.children)
    return region.kind == "temporal" and marked and any(c.anchor and c.head in region.tokens and c.category in _DEADLY for c in cues)


_DEADLY = frozenset({"kill", "attack", "clash", "air", "shelling", "ied", "suicide", "grenade", "explosion", "fire_on", "abduct"})


def _cue_tokens(anchors: list[Cue]) -> list[int]:
    return [i for c in anchors for i in (c.start, c.head, c.end - 1)]


def _where_not_who(anchor: Token, iso: str, victims: ActorMention | None, heavy: set[int], context: ActorContext) -> bool:
    """ "Three soldiers were killed in a Malian ambush", "policemen killed in Nigerien attack":
    a demonym on the attack the victims died in names where it was when the victims are that
    country's own forces. Not the subject ("Ukrainian shelling killed two soldiers") nor
    shelling or an air strike, a state's own weapons ("killed in Ukrainian shelling")."""
    if victims is None or victims.kind not in {"military", "police"} or anchor.dep_ != "pobj" or anchor.i in heavy:
        return False
    return (victims.country or context.country) == iso


def _speakers_own_forces(agent: ActorMention | None, chain: Sequence[Statement], sentence: Sentence, context: ActorContext,
                         actors: Sequence[ActorMention] = ()) -> ActorMention | None:
    """ "Russia's defence ministry said its forces had captured X": "its forces" (or forces named
    by no one's word) are the speaker's country's, not those of the country the article is about;
    "the BLA said its fighters detonated …": a named group's own fighters are the group."""
    if agent is None or not chain:
        return agent
    doc = sentence.doc
    owned = any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in doc[agent.head].children)
    if owned and agent.kind not in {"named", "anti", "military"}:
        frame = chain[0].frame
        return next((a for a in actors if a.kind == "named" and a.armed and a.head in frame), agent)
    if agent.kind != "military":
        return agent
    # "the ethnic armed group said its troops overran the base": troops owned by a non-state armed
    # group speaking are that group's (the story names it: resolved as a pronoun's would be)
    if owned and any(a.armed and a.actor.inter in {2, 3, 4} and a.head in chain[0].frame for a in actors) and not any(
            a.actor.inter == 1 and a.head in chain[0].frame for a in actors):
        speaker = next(a for a in actors if a.armed and a.actor.inter in {2, 3, 4} and a.head in chain[0].frame)
        # (an unnamed one, "the ethnic armed group", is the group the story named: told back)
        return speaker if speaker.kind in {"named", "anti"} else None
    # (or bare: "according to the Israeli military, forces opened fire on …")
    bare = agent.first == agent.last and doc[agent.head].lower_ in {"forces", "troops", "soldiers"}
    if not bare and not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in doc[agent.head].children):
        return agent
    frame = sorted(chain[0].frame)
    # "the Saudi-led coalition said its warplanes struck …": a foreign operation or coalition
    # speaking owns the aircraft (not the country a demonym of its name, "… in Yemen", names)
    speaking_operation = next((a for a in actors if a.head in chain[0].frame and a.actor.inter == 8 and a.kind == "named"), None)
    if speaking_operation is not None:
        # (the aircraft keep their words: they say the strike was from the air)
        return replace(agent, actor=speaking_operation.actor, country=speaking_operation.country)
    iso = next((c for c in (demonym_country(doc[i], sentence) for i in frame if doc[i].text[:1].isupper()) if c), None)
    # "Moscow says its forces captured X": a capital speaking is its government
    capitals = [sentence.place_at(i) for i in frame]
    iso = iso or next((p.mention.entry.country_iso for p in capitals if p is not None and p.mention.entry is not None and p.mention.entry.feature == "PPLC"), None)
    # "CENTCOM said its forces struck …": a state's force or command speaking owns the forces
    speaking_force = next((a for a in actors if a.head in chain[0].frame and a.actor.inter in {1, 8} and a.country), None)
    iso = iso or (speaking_force.country if speaking_force is not None else None)
    if iso is None or iso == agent.country:
        return agent
    return generic_actor("military", iso, context, agent.actor.text, agent.head) or agent


# weapons and platforms named as the subject of a strike, whose demonym says whose forces fired
_WEAPON_SUBJECTS = {"drones", "drone", "jets", "jet", "warplanes", "warplane", "aircraft", "helicopters", "helicopter",
                    "missiles", "missile", "rockets", "rocket", "shells", "artillery", "mortars", "planes", "bombers", "gunships",
                    "vessels", "warships", "ships", "gunboats", "boats", "tanks", "f-16s", "migs", "sukhois"}
_STATE_WORDS = {"regime", "junta", "navy", "naval", "army", "military", "government", "governmental"}


def _state_agent(
    anchors: list[Token], sentence: Sentence, context: ActorContext, victims: ActorMention | None = None, heavy: set[int] = frozenset()
) -> ActorMention | None:
    """ "Ukrainian shelling", "a Myanmar military airstrike": the forces of the country named."""
    for anchor in anchors:
        # a parse that makes the demonym itself the subject ("Ukrainian [shelling] killed two")
        verb = clause_verb(anchor)
        for child in verb.children:
            if child.dep_ == "nsubj" and child.i < anchor.i + 2 and verb.lemma_.lower() not in {"die", "perish"}:
                iso = demonym_country(child, sentence)
                if iso and sentence.place_at(child.i) is None or (iso and sentence.place_at(child.i).country_only):
                    return generic_actor("military", iso, context, child.text, child.i)
                # "Russian drones struck …", "Israeli jets bombed …": the weapon's demonym
                if child.lower_ in _WEAPON_SUBJECTS:
                    modifiers = [c for c in child.children if c.dep_ in {"amod", "compound", "nmod"}]
                    for modifier in (c for c in modifiers if c.text[:1].isupper()):
                        iso = demonym_country(modifier, sentence)
                        if iso:
                            return generic_actor("military", iso, context, modifier.text, modifier.i)
                    # "regime navy vessels shelled …", "army gunships": the state's own forces
                    if any(c.lower_ in _STATE_WORDS for c in modifiers):
                        return generic_actor("military", None, context, child.text, child.i)
        # "in Ukrainian shelling", "a Ukrainian drone strike", "Afghan forces airstrikes" however
        # parsed: a demonym among the words that run up to the cue word. Only the cue's own
        # words are read, so the land a clause names ("entered Iraqi territory") is never taken
        # for who acts, and a post named by its holder ("an Iraqi outpost was set up") is theirs
        for before in reversed(anchor.doc[max(sentence.span.start, anchor.i - 3) : anchor.i]):
            if before.text[:1].isupper():
                iso = demonym_country(before, sentence)
                if iso and _where_not_who(anchor, iso, victims, heavy, context):
                    break
                if iso:
                    return generic_actor("military", iso, context, before.text, before.i)
            if before.dep_ not in {"amod", "compound", "nmod"} or before.pos_ not in {"NOUN", "PROPN", "ADJ"}:
                break
        if anchor.pos_ != "NOUN":
            continue
        for child in anchor.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.i < anchor.i:
                iso = demonym_country(child, sentence)
                if iso and not _where_not_who(anchor, iso, victims, heavy, context):
                    return generic_actor("military", iso, context, child.text, child.i)
    return None


def _noun_modified(token: Token) -> Token:
    """ "carry out hit-and-run attacks": a cue word tagged as a verb but parsed as a modifier of a
    noun ("hit" in "hit-and-run") is part of that noun's phrase; the clause's verb is the noun's."""
    current = token
    while current.dep_ in {"nmod", "compound", "amod"} and current.head.i > current.i and current.head.pos_ in {"NOUN", "PROPN"}:
        current = current.head
    return current


def _suspected_to_be(head: Token) -> str | None:
    """ "gunmen suspected to be Fulani militia", "men believed to be Dinka herders": the words of
    what the men are held to be."""
    for child in head.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in {"suspect", "believe"}:
            return " ".join(t.text for t in child.subtree)
    verb = head.head
    if head.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in {"suspect", "believe"}:
        # (parsed as the men's own verb: "gunmen [suspected] to be … attacked")
        return " ".join(t.text for c in verb.children if c.dep_ == "xcomp" for t in c.subtree) or None
    return None


def _target_at(place: EventPlace, sentence: Sentence, context: ActorContext | None) -> ActorMention | None:
    """ "rebels raided a police post in A and an army camp in B": the force holding the
    target named with each place, not the first one's for all."""
    if context is None or place.place is None:
        return None
    lex = lexicon.cues()
    token = sentence.doc[place.place.last]
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.lower_ in lex.armed_targets or token.lemma_.lower() in lex.armed_targets:
            words = [t for t in token.subtree if t.i < place.place.first or t.i > place.place.last]
            for word in words:
                if word.lower_ in {"police", "policemen", "gendarmerie"}:
                    return generic_actor("police", None, context, word.text, word.i)
                if word.lower_ in {"army", "military", "troops", "soldiers"}:
                    return generic_actor("military", None, context, word.text, word.i)
            return None
    return None


def _come_under(anchor: Token) -> Token | None:
    """The "came" of "came under fire", whether the cue is the verb or the noun ("came under
    rocket fire")."""
    if _came_under(anchor):
        return anchor
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "under" and _came_under(anchor.head.head):
        return anchor.head.head
    return None


def _came_under_subjects(anchor: Token) -> list[Token]:
    """ "a border post came under heavy fire": what "came under" fire or attack is what was hit."""
    verb = _come_under(anchor)
    return [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []


def _modifiers(token: Token) -> list[Token]:
    """The words before a noun that say whose or what kind it is ("the Malian army" of "vehicle")."""
    return [t for c in token.lefts if c.dep_ in {"amod", "compound", "nmod"} for t in c.subtree]


def _demonym_among(words: list[Token], sentence: Sentence) -> str | None:
    return next((c for c in (demonym_country(t, sentence) for t in words if t.text[:1].isupper()) if c), None)


def _holder(post: Token, sentence: Sentence, context: ActorContext) -> ActorMention | None:
    """ "an Armenian border post", "a police checkpoint", "a border post": the state force that
    holds a post told of no one else (a demonym names the country, else the article's)."""
    modifiers = _modifiers(post)
    force = "police" if any(_FORCE_MODIFIERS.get(t.lower_) == "police" for t in modifiers) else "military"
    return generic_actor(force, _demonym_among(modifiers, sentence), context, " ".join(t.text for t in [*modifiers, post]), post.i)


def _fired_from(anchors: list[Token], sentence: Sentence, context: ActorContext) -> ActorMention | None:
    """ "came under fire from Azerbaijani positions": the forces holding the positions fired
    (only a post a demonym or a force's word tells the holder of: "from positions across the
    border" names no one)."""
    armed = lexicon.cues().armed_targets
    for verb in (v for v in map(_come_under, anchors) if v is not None):
        heads = [verb, *(n for u in verb.children if u.lower_ == "under" for n in u.children if n.dep_ == "pobj")]
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"):
            for post in (o for o in prep.children if o.dep_ == "pobj" and (o.lower_ in armed or o.lemma_.lower() in armed)):
                modifiers = _modifiers(post)
                if any(t.lower_ in _FORCE_MODIFIERS for t in modifiers) or _demonym_among(modifiers, sentence):
                    return _holder(post, sentence, context)
    return None


def _object_actor(anchors: list[Token], sentence: Sentence, context: ActorContext) -> ActorMention | None:
    """ "attacks against a police station", "an army military base": the force that holds it."""
    if _object_kind(anchors) != "armed":
        return _force_of_target(anchors, sentence, context)
    armed = lexicon.cues().armed_targets
    for subject in (s for a in anchors for s in _came_under_subjects(a)):
        if subject.lower_ in armed or subject.lemma_.lower() in armed:
            return _holder(subject, sentence, context)
    held = _force_of_target(anchors, sentence, context)
    if held is not None:
        return held  # "the army bombed rebel positions": the positions' holders, named by their word
    for anchor in anchors:
        # (not the subject's words: "the army bombed …" names who bombed)
        doers = {t.i for c in anchor.children if c.dep_ in {"nsubj", "agent"} for t in c.subtree}
        for token in anchor.subtree:
            if token.i in doers:
                continue
            if token.lower_ in {"police", "policemen", "gendarmerie"}:
                return generic_actor("police", None, context, token.text, token.i)
            if token.lower_ in {"army", "military", "base", "barracks", "checkpoint", "troops", "soldiers"}:
                return generic_actor("military", None, context, token.text, token.i)
    return _force_of_target(anchors, sentence, context)


# words that make a position, a vehicle or a post a state's ("the governmental positions", "a
# Turkish Army vehicle", "a police truck")
_FORCE_MODIFIERS = {
    "army": "military", "military": "military", "government": "military", "governmental": "military",
    "govt": "military", "troop": "military", "troops": "military", "soldiers": "military",
    "police": "police",
    # "a gendarmerie post": the gendarmes' (a unit of the army where ACLED files it so)
    "gendarmerie": "military", "gendarme": "military", "gendarmes": "military",
    # "bombed rebel positions", "a militant hideout": the unnamed armed men holding them
    "rebel": "unidentified", "rebels": "unidentified", "militant": "unidentified", "insurgent": "unidentified",
    "jihadist": "unidentified", "terrorist": "unidentified", "guerrilla": "unidentified", "militia": "militia",
    "bandit": "unidentified", "bandits": "unidentified", "militants": "unidentified", "insurgents": "unidentified",
    "terrorists": "unidentified", "jihadists": "unidentified", "guerrillas": "unidentified",
}
_AIMING_VERBS = {"target", "hit", "strike"}


def _force_of_target(anchors: list[Token], sentence: Sentence, context: ActorContext) -> ActorMention | None:
    """ "shelled the government positions", "an ambush targeting a Malian army
    vehicle": the state's forces whose position or vehicle was hit (of the country a demonym in
    the phrase names, else the article's)."""
    lex = lexicon.cues()
    objects: list[Token] = []
    for anchor in anchors:
        verb = clause_verb(anchor)
        for head in (anchor,) if verb.i == anchor.i else (anchor, verb):  # the cue word first, then its clause verb
            objects += [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"} and head.i == anchor.i]
            # ("drove a vehicle laden with explosives into a military camp": what it rammed)
            objects += [p for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "against", "at", "upon", "into"} for p in c.children if p.dep_ == "pobj"]
        # "an attack targeting a vehicle"
        objects += [o for c in anchor.children if c.dep_ == "acl" and c.lemma_.lower() in _AIMING_VERBS for o in c.children if o.dep_ == "dobj"]
        # ("explosives launched from drones against the police station": a parse that hangs the
        # target on the weapon the cue was launched from)
        objects += [o for c in anchor.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                    for a in p.children if a.dep_ == "prep" and a.lower_ == "against" for o in a.children if o.dep_ == "pobj"]
    targets = lex.armed_targets | lex.property_targets | lex.hideouts
    for token in objects:
        # (a target named by two words, "a police party": the force's word is its first)
        pair = " ".join(t.lower_ for t in token.doc[max(token.i - 1, 0) : token.i + 1])
        if pair in lex.armed_targets and token.lower_ not in targets:
            return generic_actor(_FORCE_MODIFIERS.get(token.doc[token.i - 1].lower_, "military"), _demonym_among(_modifiers(token), sentence), context, pair, token.i)
        if token.lower_ not in targets and token.lemma_.lower() not in targets:
            continue
        modifiers = _modifiers(token)
        force = next((_FORCE_MODIFIERS[t.lower_] for t in modifiers if t.lower_ in _FORCE_MODIFIERS), None)
        if force is None and (token.lower_ in lex.armed_targets or token.lemma_.lower() in lex.armed_targets) and _demonym_among(modifiers, sentence):
            force = "military"  # "shelled Russian positions": a country's positions are its forces'
        if force is None:
            continue
        found = generic_actor(force, _demonym_among(modifiers, sentence), context, " ".join(t.text for t in [*modifiers, token]), token.i)
        return with_unit(found, [*modifiers, token], sentence, context) if found is not None else None
    return None


_CROWD = {"protest", "riot_violence", "demo_tactic", "blockade", "mob"}
# what a crowd does that makes its protest a riot (ACLED's violent demonstration)
_PROTEST_TURNED_VIOLENT = {"riot_violence", "riot_clash", "mob", "attack", "destroy", "loot", "kill", "clash"}


def _protesting(person: Token, cues: list[Cue]) -> bool:
    """ "supporters protesting the arrest", "activists who were protesting": the people are told
    as protesters by a clause on their noun."""
    protest_heads = {c.head for c in cues if c.category in {"protest", "demo_tactic", "blockade"}}
    return any(child.i in protest_heads and child.dep_ in {"acl", "relcl"} for child in person.children)
# (what people flee is the setting too: "shot dead traders escaping the fighting")
_FLIGHT_WORDS = {"fleeing", "escaping"}
# ... and what is awaited ("massed around X ahead of an assault"): not happened yet
# words that tell what a deed set off, rather than what it followed
_CONSEQUENCE_WORDS = {"triggering", "sparking", "prompting", "causing"}
_CAUSE_WORDS = {"following", "after", "amid", "due", "because", "over", "causing", "sparking", "prompting", "triggering", "ahead"} | _FLIGHT_WORDS


def _aside(anchor: Token) -> bool:
    """ "Soldiers cordoned off the area after the blast", "sealed the site of the explosion": an
    event told as the time or the place of another deed was not done by that deed's subject."""
    if _inside(anchor, _CAUSE_WORDS) is not None:
        return True
    prep = anchor.head
    return anchor.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in lexicon.cues().territory_nouns | {"scene"}


def _in_setting(token: Token, anchors: list[Token]) -> bool:
    """The token is in a cause phrase ("amid continued raids") that holds none of the
    event's anchors."""
    cause = _inside(token, _CAUSE_WORDS)
    if cause is not None and cause.lower_ == "over" and any(c.dep_ == "pobj" and status.span_days(c) > window_days() for c in cause.children):
        # "has killed hundreds over the past year": a span longer than the news, no cause (a
        # roundup's "over the past day" is its news: no tally)
        return False
    return cause is not None and not any(_within(a, cause) for a in anchors)


# "over" after a verb of motion is a path, not a cause: "a bus ran over a landmine"
_MOTION_VERBS = {"run", "drive", "ride", "roll", "step", "walk", "pass", "travel"}


def _inside_of(sentence: Sentence, token: Token, words: set[str] | frozenset[str]) -> Token | None:
    """``_inside`` for a token of ``sentence``: None at once where the sentence has none of
    ``words`` (the walk finds only such a word, and a parser sentence keeps its heads inside it)."""
    return None if sentence.words.isdisjoint(words) else _inside(token, words)


def _inside(token: Token, words: set[str] | frozenset[str], stop: Token | None = None) -> Token | None:
    """The nearest ancestor (the token excluded) that is one of ``words``, or the clause an
    ancestor marks with one of them ("after a gendarme shot …"), if any."""
    current = token
    for n in range(8):
        if n and any(c.dep_ == "mark" and c.lower_ in words for c in current.children):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
        if current.lower_ in words and not (current.lower_ == "over" and current.head.lemma_.lower() in _MOTION_VERBS):
            return current
    return None


# nouns a cue word can modify and still tell the deed: "artillery fire", and the campaigns of
# it ("an arrest campaign", "a kidnapping spree", "a bombing campaign")
_MODIFIED_OK = {"fire", "barrage", "round", "rounds", "salvo", "salvos", "campaign", "campaigns", "spree", "sweep", "sweeps", "operation", "operations", "canister", "canisters"}


def _describes_a_thing(cue: Cue, token: Token, cues: list[Cue]) -> bool:
    """ "looted funds", "Patriot Missile batteries", "burned bodies": a cue word used to describe
    a noun is no event unless that noun is itself a cue ("mortar shells", "artillery fire")."""
    if token.dep_ not in {"amod", "compound"} or token.head.i <= token.i:
        return False
    # "opened a recruitment office": the noun modified is a word of the cue itself
    if cue.start <= token.head.i < cue.end:
        return False
    # "militiamen abandoned two gang-raped girls": the participle modifying "girls" tells a deed
    # done to a person, not a description of a thing
    if cue.category == "sexual" and token.pos_ == "VERB":
        return False
    # "the RSF captured Wad Madani" parsed as a participle modifying the name: a verb with a
    # subject of its own tells a deed
    if token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in token.children):
        return False
    # "chloropicrin munitions", "chlorine bombs": the agent named on the weapon is the chemical attack
    if cue.category == "chemical":
        return False
    # "protesting students vandalised the hall": people doing the deed, not a thing described
    if cue.category == "protest" and token.pos_ == "VERB" and token.tag_ == "VBG":
        return False
    # "by burning villages", "after looting shops": a gerund after a preposition misparsed as
    # describing its object is the deed done to it
    if token.tag_ == "VBG" and token.head.dep_ == "pobj" and token.head.head.lower_ in {"by", "after", "before", "while", "through"}:
        return False
    if verb_read_between_names(token):
        return False
    head = token.head
    if head.lower_ in _MODIFIED_OK:
        return False
    return not any(c.anchor and c.head == head.i for c in cues)


_INQUIRIES = {"investigation", "probe", "inquiry", "enquiry"}
_CHARGING = {"charge", "accuse", "convict", "indict", "sentence", "suspect", "prosecute", "try"}
# the nouns an arrest's charge hangs from ("on charges of terrorism", "a warrant for murder")
_CHARGE_NOUNS = {"charges", "charge", "warrant", "warrants"}
# verbs of taking someone in: what they are held "over" or "for" is the charge, a deed before
_ARRESTING = {"arrest", "detain", "apprehend", "hold", "remand"}


def _dead_of_a_charge(target: Token) -> bool:
    """ "had been arrested over the killing of a suspected informant", "held for killing a farmer":
    the dead of the deed someone is arrested for are no toll of the day."""
    for ancestor in target.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} and ancestor.dep_ != "pcomp":
            return False  # (a clause of its own tells its own dead; "for killing a soldier" goes on)
        # (not "accused soldiers of killing 12 villagers": an accusation tells the deed as news)
        if ancestor.dep_ == "prep" and ancestor.lower_ in {"over", "for"} and ancestor.head.lemma_.lower() in _ARRESTING:
            return True
    return False


def _lost_people(word: Token) -> bool:
    """The object of "lose" counts people: "lost 12 soldiers", "lost at least five of its men",
    "lost their lives" (not "lost control", "lost ground")."""
    if word.dep_ != "dobj":
        return False
    return word.lower_ in {"lives", "life"} or word.like_num or any(c.dep_ in {"nummod", "quantmod"} or c.like_num for c in word.children)


def _without_causes_and_grievances(cues: list[Cue], sentence: Sentence, sentence_cues: list[Cue] | None = None) -> list[Cue]:
    """Drop what an event is about, not what happened in it.

    "evacuated following the eruption of hostilities": the fighting is the cause of the event;
    "protested against the arrest of an editor": the arrest is the grievance of the protest.
    Cues inside such a phrase are dropped when the clause has another cue outside it
    (``sentence_cues``: all the sentence's, for what a clause of its own tells, such as the
    capture a withdrawal's cause belongs to).
    """
    doc = sentence.doc
    protest = any(c.category in {"protest", "demo_tactic", "blockade"} for c in cues)
    kept: list[Cue] = []
    for cue in cues:
        token = doc[cue.head]
        cause = _inside_of(sentence, token, _CAUSE_WORDS)
        # "regained control of X after clashes with the rebels": the fighting a place was taken
        # after tells that it was taken by force (coding reads it; no event of its own)
        # (also from a clause of its own: "seized the city after the army withdrew following clashes")
        # (or entered after it: "rebels marched into X after brief clashes", coding.py)
        taken_by_force = cue.category in _FIGHTING and any(c.category in _TERRITORIAL and c.anchor or c.category == "entry" for c in (sentence_cues or cues))
        # "destroyed a militant hideout after a gun battle": the fight is how it was destroyed
        taken_by_force = taken_by_force or (cue.category in _FIGHTING and any(c.category == "destroy" and c.anchor for c in cues)
                                            and all(c.category in _FIGHTING | {"kill", "destroy", "loot"} for c in cues if c.anchor))
        # "attacked the post, triggering an exchange of fire": the fight an attack set off is
        # that attack's own (a consequence word, not a cause: "sparking protests" stays apart)
        set_off = cause is not None and cause.lower_ in _CONSEQUENCE_WORDS and cue.category in _FIGHTING and any(
            c.category in {"attack", "fire_on"} and c.anchor and not _within(doc[c.head], cause) for c in cues)
        died_in_it = cause is not None and cue.category in _FIGHTING | {"gunfight"} and _fought_by_the_dead(token, cause, cues)
        if cause is not None and cue.category not in {"nofight", "withdraw", "protest_purpose"} and not taken_by_force and not set_off and not died_in_it:
            # what people flee is never the clause's own event, even when fleeing is its only other cue
            fled = cause.lower_ in _FLIGHT_WORDS
            outside = [c for c in cues if c.anchor and c is not cue and (fled or not _within(doc[c.head], cause))]
            if outside:
                continue
        # "vowed revenge for the killing of their commander in an air strike": what a vow or a
        # threat would avenge is its grievance, done before, not the deed planned
        # (unless the phrase tells its own day: "… who died in an air strike on Sunday")
        # ("vowed to avenge the killing … by attacking bases in X": the "by" phrase is how the
        # revenge is to be taken, the deed planned, not the grievance)
        avenged = _inside_of(sentence, token, _AVENGING) or _revenge_for(token)
        if avenged is not None and _by_means_of(token, avenged):
            avenged = None
        if avenged is not None and {clause_verb(avenged).lemma_.lower(), avenged.head.lemma_.lower()} & set(lexicon.status_words()["planning_verbs"]):
            if not any(is_time_word(t.text) for t in avenged.subtree):
                continue
        # "youths burned down a police station in revenge for the killing of a driver by police
        # officers on Saturday": what a done deed avenges was done before, by others, not part
        # of it (when the clause tells a deed outside the phrase)
        if avenged is not None and cue.anchor and any(c.anchor and c is not cue and not _within(doc[c.head], avenged) for c in cues):
            continue
        # "arrested for participating in protests", "detained over a rally", "arrested in connection
        # with the violence during the protests": why people were
        # arrested, not a demonstration of that day
        reason = _inside_of(sentence, token, {"for", "over", "connection"}) if cue.category in _CROWD | {"protest_purpose"} else None
        if reason is not None and any(c.category == "arrest" and c.anchor and _within(reason, doc[c.head]) for c in cues):
            continue
        # "charged him with murder", "arrested on charges of terrorism" or "on a warrant of
        # arrest for murder", "accused of the bombing": what a person is charged with is their
        # alleged past, not a deed of the day
        # ("detained 40 generals as part of an investigation into the failed coup": what is
        # investigated is as much the past)
        charge = _inside_of(sentence, token, {"with", "of", "for", "into", "over"})
        if charge is not None and charge.dep_ == "prep" and (charge.head.lemma_.lower() in _CHARGING or charge.head.lower_ in _CHARGE_NOUNS
                                                             or (charge.lower_ == "for" and charge.head.lower_ == "arrest")
                                                             # "had been arrested over the killing of an informant"
                                                             or (charge.lower_ in {"for", "over"} and charge.head.lemma_.lower() in _ARRESTING)
                                                             or (charge.lower_ == "into" and charge.head.lemma_.lower() in _INQUIRIES)):
            # (the deed may be told in a clause of its own: "arrested a pastor accused of
            # organising the protests")
            if any(c.anchor and c is not cue and not _within(doc[c.head], charge) for c in (sentence_cues or cues)):
                continue
        if protest and cue.category != "protest" and cue.category != "protest_purpose":
            # "women protested the killings", "students protest arrests": what a protest verb's
            # object names is what the crowd protests, not a deed of that day
            # (the object itself or its conjunct: a parse may hang a later clause deeper in it)
            if any(c.category == "protest" and doc[c.head].pos_ == "VERB" and token.head.i in {c.head, *(o.i for o in doc[c.head].children if o.dep_ == "dobj")}
                   and (token.dep_ == "dobj" or token.dep_ == "conj" and token.head.dep_ == "dobj") for c in cues):
                continue
            purpose = _inside_of(sentence, token, lexicon.cues().purpose_words)
            if purpose is not None and any(c.category == "protest" and not _within(doc[c.head], purpose) for c in cues):
                continue
        # "militias mobilised to join the fight against X", "troops deployed to fight the
        # rebels": a fight an infinitive of purpose names has not happened; the movement has
        # (the other cue may be in a clause of its own: "troops entered X after Kurdish forces
        # invited them in to deter an attack")
        if cue.category in _FIGHTING and _purpose_of(token, sentence_cues or cues, doc, lambda c: c not in _FIGHTING):
            continue
        # "deployed the army to support the police in handling protests": what forces are sent
        # to deal with is no demonstration of that day
        if cue.category in _CROWD | {"protest_purpose"} and _purpose_of(token, cues, doc, lambda c: c == "group_change", on_clause=True):
            continue
        if _drove_people_out(token):
            continue
        # "blocked police from removing the body of a man shot by officers": what a clause on
        # the owner of a body tells happened before the body was there, no deed of that day
        # (unless it tells its own day: "the body of a boy shot dead on Sunday")
        told = _told_of_a_body(token)
        if told is not None and not any(is_time_word(t.text) for t in told.subtree):
            continue
        kept.append(cue)
    return kept


def _fought_by_the_dead(token: Token, cause: Token, cues: list[Cue]) -> bool:
    """ "A suspect was killed after exchanging fire with police", "two gunmen died after clashing
    with troops": a fight told by a verb with no subject of its own after "after"/"following",
    when the clause it hangs on tells its subject's death (a passive or "die": no one else's
    victim named), was fought by the dead; it is the fight they died in, not a cause told apart.
    ("troops killed two villagers after clashing with rebels" names other victims: stays a cause.)"""
    if cause.lower_ not in {"after", "following"} or token.pos_ != "VERB" or token.dep_ != "pcomp" or token.head.i != cause.i:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return False
    verb = cause.head
    dead_subject = any(c.dep_ == "nsubjpass" for c in verb.children) or verb.lemma_.lower() == "die"
    return dead_subject and not any(c.dep_ == "dobj" for c in verb.children) and (verb.lemma_.lower() == "die" or any(c.head == verb.i for c in cues))


def _told_of_a_body(token: Token) -> Token | None:
    """The relative clause or participle ``token`` stands in when it describes the person a
    body noun is of ("the body of a vendor who had been shot", "the corpse of a man killed by
    soldiers"), else None."""
    bodies = lexicon.casualty_words()["body_nouns"]
    for clause in (token, *token.ancestors):
        if clause.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            return None  # a clause of its own joined on ("…, and police used tear gas")
        owner = clause.head
        if clause.dep_ in {"relcl", "acl"} and owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.lemma_.lower() in bodies:
            return clause
    return None


def _drove_people_out(noun: Token) -> bool:
    """ "This attack drove 2,000 people from their homes", "The clashes forced hundreds of families
    to flee": an event told before (a definite noun) as the subject of a verb of driving people
    out is the cause of their flight, not the event told again."""
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in lexicon.status_words()["displacing_verbs"]:
        return False
    if not any(c.dep_ in {"det", "poss"} and (c.lower_ in _DEFINITE or c.dep_ == "poss") for c in noun.children):
        return False
    verb = noun.head
    # the people driven out: an object, with "from their homes" or "to flee"
    driven_out = lexicon.status_words()["driven_out_words"]
    return any(c.dep_ == "dobj" for c in verb.children) and any(t.lower_ in driven_out or t.lemma_.lower() in driven_out for t in verb.subtree)


_HARM = frozenset({"explosion", "kill", "injury", "lethal_force", "attack", "found_dead", "suicide", "grenade", "disrupted"})


def _standing_hazard(anchors: list[Cue], cues: list[Cue], sentence: Sentence) -> bool:
    """Mines told as land still sown or being cleared ("landmines laid during the war still
    litter the fields around X"): device words alone, nothing exploding or hurting anyone."""
    if not anchors or any(c.category != "ied" for c in anchors) or any(c.category in _HARM for c in cues):
        return False
    words = lexicon.status_words().get("mine_hazard_words", frozenset())
    return any(t.lower_ in words or t.lemma_.lower() in words for t in sentence.span) or any(
        w in sentence.span.text.lower() for w in words if " " in w)


def _on_display(token: Token) -> bool:
    """A weapon shown, not used: the object of a verb of showing ("a parade showcasing new
    missiles", "displaying drones and ballistic missiles", "paraded captured tanks")."""
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    showing = lexicon.status_words().get("display_verbs", ())
    if current.dep_ == "pobj" and current.head.lower_ == "with":
        # ("paraded through the streets with heavy weapons": what they paraded with)
        current = current.head
        return current.head.lemma_.lower() in showing
    return current.dep_ == "dobj" and current.head.lemma_.lower() in showing


def _by_means_of(token: Token, ancestor: Token) -> bool:
    """The token lies in a "by"/"through" phrase of ``ancestor`` (the means: "avenge the
    killing by attacking bases"), not in its object."""
    current = token
    while current.head.i != current.i and current.head.i != ancestor.i:
        current = current.head
    return current.head.i == ancestor.i and current.dep_ == "prep" and current.lower_ in {"by", "through"}


_FIGHTING = frozenset({"clash", "attack", "fire_on"})


def _revenge_for(token: Token) -> Token | None:
    """The "for" of "in revenge for …", "in retaliation for …" that the parse hung on the verb
    beside "in revenge" (not under it), when the token lies in its phrase."""
    for ancestor in list(token.ancestors)[:8]:
        if ancestor.lower_ == "for" and ancestor.dep_ == "prep" and ancestor.i > 0 and ancestor.doc[ancestor.i - 1].lower_ in _AVENGING:
            return ancestor
    return None


_AVENGING = frozenset({"revenge", "retaliation", "reprisal", "reprisals", "vengeance", "avenge"})
_TERRITORIAL = frozenset({"takeover", "retake", "transfer"})


def _purpose_of(token: Token, cues: list[Cue], doc, outside: Callable[[str], bool], *, on_clause: bool = False) -> bool:
    """Whether the token lies in an infinitive of purpose ("to join the fight", "to fight") that
    hangs on the verb of another anchored cue outside it, of a category ``outside`` accepts."""
    current = token
    for _ in range(6):
        verb = current if current.pos_ in {"VERB", "AUX"} else None
        # (an infinitive on the verb, or on a noun: "a new unit to police protests")
        if verb is not None and verb.dep_ in {"advcl", "xcomp", "acl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # (on the cue's own word, or for a crowd on its clause's verb: "sent reinforcements
            # to X to quell protests"; a fight on a patrol's verb, "carried out patrols to fight
            # the gangs", still tells the patrol's encounter)
            return any(
                c.anchor and outside(c.category) and not _within(doc[c.head], verb)
                and (_within(verb, doc[c.head]) or (on_clause and _within(verb, clause_verb(doc[c.head]))))
                for c in cues
            )
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _grievance_of_crowd(region: Region, regions: list[Region], cues: list[Cue]) -> bool:
    """ "Residents rioted in X after a gendarme shot a driver", "demonstrators blocked the road to
    demand justice for a man who was shot by the police": what a crowd rose up over is its
    grievance, told as the setting of the demonstration (ACLED codes the demonstration), not news
    of its own. A temporal "after" clause, or a relative clause about a person, hanging on a
    clause that has a protest, riot or mob cue."""
    after = region.kind == "temporal" and any(c.dep_ == "mark" and c.lower_ in {"after", "following"} for c in region.root.children)
    if not after and region.kind != "relative":
        return False
    # "villagers vandalized a shop, agitating against …": a crowd's own clause is the demonstration
    if any(c.anchor and c.head in region.tokens and c.category in _CROWD for c in cues):
        return False
    parent = next((r for r in regions if region.root.head.i in r.tokens), None)
    doc = region.root.doc
    # (armed men's fire set after a violent deed of its own, "after separatists attacked a
    # checkpoint", answers no grievance; "after the residents had fled" stays how it came about)
    harm_after = any(c.anchor and c.head in region.tokens and c.category in _HARM for c in cues)
    return parent is not None and any(c.anchor and c.head in parent.tokens and c.category in _CROWD and not (harm_after and _done_by_armed_men(doc[c.head])) for c in cues)


def _done_by_armed_men(cue_head: Token) -> bool:
    """ "soldiers stormed the town and set fire to houses after separatists attacked a checkpoint":
    fire set by armed men (the subject of the cue's verb, or of the verb it is coordinated with)
    is no crowd's, and what the "after" clause tells is no grievance but an event of its own."""
    verb = clause_verb(cue_head)
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    return armed_doer(verb)


def _how_a_place_fell(region: Region, regions: list[Region], cues: list[Cue]) -> bool:
    """ "The TNLA took control of X after junta troops surrendered their last base": a surrender
    told in an "after" clause of a capture is how the place changed hands, the capture's setting
    (ACLED codes the capture), not an agreement of its own."""
    after = region.kind == "temporal" and any(c.dep_ == "mark" and c.lower_ in {"after", "following"} for c in region.root.children)
    # (a withdrawal told there stays its own mention: it makes the capture a non-violent transfer)
    return after and _a_surrender_told_under(region, regions, cues, _TERRITORIAL)


# the deeds a surrender told in their "after"/"though" clause is part of: the fighters who laid
# down their arms were then shot or executed
_DONE_TO_THE_SURRENDERED = frozenset({"kill", "attack", "lethal_force"})


def _surrendered_then_killed(region: Region, regions: list[Region], cues: list[Cue]) -> bool:
    """ "Soldiers shot dead five militants after they had surrendered", "killed two soldiers even
    though they had surrendered": the surrender is part of the killing told in the main clause
    (its setting), not an agreement of its own."""
    marks = {c.lower_ for c in region.root.children if c.dep_ == "mark"}
    if region.kind not in {"temporal", "concessive", "adverbial"} and not marks:
        return False
    if not marks & {"after", "following", "though", "although", "once", "when"}:
        return False
    return _a_surrender_told_under(region, regions, cues, _DONE_TO_THE_SURRENDERED)


def _a_surrender_told_under(region: Region, regions: list[Region], cues: list[Cue], deeds: frozenset[str] | set[str]) -> bool:
    """The clause tells only an agreement (a surrender), and the clause it hangs on one of ``deeds``."""
    own = {c.category for c in cues if c.anchor and c.head in region.tokens}
    if not own or not own <= {"agreement"}:
        return False
    parent = next((r for r in regions if region.root.head.i in r.tokens), None)
    return parent is not None and any(c.anchor and c.head in parent.tokens and c.category in deeds for c in cues)


def _herders_militia(head: Token, iso: str | None, anchors: list[Cue]) -> Actor | None:
    """ "suspected herders killed 12 farmers": herders who kill, where one people herds
    (actors.toml `[identity_names.herders]`), are that people's ethnic militia, not a mob."""
    lex = lexicon.actors()
    people = lex.herder_peoples.get(iso or "")
    if people is None or head.lower_ not in lex.herder_words:
        return None
    if not any(c.category in {"kill", "attack", "lethal_force", "abduct", "destroy"} for c in anchors):
        return None
    return ethnic_militia(people, iso)


def _earlier_of_a_person(region: Region, regions: list[Region]) -> bool:
    """ "guards beat protesters who had been detained at rallies in A and B": a relative clause in
    the past perfect tells what had happened to the people before the news the sentence
    tells in its main clause."""
    if region.kind != "relative" or len(regions) < 2:
        return False
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in region.root.children)


def _relative_of_a_past(token: Token, context: ActorContext | None) -> bool:
    """ "sentenced three men for a 2015 attack on a hotel in which 20 people were killed": a cue
    in a relative clause on a happening named by an earlier year tells that past, not news (what
    an anniversary recalls is ``status.remembered``)."""
    clause = token if token.dep_ == "relcl" else next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return False
    noun = clause.head
    for _ in range(3):  # up the phrases it hangs on: "a 2015 attack on a hotel in which …"
        if _of_an_earlier_year(noun, context):
            return True
        if not (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}):
            return False
        noun = noun.head.head
    return _of_an_earlier_year(noun, context)


_GRIEVING_PARTICIPLES = frozenset({"protesting", "denouncing", "decrying", "condemning", "mourning"})


def _grievance_count(count: Count, cues: list[Cue], sentence: Sentence, crowd_sentence_cues: list[Cue] | None = None) -> bool:
    """ "to demand justice for the death of a trader", "protested over the killing of two
    students": the dead a crowd protests about died before; they are not the demonstration's.
    ``crowd_sentence_cues``: the sentence's cues when a crowd does the deed ("residents stormed a
    police station after a man died in police custody": the dead of the state's violence the
    crowd rose over, an `outrage` cue in the phrase, are its grievance)."""
    doc = sentence.doc
    # "stopped officers taking away the body of a youth the police had shot", "marched
    # carrying the body of a rider killed by soldiers": the dead whose body a crowd gathers over
    # died before it
    target = doc[count.target]
    if target.dep_ == "pobj" and target.head.lower_ == "of" and target.head.head.lower_ in lexicon.casualty_words()["body_nouns"] and any(c.anchor and c.category in _CROWD for c in cues):
        return True
    # (a crowd's participle names it too: "blocked the road, protesting the killing of five traders")
    phrase = _inside(doc[count.target], _CAUSE_WORDS | lexicon.cues().purpose_words | _GRIEVING_PARTICIPLES)
    if phrase is None:
        return False
    if crowd_sentence_cues and any(c.category == "outrage" and _within(doc[c.head], phrase) for c in crowd_sentence_cues):
        return True
    return any(c.anchor and c.category in _CROWD and not _within(doc[c.head], phrase) for c in cues)


def _crowd_doer(agent: ActorMention | None) -> bool:
    """The doer is a crowd: protesters, rioters or people (inter 5, 6, 7)."""
    return agent is not None and agent.actor.inter in {5, 6, 7}


# what a deed is told as done after, for or about: "in retaliation for an attack that killed four
# soldiers", "the commander behind an attack that killed 22", "arrested … over the killing of 30"
_EARLIER_DEED_WORDS = _CAUSE_WORDS | _AVENGING | {"behind"}


def _dead_of_an_earlier_deed(count: Count, kept: list[Cue], cues: list[Cue], sentence: Sentence) -> bool:
    """The dead counted inside a phrase naming an earlier deed the clause's own deed answers or
    follows ("killed six militants in retaliation for an attack that killed four soldiers",
    "arrested 20 people following a clash that left three soldiers dead"): that deed's, not the
    clause's — when the phrase holds a deed of its own and the clause's deed lies outside it."""
    if count.kind != "death":
        return False
    doc = sentence.doc
    phrase = _inside(doc[count.target], _EARLIER_DEED_WORDS) or _revenge_for(doc[count.target])
    if phrase is None:
        return False
    told = [c for c in cues if c.anchor and _within(doc[c.head], phrase)]
    own = [c for c in kept if c.anchor and not _within(doc[c.head], phrase)]
    if not told or not own:
        return False
    # (a fight told "after" or "following" may be how the deed was done, "captured a camp after a
    # gunfight which ended in 9 militants dead": only one dated apart is earlier, "following a
    # clash that left three soldiers dead on Saturday"; one avenged or behind which someone
    # stood always is)
    avenged = _inside(doc[count.target], _AVENGING | {"behind"}) is not None or _revenge_for(doc[count.target]) is not None
    return avenged or any(is_time_word(t.text) for t in phrase.subtree)


def _within(token: Token, ancestor: Token) -> bool:
    current = token
    for _ in range(12):
        if current.i == ancestor.i:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _crowd_violence(cues: list[Cue], actors: list[ActorMention], sentence: Sentence) -> bool:
    """Whether the stones, fire or barricades of the clause are the crowd's own: the subject of
    the verb they hang on is people, protesters, rioters, or nobody named ("some people in the
    crowd hurled Molotov cocktails, while security forces responded with tear gas"); and a killing
    or an attack whose subject is named as demonstrators or rioters ("demonstrators took one of
    the suspects to the scene and killed him": their violence, not force used against them)."""
    doc = sentence.doc
    for cue in cues:
        if cue.category not in {"riot_violence", "demo_tactic", "kill", "attack"}:
            continue
        tactic = cue.category in {"riot_violence", "demo_tactic"}
        verb = clause_verb(doc[cue.head])
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if not subjects and not tactic and verb.dep_ == "conj":
            # "demonstrators took him to the scene and killed him": the first verb's subject
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects and tactic:
            return True
        for subject in subjects:
            actor = next((m for m in actors if m.first <= subject.i <= m.last or m.head == subject.i), None)
            if tactic and (actor is None or actor.actor.inter in {5, 6, 7}):
                return True
            if not tactic and actor is not None and actor.actor.inter in {5, 6}:
                return True
    return False
