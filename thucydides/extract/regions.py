"""Clause regions of a sentence: the parts that can each hold one reported happening.

A sentence is cut at the complement of a reporting verb (what is said is one region, the
speaker's own words are no event at all), at relative clauses about an actor or a person ("the
Taliban, who came to power … and occupied all major cities": a recap, not the news), at what a
person is suspected or accused of ("a man suspected of killing three people": their past), at
temporal clauses that move the time ("after it took control of Wad Madani in December") and at
coordinated clauses with their own subject. Relative clauses about a place ("Kabul, where
protesters raised the flag") or about an event ("an attack that hit a market") stay in their
region: they say where and how; one telling a state that lasts at the place ("near X, where
fighting has gone on since December") is the setting, a region of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from thucydides.extract import lexicon
from thucydides.extract.attribution import Statement, subject_told
from thucydides.extract.sentences import Sentence, bare_participle
from thucydides.extract.status import interrupts_a_plan
from thucydides.extract.triggers import Cue

if TYPE_CHECKING:
    from spacy.tokens import Token

# verbs of violence growing: in an "as" clause, the setting of the news
SPREADING = {"spread", "escalate", "intensify", "worsen", "grow", "mount", "widen", "deepen"}
TIME_MARKS = {"after", "before", "since", "until", "till", "once"}
_ALLEGING = {"suspect", "accuse", "charge", "want", "convict", "blame", "sentence", "implicate", "allege", "jail"}
# what a court or prosecutor acts on: a trial, charge or sentence names a past deed (no ACLED
# row codes a ruling, taxonomy.md); "blame" and "condemn" stay out: "blamed rebels for the attack"
# and "condemned them for the shelling" tell of the day's own violence
_JUDGING = {"sentence", "convict", "charge", "indict", "prosecute", "acquit", "jail", "imprison"}


@dataclass
class Region:
    root: Token
    kind: str  # "main", "reported", "relative", "temporal", "coordinate", "alleged"
    tokens: set[int] = field(default_factory=set)

    def __contains__(self, i: int) -> bool:
        return i in self.tokens


def _is_descriptive_relative(token: Token, sentence: Sentence, event_heads: set[int], anchor_heads: set[int]) -> bool:
    """A relative or participle clause about an actor or person (not a place, not an event)."""
    if token.dep_ not in {"relcl", "acl"} or token.pos_ not in {"VERB", "AUX"}:
        return False
    noun = token.head
    if sentence.place_at(noun.i) is not None or noun.i in event_heads:
        return False
    territory = lexicon.cues().territory_nouns
    if noun.lower_ in territory or noun.lemma_.lower() in territory:
        return False
    # "the groups gathered there": a participle that is itself a cue describes an earlier event;
    # other participles ("forces supported by aircraft in Tagab") are part of the telling
    if token.dep_ == "acl":
        # "Two soldiers killed in ambush near X": a headline's passive, not a description
        return token.i in anchor_heads and not bare_participle(token)
    return token.dep_ == "relcl"


def _is_place_setting(token: Token, sentence: Sentence) -> bool:
    """ "near X, where fighting has gone on since December": a relative clause about the place
    that tells a state lasting there, the setting of the news told in the main clause."""
    if token.dep_ != "relcl" or token.pos_ not in {"VERB", "AUX"} or sentence.place_at(token.head.i) is None:
        return False
    lasting = token.lemma_.lower() in {"continue", "persist", "rage"} or (token.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children))
    return lasting or any(c.dep_ == "prep" and c.lower_ == "since" for c in token.children)


def _is_allegation(token: Token) -> bool:
    """ "a man suspected of killing three people", "arrested two men … accused of ordering the
    raid": what a person is suspected of is that person's past, not the news about them."""
    return (
        token.dep_ in {"acl", "advcl"}
        and token.tag_ == "VBN"
        and token.lemma_.lower() in _ALLEGING
        and any(c.dep_ == "prep" and c.lower_ in {"of", "over", "for", "in"} for c in token.children)
    )


def _is_judged_deed(token: Token) -> bool:
    """ "A court sentenced two soldiers for the killing of a trader", "convicted three officers of
    murdering a student": the deed a court judges someone for is their past, not the day's news."""
    head = token.head
    if head.dep_ == "dobj" and token.lower_ == "of":
        head = head.head  # "convicted [three officers of murdering …]": parsed onto the object
    return token.dep_ == "prep" and token.lower_ in {"of", "for", "over", "with"} and head.i != token.i and head.pos_ == "VERB" and head.lemma_.lower() in _JUDGING


