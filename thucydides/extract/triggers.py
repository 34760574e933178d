"""Event cues in a sentence: the words of triggers.toml found in its tokens.

A cue is a category ("takeover", "air", "protest"…) at a token span. Anchor categories can start
an event; the others only qualify one (coding.py reads the whole set). Matching is by word or
lemma, so "seized", "seizes" and "seize" all match the term "seize"; hyphens are optional.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from thucydides.extract import lexicon
from thucydides.extract.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

_HYPHENS = {"-", "–", "‑"}
# verbs whose subject is the place: "X fell to", "X was under the control of"
_SUBJECT_IS_PLACE = {"fall", "be", "come", "remain", "pass", "change"}


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    start: int  # token index in the sentence's doc
    end: int  # exclusive
    head: int  # the syntactic head of the matched words
    strength: float
    anchor: bool
    text: str


def _word_forms(token: Token) -> tuple[str, str]:
    lower = lexicon.normal_form(token.text)
    # "according to X" names a source: its word is no form of "accord" (an agreement)
    if _source_preposition(token):
        return lower, lower
    return lower, lexicon.normal_form(token.lemma_)


def _source_preposition(token: Token) -> bool:
    """The first word of a source phrase ("according to", status.toml `source_prepositions`)."""
    pairs = _source_preposition_pairs()
    if token.lower_ not in pairs:
        return False  # (asked of every word: most are no first word, and the next is not looked at)
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return following in pairs[token.lower_]


@functools.cache
def _source_preposition_pairs() -> dict[str, frozenset[str]]:
    """The source phrases of two words, by their first word: "according" → {"to"}."""
    pairs: dict[str, set[str]] = {}
    for phrase in lexicon.status_words()["source_prepositions"]:
        words = phrase.split()
        if len(words) == 2:
            pairs.setdefault(words[0], set()).add(words[1])
    return {first: frozenset(seconds) for first, seconds in pairs.items()}


def _title_case_forms(token: Token, forms: tuple[str, str]) -> tuple[str, str]:
    """ "Militia Torches Homes", "Bomber Kills Five": a title-case headline's words are tagged as
    names, which keep their inflection as lemma; a capitalised "-s" form whose stem is a cue word
    is read as that word."""
    lower, lemma = forms
    if token.pos_ != "PROPN" or lemma != lower or not lower.endswith("s"):
        return forms
    first_words = lexicon.cues().by_first_word
    stem = next((lower[: -len(cut)] for cut in ("es", "s") if lower[: -len(cut)] in first_words), None)
    return (lower, stem) if stem else forms


def _match_at(forms: list[tuple[str, str]], position: int, words: tuple[str, ...], describing: Sequence[bool] = ()) -> int | None:
    """End (exclusive, list index) of ``words`` matched from ``position``, skipping hyphens and,
    inside a phrase, the adjectives ``describing`` flags ("came under heavy fire" is "came under
    fire"); ``forms`` holds each token's ``_word_forms`` (read once per sentence: spaCy makes a
    new Token object, and looks its strings up, on every access)."""
    i = position
    for n, word in enumerate(words):
        if n:
            while i < len(forms) and forms[i][0] in _HYPHENS:
                i += 1
            # not after a describing word of the phrase itself: "heavy casualties" is no
            # "heavy civilian casualties" (a toll, not a fight)
            while i < len(describing) and describing[i] and word not in forms[i] and not describing[i - 1]:
                i += 1
        if i >= len(forms) or word not in forms[i]:
            return None
        i += 1
    return i


def _contains(forms: list[tuple[str, str]], words: tuple[str, ...], describing: Sequence[bool] = ()) -> bool:
    return any(_match_at(forms, i, words, describing) is not None for i in range(len(forms)))


def _describes_next(token: Token) -> bool:
    """An adjective or participle qualifying a later word of the phrase ("heavy" in "came under
    heavy fire", "renewed" in "came under renewed attack"): it does not change what the phrase
    tells."""
    return token.dep_ == "amod" and token.pos_ in {"ADJ", "VERB"} and token.head.i > token.i


def _head_of(tokens: list[Token]) -> Token:
    """The token of a multi-word match whose head lies outside the match."""
    indices = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in indices or token.head.i == token.i:
            return token
    return tokens[0]


def clause_verb(token: Token) -> Token:
    """The verb (or the root) that a token's clause hangs on."""
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} or current.dep_ == "ROOT" or current.head.i == current.i:
            return current
        current = current.head
    return current


