"""Who says it: reporting verbs, "according to", "X quoted Y as saying", and the claim chain.

A Statement is one reporting frame in a sentence: the speaker (with role, channel and the outlet
that relayed it), the tokens of what is reported (its complement) and the tokens of the frame
itself, which are not part of any event ("…, a resident of Kobo said": Kobo is where the
speaker lives, not where the event was). The chain of an event is the list of statements whose
complement holds it, innermost first, as the output contract wants.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from thucydides.extract import lexicon
from thucydides.extract.actors import is_group_name
from thucydides.extract.dates import is_time_word
from thucydides.extract.sentences import Sentence
from thucydides.model import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

_COMPLEMENT_DEPS = {"ccomp", "xcomp", "parataxis"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
_CLIP_DEPS = {"relcl", "acl", "punct", "cc", "conj", "advcl"}
# "informed about the attacks", "spoke of an ambush", "reported on the clashes"
_TOPIC_PREPOSITIONS = {"about", "of", "on", "regarding", "concerning"}
_DESCRIBING_PREPOSITIONS = {"of", "for", "on", "in", "from", "at"}


@dataclass
class Statement:
    verb: Token  # the reporting verb, or "according"/"citing"
    link: Attribution
    kind: str  # "say", "claim", "deny", "confirm", "according", "dispute"
    complement: set[int]  # token indices of what is reported
    frame: set[int]  # token indices of the reporting frame itself (speaker, verb, channel…)
    speaker_words: str  # lower-case words of speaker, role and via, for party/neutral tests

    @property
    def is_party(self) -> bool:
        if self.is_observer:
            return False
        words = set(self.speaker_words.replace("-", " - ").split()) | {self.speaker_words}
        party = lexicon.status_words()["party_words"]
        # (an armed group named by the dictionary speaks for a side: "Hamas accused Israel of …")
        return bool(words & party) or any(p in self.speaker_words for p in party if "-" in p) or is_group_name(self.link.speaker) or _owned_by_a_side(self.link.speaker)

    @property
    def is_observer(self) -> bool:
        """The speaker (not the outlet relaying it) is a body that takes no part in the fighting."""
        own = self.speaker_words
        if self.link.via:
            own = own.replace(self.link.via.lower(), " ")
        if _owned_by_a_side(self.link.speaker):
            return False  # "the Islamic State's Amaq news agency": a side's own outlet
        return _names_observer(own)

    @property
    def is_neutral(self) -> bool:
        words = set(self.speaker_words.split())
        return (bool(words & lexicon.status_words()["neutral_words"]) or self.is_observer) and not self.is_party


def _owned_by_a_side(speaker: str) -> bool:
    """ "the Islamic State's Amaq news agency", "the Taliban's spokesman": a named armed group's own."""
    return "'s " in speaker and is_group_name(speaker.split("'s ")[0].removeprefix("the ").removeprefix("The "))


@functools.lru_cache(maxsize=4096)  # bounded: a server reads speaker phrases without end
def _names_observer(words: str) -> bool:
    # "a UN official", not "the UN-backed government"
    return any(words[m.end() : m.end() + 1] != "-" for body in lexicon.status_words()["observer_bodies"] for m in lexicon.iter_phrase(body, words))


