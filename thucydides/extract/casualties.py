"""Fatalities by ACLED's rules: counted deaths in a sentence, never injuries or "casualties".

A count is a number (digits, number words, "a"/"the" before a singular victim) or a vague word
("several" 3, "dozens" 12, "hundreds" 100…) tied by the parse to a death word: the subject or
object of "kill"/"die", a noun with "dead", a death noun ("fatalities", "bodies"), or a conjunct
of such a count ("killing eight officers and five investigators" = 13). Ranges keep low/high and
count the lowest. Injury counts are kept only as words (count 0). Which counts belong to an event
is decided by events.py (the event's clause; the lowest of conflicting figures across sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable, Sequence

from thucydides.extract import lexicon
from thucydides.extract.dates import MONTH_NAMES
from thucydides.extract.sentences import Sentence, bare_participle
from thucydides.model import Fatalities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NUMBER_DEPS = {"nummod", "quantmod", "amod", "det", "advmod", "compound", "npadvmod"}
_SINGULAR_PRONOUNS = {"him", "her", "he", "she"}


@dataclass(frozen=True, slots=True)
class Count:
    kind: str  # "death" or "injury"
    value: int
    low: int | None
    high: int | None
    text: str
    start: int  # article offsets of the words
    end: int
    target: int  # token index of the counted noun (or the number itself)
    vague: bool = False
    # a fight's toll summed from both sides' dead (``both_sides``): each side's figure and text
    parts: tuple[tuple[int, str], ...] = ()


def _words() -> dict:
    return lexicon.casualty_words()


def parse_number(text: str) -> int | None:
    """ "12", "6,000", "twelve", "forty-one", "one hundred and sixty four", "a dozen" → int."""
    words = _words()
    cleaned = text.lower().replace(",", "").replace("-", " ").strip()
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    if re.fullmatch(r"\d+\.\d+", cleaned):
        return None
    total, current, seen, half = 0, 0, False, False
    for word in cleaned.split():
        if word in {"and", "of"}:
            continue
        if word == "half" and not seen:
            half = True  # "half a dozen"
            continue
        if re.fullmatch(r"\d+", word):
            current += int(word)
            seen = True
        elif word in words["numbers"]:
            current += int(words["numbers"][word])
            seen = True
        elif word in words["multipliers"]:
            current = max(current, 1) * int(words["multipliers"][word])
            if int(words["multipliers"][word]) >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    if half:
        return (total + current) // 2 if seen and total + current >= 2 else None
    return total + current if seen else None


# "twenty-three": a tens word and a unit joined by a hyphen are one number
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


def _number_tokens(target: Token) -> list[Token]:
    """The tokens of the number that counts ``target`` (its modifiers to the left)."""
    tokens = [c for c in target.children if c.dep_ in _NUMBER_DEPS and c.i < target.i]
    for token in list(tokens):
        tokens.extend(t for t in token.subtree if t.i < target.i and t not in tokens)
    return sorted(tokens, key=lambda t: t.i)


def _read_count(target: Token) -> tuple[int, int | None, int | None, bool] | None:
    """(count, low, high, vague) of the number phrase counting ``target``."""
    words = _words()
    vague = words["vague"]
    # "a 71-year-old man", "a two-month-old girl": an age, not how many; "3 May": a day
    # "an unknown number of bandits": no count at all (ACLED adds nothing for it)
    if any(c.dep_ == "amod" and c.lower_ in words["unknown_words"] for c in target.children):
        return None
    # "denied that any Taliban fighter had been killed": "any" counts no one, it is the whole a
    # denial or a question covers
    if any(c.dep_ == "det" and c.lower_ == "any" for c in target.children):
        return None
    # "killed a group of terrorists": a body of people of a plural noun, not one person
    if target.lower_ in words["collective_nouns"] and all(t.lower_ in {"a", "an"} for t in _number_tokens(target)) and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(o.tag_ == "NNS" for o in p.children) for p in target.children):
        return int(vague.get("several", 3)), None, None, True
    # "without giving a toll", "gave no figure": a toll is a number, not one dead person
    if target.lower_ in {"toll", "tally", "figure", "count"} and not any(t.like_num for t in _number_tokens(target)):
        return None
    # "a score of villagers were killed", "a dozen died": the counting word heads the phrase
    if target.lower_ in words["multipliers"] and any(c.dep_ in {"det", "nummod"} for c in target.children):
        value = parse_number(" ".join(t.text for t in [*_number_tokens(target), target]))
        return (value, None, None, False) if value is not None else None
    modifiers = [t for t in _number_tokens(target) if not _in_age(t) and not _in_date(t)]
    numbers = [t for t in modifiers if t.like_num or t.lower_ in words["numbers"] or t.lower_ in words["multipliers"]
               or (t.lower_ == "half" and t.i + 2 < len(t.doc) and t.doc[t.i + 2].lower_ in words["multipliers"])]
    # "a few soldiers", "a number of civilians": the article belongs to the vague word
    numbers = [t for t in numbers if not (t.lower_ in {"a", "an"} and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in vague)]
    # "between 10 and 30", "10 to 30", "20-25"
    values: list[int] = []
    run: list[Token] = []
    for token in numbers + [None]:  # type: ignore[list-item]
        between = token.doc[run[-1].i + 1 : token.i].text.strip().lower() if token is not None and run else ""
        if token is not None and (not run or token.i == run[-1].i + 1 or between in {"and", "-"} and token.lower_ in words["multipliers"]
                                  or between == "-" and run[-1].lower_ in _TENS):
            run.append(token)
            continue
        if run:
            value = parse_number(" ".join(t.text for t in run))
            if value is not None:
                values.append(value)
        run = [token] if token is not None else []
    if values:
        values = [v for v in values if v > 0] or values
        low, high = min(values), max(values)
        return low, (low if high != low else None), (high if high != low else None), False
    text = " ".join(t.lower_ for t in modifiers)
    for phrase, value in sorted(vague.items(), key=lambda p: -len(p[0])):
        if lexicon.find_phrase(phrase, text):
            return int(value), None, None, True
    # "the number killed", "the number of dead": a tally named, not "a number of" people
    if target.lower_ == "number" and any(c.dep_ in {"det", "poss"} and c.lower_ != "a" for c in target.children):
        return None
    if target.lower_ in vague:  # "dozens were killed"
        return int(vague[target.lower_]), None, None, True
    if target.like_num or target.lower_ in words["numbers"]:
        value = parse_number(target.text)
        return (value, None, None, False) if value is not None else None
    # "a man was killed", "killing the driver", "killed him"
    if target.lower_ in _SINGULAR_PRONOUNS:
        return 1, None, None, False
    if target.tag_ in {"NN", "NNP"} and _is_person(target) and any(c.dep_ in {"det", "poss"} for c in target.children):
        return 1, None, None, False
    # "air strikes killed militants", "protesters were shot dead": people in the plural with no
    # number, ACLED's vague plural (taxonomy.md: 3); not "the soldiers" (told before) nor a
    # conjunct of a counted noun ("five soldiers and civilians")
    if target.tag_ == "NNS" and _is_person(target) and not any(c.dep_ in {"det", "poss", "nummod", "amod", "quantmod"} and (c.dep_ != "amod" or c.like_num) for c in target.children) and target.dep_ != "conj" and not any(c.dep_ == "conj" for c in target.children):
        return int(vague.get("several", 3)), None, None, True
    # "killed Ahmed Farah, a local councillor", "Maria Lopez was shot dead": a person named
    # (a name of two words or more, or one described by a singular noun)
    if target.tag_ == "NNP" and any((c.dep_ == "appos" and c.tag_ == "NN") or (c.dep_ == "compound" and c.tag_ == "NNP" and c.i == target.i - 1) for c in target.children):
        return 1, None, None, False
    return None


# a marker of another story opens its sentence ("Separately, …", "On Tuesday, meanwhile, …");
# further on it tells of something else ("… over an unrelated land dispute")
_STORY_MARKER_WORDS = 3
_AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}


def _in_date(token: Token) -> bool:
    """A day or a month of a date ("3 May", "May 3", "May 2020"), not a count."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.like_num:
        return any(t is not None and t.lower_ in MONTH_NAMES and t.text[:1].isupper() for t in (before, after))
    if token.lower_ in MONTH_NAMES and token.text[:1].isupper():
        return any(t is not None and t.like_num for t in (before, after))
    return False