_CONTROL_NOUNS = {"control", "seizure", "capture", "fall", "takeover", "hands", "hand", "liberation"}


def _territory_arguments(head: Token) -> Iterable[Token]:
    """The words a territory cue is about: its object ("seized the town"), the subject of "fell
    to"/"was under the control of", the "of" phrase of "control of", and their conjuncts. Not
    any phrase of the clause: "seized weapons in the town" seized no town."""
    verb = clause_verb(head)
    seeds: list[Token] = []
    for anchor in {head, verb}:
        for child in anchor.children:
            if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
                seeds.append(child)
            elif child.dep_ in {"nsubj", "expl"} and verb.lemma_ in _SUBJECT_IS_PLACE:
                seeds.append(child)
            elif child.dep_ == "prep" and child.lower_ in {"into", "of", "over", "towards", "toward"}:
                seeds.extend(c for c in child.children if c.dep_ == "pobj")
            # "pushed the militants out of the town": the place they were driven from (on the
            # verb, or on its object: the parse may hang it there)
            for out in (child, *child.children):
                if out.lower_ == "out" and out.dep_ in {"prt", "prep", "advmod"}:
                    seeds.extend(c for p in out.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj")
        if anchor.dep_ == "nsubjpass":
            seeds.append(anchor)
    # "the camp, which was handed over to the army": the relative pronoun stands for its noun
    if verb.dep_ == "relcl" and any(s.tag_ in {"WDT", "WP"} and s.dep_ in {"nsubjpass", "nsubj", "dobj"} for s in verb.children):
        seeds.append(verb.head)
    # "the RSF captured Wad Madani (…)" parsed as a participle modifying the name: the name
    # it modifies is what was captured
    if head.pos_ == "VERB" and head.dep_ == "amod" and head.head.pos_ == "PROPN":
        seeds.append(head.head)
    # "took over the barracks handed over by UN peacekeepers": a participle of handing over,
    # reduced relative of the noun it follows, is about that noun
    # (or, parsed as hanging on the verb, "handed over by X" is about the verb's object)
    if head.pos_ == "VERB" and head.tag_ == "VBN" and head.lemma_.lower() == "hand":
        if head.dep_ == "acl":
            seeds.append(head.head)
        elif head.dep_ == "advcl" and any(c.dep_ == "agent" for c in head.children):
            seeds.extend(o for o in head.head.children if o.dep_ == "dobj")
    # "withdrew from its camp, handing it over to the army", "the SAF withdrew from the
    # garrison and the RSF took over": a pronoun object or none stands for the place the clause
    # it hangs on (or is coordinated with) left
    if not any(t.dep_ in {"dobj", "nsubjpass"} and t.pos_ != "PRON" for t in verb.children) and verb.dep_ in {"advcl", "conj", "xcomp"}:
        # (the preposition on the verb or on its object: "completed their withdrawal from the base")
        held = [verb.head, *(o for o in verb.head.children if o.dep_ == "dobj")]
        seeds.extend(o for h in held for p in h.children if p.dep_ == "prep" and p.lower_ in {"from", "of"} for o in p.children if o.dep_ == "pobj")
        # "left their base and handed it to the army": the place the first verb left
        if verb.head.lemma_.lower() in {"leave", "vacate", "abandon", "evacuate"}:
            seeds.extend(o for o in verb.head.children if o.dep_ == "dobj")
    # "took control of X", "the fall of X", "under the control of" (the subject is the place)
    for token in list(head.subtree) + [head]:
        if token.lemma_.lower() in _CONTROL_NOUNS:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "over"}:
                    seeds.extend(c for c in prep.children if c.dep_ == "pobj")
    # "take control of X": the object's own "of" phrase; "the districts of A, B and C"
    seen: set[int] = set()
    stack = list(seeds)
    while stack:
        token = stack.pop()
        if token.i in seen:
            continue
        seen.add(token.i)
        yield token
        for child in token.children:
            if child.dep_ in {"conj", "compound", "appos"}:
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                stack.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ in {"in", "near", "around"} and _place_like(token):
                # "areas in X district", not "seized a vehicle in X": the place of a thing seized
                stack.extend(c for c in child.children if c.dep_ == "pobj")