@dataclass
class SpeakerMemory:
    """The last named speaker, so that "he said" in a later sentence has a name."""

    last: Attribution | None = None
    last_words: str = ""
    history: list[tuple[Attribution, str]] = field(default_factory=list)
    # named armed groups as written, so that "the group said" has a name: those of the sentence
    # being read (token index, words) and those of earlier sentences
    groups_here: list[tuple[int, str]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # outlets named so far ("the agency reported")


def _text(tokens: list[Token]) -> str:
    """The words of ``tokens`` as written (with their spaces), words left out between them skipped."""
    if not tokens:
        return ""
    return "".join(t.text_with_ws for t in tokens).strip(" ,\"'“”")


def _noun_phrase(head: Token) -> list[Token]:
    """The head's phrase without relative clauses, appositions and trailing commas."""
    keep = [head]
    name_tail: list[Token] = []
    for child in head.children:
        if child.dep_ in _CLIP_DEPS or child.dep_ == "appos":
            continue
        if child.dep_ == "prep" and child.i > head.i:
            # a name that runs on: "the Syrian Observatory for Human Rights", "Ministry of Defence"
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if head.pos_ == "PROPN" and child.lower_ in {"of", "for"} and pobj is not None and pobj.pos_ == "PROPN" and child.i == head.i + 1:
                name_tail = [child, *pobj.subtree]
            # who the speaker is, told by what follows: "the information centre on shelling",
            # "residents in the village", "a spokesman for the police" (not "on Tuesday")
            elif head.pos_ in {"NOUN", "NUM"} and child.lower_ in _DESCRIBING_PREPOSITIONS and pobj is not None and child.i == head.i + 1 and not is_time_word(pobj.text):
                name_tail = [t for t in child.subtree if t.dep_ not in {"relcl", "acl", "appos"} and (not t.is_punct or t.text in {"-", "–"})]
                name_tail = [t for t in name_tail if t.i < _first_clip(child)]
                # "a resident in nearby X town": where the speaker lives, not how near it is
                name_tail = [t for t in name_tail if not (t.dep_ == "amod" and t.lower_ in lexicon.status_words()["relative_place_words"])]
            continue
        keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
        tokens = tokens[1:]
    # keep a contiguous run ending at the head
    run = [t for t in tokens if t.i <= head.i] + sorted(name_tail, key=lambda t: t.i)
    contiguous: list[Token] = []
    for token in reversed([t for t in run if t.i <= head.i]):
        if contiguous and token.i != contiguous[0].i - 1:
            break
        contiguous.insert(0, token)
    return contiguous + sorted(name_tail, key=lambda t: t.i)


def _first_clip(prep: Token) -> int:
    """Where a speaker's describing phrase ends: before a comma or a clause inside it."""
    for token in prep.subtree:
        if token.i > prep.i and ((token.is_punct and token.text not in {"-", "–"}) or token.dep_ in {"relcl", "acl", "appos"}):
            return token.i
    return prep.right_edge.i + 1


def _split_name(tokens: list[Token]) -> tuple[str | None, str | None]:
    """(name, role) of a speaker phrase: "Defence Minister General Bismillah Mohammadi"."""
    words = lexicon.status_words()
    titles, ranks = words["title_words"], words["ranks"]
    name: list[Token] = []
    for token in reversed(tokens):
        if token.pos_ == "PROPN" and token.lower_ not in titles and token.lower_ not in ranks or (
            name and token.text in {"-", "al", "bin", "ibn", "el", "de", "van", "abu", "abdul"}
        ):
            name.insert(0, token)
        else:
            break
    rest = tokens[: len(tokens) - len(name)]
    # a rank before a name is left out of the role ("General Ali"); with no name it is a word of
    # the speaker's own ("the general staff", "the general command")
    role_tokens = [t for t in rest if (t.lower_ not in ranks or not name) and t.dep_ != "det"]
    role = _text(role_tokens) or None
    if name and len(name) == 1 and name[0].lower_ in {w for w in words["party_words"]}:
        return None, _text(tokens) or None
    return (_text(name) or None), role


def _appositive_role(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "appos":
            tokens = [t for t in child.subtree if not (t.i == child.left_edge.i and t.dep_ == "det")]
            tokens = [t for t in tokens if not t.is_punct or t.text == "-"]
            text = _text(sorted(tokens, key=lambda t: t.i))
            return text or None
    return None


_PLATFORMS = ("telegram", "facebook", "twitter", "social media")


def _channel(verb: Token) -> str | None:
    channels = lexicon.status_words()["channels"]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "on", "via", "by", "through", "at"}:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                # a platform first ("in a post on Telegram"), then the noun of the phrase: "in a
                # statement read on state television" is a statement
                own = " ".join(t.lower_ for t in pobj.subtree if t.i <= pobj.i and t.dep_ != "det")
                phrase = " ".join(t.lower_ for t in pobj.subtree if t.dep_ != "det")
                platform = next((p for p in _PLATFORMS if lexicon.find_phrase(p, phrase)), None)
                if platform is not None:
                    return platform
                for words in (own, phrase):
                    for channel in sorted(channels, key=len, reverse=True):
                        if lexicon.find_phrase(channel, words):
                            return channel
    return None


def _is_clause(token: Token) -> bool:
    """An object that is a misparsed "that"-clause ("added that a strike damaged …")."""
    left = token.left_edge
    return left.lower_ == "that" and left.dep_ == "mark"


def _is_topic(prep: Token) -> bool:
    """A topic phrase ("about the attacks"), not a time or a channel ("on Tuesday", "on Twitter")."""
    if prep.dep_ != "prep" or prep.lower_ not in _TOPIC_PREPOSITIONS:
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    channels = lexicon.status_words()["channels"]
    return pobj is not None and not is_time_word(pobj.text) and pobj.lemma_.lower() not in channels and not _is_outlet(pobj)


def _is_outlet(token: Token) -> bool:
    phrase = " ".join(t.lower_ for t in _noun_phrase(token))
    outlets = lexicon.status_words()["outlets"]
    return phrase in outlets or token.lower_ in outlets or any(phrase.endswith(" " + o) for o in outlets)


def _speaker(head: Token | None, memory: SpeakerMemory) -> tuple[str, str | None, str | None, str]:
    """(speaker, role, channel, words) for a subject phrase, resolving pronouns from memory."""
    if head is None:
        return "unnamed source", None, None, ""
    if head.lower_ in _PRONOUNS and memory.last is not None:
        last = memory.last
        if head.lower_ == "it" and _a_person(last):
            return "unnamed source", None, None, ""  # "it" stands for a body, never the person last heard
        return last.speaker, last.role, None, memory.last_words
    # "Faqiri said": the speaker named in full earlier
    if head.pos_ == "PROPN":
        # "Martínez Celis said": the surname, one word or several, of someone named before
        words = _noun_phrase(head)
        surname = [t.text for t in words]
        if all(t.pos_ == "PROPN" for t in words):
            for earlier, earlier_words in reversed(memory.history):
                names = earlier.speaker.split()
                if len(names) >= len(surname) and names[-len(surname) :] == surname:
                    return earlier.speaker, earlier.role, None, earlier_words
    named = _definite_reference(head, memory)
    if named is not None:
        return named, None, None, f"{named.lower()} {head.lower_}"
    channel = None
    # "a pro-Russian Telegram channel said": a channel of that medium
    if head.lemma_.lower() in lexicon.status_words()["outlet_speaker_nouns"]:
        channel = next((c.lower_ for c in head.children if c.dep_ in {"compound", "amod"} and c.lower_ in lexicon.status_words()["channels"]), None)
    # "a statement from an Army official said", "the army's statement said"
    if head.lemma_.lower() in lexicon.status_words()["channels"]:
        channel = head.lemma_.lower()
        inner = next(
            (c for p in head.children if p.dep_ == "prep" and p.lower_ in {"from", "by", "of"} for c in p.children if c.dep_ == "pobj"),
            None,
        ) or next((c for c in head.children if c.dep_ == "poss"), None)
        if inner is not None:
            head = inner
    phrase = _noun_phrase(head)
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    if any(t.lower_ in {"of", "for"} or (t.dep_ == "prep" and t.head.i == head.i) for t in phrase):
        # an organisation's name ("the Syrian Observatory for Human Rights"), or a speaker told
        # by where or what they are ("residents in Kobo"): no person, no role
        name, role = _text(phrase), None
    else:
        name, role = _split_name(phrase)
    appositive = _appositive_role(head)
    if appositive:
        role = appositive if not role else f"{role}, {appositive}"
    if conjuncts and not name:
        # "police and witnesses": several speakers, no one's role
        name = _text(sorted([t for t in head.subtree if t.dep_ not in {"relcl"}], key=lambda t: t.i)) or None
        role = None
    speaker = name or role or _text(phrase) or head.text
    if name is None:
        role = None
    words = " ".join(t.lower_ for t in head.subtree)
    return speaker, role, channel, words


def _a_person(link: Attribution) -> bool:
    """The speaker is a person ("a local aid worker", "the governor"), by its last word or its role's."""
    persons = lexicon.status_words()["person_speaker_nouns"]
    words = [w.lower() for w in (link.speaker, link.role or "") if w]
    return any(w.split()[-1] in persons for w in words)


def _definite_reference(head: Token, memory: SpeakerMemory) -> str | None:
    """ "the group said" → the armed group named last before it; "the agency reported" → the
    outlet named last."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children):
        return None
    if any(c.dep_ in {"compound", "amod", "poss"} or (c.dep_ == "prep" and c.lower_ in {"of", "for"}) for c in head.children):
        return None  # "the rebel group", "the group of residents": described, not referred back to
    words = lexicon.status_words()
    lemma = head.lemma_.lower()
    if lemma in words["group_speaker_nouns"]:
        here = [name for i, name in memory.groups_here if i < head.i]
        found = here or memory.groups
        return found[-1] if found else None
    if lemma in words["outlet_speaker_nouns"] and memory.outlets:
        return memory.outlets[-1]
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    # "stated" coordinated with "quoted": the first verb's subject; "confirmed the attack,
    # saying …": the participle's speaker is the main verb's
    if verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}):
        return _subject(verb.head)
    return _trailing_speaker(verb)


def _trailing_speaker(verb: Token) -> Token | None:
    """ "…, police and witnesses said.": a closing reporting verb whose subject the parse hung on
    the clause before it (as a conjunct of its last noun) has the nouns between the comma and it."""
    if verb.i == 0 or not verb.doc[verb.i - 1].pos_ in {"NOUN", "PROPN"}:
        return None
    start = verb.i - 1
    while start > 0 and not verb.doc[start - 1].is_punct:
        start -= 1
    if start == 0 or verb.doc[start - 1].text != ",":
        return None
    return next((t for t in verb.doc[start : verb.i] if t.pos_ in {"NOUN", "PROPN"}), None)


def _complement_roots(verb: Token) -> list[Token]:
    roots = [c for c in verb.children if (c.dep_ in _COMPLEMENT_DEPS and c.pos_ in {"VERB", "AUX", "NOUN", "PROPN", "ADJ"}) or (c.dep_ == "dobj" and _is_clause(c))]
    # "said in a statement that police arrested …", the clause parsed as the statement's own:
    # what a channel of the verb says is what the verb reports
    channels = lexicon.status_words()["channels"]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "on", "via", "through"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in channels:
                    roots.extend(c for c in pobj.children if c.dep_ in {"acl", "relcl"} and c.pos_ in {"VERB", "AUX"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
    # "Shelling killed three children in X, a doctor told Reuters.": the report before the comma,
    # parsed as an adverbial clause of the verb closing the sentence (not "After X fell, …")
    for child in verb.children:
        right = child.right_edge.i + 1
        if (child.dep_ == "advcl" and child.i < verb.i and child.pos_ == "VERB" and right < len(verb.doc) and verb.doc[right].text == ","
                and not any(c.dep_ in {"mark", "advmod"} and c.i < child.i for c in child.children) and not roots):
            roots.append(child)
    roots.extend(_clauses_of_a_fronted_report(verb, roots))
    # "quoted a commander as saying that …"
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for pcomp in child.children:
                if pcomp.dep_ == "pcomp":
                    roots.extend(c for c in pcomp.children if c.dep_ in _COMPLEMENT_DEPS)
    return roots


def _clauses_of_a_fronted_report(verb: Token, roots: list[Token]) -> list[Token]:
    """ "Two guards were killed when gunmen attacked their post in X, a source told AFP": the
    small model hangs the "when" clause on the telling verb at the end; set between the report
    told first and its verb, it is part of what is reported (its deed, its place), not the frame."""
    if not roots or any(r.i > verb.i for r in roots):
        return []
    first = min(r.i for r in roots)
    return [c for c in verb.children if c.dep_ == "advcl" and c.pos_ in {"VERB", "AUX"} and first < c.i < verb.i and c not in roots]


def _calls_untrue(verb: Token) -> bool:
    """ "The military called the reports baseless", "described the account as fabricated": a
    denial of an account told before."""
    if verb.lemma_.lower() not in {"call", "describe", "brand", "label", "term"}:
        return False
    nouns = lexicon.status_words()["report_nouns"]
    # "called the report enemy propaganda", parsed as one noun phrase headed by the falsity
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _FALSITY and any(m.dep_ == "compound" and m.lemma_.lower() in nouns for m in c.children)
           for c in verb.children):
        return True
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children):
        return False
    said = [c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "advcl"}]  # ("as fabricated": an advcl)
    said += [p for a in verb.children if a.dep_ == "prep" and a.lower_ == "as" for p in a.children if p.dep_ == "pobj"]
    return any(t.lemma_.lower() in _FALSITY or t.lower_ in _FALSITY for c in said for t in c.subtree)


def _confirmed_by(verb: Token) -> Token | None:
    """The agent of a passive confirmation ("was confirmed by a local official")."""
    if verb.lemma_.lower() not in lexicon.status_words()["corroboration_verbs"] or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    return next((c for p in verb.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"), None)


def _extraposed_falsity(clause: Token) -> bool:
    """ "it was categorically false that troops had executed …", "it is untrue that rebels
    entered X": a copula with "it" calling its "that"-clause untrue."""
    return (clause.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children)
            and any(c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in _FALSITY for c in clause.children)
            and any(c.dep_ == "ccomp" for c in clause.children))


