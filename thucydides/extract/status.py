"""Status: whether a cue describes something that happened, and how the article knows it.

Per cue (a token and its clause): negated ("have not so far tried to enter") and hypothetical
("could", "if confirmed … would") cues make no event; opinion ("expressed scepticism about …")
makes none either; vows, threats, plans and "will" make a planned event; a denial makes a denied
one; habitual or cumulative statements ("regularly carries out such raids") and dates before
the reporting window make background. For an event that happened, ``claimed`` when its only
sources are parties to the fighting speaking of their own gains, or the article says their
account could not be verified; ``reported`` otherwise (taxonomy.md, "Status of an event").
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Callable, Iterable

from thucydides.extract import dates, lexicon
from thucydides.extract.casualties import parse_number as casualty_number
from thucydides.extract.attribution import Statement

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "ROOT", "parataxis", "csubj"}


def _words() -> dict:
    return lexicon.status_words()


def interrupts_a_plan(token: Token) -> bool:
    """ "were planning to bomb a market when they were arrested", "were about to attack when
    troops intervened": the clause with its own subject that cuts a plan short happened; the plan
    did not (the plan's modality does not reach it)."""
    if token.dep_ != "advcl" or token.pos_ not in {"VERB", "AUX"}:
        return False
    # (the parse may hang the "when" on a verb coordinated with the clause's: "when troops
    # arrived and killed …")
    markers = [*token.children, *(g for c in token.children if c.dep_ == "conj" for g in c.children)]
    if not any(c.lower_ in {"when", "as", "before"} and c.dep_ in {"advmod", "mark"} for c in markers):
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return False
    # "warned residents to leave before it launched an attack": the planner's own next deed, told
    # by a pronoun in the active, is part of what it threatens, not what cut it short
    if any(c.lower_ == "before" for c in markers) and any(c.dep_ == "nsubj" and c.lower_ in {"it", "they"} for c in token.children):
        return False
    planning = _words()["planning_verbs"] | {"try", "attempt"}
    current = token.head
    # "militants were abducting villagers when troops arrived and killed four of them": a deed
    # under way, cut short by what others did, is a happening of its own as well
    if current.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in current.children):
        return True
    for _ in range(4):
        if current.lemma_.lower() in planning or _about_to(current):
            return True
        if current.head.i == current.i or current.dep_ not in {"xcomp", "acomp", "ccomp"}:
            return False
        current = current.head
    return False


def _about_to(verb: Token) -> bool:
    """ "were about to attack": "about" with an infinitive, a deed not yet done."""
    return any(c.dep_ == "acomp" and c.lower_ == "about" and any(x.dep_ == "xcomp" for x in c.children) for c in verb.children)


def _verb_chain(token: Token, limit: int = 4) -> list[Token]:
    """The token's own clause verb and the verbs it is the xcomp/complement of (up to ``limit``)."""
    chain: list[Token] = []
    current = token
    for _ in range(10):
        if current.pos_ in {"VERB", "AUX"}:
            chain.append(current)
            if len(chain) >= limit or current.dep_ not in {"xcomp", "ccomp", "conj", "pcomp", "advcl", "acomp", "acl", "csubj"} or interrupts_a_plan(current) or _tells_an_account(current) or _past_time_clause(current):
                break
        if current.head.i == current.i:
            break
        current = current.head
    return chain


def _past_time_clause(verb: Token) -> bool:
    """ "(40 people may have been killed) when gunmen attacked a village": a clause in the past
    telling when is a fact, whatever the clause it dates hedges."""
    # (or in the passive, with "when" or "after": "after two fighters were killed in a clash
    # there"; not a causal "as": "the toll could climb, as the injured were taken away")
    marks = {"when", "after", "as"} if verb.tag_ == "VBD" else {"when", "after"}
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.dep_ in {"auxpass", "aux"} and a.lower_ in {"was", "were", "had"} for a in verb.children))
    return verb.dep_ == "advcl" and past and any(m.dep_ in {"mark", "advmod"} and m.lower_ in marks and m.i < verb.i for m in verb.children)