def _in_age(token: Token) -> bool:
    """A word of an age phrase ("71-year-old", "a 71 year old"): the number and its unit."""
    doc = token.doc
    window = doc[token.i : min(len(doc), token.i + 5)]
    words = [t.lower_ for t in window if t.text not in {"-", "–"}]
    return len(words) >= 3 and words[1] in _AGE_UNITS and words[2] == "old" and (token.like_num or token.lower_ in _words()["numbers"])


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _harm_of_verb(verb: Token, role: str | None = None) -> str | None:
    """death/injury of a verb, or of a verb coordinated with it ("were shot and killed").
    ``role``: the counted noun's dependency on ``verb``."""
    harm = _harm_of_one_verb(verb)
    if harm is None:
        for conj in verb.children:
            # "were shot and killed" share the victims; "the attack had been repelled and (that)
            # 11 soldiers had died" does not (a conjunct with a subject of its own tells of
            # others), nor "attacked the village and killed five people" (nor one with an
            # object of its own: the village is no victim)
            if conj.dep_ != "conj" or conj.pos_ not in {"VERB", "AUX"}:
                continue
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
                continue
            if role == "dobj" and any(c.dep_ == "dobj" for c in conj.children):
                continue
            harm = _harm_of_one_verb(conj) or harm
    return harm


def _harm_of_one_verb(verb: Token) -> str | None:
    words = _words()
    lemma = _lemma(verb)
    if lemma in {w.split()[0] for w in words["death_verbs"]} or verb.lower_ in words["death_adjectives"]:
        # "shot dead", "gunned down": the verb with its particle
        # "shot dead", "gunned down", "burned alive" kill; "shot down" (an aircraft) does not
        # "beat to death", "stoned to death", "burned to death": the verb with "to death"
        needs = {"shoot": {"dead"}, "gun": {"down"}, "burn": {"alive", "death"}, "beat": {"death"}, "stone": {"death"}, "hack": {"death"}, "stab": {"death"}, "club": {"death"}, "bludgeon": {"death"}}.get(lemma)
        if needs is not None and not any(c.lower_ in needs or any(g.lower_ in needs for g in c.children if c.dep_ == "prep") for c in verb.children):
            return None
        return "death"
    if verb.lower_ in words["injury_words"] or lemma in {"wound", "injure", "hurt"}:
        # "was fatally wounded", "mortally injured": the wound killed him
        if any(c.dep_ == "advmod" and c.lower_ in words["fatal_adverbs"] for c in verb.children):
            return "death"
        return "injury"
    if _lost_lives(verb):
        return "death"  # "two soldiers lost their lives": they died
    if _fell_in_action(verb):
        return "death"  # "six soldiers fell with weapons in hand": they died
    return None


_MEN_OF_A_SIDE = {"soldier", "troop", "fighter", "man", "officer", "policeman", "militant", "combatant", "serviceman", "gendarme"}


def _fell_in_action(verb: Token) -> bool:
    """ "fell on the field of honour", "fell in battle": a communique's word for men killed."""
    if _lemma(verb) != "fall":
        return False
    after = " ".join(t.lower_ for t in verb.doc[verb.i + 1: verb.i + 8])
    return any(after.startswith(phrase) for phrase in _words()["fell_in_action"])


def _acronym(token: Token) -> bool:
    """A force's men named by its initials ("four VDPs", "two FDS")."""
    letters = token.text[:-1] if token.text.endswith("s") else token.text
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _lost_lives(verb: Token) -> bool:
    # (and the military idiom "two soldiers paid the supreme price" / "the ultimate price")
    if _lemma(verb) == "pay" and any(c.dep_ == "dobj" and c.lower_ == "price" and any(a.lower_ in {"supreme", "ultimate"} for a in c.children) for c in verb.children):
        return True
    return _lemma(verb) == "lose" and any(c.dep_ == "dobj" and c.lower_ in {"life", "lives"} for c in verb.children)