def _kind(verb: Token) -> str:
    words = lexicon.status_words()
    lemma = verb.lemma_.lower()
    if _calls_untrue(verb) or any(c.dep_ == "ccomp" and _extraposed_falsity(c) for c in verb.children):
        return "deny"
    if lemma in words["denial_verbs"]:
        # "denied responsibility for the bombing": who did it is denied, not that it happened
        if any(c.dep_ == "dobj" and c.lemma_.lower() in words["authorship_nouns"] for c in verb.children):
            return "say"
        return "deny"
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "acl"} and _restates_denied(verb.head):
        # "denies the allegations relayed by X, claiming that …": the participle tells the
        # account denied
        return "deny"
    if lemma in words["claim_verbs"]:
        return "claim"
    if lemma in words["corroboration_verbs"]:
        return "confirm"
    return "say"


def _restates_denied(head: Token) -> bool:
    """``head`` (what a participle hangs on) is a denial of an account or that account: "denies
    the allegations …, claiming", "the reports … saying", which a denial has as its object."""
    words = lexicon.status_words()
    nouns = words["report_nouns"]
    if head.lemma_.lower() in words["denial_verbs"]:
        # (the account may be parsed as the subject of its participle: "denies the rumours spread …")
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [g for c in head.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
        return any(o.lemma_.lower() in nouns for o in objects)
    return head.lemma_.lower() in nouns and head.dep_ == "dobj" and head.head.lemma_.lower() in words["denial_verbs"]


def _is_reporting(verb: Token) -> bool:
    words = lexicon.status_words()
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if _calls_untrue(verb):
        return True
    if lemma not in words["reporting_verbs"] and lemma not in words["denial_verbs"] and lemma not in words["claim_verbs"]:
        return False
    # "quoted X as saying": the frame is the quoting verb's
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        return False
    # "marched to reject the new law": a purpose or a demand, not a denial; a statement "issued
    # to deny that …", "to deny the reports" or "… and denied that …" still denies
    if lemma in words["denial_verbs"] and _purpose(verb) and not _denies_an_account(verb):
        return False
    # "no one claimed responsibility", "did not say": nothing is reported
    if any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in {"nobody", "none", "nothing"} or any(d.lower_ == "no" for d in c.children))
        for c in verb.children
    ):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "claimed the lives of 21 civilians" is a death; "added scattered signs" is no report
    if any(c.lemma_.lower() in {"life", "lives"} for c in objects):
        return False
    # "added that a drone strike damaged …" parsed with the clause as an object: still a report
    objects = [c for c in objects if not _is_clause(c)]
    if objects and lemma not in {"quote", "tell", "claim", "confirm", "report", "cite", "accuse", "inform", "show", "put"} | set(words["denial_verbs"]):
        return False
    return True