def _tells_an_account(verb: Token) -> bool:
    """ "could not verify the group's claim that it had killed 12 soldiers": the "that"-clause
    of an account noun is what the account says; whether anyone could check it, or rejects it,
    does not make the deed hypothetical or negated (attribution.py reads that as its status)."""
    return verb.dep_ in {"acl", "ccomp", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.lemma_.lower() in _words()["report_nouns"] and any(
        m.lower_ == "that" and m.i < verb.i and (m.dep_ == "mark" or sum(1 for c in verb.children if c.dep_ == m.dep_) > 1) for m in verb.children
    )


def _clause_verb(token: Token) -> Token | None:
    current = token
    for _ in range(10):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.dep_ in {"pobj", "prep"} and current.head.lower_ in {"between", "about", "over", "on", "against"}:
            return None  # "no connection between … and the demonstrations": negation stays outside
        if current.head.i == current.i:
            return current
        current = current.head
    return None


def _has_negation(verb: Token) -> bool:
    return _negated_verb(verb) or _negative_subject(verb)


def _negated_verb(verb: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ in {"never"} for child in verb.children)


def _negative_subject(verb: Token) -> bool:
    """ "no one was hurt", "no casualties were reported": what the clause says did not happen is
    its subject's part."""
    words = _words()
    return any(
        child.dep_ in {"nsubj", "nsubjpass"}
        and (child.lower_ in words["negative_subjects"] or any(d.lower_ in {"no", "neither"} and d.dep_ == "det" for d in child.children))
        for child in verb.children
    )


def negated(token: Token, *, attempt_happens: bool = False) -> bool:
    """ "did not attack", "no clashes were reported", "nobody was killed", "have not tried to enter".

    ``attempt_happens``: the cue is an assault, which a failed attempt still is ("tried but
    failed to storm a police station" stormed at it; "failed to take the town" took nothing)."""
    if any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in token.children):
        return True
    if any(c.dep_ == "neg" for c in token.children):
        return True
    # "police banned a rally", "the march was prohibited": forbidden, not held
    if token.dep_ in {"dobj", "nsubjpass"} and token.pos_ == "NOUN" and token.head.lemma_.lower() in _words().get("prohibiting_verbs", ()):
        return True
    verb = _clause_verb(token)
    if verb is None:
        return False
    # the verb's negation reaches its own arguments, and nouns reached through a word of
    # knowing or claiming ("have not claimed responsibility for the strikes"), not any noun
    # of the clause ("a reason for the demonstration was not reported")
    if _negated_verb(verb) and _argument_of(token, verb):
        return True
    # "no one was hurt in the attack", "no casualties were reported in the shelling of X": the
    # attack happened; only the harm (or the report of it) did not. "Nobody attacked the post",
    # "no group has claimed responsibility for the bombing" deny the deed or its claim.
    if _negative_subject(verb) and _argument_of(token, verb) and not _setting_of(token, verb):
        return True
    # "have not so far tried to enter", "failed to take"
    for parent in _verb_chain(verb)[1:]:
        # (not what sets the attempt: "failed to take the town after a day of fighting" fought)
        failed = parent.lemma_ == "fail" and not attempt_happens
        if token.dep_ != "ROOT" and verb.dep_ == "xcomp" and (_has_negation(parent) or failed or parent.lemma_ in {"refuse", "decline", "reject"}) and _argument_of(token, verb):
            return True
    # "foiled a plot to bomb a church", "prevented the militants from attacking the base": the
    # deed a verb of thwarting stopped was not done (the thwarting is the event)
    thwarting = _words().get("thwarting_verbs", ())
    if verb.dep_ in {"xcomp", "pcomp"} and _argument_of(token, verb):
        parent = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "from" else verb.head
        if parent.lemma_.lower() in thwarting:
            return True
    # "civilians who had nothing to do with the fighting": what someone is said to have no part
    # in is named, not told (a denial of a link, not an event)
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lemma_ == "do":
        holder = token.head.head
        if holder.dep_ == "relcl" and holder.head.lower_ in {"nothing", "anything"}:
            return True
    # "carried no reports of military operations"
    current = token
    while current.dep_ == "pobj" and current.head.lower_ == "of" and current.head.head.pos_ == "NOUN":
        noun = current.head.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return True
        current = noun
    return False


def _setting_of(token: Token, verb: Token) -> bool:
    """The token lies in a prepositional phrase of the verb that sets where or in what it
    happened ("in the attack", "during the raid"), not in its subject or object."""
    current = token
    while current.head.i != verb.i and current.head.i != current.i:
        current = current.head
    return current.dep_ == "prep" and current.lower_ in {"in", "during", "from", "at"}