def _place_like(token: Token) -> bool:
    nouns = lexicon.cues().territory_nouns
    return token.pos_ == "PROPN" or token.lower_ in nouns or token.lemma_.lower() in nouns


def has_territory_argument(head: Token, sentence: Sentence) -> bool:
    nouns = lexicon.cues().territory_nouns
    if _moved_by_things(head) or _only_people_taken(head, sentence):
        return False
    for token in _territory_arguments(head):
        if sentence.place_at(token.i) is not None:
            place = sentence.place_at(token.i)
            if place is not None and not place.country_only:
                return True
        if (token.lower_ in nouns or token.lemma_.lower() in nouns) and not _a_countrys_whole(token):
            return True
    return False


# verbs of taking a place that also take people ("captured two soldiers", "an operation to
# recapture him": an escaped prisoner caught again, no territory)
_TAKING_VERBS = {"take", "capture", "seize", "recapture", "retake"}
# a person taken, told by a pronoun ("them" may be towns: "captured them after a siege")
_PERSONAL_PRONOUNS = {"him", "her"}


def _only_people_taken(head: Token, sentence: Sentence) -> bool:
    """ "the women were taken towards the mountains", "took the hostages into the forest": a
    verb whose taken things are all people carries them off; the place named is where to, no
    territory taken."""
    # (not "drove the fighters out of X": people driven out leave a place taken)
    if head.pos_ != "VERB" or head.lemma_.lower() not in _TAKING_VERBS or any(c.lower_ == "out" for c in head.children):
        return False
    nouns = lexicon.cues().territory_nouns
    taken = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not taken or not (_takes_people(head) or all(t.lower_ in _PERSONAL_PRONOUNS for t in taken)):
        return False
    return not any(sentence.place_at(t.i) is not None or t.lower_ in nouns or t.lemma_.lower() in nouns
                   for o in taken for t in (o, *(c for c in o.children if c.dep_ == "conj")))


def _a_countrys_whole(token: Token) -> bool:
    """ "Iraqi territory", "Syria's territory": a country as a whole, no place taken (like "entered Iraq")."""
    by_word = lexicon.countries().by_word
    return any(child.dep_ in {"amod", "compound", "poss", "nmod"} and (child.lower_,) in by_word for child in token.children)