def _purpose(verb: Token) -> bool:
    """ "marched to reject …", "a sit-in against X and to reject Y", "held a vigil and rejected
    the new law": an infinitive hanging on a clause or a noun (not the complement of "was quick
    to deny"), or a verb sharing the subject of the one before, tells what the actors want."""
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if infinitive and verb.dep_ in {"advcl", "conj", "acl", "relcl"}:
        return True
    return verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _denies_an_account(verb: Token) -> bool:
    """ "to deny that troops …", "to reject the reports of …": what is denied is something said."""
    nouns = lexicon.status_words()["report_nouns"]
    return bool(_complement_roots(verb)) or any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children)


def _quoted_speaker(verb: Token) -> tuple[Token | None, Token | None]:
    """For "X quoted Y as saying": (Y, X)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj, _subject(verb)


def statements_in(sentence: Sentence, memory: SpeakerMemory) -> list[Statement]:
    """The reporting frames of one sentence, in order; updates ``memory`` with named speakers."""
    statements: list[Statement] = []
    by_verb: dict[int, Statement] = {}
    for token in sentence.span:
        # "citing X" before the reporting verbs ("cite" is one): a source phrase, not a verb of its own
        if token.lower_ in {"citing", "quoting"} and token.dep_ in {"advcl", "xcomp", "prep", "acl"}:
            statement = _citing_statement(token, memory)
        elif _content_clause(token) is not None:
            statement = _content_statement(token, memory, by_verb)
        elif _is_reporting(token):
            statement = _reporting_statement(token, sentence, memory, by_verb)
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            statement = _according_statement(token, memory)
        else:
            continue
        if statement is None:
            continue
        statements.append(statement)
        by_verb[token.i] = statement
        if statement.link.speaker != "unnamed source" and statement.speaker_words:
            memory.last, memory.last_words = statement.link, statement.speaker_words
            memory.history.append((statement.link, statement.speaker_words))
        if statement.link.via:
            memory.outlets.append(statement.link.via)
    return _cited_by_speaker(statements)


# what says an account is untrue: "reports that … were false", "dismissed as baseless"
_FALSITY = {"false", "untrue", "baseless", "unfounded", "groundless", "fake", "fabricated", "fabricate", "fabrication", "invented", "lie", "lies", "propaganda", "nonsense", "fiction", "disinformation", "misinformation", "rumour", "rumor"}


def _content_clause(noun: Token) -> Token | None:
    """The "that"-clause telling what an account says ("claims that soldiers had burned homes",
    "reports that rebels had seized X"): the clause's verb."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in lexicon.status_words()["report_nouns"] - {"charge", "statement"}:
        return None
    own = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ in {"VERB", "AUX"} and _opens_with_that(c)), None)
    source = _source_after(noun)
    if own is None and source is not None:
        # "refuted allegations by a rights group that officers had …": the clause hung on the source
        own = next((c for c in source.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ in {"VERB", "AUX"} and _opens_with_that(c)), None)
    return own