def _demanded_stop(token: Token) -> bool:
    """The cue is what a demand asks to stop: "should stop attacks that kill civilians", "must end
    abuses by their forces" (a recommendation, not a report of the attacks)."""
    words = _words()
    current = token
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            return False
        # what is to stop is the verb's object or subject ("attacks … must stop"), not a place
        # or time of it
        if current.dep_ in {"dobj", "nsubj", "nsubjpass"} and head.lemma_.lower() in words["stopping_verbs"]:
            return any(c.dep_ == "aux" and c.lower_ in words["obligation_auxiliaries"] for c in head.children)
        current = head
    return False


# verbs of getting together or ready, whose "for" names what is to come ("gathering for an attack")
_GATHERING = {"gather", "mass", "assemble", "regroup", "prepare", "mobilise", "mobilize", "muster", "ready", "position"}
# (a crowd gathering for a protest is at the protest: only an assault is to come)
_ASSAULT_NOUNS = {"attack", "assault", "offensive", "raid", "ambush", "incursion", "push", "counteroffensive", "counter-offensive", "operation"}
_NOT_YET = {"planned", "intended", "threatened", "possible", "potential", "future", "imminent", "upcoming", "expected", "feared"}


def modality(token: Token, statements: Iterable[Statement]) -> str | None:
    """ "planned" (will, vowed to, threatened to) or "hypothetical" (could, might, if …), else None."""
    words = _words()
    verb = _clause_verb(token) or token
    # "by burning villages" misparsed as a participle describing "villages": the gerund's
    # clause is the one the preposition hangs from ("vowed to avenge … by burning villages")
    if token.tag_ == "VBG" and token.dep_ == "amod" and token.head.dep_ == "pobj" and token.head.head.lower_ in {"by", "through"}:
        verb = _clause_verb(token.head.head.head) or verb
    reported = any(verb.i in s.complement for s in statements)
    chain = _verb_chain(verb)
    if asked(verb) or _demanded_stop(token):
        return "hypothetical"
    if _averted_in_hindsight(token, verb):
        return None
    for n, current in enumerate(chain):
        for child in current.children:
            lower = child.lower_
            if child.dep_ in {"aux", "auxpass"}:
                # "would have been killed", "Had the bomb exploded, …": what did not happen
                if lower == "would" and any(c.dep_ == "aux" and c.lower_ == "have" for c in current.children):
                    return "hypothetical"
                if lower == "had" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > child.i for c in current.children):
                    return "hypothetical"  # (inverted: "had it exploded", "Had the bomb gone off")
                if lower in words["future_auxiliaries"]:
                    return "planned"
                # "the commander said the rebels would march on X", "warned that it would bomb
                # X (if …)": a plan or a threat; "… said the rebels would march on X if the
                # talks fail": a condition, as hypothetical as "could"
                vowed = any(v.lemma_.lower() in words["planning_verbs"] for v in chain[1:])
                if lower == "would" and (vowed or (reported and not _conditional(chain))):
                    return "planned"
                if lower in words["hypothetical_auxiliaries"] and lower not in {"can", "must", "should"}:
                    return "hypothetical"
            if child.dep_ == "mark" and lower in {"if", "unless", "whether"}:
                return "hypothetical"
            if child.dep_ == "advmod" and lower in {"probably", "possibly", "perhaps", "likely"}:
                return "hypothetical"
            # "fighting was unlikely to resume", "an attack is possible"
            if child.dep_ == "acomp" and lower in {"unlikely", "likely", "possible", "liable"}:
                return "hypothetical"
        # "vowed to resist", "threatened to attack"; "a ceasefire is expected" — not a verb the
        # cue's verb is coordinated with ("two factions, called A and B, clashed")
        coordinated = n > 0 and chain[n - 1].dep_ == "conj" and chain[n - 1].head.i == current.i
        if current.lemma_.lower() in words["planning_verbs"] and (n or current.i != token.i) and not coordinated:
            return "planned"
        # "is going to attack", "are set to march"
        if current.lemma_ in {"go", "set", "due"} and any(c.dep_ == "xcomp" for c in current.children) and current.tag_ == "VBG":
            return "planned"
        # "the army is set to launch an assault", "rebels were poised to enter the town"
        if current.lemma_.lower() in {"set", "poise"} and current.tag_ == "VBN" and any(c.dep_ == "xcomp" for c in current.children) and any(c.dep_ in {"auxpass", "aux"} and c.lemma_ == "be" for c in current.children):
            return "planned"
        # "were about to attack the post": not done
        if n and _about_to(current):
            return "planned"
    # "ahead of possible raids", "a planned offensive": an event not (yet) done
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _NOT_YET for c in token.children):
        return "planned"
    # "with a rally planned in X", "a march scheduled for Friday": a participle of planning after the noun
    if token.pos_ == "NOUN" and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in {"plan", "schedule", "expect", "slate"} for c in token.children):
        return "planned"
    # "told residents to leave ahead of an assault on the town": what is to come
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "ahead":
        return "planned"
    # "fighters were gathering for an attack on troops", "massed for an assault": what armed
    # men gather or get ready for is to come
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_.lower() in _GATHERING and token.lemma_.lower() in _ASSAULT_NOUNS:
        return "planned"
    # "leave the town or face an attack": the threat of an ultimatum (not "faced an attack")
    if token.dep_ == "dobj" and token.head.lemma_.lower() in {"face", "risk"} and token.head.tag_ == "VB":
        return "planned"
    # "plans to seize", "a threat to attack": a noun of intention governing the cue (an attempt
    # made is an event: "several attempts to attack the camp")
    if token.head.lemma_.lower() in {"plan", "threat", "bid", "intention", "vow", "promise", "commitment", "pledge", "readiness", "determination", "call", "plot", "conspiracy", "scheme"} and token.dep_ in {"xcomp", "acl", "pobj", "relcl"}:
        return "planned"
    return None