def _harm(target: Token, _depth: int = 0) -> str | None:
    """Whether the counted noun is a death, an injury or neither, from its place in the parse."""
    words = _words()
    if _lemma(target) in words["death_nouns"] or target.lower_ in words["death_nouns"]:
        return "death"
    if target.lower_ in words["injury_words"]:
        return "injury"
    following = target.doc[target.i + 1] if target.i + 1 < len(target.doc) else None
    if target.dep_ == "conj" and target.like_num and following is not None and following.lower_ in words["injury_words"]:
        return "injury"  # "left nine dead and 20 injured": the conjunct number has its own word
    for child in target.children:
        if child.lower_ in words["death_adjectives"] and child.dep_ in {"amod", "acomp", "oprd", "advmod"}:
            return "death"
        # "a man killed in the attack"; not "an air strike killed seven fighters" misparsed as a
        # participle on the strike (a verb with an object of its own kills that object)
        if child.dep_ in {"acl", "amod"} and _harm_of_verb(child) and not any(c.dep_ == "dobj" for c in child.children):
            return _harm_of_verb(child)
        # "mourned two commanders who were killed in an air strike": a passive relative clause
        # whose "who" is the counted noun tells what befell them
        if child.dep_ == "relcl" and _relative_passive(child) and _harm_of_verb(child):
            return _harm_of_verb(child)
        # "about fifty terrorists neutralised": a communique's toll of men put out of action
        if child.dep_ in {"acl", "amod"} and child.tag_ == "VBN" and _lemma(child) in words["person_death_verbs"] and (_is_person(target) or target.lower_ in words["attacker_nouns"]):
            return "death"
        # "with two of the assailants killed" parsed with the participle on the partitive's noun
        if child.dep_ == "prep" and child.lower_ == "of" and (target.like_num or target.lower_ in words["numbers"]):
            for noun in (o for o in child.children if o.dep_ == "pobj"):
                if any(c.dep_ == "acl" and c.tag_ == "VBN" and _harm_of_verb(c) and not any(g.dep_ == "dobj" for g in c.children) for c in noun.children):
                    return next(_harm_of_verb(c) for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and _harm_of_verb(c))
                # "three of its commanders, who were killed in …"
                if any(c.dep_ == "relcl" and _relative_passive(c) and _harm_of_verb(c) for c in noun.children):
                    return next(_harm_of_verb(c) for c in noun.children if c.dep_ == "relcl" and _relative_passive(c) and _harm_of_verb(c))
    if _among_the_dead(target):
        return "death"
    head = target.head
    # "two insurgents were reported killed": the harm is the passive verb's complement
    told = _reported_participle(target) if target.dep_ == "nsubjpass" else None
    if told is not None:
        return _harm_of_verb(told)
    # "losing two of their own", "the army lost 12 soldiers": a side's men lost are its dead
    if target.dep_ == "dobj" and _lemma(head) == "lose" and (
            _lemma(target) in _MEN_OF_A_SIDE
            or (target.like_num or target.lower_ in words["numbers"]) and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ in {"own", "men", "soldiers", "fighters", "troops"} for o in p.subtree)
                for p in target.children)):
        return "death"
    # "killing between 55 and 60 people": a range the parse made a preposition of the verb
    if target.dep_ == "pobj" and head.lower_ == "between" and head.head.pos_ == "VERB" and head.dep_ == "prep":
        return _harm_of_verb(head.head)
    if target.dep_ == "nsubj" and any(a.lower_ in words["death_adjectives"] and any(c.dep_ == "dobj" for c in a.children) for a in head.children):
        # "Members of the X gang shot dead four people" parsed with the dead the object of "dead":
        # the subject shot others (not a headline's "Members shot dead")
        return None
    if target.dep_ in {"nsubj", "nsubjpass", "dobj", "conj", "attr"} and head.pos_ in {"VERB", "AUX", "ADJ"}:
        harm = _harm_of_verb(head, target.dep_)
        if harm is None and _lemma(head) in words["person_death_verbs"] and (_is_person(target) or target.lower_ in words["attacker_nouns"]):
            harm = "death"
            # "the toll is fifty terrorists neutralised": a bare participle, the subject its victims
            if target.dep_ == "nsubj" and head.tag_ == "VBN" and not any(c.dep_ in {"aux", "dobj"} for c in head.children):
                return harm
        # the subject of an active "killed" is the killer ("an airstrike killed ten")
        # (not in "with two villagers killed and five wounded": the participle is passive)
        absolute = head.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in head.children) and (
            head.head.lower_ == "with" or head.dep_ == "conj" and head.head.head.lower_ == "with")
        active_subject = target.dep_ == "nsubj" and _lemma(head) not in {"die", "perish"} and not _lost_lives(head) and not _fell_in_action(head) and head.pos_ != "ADJ" and not bare_participle(head) and not absolute
        # "gunmen on a motorcycle shot dead a farmer" parsed with "shot" a noun and "dead" the
        # adjective of its subject: an adjective with an object of its own is the verb phrase,
        # and its subject the killer
        killer_of_object = target.dep_ == "nsubj" and head.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in head.children)
        if harm and not active_subject and not killer_of_object:
            return harm
        # "X were dead", "left 12 insurgents dead"; not the subject of a deed done to someone else
        # ("soldiers shot dead five people": the object is the dead)
        # (nor the cause in "an attack left six dead": the subject of an active "leave" leaves others dead)
        objects = [c for c in head.children if c.dep_ == "dobj"]
        kills_another = active_subject and (bool(objects) or _lemma(head) == "leave")
        if not kills_another and any(c.lower_ in words["death_adjectives"] and c.pos_ == "ADJ" and c.dep_ in {"acomp", "oprd"} for c in head.children):
            return "death"
    # "ended in 9 militants dead and 2 wounded": the word right after the counted noun, however
    # the parse hangs it
    after = target.nbor(1) if target.i + 1 < len(target.doc) else None
    if after is not None and after.lower_ in words["death_adjectives"] and after.pos_ == "ADJ" and any(c.dep_ == "nummod" for c in target.children):
        return "death"
    # "the death toll rose to 12", "the toll reached 30", "the toll stood at 9"
    if (target.like_num or target.lower_ in words["numbers"]) and _toll_figure(target):
        return "death"
    # "the lives of at least 21 civilians", "a death toll of 20", "the killing of two farmers"
    if target.dep_ == "pobj" and head.lower_ == "of" and (head.head.lemma_.lower() in {"life", "toll", "death", "body", "killing", "murder", "assassination", "execution", "beheading", "martyrdom"}):
        return "death"
    # "we regret the loss of four soldiers": the men a side lost are its dead (not "the loss of
    # two vehicles")
    if target.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "loss" and (_lemma(target) in _MEN_OF_A_SIDE or _is_person(target) or _armed_word(target) or _acronym(target)):
        return "death"
    # "killed 11 civilians in A and another three in B": a gapped object shares the verb of its
    # clause, however far up the parse hung it ("… a bakery in the town of A and another three
    # civilians …" made a conjunct of the town)
    if target.dep_ == "conj" and any(c.dep_ == "det" and c.lower_ == "another" for c in target.children) and any(c.dep_ == "nummod" for c in target.children):
        verb = next((a for a in target.ancestors if a.pos_ == "VERB" and _harm_of_verb(a, "dobj")), None)
        if verb is not None and any(c.dep_ == "dobj" for c in verb.children):
            return _harm_of_verb(verb, "dobj")
    # up a list of conjuncts to its first member; bounded, so that a hostile list of thousands
    # ("Gao, Gao, Gao, …") cannot exhaust the stack (RecursionError) — see test_fuzz_pipeline.py
    if target.dep_ == "conj" and _depth < 50:
        return _harm(head, _depth + 1) if head.i != target.i else None
    return None