def _source_after(noun: Token) -> Token | None:
    """ "allegations by a rights group": the source in a "by" phrase right after the account's
    noun, which the parse may hang on the verb governing the noun."""
    following = noun.right_edge.i + 1
    if following >= len(noun.doc):
        return None
    prep = noun.doc[following]
    if prep.dep_ != "prep" or prep.lower_ not in {"by", "from"} or prep.head.i not in {noun.i, noun.head.i}:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _side_modifier(noun: Token) -> Token | None:
    """ "a rebel claim", "militant claims": the side a modifier names as the account's source."""
    parties = lexicon.status_words()["party_words"]
    return next((c for c in noun.children if c.dep_ in {"amod", "compound"} and c.lower_ in parties and c.i < noun.i), None)


def _opens_with_that(verb: Token) -> bool:
    """A "that" opening the clause as a conjunction, not a relative pronoun ("the claim that he
    made"); the parse may take it for the object of a verb that has its own ("a claim that they
    had shot down a drone")."""
    that = next((c for c in verb.children if c.lower_ == "that" and c.i < verb.i), None)
    if that is None:
        return False
    if that.dep_ == "mark":
        return True
    return sum(1 for c in verb.children if c.dep_ == that.dep_) > 1


def _governor(noun: Token) -> Token:
    """The verb an account noun hangs on ("rejected claims", "dismissed as propaganda reports")."""
    head = noun.head
    while head.dep_ == "prep" or (head.pos_ == "ADP" and head.head.i != head.i):
        head = head.head
    # "dismissed as fabricated a rebel claim", the claim parsed as the participle's object
    if head.lemma_.lower() in _FALSITY and head.dep_ in {"advcl", "xcomp", "oprd", "acomp"} and head.head.i != head.i:
        head = head.head
    return head


def _called_false(noun: Token) -> bool:
    """ "reports that … were fake news", "there is no truth in reports that …", "dismissed reports
    that … as fabricated": the account is said to be untrue."""
    head = noun.head
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return any(c.dep_ in {"attr", "acomp", "oprd"} and (c.lemma_.lower() in _FALSITY or any(t.lemma_.lower() in _FALSITY for t in c.subtree)) for c in head.children)
    if noun.dep_ == "pobj" and head.head.lower_ == "truth" and any(c.lower_ in {"no", "little"} for c in head.head.children):
        return True
    return False