def _moved_by_things(head: Token) -> bool:
    """ "forty trucks entered …", "a convoy of tankers moved into …": vehicles or goods take no place."""
    things = lexicon.cues().property_targets
    for subject in (c for c in clause_verb(head).children if c.dep_ == "nsubj"):
        words = [subject, *(o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
        if any(w.lower_ in things or w.lemma_.lower() in things for w in words) or carries_civilians(subject):
            return True
    return False


def carries_civilians(token: Token) -> bool:
    """ "a convoy of 40 trucks carrying food", "an aid convoy", "commercial lorries": goods, aid
    or people on the move, no force ("a convoy of trucks carrying troops", "armoured vehicles")."""
    lex = lexicon.cues()
    words = list(token.subtree)
    forms = {form for t in words for form in _word_forms(t)}
    phrases = forms | {" ".join(lexicon.normal_form(t.text) for t in words[i : i + 2]) for i in range(len(words) - 1)}
    # a force's word among the others ("a convoy" is itself one of actors.toml's military heads)
    heads = lexicon.actors().head_index
    others = {form for t in words if t.i != token.i for form in _word_forms(t)}
    if forms & lex.force_cargo or any(kind.kind in {"military", "police"} for form in others for _, kind in heads.get(form, ())):
        return False
    return bool(phrases & lex.civilian_cargo)


def _moves_no_force(head: Token) -> bool:
    """ "an aid convoy crossed …", "lorries of food arrived": what the movement word tells moving
    (the noun itself, else the verb's subject) carries civilians."""
    if head.pos_ in {"NOUN", "PROPN"}:
        return carries_civilians(head)
    return any(carries_civilians(s) for s in clause_verb(head).children if s.dep_ in {"nsubj", "nsubjpass"})


def _takes_people(verb: Token) -> bool:
    """What a verb of taking away takes ("carried off 15 women", "made off with cattle", "the
    girls were taken away") are people: a word of actors.toml heads it (women, students,
    soldiers), not goods."""
    heads = lexicon.actors().head_index
    taken = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    taken += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    return any(form in heads for token in taken for form in _word_forms(token))


def _verb_tagged_noun(token: Token) -> bool:
    """ "Russians pound Kupiansk": a headline's verb the tagger took for a noun, with a subject
    and an object of its own (money, "500,000 pounds", has neither)."""
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "dobj" in deps


def verb_read_between_names(token: Token) -> bool:
    """ "the Syrian Democratic Forces retook Manbij" parsed as one long name: a cue word tagged a
    noun between two names, the doer's name hanging on it as a compound before it and the cue
    hanging on the name after it, is no word of a name but the deed of the first done to the second."""
    # (in lower case: a capitalised word, "Drone Strike Kills Civilians", is a title-case line's)
    return (token.pos_ == "NOUN" and token.text.islower() and token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i for c in token.children)
            and any(form in lexicon.cues().by_first_word for form in _word_forms(token)))


def verb_read_as_noun(token: Token) -> bool:
    """ "a gendarme shot and killed a driver" parsed as the noun "gendarme shot": a cue word tagged a
    noun, right after the noun hanging on it as a compound and joined by "and" to a past-tense verb
    of its own, is the first of two verbs whose subject is that noun."""
    if token.pos_ != "NOUN" or not token.text.islower() or token.i == 0:
        return False
    before = token.nbor(-1)
    if before.dep_ != "compound" or before.head.i != token.i or before.pos_ != "NOUN":
        return False
    joined = any(c.dep_ == "cc" and c.lower_ in {"and", "then"} for c in token.children)
    verb = any(c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in {"VBD", "VBN"} for c in token.children)
    return joined and verb and any(form in lexicon.cues().by_first_word for form in _word_forms(token))


def headline_verb(token: Token, sentence: Sentence) -> bool:
    """ "Rebels loot hospital in X", "Protesters torch police station": in a headline the tagger
    often reads the verb after its subject as a noun modifying the object. A word of a headline
    tagged as a noun, a cue word right after an actor word and with more of the line after it (not "Army
    raids kill five", whose verb follows), is the headline's verb."""
    if not sentence.is_headline or token.i == sentence.span.start:
        return False
    # a noun, or a verb the parse hangs on the next noun ("Insurgents raid/compound village")
    if token.pos_ not in {"NOUN", "PROPN"} and token.dep_ not in {"compound", "amod"}:
        return False
    if not any(form in lexicon.cues().by_first_word for form in _title_case_forms(token, _word_forms(token))):
        return False
    following = token.nbor(1) if token.i + 1 < sentence.span.end else None
    if following is None or following.pos_ in {"VERB", "AUX"} or following.is_punct:
        return False
    before = token.nbor(-1)
    heads = lexicon.actors().head_index
    return any(form in heads for form in _word_forms(before))


def _has_a_with_word(rule: lexicon.CueRule, forms: list[tuple[str, str]], vocabulary: set[str]) -> bool:
    """One of the words the rule needs beside its terms stands in the sentence: a single word
    anywhere, a phrase of several ("central command") as those words in a row."""
    if rule.with_words & vocabulary:
        return True
    return any(vocabulary.issuperset(words) and _contains(forms, words) for words in rule.with_phrases)


def _published_not_freed(head: Token) -> bool:
    """ "in a statement released on Friday", "the group released a video": what is released is
    a text or a picture put out, not a captive set free."""
    if head.lemma_.lower() != "release":
        return False
    nouns = lexicon.status_words()["published_nouns"]
    if head.dep_ in {"acl", "amod"} and head.head.lemma_.lower() in nouns:
        return True
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in nouns for c in head.children)