def _relative_passive(verb: Token) -> bool:
    """ "who were killed", "that had been shot dead": a relative clause whose relative pronoun
    is the passive subject."""
    return any(c.dep_ == "nsubjpass" and c.lower_ in {"who", "that", "which", "whom"} for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children)


def some_of_the_dead(target: Token) -> bool:
    """A count of some of a happening's dead ("the dead included three children"), a part of its
    toll, not a figure for all of them."""
    return _among_the_dead(target) or target.dep_ == "conj" and _among_the_dead(target.head)


def _the_dead_words(token: Token) -> bool:
    """ "the dead", "the bodies", "those killed": the dead of a happening named as a whole."""
    words = _words()
    if token.lower_ in words["death_adjectives"] or _lemma(token) in {"dead", "body", "corpse", "fatality"}:
        return True
    # "those killed", "the people killed"
    return any(c.dep_ in {"acl", "amod"} and c.lower_ in words["death_adjectives"] for c in token.children)


def _among_the_dead(target: Token) -> bool:
    """ "The dead included three officers", "Those killed included four drivers", "Among the dead
    were eight children": people counted as members of a happening's dead."""
    head = target.head
    if target.dep_ == "dobj" and _lemma(head) == "include":
        return any(c.dep_ == "nsubj" and _the_dead_words(c) for c in head.children)
    if target.dep_ in {"nsubj", "attr"} and _lemma(head) == "be":
        return any(c.dep_ == "prep" and c.lower_ == "among" and any(o.dep_ == "pobj" and _the_dead_words(o) for o in c.children) for c in head.children)
    return False


_TOLL_VERBS = {"rise", "climb", "jump", "increase", "reach", "hit", "stand", "mount"}
# "taking the toll to 12", "bringing the death toll to nine", "raising the number of dead to 14"
_TOLL_MOVERS = {"take", "bring", "push", "raise", "put", "lift"}
# "put the death toll at eight", "placed the number of dead at 14": a figure given as the toll
_TOLL_SETTERS = {"put", "place", "set", "estimate", "peg", "fix"}


def _toll_figure(number: Token) -> bool:
    """The number a toll rose to or stands at ("the toll rose to 12", "stood at 9"), or
    that a clause takes it to ("…, taking the toll to 12"), or that someone gives as the toll
    ("gave a higher toll of 16")."""
    if _figure_given(number):
        return True
    verb = number.head.head if number.dep_ == "pobj" and number.head.lower_ in {"to", "at"} else number.head if number.dep_ == "dobj" else None
    if verb is None:
        return False
    # "raised the number of deceased to six" parsed with the "to" on what the number counts: the
    # figure is the number's, and its verb the one the number hangs on
    if verb.dep_ == "pobj" and verb.head.lower_ == "of" and verb.head.head.lemma_.lower() == "number" and _names_a_toll(verb.head.head):
        verb = verb.head.head.head
    # "bringing the number killed to six", parsed with the "to" on the participle
    if (verb.dep_ == "acl" and number.dep_ == "pobj" and number.head.lower_ == "to" and verb.head.dep_ == "dobj"
            and _names_a_toll(verb.head) and verb.head.head.lemma_.lower() in _TOLL_MOVERS):
        return True
    if verb.lemma_.lower() in _TOLL_MOVERS and number.dep_ == "pobj" and number.head.lower_ == "to":
        return any(c.dep_ == "dobj" and _names_a_toll(c) for c in verb.children)
    if verb.lemma_.lower() in _TOLL_SETTERS and number.dep_ == "pobj" and number.head.lower_ == "at":
        # ("put the toll higher, at 16": the toll hangs on the comparative)
        compared = [g for c in verb.children if c.dep_ == "advmod" and c.lemma_.lower() in _words()["compared_words"] for g in c.children]
        return any(c.dep_ in {"dobj", "nsubjpass", "npadvmod"} and _names_a_toll(c) for c in [*verb.children, *compared])
    if verb.lemma_.lower() not in _TOLL_VERBS:
        return False
    # "the toll rose to 12"; "the number of deceased later rose to six" (not a tally of a period or
    # an area: "the number of people killed in the area this month has risen to 40")
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in {"toll", "death"} or _names_a_toll(c) and not _a_tally_scope(c)) for c in verb.children)


def _a_tally_scope(noun: Token) -> bool:
    """ "the number of people killed in the area this month": a count scoped to a period or an area."""
    scope = set(_words()["tally_scope_words"])
    return any(t.lower_ in scope for t in noun.subtree if t.i > noun.i)


# (the verbs giving a toll as a noun's figure, the comparatives and the figures named only when
# compared are casualties.toml's toll_givers, compared_words and compared_figures)


def _figure_given(number: Token) -> bool:
    """The number of a toll someone gives as a noun's figure: "gave a higher toll of 16", "cited
    a death toll of nine", "gave a higher figure of 16" (a bare "figure" only when compared: "a
    figure of 500" may count anything)."""
    if number.dep_ != "pobj" or number.head.lower_ != "of":
        return False
    noun = number.head.head
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _words()["toll_givers"]:
        return False
    compared = any(c.dep_ == "amod" and c.lemma_.lower() in _words()["compared_words"] for c in noun.children)
    return _names_a_toll(noun) or compared and noun.lemma_.lower() in _words()["compared_figures"]


def _names_a_toll(noun: Token) -> bool:
    """ "the (death) toll", "the number of dead", "the number of people killed", "the number of
    deceased"."""
    if noun.lemma_.lower() == "toll":
        return True
    return noun.lemma_.lower() == "number" and any(
        t.lower_ in _words()["toll_count_words"] for t in noun.subtree if t.i > noun.i)


def running_toll(count: Count, doc: Doc) -> bool:
    """A figure that a clause gives as the toll so far ("…, taking the toll to 12")."""
    target = doc[count.target]
    return count.kind == "death" and (target.like_num or target.lower_ in _words()["numbers"]) and _toll_figure(target)


def given_toll(count: Count, doc: Doc) -> bool:
    """A toll someone puts at a figure ("the government put the toll at 12"), which may be lower
    than one told before: a dispute, not a running total."""
    number = doc[count.target]
    set_at = number.dep_ == "pobj" and number.head.lower_ == "at" and number.head.head.lemma_.lower() in _TOLL_SETTERS
    return running_toll(count, doc) and (set_at or _figure_given(number))


_MORE = re.compile(r"\b(?:more|another|additional|further)\b", re.I)


def increment(count: Count) -> bool:
    """ "four more bodies", "another two people": dead added to a toll told before."""
    return count.kind == "death" and bool(_MORE.search(count.text))


# the wounded a later death is told of: "two of the wounded later died"
_WOUNDED = {"wounded", "injured", "wound", "injure", "injury"}