def _content_statement(noun: Token, memory: SpeakerMemory, by_verb: dict[int, Statement]) -> Statement | None:
    """An account told by its noun and "that"-clause: what the clause says is reported by the
    account's source ("the group's claim that …", "a claim by the rebels that …"), and denied by
    whoever rejects it ("the army rejected claims that …", "reports that … were fake news")."""
    clause = _content_clause(noun)
    assert clause is not None
    words = lexicon.status_words()
    complement = {t.i for t in clause.subtree}
    # "received reports that on Sunday, armed men believed to be X members abducted three workers":
    # a clause the parse hangs on the noun after its "that"-clause goes on telling what is reported
    complement |= {t.i for c in noun.children if c.i > clause.i and c.dep_ in {"acl", "relcl", "ccomp"} and c.pos_ in {"VERB", "AUX"} for t in c.subtree}
    frame = ({t.i for t in noun.subtree} | ({t.i for t in clause.head.subtree} if clause.head.i != noun.i else set())) - complement
    governor = _governor(noun)
    source = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
        (c for p in noun.children if p.dep_ == "prep" and p.lower_ in {"by", "from"} for c in p.children if c.dep_ == "pobj"), None
    ) or _source_after(noun) or _side_modifier(noun)
    rejected = (governor.lemma_.lower() in words["denial_verbs"] and governor.pos_ in {"VERB", "AUX"}) or _called_false(noun)
    if source is not None:
        # the account is its source's; a denial of it contradicts it (the denial statement of
        # the verb, read before, becomes a dispute of this one)
        speaker, role, channel, speaker_words = _speaker(source, memory)
        kind = "claim" if noun.lemma_.lower() == "claim" else "say"
        denial = by_verb.get(governor.i)
        if rejected and denial is not None and denial.kind == "deny":
            denial.kind, denial.complement = "dispute", set(complement)
        return Statement(clause, Attribution(speaker=speaker, role=role, channel=channel), kind, complement, frame, speaker_words)
    if rejected:
        denier = _subject(governor) if governor.pos_ in {"VERB", "AUX"} and governor.lemma_.lower() in words["denial_verbs"] else None
        if denier is None:
            # "the army said reports that … were false": the speaker of the frame around it
            outer = next((by_verb[a.i] for a in noun.ancestors if a.i in by_verb), None)
            if outer is not None:
                return Statement(clause, outer.link, "deny", complement, frame, outer.speaker_words)
        speaker, role, channel, speaker_words = _speaker(denier, memory)
        return Statement(clause, Attribution(speaker=speaker, role=role, channel=channel), "deny", complement, frame, speaker_words)
    kind = "claim" if noun.lemma_.lower() == "claim" else "say"
    return Statement(clause, Attribution(speaker="unnamed source"), kind, complement, frame, "")


def subject_told(verb: Token) -> bool:
    """ "X were reported to have shelled …", "X is said to have attacked …": a passive verb of
    saying whose subject does the deed of its infinitive."""
    return _subject_told(verb, _complement_roots(verb))


def _subject_told(verb: Token, roots: list[Token]) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        r.dep_ == "xcomp" and r.head.i == verb.i and not any(c.dep_ == "auxpass" for c in r.children) for r in roots
    )