def _with_word_on_the_verb(rule: lexicon.CueRule, verb: Token) -> bool:
    """A `with` word in the verb's own words, not in what its subject is said to carry or wear
    ("the protesters, carrying placards and branches, blocked the road" blocked it with nothing)."""
    subjects = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    return any(t.i not in subjects and rule.with_words & set(_word_forms(t)) for t in verb.subtree if t.i != verb.i)


def find_cues(sentence: Sentence) -> list[Cue]:
    """Every cue of the lexicon in the sentence (one token may carry several categories)."""
    lex = lexicon.cues()
    tokens = list(sentence.span)
    forms = [_word_forms(token) for token in tokens]
    if sentence.is_headline:
        forms = [_title_case_forms(token, pair) for token, pair in zip(tokens, forms)]
    describing = [_describes_next(token) for token in tokens]
    vocabulary = {form for pair in forms for form in pair}
    # a match report: "the striker led a fierce attack", "stormed into the final"
    game = any(_contains(forms, words) for words in lex.game_words if vocabulary.issuperset(words))
    cues: list[Cue] = []
    seen: set[tuple[str, int, int]] = set()
    clause_forms: dict[int, list[tuple[str, str]]] = {}  # a cue head's clause, read once
    for position, token in enumerate(tokens):
        if token.text in _HYPHENS or token.is_space:
            continue
        lower, lemma = forms[position]
        rules = lex.by_first_word.get(lower, ()) + (lex.by_first_word.get(lemma, ()) if lemma != lower else ())
        for rule in rules:
            end = _match_at(forms, position, rule.words, describing)
            if end is None:
                continue
            matched = tokens[position:end]
            head = _head_of(matched)
            key = (rule.category, matched[0].i, matched[-1].i + 1)
            if key in seen:
                continue
            if rule.pos and head.pos_ not in rule.pos and not ("VERB" in rule.pos and (_verb_tagged_noun(head) or headline_verb(head, sentence))):
                continue
            if (rule.with_words or rule.with_phrases) and not _has_a_with_word(rule, forms, vocabulary):
                continue
            if rule.with_on_verb and not _with_word_on_the_verb(rule, head):
                continue
            if rule.without_in_clause and head.i not in clause_forms:
                clause_forms[head.i] = _clause_forms(forms, head, sentence)
            # a phrase some of whose words the sentence lacks cannot be in it (a set look-up
            # spares the scan of every position)
            if any(_contains(clause_forms[head.i] if rule.without_in_clause else forms, words, describing) for words in rule.without if vocabulary.issuperset(words)):
                continue
            if _names_a_unit(head, lex.unit_nouns):
                continue
            if _published_not_freed(head):
                continue
            if rule.category == "group_change" and _duty_stepped_up(head, lex.routine_duties, lex.stepping_up_verbs):
                continue
            if rule.needs == "territory" and not has_territory_argument(head, sentence):
                continue
            if game and " ".join(rule.words) in lex.game_senses and not _hits_off_the_pitch(head, lex.game_victims):
                continue
            if " ".join(rule.words) in lex.idea_attack_senses and _attacks_only_an_idea(head, lex.idea_nouns):
                continue
            if rule.needs == "force" and _moves_no_force(head):
                continue
            if rule.needs in {"people", "goods"} and _takes_people(head) != (rule.needs == "people"):
                continue
            if rule.needs == "doer" and not _doer(head):
                continue
            if rule.needs == "seat" and not _enters_a_seat_of_power(head):
                continue
            if rule.needs == "unarmed" and armed_doer(head):
                continue
            if rule.needs == "armed" and not armed_doer(head):
                continue
            if rule.category in {"takeover", "retake"} and _striving(head):
                continue
            # "recaptured 14 escaped inmates", "an operation to recapture him": people taken back
            if rule.category == "retake" and rule.needs != "territory" and _only_people_taken(head, sentence):
                continue
            seen.add(key)
            cues.append(
                Cue(
                    category=rule.category,
                    start=matched[0].i,
                    end=matched[-1].i + 1,
                    head=head.i,
                    strength=rule.strength,
                    anchor=rule.category in lex.anchors,
                    text=sentence.doc[matched[0].i : matched[-1].i + 1].text,
                )
            )
    return _drop_contained(_without_the_riot_as_a_time(cues, sentence))