def died_of_wounds(count: Count, doc: Doc) -> bool:
    """Dead told as people hurt in a happening who died afterwards ("two of the wounded later
    died in hospital", "four others were wounded, two of whom died later", "one succumbed to his
    injuries"): more dead of that happening, to add to its toll, not a rival figure for it."""
    if count.kind != "death" or increment(count):
        return False  # ("three more died": told as dead added, read by the toll's own rules)
    target = doc[count.target]
    verb = target.head if target.dep_ in {"nsubj", "nsubjpass"} else None
    if verb is None or _lemma(verb) not in {"die", "succumb"}:
        return False
    of = [o for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    # ("two of whom died later" after "four others were wounded"; "two of them")
    wounded_before = any(_lemma(t) in _WOUNDED or t.lower_ in _WOUNDED for t in doc[max(0, target.i - 12) : target.i])
    of_the_wounded = any(_lemma(o) in _WOUNDED or o.lower_ in _WOUNDED or o.lower_ in {"whom", "them"} and wounded_before for o in of)
    # ("one succumbed to his injuries")
    succumbed = _lemma(verb) == "succumb" and any(_lemma(t) in _WOUNDED for t in verb.subtree)
    return of_the_wounded or succumbed


def add_later_deaths(counts: list[Count], later: list[Count]) -> list[Count]:
    """A happening's counts with its wounded who died afterwards (``died_of_wounds``, not among
    ``counts``) added to each of its tolls: "killed one person and wounded nine. Two of the
    wounded later died" counts three."""
    if not later or not any(c.kind == "death" for c in counts):
        return counts
    added = sum(c.value for c in later)
    words = "; ".join(c.text for c in later)
    return [replace(c, value=c.value + added, low=None if c.low is None else c.low + added, high=None if c.high is None else c.high + added,
                    text=f"{c.text}; {words}") if c.kind == "death" else c for c in counts]


def _conjunct_harm(target: Token) -> str | None:
    """ "25 ADF fighters and 6 military fatalities": a conjunct's death noun counts for all."""
    group = [target, *[c for c in target.children if c.dep_ == "conj"]]
    if target.dep_ == "conj":
        group.append(target.head)
    for member in group:
        if _lemma(member) in _words()["death_nouns"] and not (member is not target and _bodies_of(member)):
            # (not "two soldiers and the bodies of three others": the bodies of some are told
            # apart from the living beside them)
            return "death"
    return None


def _bodies_of(noun: Token) -> bool:
    """ "the bodies of three others": a body noun with whose bodies they are."""
    return _lemma(noun) in _words()["body_nouns"] and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _handed_back(target: Token) -> bool:
    """ "in exchange for four fighters and the bodies of two others", "handed back the body of a
    third": the dead given back in a swap or a handover died before it, no deaths of it."""
    words = _words()
    body = target
    if target.dep_ == "conj" and target.head.dep_ == "pobj":
        target = target.head  # "the bodies of a soldier and a policeman"
    if target.dep_ == "pobj" and target.head.lower_ == "of":
        body = target.head.head
    if _lemma(body) not in words["body_nouns"]:
        return False
    handover = set(words["handover_words"])
    for token in [body, *body.ancestors]:
        if token.lower_ in handover or _lemma(token) in handover:
            return True
        # "handed back", "handing over": the verb with its particle
        if any(c.dep_ == "prt" and f"{_lemma(token)} {c.lower_}" in {"hand back", "hand over", "give back"} for c in token.children):
            return True
        # "in exchange for …" on the verb: the swap word is its object; a verb ends the search
        if token.pos_ in {"VERB", "AUX"}:
            return any(p.dep_ == "prep" and any(o.lower_ in handover or _lemma(o) in handover for o in p.children if o.dep_ == "pobj") for p in token.children)
    return False


def _targets(sentence: Sentence) -> Iterable[Token]:
    """Tokens that may be counted: nouns with a number, numbers standing alone, singular victims."""
    words = _words()
    for token in sentence.span:
        if (
            token.pos_ in {"NOUN", "PROPN", "PRON"}
            or token.like_num
            or token.lower_ in words["numbers"]
            or token.lower_ in words["vague"]
            or token.lower_ in words["death_nouns"]
        ):
            if token.like_num and token.dep_ in {"nummod", "quantmod", "compound"}:
                continue  # counted through the noun it modifies
            yield token


def _closing_speaker(token: Token) -> bool:
    """ "killing 15 soldiers, a local militia said": a conjunct the parse hung on the victims that
    is the subject of the closing reporting verb (subjectless in the parse), not a victim."""
    if token.dep_ != "conj":
        return False
    last = max(t.i for t in token.subtree)
    doc = token.doc
    verb = doc[last + 1] if last + 1 < len(doc) else None
    return (verb is not None and verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in _REPORTING
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
            and any(t.text == "," for t in doc[token.head.i : token.i]))


_REPORTING = {"say", "tell", "report", "add", "confirm", "claim", "state", "announce"}


def counts_in(sentence: Sentence) -> list[Count]:
    """Every death and injury count of a sentence."""
    counts: list[Count] = []
    for target in _targets(sentence):
        if _in_date(target):
            continue  # "Around 3 May": a day, not three dead
        if _closing_speaker(target):
            continue
        if _part_told_as_among_them(target):
            continue  # "killing 12 civilians, among them three children": a part of the toll before
        harm = _harm(target)
        if harm is None:
            # a conjunct's death noun, for a counted noun only: the cheap test first (reading
            # the count of every noun of every sentence was a fifth of the analysis)
            conjunct = _conjunct_harm(target)
            harm = conjunct if conjunct and _read_count(target) else None
        if harm is None:
            continue
        if harm == "death" and _handed_back(target):
            continue
        read = _read_count(target)
        if read is None:
            continue
        value, low, high, vague = read
        tokens = _number_tokens(target) + [target]
        first = min(t.i for t in tokens)
        doc = target.doc
        span = doc[first : target.i + 1]
        counts.append(Count(harm, value, low, high, span.text, sentence.char(doc[first]), sentence.char_end(target), target.i, vague))
    if _title_case(sentence) and not any(c.kind == "death" for c in counts):
        counts.extend(_title_case_deaths(sentence))
    return _sum_conjuncts(counts, sentence)


def _part_told_as_among_them(target: Token) -> bool:
    """ "killing at least 12 civilians, among them three children": a counted noun that carries
    its own "among them" / "among whom" / "of whom" is some of the people counted just before
    (the parser may hang it on the killing verb as a second object when a conjunct follows)."""
    return any(c.dep_ == "prep" and c.lower_ in {"among", "amongst", "of"} and c.i < target.i
               and any(o.dep_ == "pobj" and o.lower_ in {"them", "whom", "those"} for o in c.children)
               for c in target.children)


def _title_case(sentence: Sentence) -> bool:
    """A headline in title case (the parser may cut it short: "Air Strike Kills Four | In X")."""
    words = [t for t in sentence.span if t.is_alpha and len(t) > 3]
    return sentence.index == 0 and len(words) >= 3 and all(t.text[0].isupper() for t in words)


def _title_case_deaths(sentence: Sentence) -> list[Count]:
    """ "Suicide Bomber Kills Five In X", "Roadside Bomb Kills Three Soldiers": a title-case
    headline is parsed as a run of names, so its toll is read from the words themselves: the
    number right after a killing verb ("kills", "kill", "killed") counts the dead."""
    verbs = {w.split()[0] for w in _words()["death_verbs"]}
    numbers = _words()["numbers"]
    tokens = list(sentence.span)
    found: list[Count] = []
    for verb, number in zip(tokens, tokens[1:]):
        lower = verb.lower_
        forms = {lower, _lemma(verb), lower.removesuffix("s"), lower.removesuffix("ed"), lower.removesuffix("d")}
        if not (forms & verbs) or not (number.like_num or number.lower_ in numbers) or _in_date(number):
            continue
        value = parse_number(number.text)
        if value is None:
            continue
        found.append(Count("death", value, None, None, number.text, sentence.char(number), sentence.char_end(number), number.i))
    return found


def _sum_conjuncts(counts: list[Count], sentence: Sentence) -> list[Count]:
    """ "eight officers and five investigators": conjoined victims of one verb are one count."""
    by_target = {c.target: c for c in counts}
    merged: dict[int, Count] = {}
    for count in counts:
        root = sentence.doc[count.target]
        while (
            root.dep_ == "conj"
            and root.head.i in by_target
            and by_target[root.head.i].kind == count.kind
            and root.head.i != root.i
            # "four people in A and one in B": each count has its place, two tolls
            and not (_placed(root, sentence) and _placed(root.head, sentence))
        ):
            root = root.head
        if root.dep_ == "conj" and root.head.i not in by_target and root.i == count.target:
            # "killing a commander and three of his men" parsed with the count joined to the verb:
            # the verb's object counted before it is the same toll's first part
            # (not "3 civilians in Kaya and 2 in Kongoussi": a count with a place of its own is another toll)
            root = next((c for c in root.head.children if c.dep_ == "dobj" and c.i < root.i and c.i in by_target
                         and by_target[c.i].kind == count.kind and not _placed(root, sentence)), root)
        if root.i not in merged:
            merged[root.i] = count
            continue
        first = merged[root.i]
        start, end = min(first.start, count.start), max(first.end, count.end)
        text = sentence.doc_text[start - sentence.offset : end - sentence.offset]
        merged[root.i] = Count(
            first.kind, first.value + count.value, None, None, text, start, end, first.target, first.vague and count.vague
        )
    return sorted(merged.values(), key=lambda c: c.start)


def opens_another_story(sentence: Sentence) -> bool:
    """ "Separately, …", "Meanwhile, …", "In a separate incident, …": what follows is not the
    story told before."""
    text = sentence.text.lower()
    return any((found := lexicon.find_phrase(marker, text)) and len(text[: found.start()].split()) <= _STORY_MARKER_WORDS
               for marker in _words()["separate_story"])


def same_happening(deaths: list[Count], sentence: Sentence, previous: Sentence, event_words: set[int]) -> list[Count]:
    """The deaths of ``sentence``, which tells no event of its own, that clearly tell of the
    happening of ``previous``: "A gang shot two drivers. One driver died" (the victims told
    before), "Two officers died in the attack" (the event told back, by its word in
    ``event_words``, token indices of cue words, or by wounds). Not a death of another story
    ("Separately, …"), nor one with a cause of its own ("A road accident killed three people"),
    nor people never told of before ("Three migrants died")."""
    if opens_another_story(sentence) or _a_tally(sentence):
        return []
    told_before = {_lemma(t) for t in previous.span if t.pos_ in {"NOUN", "PROPN", "PRON"}}
    # "Troops clashed with insurgents … At least 4 combatants died": fighters dying after a fight
    # between armed sides are its dead, by whatever word; and so are armed men of any side named
    # after a deed of or against armed men ("stormed a police station … Three officers died")
    armed = any(_armed_word(t) for t in previous.span if t.pos_ in {"NOUN", "PROPN"})
    if armed:
        told_before |= {"combatant", "fighter", "fighters", "combatants"}
    # "A unit of the army was attacked near X. Six soldiers fell in battle": the men of a
    # force told before are its soldiers, whatever the word
    if any(_force_word(t) for t in previous.span if t.pos_ in {"NOUN", "PROPN"}):
        told_before |= _FORCE_MEN
    # "Police fired on protesters … At least three people died": people of a crowd told before
    # are its "people" (not after an attack on a post, which told of no people: "Three people died")
    if any(_lemma(t) in _CROWD_PEOPLE for t in previous.span if t.pos_ == "NOUN"):
        told_before |= {"people", "person", "civilian"}
    return [count for count in deaths if _told_of_before(sentence.doc[count.target], told_before, event_words)
            or armed and _armed_word(sentence.doc[count.target]) and _no_killer_of_its_own(sentence.doc[count.target])]


# people gathered or travelling together, whose dead a later "people died" counts
_CROWD_PEOPLE = {"protester", "demonstrator", "crowd", "marcher", "worshipper", "mourner", "villager", "passenger", "shopper", "student", "pilgrim"}


def _no_killer_of_its_own(target: Token) -> bool:
    causes = _causes(_death_verb(target))
    return not any(c.dep_ == "nsubj" or _natural(c) for c in causes)


def _a_tally(sentence: Sentence) -> bool:
    """ "More than 200 combatants have died since the war began", "… so far this year": a count
    over a span, not the toll of the happening told before."""
    text = sentence.span.text.lower()
    status = lexicon.status_words()
    return any(t.lower_ == "since" for t in sentence.span) or any(lexicon.find_phrase(p, text) for p in status["habitual_phrases"])


_FORCE_MEN = {"soldier", "troop", "serviceman", "officer", "policeman", "gendarme", "personnel", "guard"}


def _force_word(token: Token) -> bool:
    """A word naming a state's forces ("the army", "a unit of the defence forces", "troops")."""
    index = lexicon.actors().head_index
    kinds = index.get(token.lower_, ()) or index.get(_lemma(token), ())
    return any(kind.inter == 1 for words, kind in kinds if len(words) == 1)


def _armed_word(token: Token) -> bool:
    """A word naming armed men of any side ("troops", "insurgents", "militiamen")."""
    index = lexicon.actors().head_index
    kinds = index.get(token.lower_, ()) or index.get(_lemma(token), ())
    return any(kind.inter in {1, 2, 3, 8} for words, kind in kinds if len(words) == 1)


def _death_verb(target: Token) -> Token:
    # "sources reported four rebels killed", "two were reported killed": the participle told of
    # the counted noun is the death verb, not the verb of saying it hangs on
    told = _reported_participle(target)
    if told is not None:
        return told
    return target.head if target.dep_ in {"nsubj", "nsubjpass", "dobj"} else target


def _reported_participle(target: Token) -> Token | None:
    """The harm participle a verb of saying or thinking tells of ``target``: "reported four rebels
    killed" (the participle on the noun), "were reported/believed/confirmed killed" (the
    participle a complement of the passive verb)."""
    if target.dep_ == "nsubjpass":
        return next((c for c in target.head.children if c.dep_ in {"xcomp", "oprd"} and c.tag_ == "VBN" and _harm_of_verb(c)), None)
    if target.dep_ == "dobj":
        return next((c for c in target.children if c.dep_ == "acl" and c.tag_ == "VBN" and _harm_of_verb(c)
                     and not any(g.dep_ == "dobj" for g in c.children)), None)
    return None


def _causes(verb: Token) -> list[Token]:
    """What a death verb says caused the deaths: the subject of an active "kill" ("flooding killed
    12"), the object of "in"/"of"/"from"/"during"/"after" ("died in the attack", "died of cholera")."""
    found = [c for c in verb.children if c.dep_ == "nsubj" and _lemma(verb) not in {"die", "perish"} and not _lost_lives(verb)]
    # "floods swept through the town, killing nine": a participle's cause is its clause's subject,
    # or what that clause tells happened to it ("a bus plunged into a ravine, killing 20")
    if not found and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        found = [c for c in verb.head.children if c.dep_ == "nsubj"] + [verb.head]
    for prep in verb.children:
        # "were killed by a landslide": the passive's agent
        if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ in {"in", "of", "from", "during", "after", "by"}):
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _natural(token: Token) -> bool:
    causes = _words()["natural_causes"]
    if token.pos_ in {"VERB", "AUX"}:
        return _lemma(token) in causes  # an accident's own verb ("overturned"), not its clause
    phrase = " ".join(t.lower_ for t in token.subtree)
    # "Cyclone Freddy", "Typhoon Rai": a hazard named by its kind
    if any(c.dep_ == "compound" and c.lower_ in causes for c in token.children):
        return True
    return _lemma(token) in causes or token.lower_ in causes or any(lexicon.find_phrase(c, phrase) for c in causes if " " in c)