def _is_time_shift(token: Token) -> bool:
    """ "after it took control of Wad Madani in December", "as battles continue in those areas"."""
    if token.dep_ != "advcl" or token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.lemma_.lower() in {"continue", "persist", "rage"}:
        return True
    # "… rose to 11 as fighting between the rebels and militias spread along the lake": the
    # state the news is told against
    if token.lemma_.lower() in SPREADING and any(c.dep_ == "mark" and c.lower_ in {"as", "while"} for c in token.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children)


def _is_measured_before(token: Token, anchor_heads: set[int]) -> bool:
    """ "The attack came a day after a clash between A and B near X": a deed named in an "after"
    (or "before") phrase measured in days or weeks is another happening, on another day (story.py
    dates it from the main clause); not a deed named back ("two days after the attack")."""
    if token.dep_ != "prep" or token.lower_ not in {"after", "before"}:
        return False
    units = lexicon.time_words()["measure_units"]
    measured = any(c.dep_ == "npadvmod" and c.lower_ in units for c in token.children) or any(
        c.dep_ == "npadvmod" and c.lower_ in units and c.i < token.i for c in token.head.children)
    return measured and any(
        o.dep_ == "pobj" and o.i in anchor_heads and not any(d.dep_ == "det" and d.lower_ in {"the", "this", "that"} for d in o.children)
        for o in token.children)


# (and "as" with a named subject of its own, below)
_CONTRAST_MARKS = {"while", "whereas", "whilst", "as"}


def _is_own_coordinate(token: Token, sentence: Sentence) -> bool:
    """A clause with its own subject coordinated with another ("… and rebels shelled X"), or set
    against it at a place of its own ("troops bombed A, while rebels shelled B"): another
    happening ("…, while the other strike hit a group behind the area" tells the same one)."""
    if token.pos_ not in {"VERB", "AUX"} or not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children):
        return False
    if token.dep_ == "conj":
        return True
    contrast = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in token.children)
    # "… killed nine in A, as Hezbollah fired rockets at B": an "as" clause with a side of its
    # own named is another happening; "as they attacked a base" is the same men's same fight
    # (a headline's "as" clause sums up what the body tells: "Rebels seize X as air strikes kill
    # civilians in the state")
    if contrast and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        contrast = not sentence.is_headline and not any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON" for c in token.children)
    return contrast and any(sentence.place_at(t.i) is not None for t in token.subtree)


def regions_of(sentence: Sentence, statements: list[Statement], cues: list[Cue]) -> list[Region]:
    """The sentence's regions; tokens of reporting frames belong to none."""
    anchor_heads = {cue.head for cue in cues if cue.anchor}
    # "protesters who had been detained": a person named by a weak cue is still a person
    event_heads = {cue.head for cue in cues if cue.anchor and cue.strength >= 1}
    frame: set[int] = set()
    cut: dict[int, str] = {}
    same: dict[int, int] = {}
    for statement in statements:
        frame |= statement.frame
        roots = [i for i in statement.complement if sentence.doc[i].head.i not in statement.complement or sentence.doc[i].head.i == i]
        for i in roots:
            cut.setdefault(i, "reported")
        if statement.verb.lemma_.lower() in lexicon.status_words()["accusing_verbs"] or subject_told(statement.verb):
            # "accused [rebels] [of shelling …]": the accused and the deed are one happening
            same.update({i: roots[0] for i in roots[1:]})
    frame -= {i for s in statements for i in s.complement}
    for token in sentence.span:
        if token.i in cut:
            continue
        if _is_allegation(token) or _is_judged_deed(token):
            cut[token.i] = "alleged"
        elif _is_descriptive_relative(token, sentence, event_heads, anchor_heads) or _is_place_setting(token, sentence):
            cut[token.i] = "relative"
        elif _is_time_shift(token) or interrupts_a_plan(token) or _is_measured_before(token, anchor_heads):
            cut[token.i] = "temporal"
        elif _is_own_coordinate(token, sentence):
            cut[token.i] = "coordinate"
    root = sentence.span.root
    # head indices read once: walking up through Token objects (made anew by spaCy on each
    # access) for every token was most of this function's time
    heads = {token.i: token.head.i for token in sentence.span}
    regions: dict[int, Region] = {}
    for token in sentence.span:
        if token.i in frame:
            continue
        owner = token.i
        while owner not in cut and heads[owner] != owner and sentence.contains(heads[owner]):
            owner = heads[owner]
        key = same.get(owner, owner) if owner in cut else root.i
        if key not in regions:
            regions[key] = Region(sentence.doc[key], cut.get(key, "main"))
        regions[key].tokens.add(token.i)
    return [r for r in regions.values() if r.tokens]