def _reporting_statement(verb: Token, sentence: Sentence, memory: SpeakerMemory, by_verb: dict[int, Statement]) -> Statement | None:
    roots = _complement_roots(verb)
    complement: set[int] = set()
    for root in roots:
        complement.update(t.i for t in root.subtree)
    if _subject_told(verb, roots):
        # "regime forces were reported to have used chlorine": the subject of the passive is the
        # infinitive's doer, told with its deed, no speaker
        complement.update(t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree)
    if not roots:
        # "…, security sources told AFP on Tuesday" after the clause it reports (parsed as conj)
        head = verb.head
        if verb.dep_ in {"conj", "parataxis"} and head.i < verb.i and head.pos_ in {"VERB", "AUX"}:
            complement = {t.i for t in head.subtree} - {t.i for t in verb.subtree}
        elif verb.lemma_.lower() in lexicon.status_words()["denial_verbs"] | lexicon.status_words()["claim_verbs"]:
            complement = {t.i for c in verb.children if c.dep_ in {"dobj", "prep"} for t in c.subtree}
            # "dismissed as fabricated a rebel claim …": the object parsed on the participle
            complement |= {t.i for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in _FALSITY
                           for o in c.children if o.dep_ == "dobj" for t in o.subtree}
        elif verb.lemma_.lower() in lexicon.status_words()["accusing_verbs"]:
            # "accused rebels of shelling …": the accused and the deed are what is told (who
            # did it is the accused, so the accused is no part of the frame)
            if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
                return None
            complement = {t.i for c in verb.children if c.dep_ in {"dobj", "prep"} for t in c.subtree}
        elif _confirmed_by(verb) is not None:
            # "the ambush … was confirmed by a local official": the subject is what is told
            complement = {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
        elif not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            # "confirmed the incident", "informed about attacks on …": what the object of a
            # confirmation or the topic phrase names is what is reported ("an air raid was
            # reported on Nihm" is passive: the raid itself, at Nihm)
            confirming = verb.lemma_.lower() in lexicon.status_words()["corroboration_verbs"]
            complement = {
                t.i
                for c in verb.children
                if (confirming and c.dep_ == "dobj" and not _is_outlet(c)) or _is_topic(c)
                for t in c.subtree
            }
        if not complement and _denies_an_account_told(verb, roots):
            complement = {verb.head.i}  # "…, a claim the army denied": the claim
        if not complement:
            return None
    lemma = verb.lemma_.lower()
    via = None
    if lemma == "quote":
        speaker_head, via_head = _quoted_speaker(verb)
        via = _text(_noun_phrase(via_head)) if via_head is not None else None
    elif verb.dep_ == "conj" and verb.head.i in by_verb and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        # "quoted X as saying that … and stated that …": the same speaker and outlet
        first = by_verb[verb.head.i]
        frame = {t.i for t in verb.subtree} - complement
        return Statement(verb, first.link, _kind(verb), complement, frame, first.speaker_words)
    else:
        speaker_head = _subject(verb)
        if speaker_head is not None and speaker_head.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            speaker_head = verb.head  # "an official, who said …": the official
        if speaker_head is not None and speaker_head.dep_ == "nsubjpass":
            agent = next((c for p in verb.children if p.dep_ == "agent" for c in p.children), None)
            speaker_head = agent
    speaker, role, channel, words = _speaker(speaker_head, memory)
    channel = _channel(verb) or channel
    if channel is None and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "acl", "xcomp"}:
        # "posted photos on Telegram claiming that …" (the platform on the verb or its object)
        channel = _channel(verb.head) or next((c for o in verb.head.children if o.dep_ == "dobj" for c in [_channel(o)] if c), None)
    via = via or _relayed_by(speaker_head) or _relayed_channel(verb)
    if lemma == "tell":
        told = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
        if told is not None:
            if _is_outlet(told) or told.lemma_.lower() in lexicon.status_words()["outlet_speaker_nouns"]:
                # "told Reuters", "told the newspaper": the outlet relays it
                via = via or _text(_noun_phrase(told))
            elif " ".join(t.lower_ for t in told.subtree if t.i <= told.i and t.dep_ != "det") in lexicon.status_words()["channels"]:
                channel = channel or " ".join(t.lower_ for t in told.subtree if t.i <= told.i and t.dep_ != "det")  # "told a news conference"
            elif told.lower_ in {"reporters", "journalists", "media"}:
                channel = channel or "told " + told.lower_
    if via:
        words = f"{words} {via.lower()}"
    # ("…, residents said, and at least 10 people were killed": a clause joined to the telling
    # with a subject of its own is the writer's narration, no part of the frame)
    joined = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i > verb.i
              and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for t in c.subtree}
    frame = {t.i for t in verb.subtree} - complement - joined
    link = Attribution(speaker=speaker, role=role, channel=channel, via=via)
    if _denies_an_account_told(verb, roots):
        # "witnesses said …, but the army denied the account": the army does not relay what the
        # witnesses say; it contradicts it. Its denial covers what they report, outside any chain
        # (told in a sentence of its own, "The army denied the account.", it floats to the events before)
        earlier = [s for i, s in by_verb.items() if i < verb.i and s.kind in {"say", "according", "confirm"} and s.complement]
        if earlier:
            return Statement(verb, link, "dispute", set(earlier[-1].complement), frame - earlier[-1].complement - earlier[-1].frame, words)
        return Statement(verb, link, "dispute", complement, frame, words)
    statement = Statement(verb, link, _kind(verb), complement, frame, words)
    if lemma in lexicon.status_words()["accusing_verbs"] and statement.is_party:
        # a side accusing the other: the event is that side's word (taxonomy.md, "claimed")
        statement.kind = "claim"
    return statement