def done_by_nature(token: Token) -> bool:
    """A verb whose subject is no one's violence: "an earthquake struck the city", "floods hit";
    or told as an accident ("a gas cylinder exploded accidentally")."""
    causes = _words()["natural_causes"]
    if any((c.dep_ == "nsubj" and (_natural(c) or _fire_of_no_one(c))) or (c.dep_ == "advmod" and c.lower_ in causes) for c in token.children):
        return True
    # "a storm hit the town, destroying homes and killing four": a participle with no subject of
    # its own tells what its clause's subject did
    if token.dep_ in {"advcl", "conj"} and token.tag_ == "VBG" and token.head.pos_ in {"VERB", "AUX"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return done_by_nature(token.head)
    return False


_FIRES = {"fire", "blaze", "inferno"}


def _fire_of_no_one(subject: Token) -> bool:
    """ "A fire destroyed dozens of shops": a fire told with no one who set it (not "a fire set by
    militants", "an arson fire")."""
    if _lemma(subject) not in _FIRES:
        return False
    return not any(t.dep_ == "agent" or t.lemma_.lower() in {"arson", "arsonist", "set", "start", "torch"} for t in subject.subtree)


def natural_deaths(counts: list[Count], sentence: Sentence) -> bool:
    """Whether the sentence's deaths all have a cause that is no violence ("flooding killed 12
    people", "two children died of cholera"): no event of their own."""
    deaths = [c for c in counts if c.kind == "death"]
    return bool(deaths) and all(any(_natural(cause) for cause in _causes(_death_verb(sentence.doc[c.target]))) for c in deaths)


def _told_of_before(target: Token, told_before: set[str], event_words: set[int]) -> bool:
    words = _words()
    verb = _death_verb(target)
    causes = _causes(verb)
    if any(_natural(cause) for cause in causes):
        return False
    # "The dead included three officers", "Among the dead were eight children": the happening's dead
    if some_of_the_dead(target):
        return True
    # "the blast killed three": the event told back; "they killed two": those told before
    # (the subject of a verb of no harm counted or received the dead: "hospital sources counted 14 bodies")
    subject = next((c for c in causes if c.dep_ == "nsubj" and (verb.i == target.i or _harm_of_verb(verb))), None)
    if subject is not None and subject.i not in event_words and _lemma(subject) not in told_before and subject.lower_ not in words["back_reference"]:
        return False  # a killer never told of before: another happening
    # "counted 14 bodies", "received the bodies of seven people", "put the toll at 23 dead", "the
    # death toll had risen to 11": the dead or the toll, named as such, of the happening told before
    if _the_dead_words(target) or target.dep_ == "pobj" and target.head.lower_ == "of" and _lemma(target.head.head) in {"body", "corpse"}:
        return True
    if (target.like_num or target.lower_ in words["numbers"]) and _toll_figure(target):
        return True
    # "four policemen died at the scene", "were killed on the spot"
    if any(p.dep_ == "prep" and p.lower_ in {"at", "on"} and any(o.lower_ in words["scene_words"] for o in p.children) for p in verb.children):
        return True
    # "one of them", "two of the passengers": who they are is told by the "of" phrase
    people = [target] + [p for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    # ("two of the wounded": the wounded of the happening told before)
    if any(_lemma(p) in told_before or p.lower_ in words["back_reference"] or p.i != target.i and p.lower_ in _WOUNDED for p in people):
        return True
    # "died in the attack", "died of their wounds": the event told back
    return any(cause.i in event_words or cause.lower_ in words["injury_words"] for cause in causes if cause.dep_ == "pobj")


def _placed(token: Token, sentence: Sentence) -> bool:
    """Whether a counted noun has a place of its own in a phrase hanging on it ("one in B")."""
    return any(sentence.place_at(t.i) is not None for c in token.children if c.dep_ == "prep" for t in c.subtree)


def words_of_harm(sentence: Sentence, indices: set[int]) -> list[tuple[int, int, str]]:
    """Injury and casualty words in the given tokens ("heavy casualties"), for Fatalities.text."""
    words = _words()
    found = []
    for token in sentence.span:
        if token.i in indices and token.lower_ in words["injury_words"]:
            first = token
            for child in token.children:
                if child.dep_ in {"amod", "nummod"} and child.i < first.i:
                    first = child
            found.append((sentence.char(first), sentence.char_end(token), token.doc[first.i : token.i + 1].text))
    return found


def explicit_coding(text: str) -> tuple[int, int] | None:
    """A source's own statement of its fatality coding: (count, number of events it is spread over)."""
    words = _words()
    for pattern in words["coding_statements"]:
        match = re.search(pattern, text)
        if match:
            count = int(match.group(1))
            spread = 1
            for spread_pattern in words["spread_statements"]:
                found = re.search(spread_pattern, text)
                if found:
                    spread = parse_number(found.group(1)) or 1
                    days = found.group(2) if found.re.groups >= 2 else None
                    spread *= (parse_number(days) or 1) if days else 1
            return count, max(spread, 1)
    return None


def parse_of(count: Count, told_in: Sentence, sentences: Sequence[Sentence]) -> Sentence:
    """The sentence whose parse holds ``count``'s token index: the one it is told with, unless the
    count joined it from a sentence parsed on its own (a dateline's lead, a headline), whose
    indices are its own parse's. Every reader of a joined count looks its tokens up there."""
    home = next((s for s in sentences if s.start <= count.start < s.end), told_in)
    return told_in if home.doc is told_in.doc else home


def lower_total(counts: list[Count], totals: list[Count]) -> list[Count]:
    """An event's counts with a toll told of its story by another source ("the governor confirmed
    two fatalities") when that toll is lower than the event's own figure: conflicting reports,
    of which ACLED codes the lowest (``combine``). A higher toll is a total of several events, and
    an event without dead gets none from it."""
    own = [c.value for c in counts if c.kind == "death"]
    if not own:
        return counts
    lower = [t for t in totals if t.kind == "death" and t.value < min(own) and t not in counts]
    return counts + lower


def both_sides(counts: list[Count], doc: Doc) -> list[Count]:
    """ "Troops repelled the attack, killing 15 assailants, while two soldiers were killed": the
    attackers' dead and the others' told by one clause and one source are one fight's toll, which
    adds up (two figures of the same victims conflict, and ``combine`` takes the lowest)."""
    # (a running toll, "bringing the toll to eight", already counts them)
    deaths = [c for c in counts if c.kind == "death" and not _part_of_another(doc[c.target]) and not running_toll(c, doc)]
    attackers = [c for c in deaths if _lemma(doc[c.target]) in _words()["attacker_nouns"] or doc[c.target].lower_ in _words()["attacker_nouns"]]
    others = [c for c in deaths if c not in attackers]
    if len(attackers) != 1 or len(others) != 1:
        return counts
    first, second = sorted((attackers[0], others[0]), key=lambda c: c.start)
    total = Count("death", first.value + second.value, None, None, f"{first.text}; {second.text}", first.start, second.end, first.target, first.vague and second.vague,
                  ((first.value, first.text), (second.value, second.text)))
    return [c for c in counts if c not in (first, second)] + [total]


def _victims_word(text: str) -> str | None:
    """The counted noun of a figure's words, singular and lower case ("at least seven soldiers" → "soldier")."""
    words = re.findall(r"[A-Za-z]+", text)
    return words[-1].lower().removesuffix("s") if words else None


def one_side_retold(counts: list[Count]) -> list[Count]:
    """ "11 terrorists were neutralised while two soldiers paid the supreme price" … "sources said
    at least seven soldiers were killed": a rival figure of one side's dead conflicts with that
    side's part of the fight's toll, not with the whole; it stands for the whole with its own
    side's figure swapped in (``combine`` then takes the lowest: 11 + 2, not 7)."""
    totals = [c for c in counts if c.kind == "death" and len(c.parts) == 2]
    if len(totals) != 1:
        return counts
    total = totals[0]
    out: list[Count] = []
    for count in counts:
        if count is total or count.kind != "death" or count.parts or ";" in count.text:
            out.append(count)
            continue
        word = _victims_word(count.text)
        sides = [part for part in total.parts if _victims_word(part[1]) == word]
        other = [part for part in total.parts if part not in sides]
        if word is None or len(sides) != 1 or len(other) != 1 or _victims_word(other[0][1]) == word:
            out.append(count)
            continue
        out.append(Count("death", count.value + other[0][0], count.low, count.high, count.text, count.start, count.end, count.target, count.vague))
    return out


def add_another(counts: list[Count], doc: Doc) -> list[Count]:
    """ "killed 11 civilians in A and another three in an air raid on B": dead told as
    "another N" in the clause of a first toll are more dead; where both stay on one event (B
    unplaced) they add up rather than conflict. (Per event: each place keeps its own first.)"""
    deaths = sorted((c for c in counts if c.kind == "death"), key=lambda c: c.start)
    for first, second in zip(deaths, deaths[1:]):
        if any(c.dep_ == "det" and c.lower_ == "another" for c in doc[second.target].children) and not running_toll(first, doc):
            total = Count("death", first.value + second.value, None, None, f"{first.text}; {second.text}", first.start, second.end, first.target, first.vague and second.vague)
            return [c for c in counts if c not in (first, second)] + [total]
    return counts


def _part_of_another(token: Token) -> bool:
    """ "including four soldiers", "four of them": a count within another."""
    words = _words()["part_words"]
    for ancestor in [token, *token.ancestors][:4]:
        if ancestor.lower_ in words:
            return True
        if ancestor.dep_ == "appos":
            return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in {"them", "whom"} for o in c.children) for c in token.children)


def combine(counts: list[Count], injuries: list[str]) -> Fatalities:
    """One event's Fatalities: lowest of conflicting death figures, low/high kept, words kept."""
    deaths = [c for c in counts if c.kind == "death"]
    words = [c.text for c in counts] + injuries
    text = "; ".join(dict.fromkeys(w for w in words if w)) or None
    if not deaths:
        return Fatalities(0, None, None, text)
    # "killed eight civilians", the rebels said; "killed several terrorists", the army said: a
    # vague word is no figure, and does not undercut another account's number
    deaths = [c for c in deaths if not c.vague] or deaths
    values = sorted({c.value for c in deaths})
    lows = [c.low for c in deaths if c.low is not None] + values
    highs = [c.high for c in deaths if c.high is not None] + values
    low, high = min(lows), max(highs)
    count = values[0]
    if low == high:
        return Fatalities(count, None, None, text)
    return Fatalities(count, low, high, text)


def _is_person(token: Token) -> bool:
    """A singular noun that names a person or a member of a force ("a man", "the driver")."""
    heads = lexicon.actors().head_index
    words = _words()
    return (token.lower_ in heads or token.lemma_.lower() in heads) and token.lemma_.lower() not in words["death_nouns"] and token.lower_ not in words["not_persons"]