def _averted_in_hindsight(token: Token, verb: Token) -> bool:
    """ "the raid could have been avoided", "the killings might have been prevented": a modal
    perfect of averting whose subject is the deed looks back on a deed that happened (not "an
    attack could be prevented", nor "could have attacked")."""
    if verb.lemma_.lower() not in _words().get("averting_verbs", ()) or token.dep_ not in {"nsubj", "nsubjpass"} or token.head.i != verb.i:
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return "have" in auxes and any(a in _words()["hypothetical_auxiliaries"] for a in auxes)


def _conditional(chain: list[Token]) -> bool:
    """A verb of the chain is qualified by an "if"/"unless" clause."""
    return any(
        child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in child.children)
        for verb in chain
        for child in verb.children
    )


def asked(verb: Token) -> bool:
    """ "Will the militants attack X?", "Did the army shell the camp?": a yes/no question (its
    auxiliary before its subject, a question mark closing it) asks whether it happens. A question
    about who or when ("Who attacked the camp?") takes the deed as done, and is not one."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    auxiliary = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"}), None)
    if subject is None or auxiliary is None or auxiliary.i > subject.i:
        return False
    for later in verb.doc[verb.i + 1 :]:
        if later.text in {".", "!", "?"}:
            return later.text == "?"
    return False


def remembered(token: Token) -> bool:
    """The cue lies in what an anniversary or a memorial recalls ("marked the anniversary of the
    siege in which militants occupied the city"): history, whatever the day it is marked."""
    nouns = _words()["remembrance_nouns"]
    current = token
    for _ in range(12):
        if current.head.i == current.i:
            return False
        parent = current.head
        # "the anniversary of the siege", "a commemoration ceremony for residents killed in 2014"
        recalling = parent.lower_ in nouns or any(c.dep_ == "compound" and c.lower_ in nouns for c in parent.children)
        if recalling and current.dep_ in {"prep", "pobj", "acl", "relcl"}:
            return True
        current = parent
    return False


def long_before(token: Token) -> bool:
    """The cue lies in what happened a span before the clause it is told in, longer than the
    reporting window: "two years after militants seized X, residents …", "three months after
    rebels captured X, the army …" (history; "two days after the attack" is not)."""
    current = token
    for _ in range(8):
        after = current if current.lower_ == "after" else next((c for c in current.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        if after is not None and after.i < token.i:
            spans = [c for holder in (current, after, after.head) for c in holder.children if c.dep_ == "npadvmod" and c.i < after.i]
            if any(span_days(span) > dates.window_days() for span in spans):
                return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def since_then(token: Token) -> bool:
    """The cue is told as what a span is counted from, or as a tally over one: "the worst setback
    since the fall of X" (the fall is an earlier happening the clause refers to), "the campaign
    has since killed 39,000 people", "thousands have been killed in the conflict since" (a total
    from an earlier time, not one event)."""
    verb = _clause_verb(token) or token
    if any(c.lower_ == "since" and c.dep_ == "advmod" for c in verb.children):
        return True
    # "hundreds of civilians have been killed in the region since the coup": a perfect counted
    # from a happening (not from a day: "have been killed since Sunday")
    if any(a.dep_ == "aux" and a.lower_ in {"has", "have", "had"} for a in verb.children) and any(
            c.lower_ == "since" and c.dep_ == "prep" and any(o.dep_ == "pobj" and not dates.is_time_word(o.text) for o in c.children)
            for c in verb.children):
        return True
    # "Since then it has taken control of nine townships": a perfect counted from the happening
    # just told (not "since Sunday", a day of the news)
    if any(a.dep_ == "aux" and a.lower_ in {"has", "have", "had"} for a in verb.children) and any(
            c.lower_ == "since" and c.dep_ == "prep" and any(o.lower_ == "then" for o in c.children) for c in verb.children):
        return True
    # "… killed in the conflict since, according to …" (the parse may hang a bare "since" on
    # the next clause): "since" with no object, closing the clause
    doc = verb.doc
    if any(t.lower_ == "since" and t.i + 1 < len(doc) and doc[t.i + 1].is_punct and t.i > verb.i for t in verb.subtree):
        return True
    current = token
    for _ in range(8):
        if current.head.i == current.i or current.pos_ in {"VERB", "AUX"}:
            return False
        parent = current.head
        if parent.lower_ == "since" and parent.dep_ == "prep" and current.dep_ == "pobj":
            return True
        current = parent
    return False


# a whole conflict, not one episode of it: "the war has killed 40,000 people" is its running toll
# (an episode's noun, "fighting", "clashes", "violence", leads current news: "fighting has killed
# 12 people in X" is kept)
_WHOLE_CONFLICTS = {"war", "conflict", "insurgency", "rebellion", "uprising", "jihad", "civil war", "crisis"}


def conflict_tally(verb: Token) -> bool:
    """ "The conflict has killed more than 40,000 people", "the insurgency has left thousands
    dead", "the war killed half a million": a whole war told as the subject of its dead is its
    toll, a tally of many events (the caller keeps a clause that names a day)."""
    if verb.lemma_.lower() not in {"kill", "leave", "claim"}:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    words = subject.lemma_.lower()
    if any(c.dep_ == "compound" for c in subject.children):
        words = " ".join(t.lemma_.lower() for t in subject.subtree if t.dep_ == "compound" or t.i == subject.i)
    return words in _WHOLE_CONFLICTS or subject.lemma_.lower() in _WHOLE_CONFLICTS


def span_days(unit: Token) -> int:
    """The days a time unit spans ("three months": 90), 0 for no unit."""
    units = lexicon.time_words()["units_days"]
    days = units.get(unit.lower_)
    if days is None:
        return 0
    number = next((c for c in unit.children if c.dep_ == "nummod"), None)
    count = casualty_number(number.text) if number is not None else 1
    return int(days) * (count or 1)


def in_opinion(token: Token, located: Callable[[Token], bool] = lambda token: False) -> bool:
    """The cue is what someone believes, fears or doubts, or the object of scepticism.

    ``located`` tells whether a token is a place of the sentence: an accusation of one deed done
    at a named place ("accused rebels of shelling a hospital in X") tells an event, one of a
    conduct ("accuse the police of torture and arbitrary arrests") is a view."""
    words = _words()
    current = token
    for _ in range(12):
        if current.head.i == current.i:
            return False
        parent = current.head
        # (not the time a view is held from: "missing and feared dead after a militant attack")
        timed = current.dep_ == "prep" and current.lower_ in {"after", "following", "since", "during"}
        if parent.pos_ in {"VERB", "AUX"} and parent.lemma_.lower() in words["opinion_verbs"] and current.dep_ in {"ccomp", "xcomp", "dobj", "prep", "advcl"} and not timed:
            if parent.lemma_.lower() in words["accusing_verbs"] and _one_deed_at_a_place(current, located):
                return False
            # (an accusation is read above: "accused soldiers of the attack" may be denied)
            if parent.lemma_.lower() in words["blaming_verbs"] - words["accusing_verbs"] and _told_deed(token):
                return False
            if _hedged_report(parent, current) or _describes_its_subject(parent):
                return False
            return True
        if parent.lower_ in words["opinion_nouns"] and current.dep_ in {"prep", "pobj", "acl"}:
            return True
        # "rumours of an imminent attack on X": hearsay of a deed ("rumours that …" are an
        # account, which attribution.py reads)
        if parent.lemma_.lower() in {"rumour", "rumor"} and current.dep_ == "prep" and current.lower_ in {"of", "about"}:
            return True
        current = parent
    return False


def _told_deed(token: Token) -> bool:
    """ "police suspect the BLA of carrying out the bombing", "blamed rebels for the raid on a
    market": a deed named with "the" is one that happened; who did it is the guess (a deed named
    bare, "suspected of planning attacks", "accused of torture", stays a view)."""
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in token.children)


def _hedged_report(verb: Token, clause: Token) -> bool:
    """ "the jihadists are believed to have killed ten herders", "are thought to have seized the
    town", "were believed killed": a passive of belief with a perfect infinitive or a past
    participle tells a deed done, its author or toll hedged (ACLED codes it), not a fear or a
    view."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    perfect = clause.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "have" for c in clause.children)
    # "are suspected of having killed eleven farmers": the same hedge with "of having"
    of_having = clause.dep_ == "prep" and clause.lower_ == "of" and any(
        c.dep_ == "pcomp" and any(a.lower_ == "having" for a in c.children if a.dep_ == "aux") for c in clause.children)
    # "three militiamen were believed killed in fighting near X": the passive with a past
    # participle hedges the victims' fate, not whether the fighting took place
    participle = clause.dep_ == "xcomp" and clause.tag_ == "VBN"
    return passive and (perfect or of_having or participle)


def _describes_its_subject(verb: Token) -> bool:
    """ "A girl believed to be about 12 detonated explosives", "a man thought to be a commander was
    killed": a participle of belief right after its noun, with "to be" and no auxiliary, describes
    who the person is (a reduced relative the small model parses as the main verb); the deed told
    next is no one's view."""
    doc = verb.doc
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "to" or doc[verb.i + 2].lemma_.lower() != "be":
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    subject = doc[verb.i - 1] if verb.i > 0 else None
    return subject is not None and subject.pos_ in {"NOUN", "PROPN"} and subject.dep_ in {"nsubj", "nsubjpass"} and subject.head.i == verb.i


def _one_deed_at_a_place(phrase: Token, located: Callable[[Token], bool]) -> bool:
    """ "(accused rebels) of shelling a hospital in X": the "of" phrase holds a deed (a verb)
    with a place of its own, in a phrase on the deed or its object, not through another verb
    ("of driving women to seek refuge in X" names where they fled, not where it was done)."""
    # the "of" phrase on the verb, or on the accused ("accused [rebels of shelling …]")
    of = phrase if phrase.dep_ == "prep" else next((c for c in phrase.children if c.dep_ == "prep"), None)
    if of is None or of.lower_ != "of":
        return False
    deed = next((c for c in of.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
    if deed is None:
        return False
    for token in deed.subtree:
        if not located(token):
            continue
        current = token
        while current.i != deed.i and current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
            current = current.head
        if current.i == deed.i:
            return True
    return False


_LATEST_OF_MANY = re.compile(r"\b(?:the\s+)?(?:latest|newest|most\s+recent)(?:\s+(?:one|incident|attack|such\s+\w+))?\s+in\s+(?:a|an|the)\s+(?:\w+\s+)?(?:series|string|wave|spate|spree|chain|run)\s+of\b")


def _repeats_over_a_period(lower: str, words: dict) -> bool:
    """ "The station has been attacked eleven times this year": a count of repeats followed by
    the period they fall in is a tally (not "fired three times at the car", one deed's shots)."""
    for repeat in words.get("repeat_words", ()):
        for match in re.finditer(rf"\b{re.escape(repeat)}\b", lower):
            after = lower[match.end() :].lstrip()
            if any(after.startswith(period) for period in words.get("repeat_periods", ())):
                return True
    return False


def habitual(text: str, tokens: Iterable[Token], *, dated: bool = False, placed: bool = False) -> bool:
    """Generic or cumulative statements: "regularly carries out such raids", "in recent years".
    ``dated``: the clause names its own day ("fighting continued in X on Sunday"); ``placed``: it
    names a place of its own ("heavy fighting continued around X": told in the past, the news
    of the report's days there, not a state that goes on)."""
    words = _words()
    # "…, the latest in a series of attacks on schools": one deed of a series is that deed, told
    # as the newest of many (not the tally of the series)
    lower = _LATEST_OF_MANY.sub(" ", text.lower())
    if any(lexicon.find_phrase(phrase, lower) for phrase in words["habitual_phrases"]):
        return True
    if _repeats_over_a_period(lower, words):
        return True
    going_on = set() if dated else words["ongoing_words"]
    for token in tokens:
        # "has been under the control of X for more than a decade": a state that has lasted
        # longer than the reporting window is the setting, not the day's news
        # (a perfect: "extended the curfew for another week" is the day's measure)
        perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in token.head.children)
        if not dated and perfect and token.lower_ == "for" and token.dep_ == "prep" and any(span_days(unit) > dates.window_days() for unit in token.children if unit.dep_ == "pobj"):
            return True
        # "as battles continue in those areas" (advcl): a state that goes on, not one event
        if placed and token.lower_ in going_on and _simple_past(token) and not any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
            continue
        if token.dep_ == "amod" and token.head.lower_ in words["duty_nouns"]:
            continue  # "on routine patrol": the duty's kind, not a habit of the event
        if (token.lower_ in words["habitual_words"] or token.lower_ in going_on) and token.dep_ in {"advmod", "amod", "ROOT", "xcomp", "conj", "ccomp", "aux", "advcl"}:
            return True
        # "has been bombing", "have been attacking": an ongoing campaign, not one event (unless
        # the clause names a day: "… has been going on for weeks in X, where soldiers were killed
        # on Monday" tells Monday's)
        if not dated and token.tag_ == "VBG" and any(c.lower_ == "been" for c in token.children) and any(c.lower_ in {"has", "have"} for c in token.children):
            return True
    return False


def is_present_habit(verb: Token) -> bool:
    """A present-tense action verb outside a headline ("Al-Shabab launches attacks"): generic."""
    return verb.tag_ in {"VBZ", "VBP"} and verb.lemma_.lower() not in {"be", "have", "say", "tell", "report", "claim", "accuse"}


def unverified(article_text: str) -> bool:
    lower = article_text.lower()
    return any(marker in lower for marker in _words()["unverified_markers"])


def party_release(article_text: str) -> bool:
    """The text is a party's own release: its first two lines name a release and a party."""
    words = _words()
    head = " ".join([line for line in article_text.lower().split("\n") if line.strip()][:2])
    tokens = set(re.findall(r"[\w-]+", head))
    return any(w in head for w in words["release_words"]) and bool(tokens & (words["party_words"] - {"statement"}))


def report_status(
    chains: list[list[Statement]], corroborated: bool, article_unverified: bool, self_claim: bool, party_author: bool = False
) -> str:
    """claimed / denied / reported for an event that happened, from the statements behind it.

    ``chains``: the statement chains of the event's mentions (innermost first); ``self_claim``:
    the event is a gain of a side whose member says it (a takeover, enemies killed).
    """
    inner = [chain[0] for chain in chains if chain]
    # "denies the allegations relayed by X, claiming that …": a claim told inside its denial
    if inner and all(any(s.kind == "deny" for s in chain) for chain in chains if chain):
        return "denied"
    if not inner:
        # (a party's own release claims what it tells)
        return "claimed" if party_author else "reported"
    if corroborated:
        return "reported"
    if any(s.kind == "claim" for s in inner):
        return "claimed"
    # the article says the accounts could not be checked: what no neutral witness tells is a
    # claim, whoever relays it ("the region's information centre", an official)
    if article_unverified and not any(s.is_neutral for s in inner):
        return "claimed"
    parties = [s for s in inner if s.is_party]
    if len(parties) == len(inner) and self_claim:
        return "claimed"
    return "reported"


_OUTCOME_VERBS = {"leave", "kill", "claim", "wound", "injure", "rage", "continue", "force", "displace", "destroy"}


def _simple_past(verb: Token) -> bool:
    """A main verb in the simple past ("left", "continued"), not a perfect, a present or a clause
    hanging from another ("as fighting continued")."""
    return verb.tag_ == "VBD" and verb.dep_ in {"ROOT", "conj", "ccomp"} and not any(
        c.dep_ in {"aux", "mark"} for c in verb.children)


_QUANTIFYING = {"several", "many", "numerous", "frequent", "dozens", "hundreds", "scores", "such", "repeated", "recent", "multiple", "various", "countless", "more"}
_AMOUNT_VERBS = {"rise", "increase", "surge", "soar", "double", "triple", "decline", "decrease", "fall", "drop", "grow", "spike", "rocket"}
_TREND_VERBS = {"increase", "intensify", "step", "escalate", "continue", "mount", "stage", "launch", "carry", "conduct", "resort", "use"}


def generic_perfect(anchors: list[Token]) -> bool:
    """Every cue is a verb in the present perfect done to a bare plural ("have abducted civilians
    for ransom and attacked officials of the ruling party"): a record of conduct, not one event.
    (The caller keeps a clause that names a day or a place.)"""
    verbs = [token for token in anchors if token.pos_ == "VERB"]  # not a cue's preposition ("for ransom")
    if not verbs:
        return False
    for token in verbs:
        # (a second verb sharing the auxiliary is often tagged as a past: "and attacked officials")
        verb = token.head if token.dep_ == "conj" and token.head.pos_ == "VERB" else token
        if verb.tag_ != "VBN" or token.tag_ not in {"VBN", "VBD"} or not any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children):
            return False
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if not objects or any(o.tag_ not in {"NNS", "NNPS"} or any(c.dep_ in {"det", "poss", "nummod"} or c.like_num for c in o.children) for o in objects):
            return False
    return True


def generic_nouns(anchors: list[Token]) -> bool:
    """Every cue is a plural event noun with no determiner or with a vague quantity ("kidnappings",
    "several recent incidents", "increased offensives"): talk of a pattern, not of one event."""
    if not anchors:
        return False
    # (a cue's own preposition, "kidnappings for ransom", is told with its noun)
    heads = {token.i for token in anchors}
    anchors = [token for token in anchors if not (token.pos_ == "ADP" and token.head.i in heads)] or anchors
    for token in anchors:
        if token.tag_ not in {"NNS", "NNPS"}:
            return False
        # "there were heavy casualties", "several arrests were made": statements that it happened
        if token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children):
            return False
        if token.dep_ == "nsubjpass" or (token.dep_ == "nsubj" and token.head.lemma_.lower() in {"occur", "happen", "erupt", "break", "take"}):
            return False
        # "clashes in X left five dead", "clashes raged around X": a simple past telling what the
        # fighting did is one happening told (a record of many takes a perfect or a span)
        if token.dep_ == "nsubj" and _simple_past(token.head) and token.head.lemma_.lower() in _OUTCOME_VERBS:
            return False
        # (the parse may hang that past on the noun: "fierce clashes between A and B left 14 dead
        # …, an official said", the clashes made the speaker's subject)
        if any(c.dep_ == "acl" and c.tag_ == "VBD" and c.lemma_.lower() in _OUTCOME_VERBS and any(d.dep_ == "dobj" for d in c.children) for c in token.children):
            return False
        # "munitions loaded with toxic chemicals", "shells filled with chlorine": what a weapon
        # held, named through the participle describing it, is no talk of a pattern
        if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.dep_ == "acl" and token.head.head.tag_ == "VBN":
            return False
        children = list(token.children)
        # ("a barrage of rockets": the volley's determiner counts its rockets as one firing)
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _words().get("volley_nouns", ()):
            children = children + list(token.head.head.children)
        determined = any(c.dep_ in {"det", "poss", "nummod"} and c.lower_ not in _QUANTIFYING for c in children)
        quantified = any(c.lower_ in _QUANTIFYING for c in children)
        trend = token.dep_ in {"dobj", "pobj"} and (token.head.lemma_.lower() in _TREND_VERBS or token.head.head.lemma_.lower() in _TREND_VERBS)
        # "kidnappings have risen sharply", "attacks increased": a count of them changing
        trend = trend or (token.dep_ == "nsubj" and token.head.lemma_.lower() in _AMOUNT_VERBS)
        if determined and not quantified:
            return False
        if not (quantified or trend or not determined):
            return False
    return True


_KNOWLEDGE_NOUNS = {"responsibility", "report", "reports", "sign", "signs", "evidence", "word", "news", "information", "confirmation", "details"}


def _argument_of(token: Token, verb: Token) -> bool:
    if token.i == verb.i:
        return True
    current = token
    for _ in range(6):
        if current.head.i == verb.i:
            return current.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "xcomp", "ccomp", "oprd", "acomp", "expl", "advcl", "conj", "prep", "agent", "npadvmod", "advmod", "prt"} and (
                current.dep_ != "prep" or current.lower_ in {"in", "at", "on", "near", "into", "to", "by", "with"}
            )
        head = current.head
        if current.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() not in _KNOWLEDGE_NOUNS and head.head.i != verb.i:
            return False
        current = head
    return False