def _denies_an_account_told(verb: Token, roots: list[Token]) -> bool:
    """A denial whose object is only an account or a pronoun for one ("denied the account",
    "rejected their version", "denied it", "…, a claim the army denied"), not "denied reports of
    an attack on X"."""
    if roots or _kind(verb) != "deny":
        return False
    # (a suspect "denied the charges" denies a deed of his, not the arrest told)
    nouns = lexicon.status_words()["report_nouns"] - {"charge"}
    # "…, a claim the army denied"
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in nouns and not any(c.dep_ == "dobj" for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        if child.lower_ in {"it", "this", "that", "them", "these", "those"}:
            return True
        # ("dismissed the reports as propaganda": what it calls them, not what they tell)
        if child.lemma_.lower() in nouns and not any(c.dep_ in {"prep", "acl", "relcl"} and c.lower_ != "as" for c in child.children):
            return True
        # "called the report enemy propaganda" (one noun phrase in the parse)
        if child.lemma_.lower() in _FALSITY and any(c.dep_ == "compound" and c.lemma_.lower() in nouns for c in child.children):
            return True
    return False


def _relayed_by(speaker: Token | None) -> str | None:
    """ "A spokesman, quoted by the state news agency, said …": the outlet that relayed him."""
    if speaker is None:
        return None
    # (anywhere in the speaker's phrase: "a commander of a militia, quoted by X," hangs on the militia)
    for child in speaker.subtree:
        if child.dep_ == "acl" and child.lemma_.lower() in _RELAYING:
            agent = next((c for p in child.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"), None)
            if agent is not None:
                return _text(_noun_phrase(agent))
    return None


# "quoted by", "carried by", "broadcast by": an outlet passing a statement on
_RELAYING = {"quote", "cite", "carry", "broadcast", "publish", "air", "relay", "run"}


def _relaying_outlet(participle: Token) -> Token | None:
    """The outlet of a relaying participle: "carried by the news agency", "quoted in the Daily
    Trust" (quoted or cited in a named outlet)."""
    agent = next((c for p in participle.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    if participle.lemma_.lower() in {"quote", "cite"}:
        named = next((c for p in participle.children if p.dep_ == "prep" and p.lower_ == "in" for c in p.children if c.dep_ == "pobj"), None)
        if named is not None and (named.pos_ == "PROPN" or _is_outlet(named)):
            return named
        # "cited in a report by the state news agency": the report's author
        if named is not None and named.lemma_.lower() in lexicon.status_words()["report_nouns"] | {"statement", "article", "broadcast", "bulletin"}:
            return next((c for p in named.children if p.dep_ == "prep" and p.lower_ == "by" for c in p.children if c.dep_ == "pobj"), None)
    return None


def _relayed_channel(verb: Token) -> str | None:
    """ "said in a statement carried by the official news agency": the outlet relaying the
    statement the verb names as its channel."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "on", "via", "through"}):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for participle in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _RELAYING):
                outlet = _relaying_outlet(participle)
                if outlet is not None:
                    return _text(_noun_phrase(outlet))
    return None


def _cited_by_speaker(statements: list[Statement]) -> list[Statement]:
    """ "Citing hospital sources, the broadcaster said …", "police said, citing witnesses, …":
    the cited source is the inner speaker and the one who cites it relays it (innermost first)."""
    merged: list[Statement] = []
    verbs = {s.verb.i for s in statements}
    citing = {s.verb.head.i: s for s in statements if s.verb.lower_ in {"citing", "quoting"} and s.verb.head.i in verbs and s.verb.head.i != s.verb.i}
    # "The broadcaster, quoting an officer, said …": the phrase hangs on the speaker
    citing.update(
        {s.verb.head.head.i: s for s in statements if s.verb.lower_ in {"citing", "quoting"} and s.verb.head.dep_ in {"nsubj", "nsubjpass"} and s.verb.head.head.i in verbs and s.verb.head.head.i not in citing}
    )
    folded = [id(s) for s in citing.values()]
    for statement in statements:
        if id(statement) in folded:
            continue  # folded into the statement of the verb it hangs on
        cited = citing.get(statement.verb.i)
        if cited is not None:
            link = Attribution(speaker=cited.link.speaker, role=cited.link.role, channel=statement.link.channel or cited.link.channel, via=statement.link.speaker)
            statement = Statement(statement.verb, link, statement.kind, statement.complement, statement.frame | cited.frame, f"{cited.speaker_words} {statement.speaker_words}")
        merged.append(statement)
    return merged


def _according_statement(token: Token, memory: SpeakerMemory) -> Statement | None:
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    via = None
    # "according to accounts of witnesses cited by Reuters"
    for t in source.subtree:
        if t.lemma_ in _RELAYING or t.lower_ in {"cited", "carried", "broadcast", "aired"}:
            agent = _relaying_outlet(t)
            if agent is not None:
                via = _text(_noun_phrase(agent))
    inner = source
    if source.lemma_.lower() in {"account", "accounts", "report", "reports", "statement", "figures", "data"}:
        inner = next((c for p in source.children if p.dep_ == "prep" and p.lower_ in {"of", "from", "by"} for c in p.children), source)
    speaker, role, channel, words = _speaker(inner, memory)
    if inner is not source:
        channel = channel or source.lemma_.lower()
    head = token.head
    frame = {t.i for t in token.subtree}
    # "… stormed the village, killing seven villagers, according to X.": the phrase closing the
    # sentence tells the source of all of it, wherever the parse hung it
    if _closes_the_sentence(token, frame):
        head = token.sent.root
    complement = {t.i for t in head.subtree} - frame
    link = Attribution(speaker=speaker, role=role, channel=channel, via=via)
    return Statement(token, link, "according", complement, frame, f"{words} {(via or '').lower()}")


def _closes_the_sentence(token: Token, frame: set[int]) -> bool:
    """ "…, according to X." : the phrase, set off by a comma, ends its sentence."""
    sentence = token.sent
    after = [t for t in sentence if t.i > max(frame)]
    before = token.doc[token.i - 1] if token.i > sentence.start else None
    return before is not None and before.lower_ == "," and all(t.is_punct or t.is_space for t in after)


def _citing_statement(token: Token, memory: SpeakerMemory) -> Statement | None:
    source = next((c for c in token.children if c.dep_ in {"dobj", "pobj"}), None)
    if source is None:
        return None
    speaker, role, channel, words = _speaker(source, memory)
    head = token.head
    frame = {t.i for t in token.subtree}
    # "State media reported, citing police, that a bomb had exploded …": the "that"-clause the
    # parse hung on "citing" is what is reported, relayed by the subject of the verb reported
    clause = next((c for c in token.children if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is not None and head.pos_ == "VERB" and _is_reporting(head):
        clause_tokens = {t.i for t in clause.subtree}
        subject = _subject(head)
        via = _text(_noun_phrase(subject)) if subject is not None else None
        return Statement(token, Attribution(speaker=speaker, role=role, channel=channel, via=via), "according", clause_tokens,
                         frame - clause_tokens | {t.i for t in head.subtree} - clause_tokens, f"{words} {(via or '').lower()}")
    complement = {t.i for t in head.subtree} - frame
    return Statement(token, Attribution(speaker=speaker, role=role, channel=channel), "according", complement, frame, words)


def chain_for(token_index: int, statements: list[Statement]) -> list[Statement]:
    """Statements whose reported content holds the token, innermost (smallest) first."""
    # a dispute contradicts the chain; it is no link of it
    holding = [s for s in statements if token_index in s.complement and s.kind != "dispute"]
    return sorted(holding, key=lambda s: len(s.complement))