def _without_the_riot_as_a_time(cues: list[Cue], sentence: Sentence) -> list[Cue]:
    """ "Relatives gathered outside the prison during the riot to demand news": a riot named
    back ("the riot") as the time of a crowd's gathering is when it gathered, not the crowd's
    deed; the gathering is the clause's happening."""
    if not any(c.category == "protest" for c in cues):
        return cues
    doc = sentence.doc

    def as_a_time(cue: Cue) -> bool:
        head = doc[cue.head]
        return (cue.category == "riot_violence" and head.dep_ == "pobj" and head.head.lower_ == "during"
                and any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that"} for c in head.children))

    return [c for c in cues if not as_a_time(c)]


def _duty_stepped_up(head: Token, duties: frozenset[str], verbs: frozenset[str]) -> bool:
    """ "peacekeepers had reinforced their patrols around X", "police stepped up patrols": more of
    a routine duty is a security measure, neither the verb nor the duty a movement of forces."""
    if head.lemma_.lower() in verbs:
        return any(c.dep_ == "dobj" and c.lower_ in duties for c in head.children)
    return head.lower_ in duties and head.dep_ == "dobj" and head.head.lemma_.lower() in verbs


def _names_a_unit(head: Token, units: frozenset[str]) -> bool:
    """The cue word only describes an armed group's unit ("a rocket-launching cell", "its drone
    unit"): a modifier of a unit noun, directly or through the participle it modifies."""
    current = head
    for _ in range(2):
        if current.dep_ not in {"compound", "npadvmod", "amod", "nmod"} or current.head.i == current.i:
            return False
        current = current.head
        if current.lower_ in units and current.pos_ == "NOUN":
            return True
    return False


# "were fighting to retake the town", "battled to seize the base": a fight for a place, not its fall
_STRIVING = {"fight", "battle", "struggle", "strive", "push", "scramble"}


def _striving(token: Token) -> bool:
    return token.dep_ in {"xcomp", "advcl"} and token.head.lemma_.lower() in _STRIVING and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _doer(token: Token) -> bool:
    """The word names who acts: a subject ("vigilantes lynched …"), the agent of a passive ("… by
    vigilantes"), or a conjunct of one; not an object, a victim or a modifier."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in {"NOUN", "PRON"}:
        token = token.head.head  # "a group of vigilantes beat …": the group acts
    if token.dep_ == "nsubj":
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent"


def armed_doer(verb: Token) -> bool:
    """Who does the verb are armed men ("rebels were marching against the town", "hundreds of
    fighters marched on X", "a column of troops marched into Y"): triggers.toml `armed_marchers`."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    armed = lexicon.cues().armed_marchers
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = [subject] + [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if any(w.lower_ in armed for w in words):
            return True
    return False


def _enters_a_seat_of_power(verb: Token) -> bool:
    """What the verb storms or breaks into is where a state governs ("stormed the parliament",
    "broke into the national congress", "stormed the governor's office"), triggers.toml
    `seat_of_power_nouns` / `seat_holders`; not a party's office or a police station."""
    lex = lexicon.cues()
    places = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    places += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"into", "inside"} for o in p.children if o.dep_ == "pobj"]
    for place in places:
        if place.lower_ in lex.seats_of_power or place.lemma_.lower() in lex.seats_of_power:
            return True
        # "the governor's office", "the presidential palace", "the mayor's residence"
        if place.lemma_.lower() in {"office", "residence", "palace", "compound", "building", "headquarters"}:
            if any(c.dep_ in {"poss", "compound", "amod"} and c.lower_ in lex.seat_holders for c in place.children):
                return True
            # "the building of the regional parliament"
            if any(p.lower_ == "of" and any(o.lower_ in lex.seats_of_power for o in p.children if o.dep_ == "pobj") for p in place.children if p.dep_ == "prep"):
                return True
    return False


_CLAUSE_LINKS = frozenset({"conj", "advcl", "ccomp", "parataxis"})


def _with_clause(verb: Token) -> bool:
    """ "…, with drones deployed over the area": the setting of the clause it hangs on."""
    return any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)


def _not_yet(verb: Token) -> bool:
    """ "sappers disarmed the car bomb before it could go off": a clause of what did not happen
    (yet) is read with the clause it hangs on."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"before", "until", "till"} for c in verb.children)


def _hits_off_the_pitch(head: Token, victims: frozenset[str]) -> bool:
    """A game word's verb whose object is people or things off the play ("fans attacked the
    referee and police officers", "stormed the stadium"): violence at a match, not a move in it."""
    if head.pos_ != "VERB":
        return False
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ in {"at", "on"} for g in c.children if g.dep_ == "pobj"]
    objects += [c for o in list(objects) for c in o.conjuncts]
    return any(o.lower_ in victims or o.lemma_.lower() in victims for o in objects)


def _attacks_only_an_idea(head: Token, ideas: frozenset[str]) -> bool:
    """ "The party attacked the budget", "an attack on the reform plan": every thing attacked is
    a text, plan or measure, so the attack is criticism, not violence."""
    if head.pos_ == "VERB":
        objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    else:
        objects = [g for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "against"} for g in c.children if g.dep_ == "pobj"]
    objects += [c for o in list(objects) for c in o.conjuncts]
    return bool(objects) and all(o.lower_ in ideas or o.lemma_.lower() in ideas for o in objects)


def _clause_forms(forms: list[tuple[str, str]], head: Token, sentence: Sentence) -> list[tuple[str, str]]:
    """The sentence's word forms with those of other clauses blanked: a cue's exclusions are read
    in its own clause ("troops bombed a school while rebels shelled the town": the shelling of
    the other clause does not make the bombing a shelling). Another clause is one with its own
    subject, coordinated with or subordinate to the cue's clause, or the clause the cue's clause
    hangs on. A participle describing a noun ("a drone launched towards the city") is read in
    the clause of that noun ("air defences shot down a drone launched …"), a complement in the
    clause of its verb (the parse makes "intercepted rockets fired at X" a complement)."""
    verb = clause_verb(head)
    for _ in range(6):
        if (verb.dep_ not in {"acl", "amod", "ccomp", "xcomp"} and not _with_clause(verb) and not _not_yet(verb)) or verb.head.i == verb.i:
            break
        verb = clause_verb(verb.head)
    inside = {t.i for t in verb.subtree}
    for token in verb.subtree:
        if (
            token is not verb
            and token.dep_ in _CLAUSE_LINKS
            and token.pos_ in {"VERB", "AUX"}
            and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)
            and not _with_clause(token)
            and not _not_yet(token)
            and not (token.left_edge.i <= head.i <= token.right_edge.i)
        ):
            inside -= {t.i for t in token.subtree}
    start = sentence.span.start
    return [pair if start + n in inside else ("", "") for n, pair in enumerate(forms)]


# cue categories whose phrase reads the words inside it more narrowly even when those words are
# of another kind: what a deed is ("sexually assaulted") and that a fight did not happen
_NARROWING = frozenset({"sexual"})
_NEGATING = frozenset({"nofight"})


def _drop_contained(cues: list[Cue]) -> list[Cue]:
    """A cue inside a longer cue is the same words read more narrowly: keep the longer one
    ("shot down a drone" is no shooting; "car bomb" is no "bomb" of another kind)."""
    kept = []
    for cue in cues:
        inside = any(
            other is not cue
            # ... and a qualifier read inside a phrase that says what it is: "sexually assaulted"
            # is no riot's assault, "without a fight" no fight
            and (other.category == cue.category or (cue.anchor and other.anchor) or (other.category in _NARROWING and not cue.anchor) or other.category in _NEGATING)
            and other.start <= cue.start
            and cue.end <= other.end
            and (other.end - other.start) > (cue.end - cue.start)
            for other in cues
        )
        if not inside:
            kept.append(cue)
    return sorted(kept, key=lambda cue: (cue.start, cue.category))
