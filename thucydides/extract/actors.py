"""Actors: named groups from the actor dictionary and generic descriptions ("unidentified gunmen",
"Afghan commando units", "protesters"), normalised to ACLED names with their inter codes.

The country of a generic actor comes from a demonym or country name inside its phrase ("Russian
jets" → Military Forces of Russia), else from the country the article is about; state forces
acting outside their own country are external forces (inter 8). Named actors are coded as of
the article's date (the Taliban are rebels until 14 August 2021, state forces from the 15th).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from thucydides.extract import groups, lexicon
from thucydides.extract.lexicon import GenericKind, NamedActor
from thucydides.extract.sentences import Sentence, only_a_dateline
from thucydides.extract.triggers import carries_civilians, headline_verb, verb_read_as_noun, verb_read_between_names
from thucydides.model import Actor, without_period

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ARMED = frozenset({1, 2, 3, 4, 8})
# a note (ACLED's, a wire brief) tells one happening: the sides it names anywhere are that event's
NOTE_LENGTH = 1200
_HYPHENS = {"-", "–"}
# nouns a group name can modify and still be that group ("Taliban fighters", "RSF soldiers")
_MEMBER_NOUNS = {
    "fighters", "fighter", "militants", "militant", "forces", "force", "soldiers", "soldier", "troops",
    "members", "member", "rebels", "rebel", "insurgents", "insurgent", "gunmen", "militia",
    "militiamen", "elements", "commanders", "commander", "units", "unit", "jets", "warplanes",
    "aircraft", "helicopters", "drones", "positions", "combatants", "cadres", "group", "faction",
    "factions", "columns", "column", "brigade", "brigades", "battalion", "guerrillas", "movement",
    "army", "police", "officers", "personnel", "reinforcements", "spokesman", "spokesperson", "leader", "leaders",
}
_BOMBERS = {"bomber", "bombers", "attacker", "attackers"}
# words for a formation, not a force: "police" in "a police patrol" says whose it is
_FORMATIONS = {"patrol", "patrols", "convoy", "convoys", "unit", "units", "reinforcements", "reinforcement", "column", "columns"}
_SPONSORED = {"backed", "supported", "sponsored", "funded", "trained"}
_AFFILIATED = {"affiliated", "aligned", "allied", "linked", "loyal", "led"}
_AFFILIATE_NOUNS = {"affiliate", "branch", "offshoot", "franchise", "wing", "ally", "arm", "splinter"}
_PRONOUNS = {"they", "he", "she", "it", "we", "them", "their", "its"}
# the names of a state's own organs, which ACLED tags with the government they served
_STATE_PREFIXES = ("Military Forces of ", "Police Forces of ", "Government of ")
# verbs whose coordinated subjects do them to each other ("A and B clashed", "… exchanged fire")
RECIPROCAL_VERBS = frozenset({"clash", "fight", "skirmish", "exchange", "battle", "feud", "trade"})


@dataclass(frozen=True, slots=True)
class ActorContext:
    country: str | None  # ISO code of the country the article is about
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: Actor
    kind: str  # "named", "anti", or a generic kind ("military", "civilians"…)
    head: int  # token index of the phrase's head
    first: int  # token range of the phrase
    last: int
    country: str | None
    words: str | None = None  # a named group as the article spells it ("al-Shabab"), without the rest of its phrase
    party: bool = False  # a party's members ("BJP workers"): the party when they act, civilians when hit

    @property
    def armed(self) -> bool:
        # a party's people are armed only as the agents of a deed, never a side found by default
        return self.actor.inter in ARMED and not self.party

    @property
    def is_civilian(self) -> bool:
        return self.actor.inter == 7


def _forms(token: Token) -> tuple[str, str]:
    return lexicon.normal_form(token.text), lexicon.normal_form(token.lemma_)


def _match(tokens: list[Token], start: int, words: tuple[str, ...]) -> int | None:
    i = start
    for n, word in enumerate(words):
        if n:
            while i < len(tokens) and tokens[i].text in _HYPHENS:
                i += 1
        if i >= len(tokens) or word not in _forms(tokens[i]):
            return None
        i += 1
    return i


def country_name(iso: str | None, *, short: bool) -> str | None:
    if iso is None:
        return None
    country = lexicon.countries().by_iso.get(iso)
    if country is None:
        return None
    return country.short if short else country.acled


def _country_in(tokens: list[Token], sentence: Sentence) -> str | None:
    """A demonym or country named inside a phrase ("Russian jets", "Nigeria's army")."""
    by_word = lexicon.countries().by_word
    for n, token in enumerate(tokens):
        # "UAE-backed forces", "Iranian-supported militias": a sponsor's, not its own forces
        after = [t for t in tokens[n + 1 : n + 3] if t.text not in _HYPHENS]
        if after and after[0].lower_ in _SPONSORED:
            continue
        place = sentence.place_at(token.i)
        if place is not None and place.mention.entry is not None and place.country_only:
            return place.mention.entry.country_iso
        # names and demonyms are capitalised ("US" yes, "us" no)
        if not token.text[:1].isupper():
            continue
        for size in (3, 2, 1):
            words = tuple(t.lower_ for t in tokens[n : n + size] if t.text not in _HYPHENS)
            if len(words) == size and words in by_word:
                return by_word[words]
    return None


def _country_of(head: Token, sentence: Sentence) -> str | None:
    """ "soldiers of Armenia", "the police of Moldova": the country of an "of" phrase
    is whose forces these are, whatever country the article is about."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [t for t in prep.children if t.dep_ == "pobj"]
            if objects:
                words = [t for t in objects[0].subtree if t.i <= objects[0].i and t.dep_ not in {"det", "punct"}]
                if words and all(t.text[:1].isupper() for t in words):
                    return _country_in(words, sentence)
    return None


_COUNT_WORDS = {"at", "least", "more", "than", "about", "around", "some", "nearly", "almost", "over", "up", "to", "several", "many", "dozens", "scores", "hundreds", "thousands", "of", "a", "few"}


def _uncounted(span: Span) -> str:
    """The words naming who, without how many: "at least 12 insurgents" → "insurgents"."""
    head = span[-1]
    counted = {t.i for c in head.children if c.dep_ in {"nummod", "quantmod"} for t in c.subtree}
    start = span.start
    while start < head.i and (span.doc[start].i in counted or span.doc[start].like_num or span.doc[start].lower_ in _COUNT_WORDS):
        start += 1
    return span.doc[start : head.i + 1].text


def _phrase_tokens(head: Token) -> list[Token]:
    """The head and its left modifiers (the words that say whose forces these are)."""
    tokens = [t for t in head.subtree if t.i <= head.i and t.dep_ not in {"relcl", "acl", "punct", "cc"}]
    left = [t for t in head.lefts]
    allowed = {head.i}
    for child in left:
        if child.dep_ in {"det", "predet"}:
            continue
        allowed.update(t.i for t in child.subtree)
    # "Around 12 March, in X (Y), inmates …": a fronted date or place the parse hung on the noun
    # ends at a comma or a bracket; the phrase is what follows it
    cut = max((t.i for t in head.subtree if t.i < head.i and t.text in {",", ")", ";", ":"}), default=-1)
    return [t for t in tokens if t.i in allowed and t.i > cut]


def _named_actor(actor: NamedActor, context: ActorContext, country_hint: str | None) -> tuple[str, int]:
    name, inter = actor.coded_on(context.published)
    if "{country}" in name:
        country = country_hint or context.country
        name = dict(actor.branches).get(country or "") or name.replace("{country}", country_name(country, short=True) or "Unknown")
    elif actor.branches:
        # a parent group with local branches ("Al Qaeda" in Mali is JNIM): the branch where it has one
        name = dict(actor.branches).get(country_hint or context.country or "") or name
    if name != actor.name:
        # a branch is named as ACLED names that group on the day ("Islamic State" in Niger in 2023
        # is "Islamic State (Sahel)", its Greater Sahara name before March 2022)
        branch = next((a for a in lexicon.actors().named if a.name == name and a.periods), None)
        name = branch.coded_on(context.published)[0] if branch is not None else name
    # a state's forces acting in another country are external forces
    if inter == 1 and actor.country and context.country and actor.country != context.country:
        inter = 8
    return name, inter


def _generic_actor(kind: GenericKind, iso: str | None, context: ActorContext) -> tuple[str, int]:
    iso = iso or context.country
    name = kind.name.replace("{acled}", country_name(iso, short=False) or "Unknown").replace(
        "{short}", country_name(iso, short=True) or "Unknown"
    )
    inter = kind.inter
    # state forces outside their own country (Russian jets over Idlib) are external forces
    if kind.kind in {"military", "police"} and iso and context.country and iso != context.country:
        inter = 8
    return name, inter


def dated(actor: Actor | None, day: dt.date | None) -> Actor | None:
    """The actor as ACLED names it on ``day``: a state's forces carry the period of the government
    in power ("Military Forces of Nigeria" → "Military Forces of Nigeria (2023-)", a unit's name
    after the tag); no tag when the day, the country or its period is unknown or one is there."""
    if actor is None or day is None:
        return actor
    prefix = next((p for p in _STATE_PREFIXES if actor.name.startswith(p)), None)
    if prefix is None:
        return actor
    rest = actor.name[len(prefix):]
    by_acled = lexicon.countries().by_acled
    country = next(
        (c for name, c in by_acled.items() if rest == name or (rest.startswith(name + " ") and not rest[len(name) + 1:].startswith("("))),
        None,
    )
    tag = country.period_tag(day) if country else None
    if country is None or tag is None:
        return actor
    unit = rest[len(country.acled):]
    return replace(actor, name=f"{prefix}{country.acled} {tag}{unit}")


def _extend_to_member_noun(head: Token) -> Token:
    """ "Taliban fighters": the group name is a modifier of the noun that heads the phrase."""
    current = head
    while current.dep_ in {"compound", "amod", "nmod", "npadvmod"} and current.head.i > current.i:
        parent = current.head
        if verb_read_between_names(parent):
            break  # "the Syrian Democratic Forces retook Manbij": the name ends at the misread verb
        # "Houthi-affiliated fighters" are the Houthis' ("UAE-backed forces" are not the UAE's;
        # "the IS-linked ADF rebels" are the ADF)
        if parent.lower_ in _AFFILIATED and any(t.pos_ == "PROPN" for t in parent.doc[parent.i + 1 : parent.head.i]):
            break
        if parent.lower_ in _AFFILIATED or parent.lower_ in _MEMBER_NOUNS or parent.pos_ in {"NOUN", "PROPN"} and parent.lower_ not in {"province", "state", "district", "city", "region"}:
            current = parent
        else:
            break
    return current


def _named_at(tokens: list[Token], n: int, lex: lexicon.ActorLexicon, country: str | None = None) -> tuple[int, NamedActor] | None:
    """The named group whose term or acronym starts at token ``n``, and where it ends; a term
    of an actor with a theatre names it only in an article about one of its countries."""
    # "IS-K" (a term, hyphen and all) is not the acronym "IS" before "-K": a term running on
    # over a hyphen glued to the acronym wins
    found = None
    for words, candidate in lex.term_index.get(lexicon.normal_form(tokens[n].text), ()):
        if candidate.theatre and country not in candidate.theatre:
            continue
        end = _match(tokens, n, words)
        if end is not None:
            found = end, candidate
            break
    actor = lex.acronym_index.get(tokens[n].text)
    hyphen_after = n + 1 < len(tokens) and tokens[n + 1].text in _HYPHENS
    if actor is not None and (found is None or found[0] <= n + 1 or not hyphen_after):
        return n + 1, actor
    return found


def _glossed_by_acronym(tokens: list[Token], end: int, actor: NamedActor, lex: lexicon.ActorLexicon, country: str | None) -> tuple[int, NamedActor] | None:
    """ "The People's Defence Forces (HPG), the armed wing of the PKK": a name followed by a
    bracketed acronym of another group of the dictionary is that group (the name's words are
    shared; the acronym is the outlet's gloss of which group it means). Gives the position past
    the closing bracket and the acronym's group."""
    if end + 2 >= len(tokens) or tokens[end].text != "(":
        return None
    inner = _named_at(tokens, end + 1, lex, country)
    if inner is None or inner[1] is actor or inner[0] >= len(tokens) or tokens[inner[0]].text != ")":
        return None
    if not all(t.text.isupper() for t in tokens[end + 1 : inner[0]]):
        return None  # only an acronym glosses: "Fano (Amhara militia)" is a description
    return inner[0] + 1, inner[1]


def _another_named_before(tokens: list[Token], end: int, head: int, lex: lexicon.ActorLexicon) -> bool:
    """A second group joined by "and" between a name and the noun it shares ("M23 and FDLR fighters")."""
    return any(tokens[i].lower_ in {"and", ","} and _named_at(tokens, i + 1, lex) is not None for i in range(end, head))


def _alternative(tokens: list[Token], end: int, lex: lexicon.ActorLexicon) -> tuple[int, NamedActor] | None:
    """A second group offered as the other possible author: "or ISGS", "and/or ISGS"."""
    i = end
    words = []
    while i < len(tokens) and tokens[i].lower_ in {"or", "and", "/"} and len(words) < 3:
        words.append(tokens[i].lower_)
        i += 1
    if "or" not in words or i >= len(tokens):
        return None
    return _named_at(tokens, i, lex)


def _names_a_group(tokens: list[Token], lex: lexicon.ActorLexicon) -> bool:
    """Some of the tokens spell a named group of the dictionary (a term or an acronym)."""
    return any(_named_at(tokens, n, lex) is not None for n in range(len(tokens)))


def _is_anti(tokens: list[Token], start: int) -> bool:
    """ "anti-Taliban": the word before the name is "anti" (with or without a hyphen)."""
    i = start - 1
    while i >= 0 and tokens[i].text in _HYPHENS:
        i -= 1
    return i >= 0 and tokens[i].lower_ in {"anti", "anti-"}


def _longer_demonym_before(tokens: list[Token], n: int) -> bool:
    """The word before a name's first word makes with it another country's word ("South" +
    "Sudanese army", "South" + "Korean troops")."""
    if n == 0 or not tokens[n - 1].text[:1].isupper():
        return False
    by_word = lexicon.countries().by_word
    pair = (tokens[n - 1].lower_, tokens[n].lower_)
    return pair in by_word and by_word.get((tokens[n].lower_,)) not in {None, by_word[pair]}


def actors_in(sentence: Sentence, context: ActorContext) -> list[ActorMention]:
    """Actor mentions of a sentence, named ones first claiming their tokens."""
    if only_a_dateline(sentence.span.text):
        return []  # "ANKARA (AA) -": Anadolu's initials, not the Arakan Army
    lex = lexicon.actors()
    tokens = list(sentence.span)
    position_of = {t.i: n for n, t in enumerate(tokens)}
    taken: set[int] = set()
    mentions: list[ActorMention] = []
    n = 0
    while n < len(tokens):
        found = _named_at(tokens, n, lex, context.country)
        if found is not None and _longer_demonym_before(tokens, n):
            found = None  # "the South Sudanese army" is not "the Sudanese army"
        if found is None:
            # a group the dictionary lacks ("the Dimasa National Liberation Army (DNLA)"), even
            # when a term of the dictionary ends its name ("National Liberation Army")
            group = groups.group_name_at(tokens, n)
            # "Khalifa Haftar's Libyan National Army": a group of the dictionary named with its
            # leader's possessive is that group, the leader only says whose it is
            owned = next((k + 1 for k in range(n, group.end - 1) if tokens[k].lower_ in {"'s", "’s"}
                          and _named_at(tokens, k + 1, lex, context.country) is not None), None) if group is not None else None
            if owned is not None:
                n = owned
                continue
            if group is not None:
                mention = _group_mention(group, tokens, sentence)
                mentions.append(mention)
                taken.update(range(mention.first, mention.last + 1))
                n = max(position_of.get(mention.last, group.end - 1) + 1, group.end)
                continue
            n += 1
            continue
        end, actor = found
        # "the People's Defence Forces (HPG)": the acronym after a name says which group it is
        # when the dictionary gives the name's words to another
        glossed = _glossed_by_acronym(tokens, end, actor, lex, context.country)
        skip_to = None
        if glossed is not None:
            skip_to, actor = glossed
        if end + 1 < len(tokens) and tokens[end].lower_ in _AFFILIATE_NOUNS and _named_at(tokens, end + 1, lex) is not None:
            # "the al-Qaeda affiliate JNIM", "the Islamic State branch ISWAP": the group named
            # after its parent is who acts; the parent only describes it
            n = end + 1
            continue
        if groups.state_force_at(tokens, n, end) and lexicon.countries().by_word[(tokens[n - 1].lower_,)] != actor.country:
            # "Uganda People's Defence Forces": a country's army, whatever group's words it shares
            last = end if end < len(tokens) and tokens[end].lower_ in _MEMBER_NOUNS else end - 1
            army = generic_actor("military", lexicon.countries().by_word[(tokens[n - 1].lower_,)], context, sentence.doc[tokens[n - 1].i : tokens[last].i + 1].text, tokens[last].i)
            if army is not None:
                mentions.append(replace(army, first=tokens[n - 1].i))
                taken.update(range(tokens[n - 1].i, tokens[last].i + 1))
            n = last + 1
            continue
        # "suspected ISWAP or Boko Haram fighters": ACLED names the two, "A and/or B"
        either = _alternative(tokens, end, lex)
        other = None
        if either is not None and either[1] is not actor:
            end, other = either
        matched = tokens[n:end]
        head = _extend_to_member_noun(max(matched, key=lambda t: (t.head.i not in {m.i for m in matched}, t.i)))
        if head.i <= matched[-1].i and end < len(tokens) and tokens[end].lower_ in _MEMBER_NOUNS:
            head = tokens[end]  # "IS militants" even when the parse misreads "IS"
        elif head.i <= matched[-1].i and end + 1 < len(tokens) and tokens[end].lower_ == "suicide" and tokens[end + 1].lower_ in _BOMBERS:
            head = tokens[end + 1]  # "two IS suicide bombers": the group's bombers
        if other is None and _another_named_before(tokens, end, position_of.get(head.i, end - 1), lex):
            # "SPLM-N and RSF forces": two sides sharing a noun; each is a mention of its own
            head = matched[-1]
        phrase = sorted({*matched, *[t for t in _phrase_tokens(head)]}, key=lambda t: t.i)
        if actor.party and not _party_members(head, matched):
            # "the BJP government", "a Congress leader said": a party acts only through its
            # members; "BJP workers", "supporters of the BJP" do
            n = end
            continue
        anti = _is_anti(tokens, n)
        if anti and _names_a_group(tokens[end : position_of.get(head.i, end - 1) + 1], lex):
            # "anti-Taliban NRF fighters": the group named is who they are; the
            # enemy's name only describes them
            n = end
            continue
        hint = _country_in(phrase, sentence)
        if anti:
            label = "".join(t.text_with_ws for t in matched).strip()
            name, inter, kind = f"Anti-{label[:1].upper()}{label[1:]} forces", 3, "anti"
            first = tokens[max(0, n - 2)].i if _is_anti(tokens, n) else matched[0].i
        else:
            (name, inter), kind = _named_actor(actor, context, hint), "named"
            unit = (_unit_of(phrase, actor.country, "military", sentence) or _unit_of(matched, actor.country, "military", sentence)) if _is_whole_force(name) else None
            if unit is not None:
                # "Russian military police", "the Thunder Brigade": a unit of the force named
                name = f"{name} {unit.name}"
            first = phrase[0].i
            if other is not None:
                pair = sorted((actor, other), key=lex.named.index)
                name = " and/or ".join(_named_actor(a, context, hint)[0] for a in pair)
                inter = min(a.coded_on(context.published)[1] for a in pair)
        last = max(head.i, matched[-1].i)
        text = sentence.doc[first : last + 1].text
        words = sentence.doc[matched[0].i : matched[-1].i + 1].text
        mentions.append(ActorMention(Actor(name, inter, text), kind, head.i, first, last, actor.country, words, party=actor.party))
        taken.update(range(first, last + 1))
        n = position_of.get(last, end - 1) + 1
        if skip_to is not None:
            taken.update(range(tokens[end].i, tokens[skip_to - 1].i + 1))
            n = max(n, skip_to)
    mentions.extend(_generic_mentions(sentence, tokens, taken, context))
    return _attackers_of_the_named(_assumed(_members_of_groups(sorted(mentions, key=lambda m: m.first), sentence), sentence), sentence)


def _attackers_of_the_named(mentions: list[ActorMention], sentence: Sentence) -> list[ActorMention]:
    """ "repelled an RSF attack on the city, killing dozens of assailants": the unnamed doers
    a sentence tells after naming one armed group are that group's men (not a side of their own)."""
    doers = lexicon.status_words()["unnamed_doers"]
    doc = sentence.doc
    out: list[ActorMention] = []
    for mention in mentions:
        before = {m.actor.name: m for m in mentions if m.last < mention.first and m.kind == "named" and m.actor.inter in {2, 3, 4}}
        unnamed = mention.actor.name.startswith("Unidentified") and doc[mention.head].lower_ in doers
        if unnamed and len(before) == 1:
            named = next(iter(before.values()))
            mention = replace(mention, actor=replace(named.actor, text=mention.actor.text), kind=named.kind, country=named.country, words=named.words)
        out.append(mention)
    return out


_HEDGES = {"assumed", "presumed", "presumably", "believed", "thought", "likely", "probably"}
_STATE_KINDS = {"military", "police"}


def _hedge_before(mention: ActorMention, doc: Doc) -> tuple[Token, bool] | None:
    """The hedge word that names ``mention`` as who a side is taken to be, and whether it is in
    brackets: "(assumed police)", ", believed to be Rapid Support Forces"."""
    first = mention.first
    if first >= 2 and doc[first - 1].lower_ in _HEDGES and doc[first - 2].text == "(":
        return doc[first - 1], True
    if first >= 1 and doc[first].lower_ in _HEDGES and doc[first - 1].text == "(":
        return doc[first], True  # the hedge read as a modifier of the name ("(presumed ELN)")
    if first >= 3 and [t.lower_ for t in doc[first - 2 : first]] == ["to", "be"] and doc[first - 3].lower_ in _HEDGES - {"likely", "probably"}:
        return doc[first - 3], False
    return None


def _assumed(mentions: list[ActorMention], sentence: Sentence) -> list[ActorMention]:
    """ "government soldiers (assumed police)", "troops guarding a roadblock, believed to be
    Rapid Support Forces": a note's hedge names who the described side is taken to be; the side
    becomes that actor (a state's forces refine a state's, a group an unidentified one)."""
    doc = sentence.doc
    out = list(mentions)
    for assumed in mentions:
        found = _hedge_before(assumed, doc)
        if found is None or assumed not in out:
            continue
        hedge, bracketed = found
        state = assumed.actor.inter in {1, 8}
        described = [
            m for m in out
            if m is not assumed and m.last < hedge.i and (m.kind in _STATE_KINDS if state else m.kind in {"unidentified", "militia"})
        ]
        if bracketed:
            # "(assumed police)" describes the words just before the bracket
            described = [m for m in described if m.last == hedge.i - 2]
        if not described:
            continue
        side = described[-1]
        out[out.index(side)] = replace(side, actor=Actor(assumed.actor.name, assumed.actor.inter, side.actor.text), kind=assumed.kind, country=assumed.country, words=assumed.words)
        out.remove(assumed)
    return out


def _group_mention(group: groups.GroupName, tokens: list[Token], sentence: Sentence) -> ActorMention:
    """The mention of a group named outside the dictionary, headed as a named one is ("EPP
    (Paraguayan People's Army) members": the members)."""
    main = tokens[group.main[0] : group.main[1]]
    inside = {t.i for t in main}
    # the word of the name the parse hangs the rest on ("Forces" in "the Democratic Forces of X")
    head = _extend_to_member_noun(max(main, key=lambda t: (t.head.i not in inside, t.i)))
    if group.end < len(tokens) and tokens[group.end].lower_ in _MEMBER_NOUNS:
        head = tokens[group.end]  # "… (DNLA) cadres"
    phrase = sorted({*tokens[group.start : group.end], *_phrase_tokens(head)}, key=lambda t: t.i)
    first, last = phrase[0].i, max(head.i, tokens[group.end - 1].i)
    words = sentence.doc[main[0].i : main[-1].i + 1].text
    return ActorMention(Actor(group.name, group.inter, sentence.doc[first : last + 1].text), "named", head.i, first, last, None, words)


def _party_members(head: Token, matched: list[Token]) -> bool:
    """ "BJP workers", "a group of Awami League activists", "supporters of the BJP": a party's
    members, who can act as ACLED's political militia."""
    members = lexicon.actors().group_words.party_members
    if head.lower_ in members and head.i > matched[-1].i:
        return True
    top = next((t for t in matched if t.head.i not in {m.i for m in matched}), matched[-1])
    return top.dep_ == "pobj" and top.head.lower_ in {"of", "from"} and top.head.head.lower_ in members


def _members_of_groups(mentions: list[ActorMention], sentence: Sentence) -> list[ActorMention]:
    """ "members of the ELN", "forces from six Southern Resistance Brigades": the group acts."""
    named = [m for m in mentions if m.kind in {"named", "anti"}]
    out: list[ActorMention] = []
    for mention in mentions:
        # (a place is no member: "recaptured the village of X from Russian forces" names whom it
        # was taken from)
        if mention.kind not in {"named", "anti"} and sentence.doc[mention.head].lower_ not in lexicon.cues().territory_nouns:
            head = sentence.doc[mention.head]
            # (a long name the parser splits, "fighters of the Group [for Support of Islam …]",
            # is the group's when its words start in the "of" phrase)
            inner = [m for prep in _of_phrases(head) for m in named if any(t.i == m.head or t.i == m.first for t in prep.subtree)]
            # "men thought to be JNIM fighters", "gunmen believed to be ISWAP members"
            inner += [
                m
                for clause in head.children
                if clause.dep_ == "acl" and clause.lemma_.lower() in _SUSPECT_VERBS | _MEMBERSHIP_VERBS
                for m in named
                if any(t.i == m.head for t in clause.subtree)
            ]
            # "forces loyal to the LNA", "fighters loyal to the Islamic State": the group's own men
            # (men "allied to" or "backed by" a group are another side)
            inner += [
                m
                for child in head.children
                if child.lower_ == "loyal"
                for prep in child.children
                if prep.lower_ == "to"
                for m in named
                if any(t.i == m.head for t in prep.subtree)
            ]
            # "rebel fighters led by the Islamist group X", "militiamen commanded by Y": the group
            # leading them is who acts (its own men, told by their leader)
            inner += [
                m
                for child in head.children
                if child.dep_ == "acl" and child.lemma_.lower() in _LEADING_VERBS
                for agent in child.children
                if agent.dep_ == "agent"
                for m in named
                if any(t.i == m.head for t in agent.subtree)
            ]
            verb = head.head
            if head.dep_ == "nsubj" and verb.tag_ in {"VBN", "VBD"} and verb.lemma_.lower() in _SUSPECT_VERBS:
                # the same misparsed with the participle as the verb: "gunmen [identified] as
                # members of JNIM killed …", "gunmen [believed] to be ISWAP fighters attacked …"
                # ("men [believed] to be affiliated with CODECO attacked …": the membership verb
                # itself the complement)
                said = [c for c in verb.children if (c.dep_ == "xcomp" and (c.lemma_ == "be" or c.lemma_.lower() in _MEMBERSHIP_VERBS)) or (c.dep_ == "prep" and c.lower_ == "as")]
                inner += [m for c in said for m in named if any(t.i == m.head for t in c.subtree)]
            if not inner and mention.kind in {"civilians", "unidentified"} and head.lower_ in {"member", "members", "element", "elements"}:
                # "members of a local vigilante group", "elements of the Mexican Army": the force acts or is hit
                inner = [m for prep in _of_phrases(head) for m in mentions if m.kind in _ARMED_KINDS and any(t.i == m.head for t in prep.subtree)]
            if inner:
                group = inner[0]
                mention = ActorMention(group.actor, group.kind, mention.head, mention.first, max(mention.last, group.last), group.country, party=group.party)
        out.append(mention)
    return out


_SUSPECT_VERBS = {"suspect", "believe", "think", "presume", "identify", "say", "report", "allege"}
# "a militant belonging to the X Front": a member of the group; so are "armed men attributed to
# the CODECO militia" (a UN report's wording), "gunmen linked to" or "affiliated with" a group
_MEMBERSHIP_VERBS = {"belong", "attribute", "link", "affiliate", "tie"}
# "fighters led by X", "headed by", "commanded by": the leading group's own men
_LEADING_VERBS = {"lead", "head", "command", "spearhead"}


def _of_phrases(head: Token) -> list[Token]:
    """The "of"/"from" phrases of a head noun. In "police and members of the NPA" the phrase
    belongs to the last conjunct, however parsed: not to "forces", but to "members"."""
    def of_phrases(token: Token) -> list[Token]:
        return [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}]

    conjuncts = [c.i for c in head.children if c.dep_ == "conj"]
    own = [p for p in of_phrases(head) if not any(i < p.i for i in conjuncts)]
    if head.dep_ == "conj":
        own += [p for p in of_phrases(head.head) if p.i > head.i]
    return own


# attack nouns whose armed modifier is who attacked ("an army raid", "a police raid", "militia
# attacks", "a police operation against a drug faction left nine dead")
_AUTHORED = {"attack", "assault", "raid", "ambush", "offensive", "bombardment", "crackdown", "operation", "incursion"}
_ARMED_KINDS = {"military", "police", "unidentified", "militia"}


def _authors_the_deed(token: Token, lex: lexicon.ActorLexicon) -> bool:
    """ "Army raids kill five", "a police raid left three dead": a force's word modifying an
    attack noun names the force that attacked (a "village raid" names where)."""
    if token.head.lemma_.lower() not in _AUTHORED:
        return False
    kinds = lex.head_index.get(token.lower_, ()) or lex.head_index.get(token.lemma_.lower(), ())
    return any(len(words) == 1 and kind.kind in _ARMED_KINDS for words, kind in kinds)


def _before_headline_verb(token: Token, sentence: Sentence) -> bool:
    return token.i + 1 < sentence.span.end and headline_verb(token.nbor(1), sentence)


# heads that name policemen only when bare ("officers torched a hideout"), and the words of rank
# that leave them bare ("two senior officers")
_BARE_POLICE = {"officer", "officers"}
# heads that name a force only with its country in the phrase ("the Saudi enemy")
_FOREIGN_ONLY = {"enemy"}
_RANKS = {"senior", "junior", "ranking", "high", "low", "uniformed", "plainclothes", "armed", "several", "more", "other"}


def _generic_mentions(sentence: Sentence, tokens: list[Token], taken: set[int], context: ActorContext) -> list[ActorMention]:
    lex = lexicon.actors()
    mentions: list[ActorMention] = []
    for n, token in enumerate(tokens):
        if token.i in taken or token.pos_ not in {"NOUN", "PROPN", "ADJ", "PRON"} and token.lower_ not in lex.head_index:
            continue
        # a phrase's head only: "police" in "police convoy", "military" in "military operation"
        # (the subject of a headline verb the parse took for a noun is its own phrase: "Rioters
        # torch vehicles")
        hedged = n >= 2 and tokens[n - 1].lower_ in _HEDGES and tokens[n - 2].text == "("  # "(assumed police)"
        if token.dep_ in {"compound", "amod", "nmod"} and token.head.i > token.i and not _before_headline_verb(token, sentence) and not _authors_the_deed(token, lex) and not hedged\
                and not verb_read_as_noun(token.head):
            continue
        candidates = lex.head_index.get(token.lower_, ()) or lex.head_index.get(token.lemma_.lower(), ())
        if token.lower_ in {"column", "columns"} and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "a column of smoke" (a column of troops names its troops)
        if token.lower_ in {"patrol", "patrols"} and token.dep_ == "pobj" and token.head.lower_ in {"on", "during"} and not any(c.dep_ in {"det", "poss"} for c in token.children):
            continue  # "officers on routine patrol", "shot during patrol": what the men were doing, no force
        # "Palestinians", "Afghans": the people of a country, civilians unless armed words say otherwise
        demonym = lexicon.countries().by_word.get((token.lower_,))
        if not candidates and demonym and token.tag_ in {"NNPS", "NNS"} and token.text[:1].isupper():
            civilians = next(k for k in lex.generic if k.kind == "civilians")
            name, inter = _generic_actor(civilians, demonym, context)
            mentions.append(ActorMention(Actor(name, inter, token.text), "civilians", token.i, token.i, token.i, demonym))
            taken.add(token.i)
            continue
        if token.lower_ in _FOREIGN_ONLY and _country_in(_phrase_tokens(token), sentence) is None:
            continue  # "the enemy fled": whose enemy the outlet means is not said
        if token.lower_ in _BARE_POLICE and any(c.dep_ in {"compound", "amod", "nmod"} and c.lower_ not in _RANKS for c in token.children):
            # "army officers", "rebel officers", "customs officers": not the police ("civil police
            # officers" still are, by the longer head)
            candidates = [(words, kind) for words, kind in candidates if len(words) > 1]
        for words, kind in candidates:
            start = n - len(words) + 1
            if start < 0:
                continue
            if tuple(t.lower_ for t in tokens[start : n + 1]) != words and tuple(t.lemma_.lower() for t in tokens[start : n + 1]) != words:
                if len(words) > 1:
                    continue
            phrase = _phrase_tokens(token)
            if any(t.i in taken for t in phrase if t.i != token.i):
                phrase = [t for t in phrase if t.i not in taken or t.i == token.i]
            iso = _country_in(phrase, sentence) or _country_of(token, sentence)
            kind = _formation_of(token, lex) or kind
            if kind.kind == "military" and _loyal_to_a_person(token):
                # "forces loyal to Riek Machar": a leader's own men, not the state's army
                kind = next(k for k in lex.generic if k.kind == "unidentified")
            kind_name = kind.kind
            anti = _anti_target(phrase)
            if anti and kind_name in {"military", "unidentified", "militia"}:
                # "anti-government forces", "anti-coup fighters": a political militia named by its enemy
                name, inter, kind_name = f"Anti-{anti} forces", 3, "anti"
            else:
                name, inter = _generic_actor(kind, iso, context)
                if kind_name == "military" and token.lower_ in _BODIES and any(t.lower_ in {"police", "policemen"} for t in phrase):
                    # "police commandos", "police personnel": the police's, not the army's
                    kind = next(k for k in lex.generic if k.kind == "police")
                    (name, inter), kind_name = _generic_actor(kind, iso, context), "police"
                unit = _unit_of(phrase, iso or context.country, kind_name, sentence) if kind_name in {"military", "police"} else None
                if unit is not None:
                    force = next(k for k in lex.generic if k.kind == unit.force)
                    (name, inter), kind_name = _generic_actor(force, iso, context), unit.force
                    name = f"{name} {unit.name}"
                identity = _identity_name(tokens[:start], words, token, sentence, kind_name) if kind_name in {"militia", "unidentified"} else None
                if identity is None and kind_name == "unidentified" and _creed_described(phrase, tokens[start : n + 1]):
                    # "suspected Islamist insurgents": ACLED's Islamist militia of the country
                    name = _creed_militia_name(iso or context.country)
                if identity is not None:
                    # named after a people or a place: an identity militia (inter 4)
                    name, kind_name = f"{identity} ({country_name(iso or context.country, short=True) or 'Unknown'})", "militia"
                    inter = inter if identity.startswith("Unidentified ") else 4
                    other = _coordinated_people(tokens[:start], identity) if identity.endswith(" Ethnic Militia") else None
                    if other is not None:
                        # "Naga and Kuki militants": two peoples sharing one noun are two
                        # sides, each with the noun's role
                        people, at = other
                        label = f"{people} Ethnic Militia ({country_name(iso or context.country, short=True) or 'Unknown'})"
                        mentions.append(ActorMention(Actor(label, 4, people), "militia", token.i, at, at, iso or context.country))
            first = phrase[0].i if phrase else token.i
            text = _uncounted(sentence.doc[first : token.i + 1])
            mentions.append(ActorMention(Actor(name, inter, text), kind_name, token.i, first, token.i, iso or context.country))
            other_country = _coordinated_country(sentence, first, token.i, iso) if kind_name in {"military", "police"} and iso else None
            if other_country is not None:
                # "Azerbaijani and Armenian forces", "Tajik and Kyrgyz border troops": two
                # states' forces sharing one noun are two sides, each with the noun's role
                at, other_iso = other_country
                other_name, other_inter = _generic_actor(kind, other_iso, context)
                mentions.append(ActorMention(Actor(other_name, other_inter, sentence.doc[at].text), kind_name, token.i, at, at, other_iso))
            taken.update(range(first, token.i + 1))
            break
    return mentions


def _creed_described(phrase: list[Token], head_words: list[Token]) -> bool:
    """An armed phrase a creed's adjective describes ("Islamist militants", "suspected Islamic
    insurgents"), the words of actors.toml `[creed_militia]`; of a head of several words
    ("gunmen on motorbikes") the adjective may hang on its first word."""
    modifiers = set(lexicon.actors_section("creed_militia").get("modifiers", ()))
    described = {c.i for w in head_words for c in w.children if c.dep_ in {"amod", "compound"} and c.lower_ in modifiers}
    return bool(described) or any(t.lower_ in modifiers for t in phrase[:-1])


def _creed_militia_name(iso: str | None) -> str:
    template = lexicon.actors_section("creed_militia")["name"]
    return template.replace("{short}", country_name(iso, short=True) or "Unknown")


def _coordinated_country(sentence: Sentence, first: int, head: int, iso: str) -> tuple[int, str] | None:
    """A demonym of another country joined by "and" to the one of a force's phrase, inside it
    ("Azerbaijani and Armenian forces") or just before it ("Tajik and Kyrgyz border troops",
    which the parse splits), the subject of a verb done to each other ("exchanged fire",
    "fought"): its token and country."""
    by_word = lexicon.countries().by_word
    doc = sentence.doc
    verb = doc[head]
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ not in {"nsubj", "nsubjpass"} or verb.head.lemma_.lower() not in RECIPROCAL_VERBS:
        return None  # "Malian and Russian troops attacked a village": allies, one side
    start = first
    if start - 2 >= sentence.span.start and doc[start - 1].lower_ == "and":
        start -= 2  # the demonym before "and", cut off the phrase by the parse
    def country(i: int) -> str | None:
        return by_word.get((doc[i].lower_,)) if doc[i].text[:1].isupper() else None

    for i in range(start, head - 1):
        a, b = country(i), country(i + 2)
        if doc[i + 1].lower_ == "and" and a and b and a != b and iso in {a, b}:
            return (i + 2, b) if a == iso else (i, a)
    return None


_STATE_TITLES = {"president", "government", "regime", "army", "state", "junta", "king", "prime", "minister", "military", "authorities"}


def _loyal_to_a_person(head: Token) -> bool:
    """ "forces loyal to Riek Machar", "troops allied to a renegade general X": armed men named
    after the leader they follow, who holds no office of the state the text names."""
    for child in head.children:
        if child.lower_ in {"loyal", "allied"}:
            for prep in child.children:
                if prep.lower_ == "to":
                    leaders = [o for o in prep.children if o.dep_ == "pobj"]
                    return any(o.pos_ == "PROPN" and not any(t.lower_ in _STATE_TITLES for t in o.subtree) for o in leaders)
    return False


def _formation_of(head: Token, lex: lexicon.ActorLexicon) -> GenericKind | None:
    """ "a police convoy", "a militia patrol", "rebel reinforcements": a formation word is the
    force its modifier names."""
    if head.lower_ not in _FORMATIONS:
        return None
    if carries_civilians(head):
        # "an aid convoy", "a convoy of lorries carrying flour": the people in it are civilians
        return next(k for k in lex.generic if k.kind == "civilians")
    owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if owner is not None and owner.i != head.i:
        # "officers of the Rural Border Patrol Unit", "policemen of a rapid response unit": a
        # formation its men are named of is their force's (not the army's by its word "unit")
        for words, kind in lex.head_index.get(owner.lower_, ()) or lex.head_index.get(owner.lemma_.lower(), ()):
            if len(words) == 1 and kind.kind in {"police", "military"}:
                return kind
    modifiers = [child for child in head.lefts if child.dep_ in {"compound", "amod", "nmod"}]
    # "the police commissioner's convoy", "the army chief's convoy": the convoy is the official's,
    # and the force word before his title names whose force escorts him
    modifiers += [mod for owner in head.lefts if owner.dep_ == "poss"
                  for mod in owner.lefts if mod.dep_ in {"compound", "amod", "nmod"}]
    for child in modifiers:
        for words, kind in lex.head_index.get(child.lower_, ()):
            if len(words) == 1:
                # "government reinforcements", "a government convoy": the government's forces
                return next(k for k in lex.generic if k.kind == "military") if kind.kind == "government" else kind
    return None


# heads that name a body of men of any force: whose, a word before them says (formations,
# "a police convoy", are read by _formation_of before)
_BODIES = {"forces", "force", "personnel", "squad", "squads", "team", "teams", "commando", "commandos"}


def _unit_of(phrase: list[Token], iso: str | None, kind_name: str, sentence: Sentence) -> lexicon.StateUnit | None:
    """The unit of a state's forces a phrase names: a unit of the dictionary ("Turkish
    gendarmerie forces", "the federal police"), or a brigade by its name ("the Thunder Brigade":
    ACLED appends a named unit to its force's name; numbered ones, "the 35th Brigade", not)."""
    words = [lexicon.normal_form(t.text) for t in phrase]
    for unit in lexicon.actors().units:
        if unit.country is not None and unit.country != iso:
            continue
        if any(tuple(words[n : n + len(terms)]) == terms for terms in unit.terms for n in range(len(words))):
            return unit
    head = phrase[-1] if phrase else None
    if kind_name != "military" or head is None or head.lower_ not in lexicon.actors().unit_nouns:
        return None
    named = [t for t in phrase[:-1] if t.dep_ not in {"det", "poss", "case"}]
    if not named or not all(t.is_alpha and t.text[:1].isupper() and t.dep_ in {"compound", "amod", "nmod"} for t in named):
        return None
    if _country_in(named, sentence) is not None:
        return None  # "the Syrian brigade": whose, not which
    name = " ".join([*(t.text for t in named), head.text[:1].upper() + head.text[1:]])
    return lexicon.StateUnit(name, "military", ())


def _is_whole_force(name: str) -> bool:
    """ "Military Forces of Russia", "Military Forces of Yemen (2012-)": a state's forces as a
    whole, not one of their units already ("… Security Belt Forces")."""
    prefix = next((p for p in _STATE_PREFIXES[:2] if name.startswith(p)), None)
    if prefix is None:
        return False
    rest = without_period(name[len(prefix):])
    return rest in lexicon.countries().by_acled


def _identity_name(before: list[Token], head_words: tuple[str, ...], head: Token, sentence: Sentence, kind_name: str) -> str | None:
    """ACLED's name of an identity militia: "Murad tribesmen" → "Murad Tribal Militia", "Dinka
    militiamen", "Fulani gunmen" → "Dinka/Fulani Ethnic Militia" (a people of `[identity_names]`),
    "militiamen from Ugbokolo", "Ugbokolo militiamen" → "Ugbokolo Communal Militia" (a place); an
    unnamed one "Unidentified Tribal/Clan/Communal Militia". Not a country's ("Yemeni tribesmen").
    Gunmen and fighters are an identity militia only by their people's name."""
    lex = lexicon.actors()
    identity = next((i for i in lex.identities if head_words in i.heads), None)
    name: list[Token] = []
    # the words just before, however parsed ("Abgaal" hung on the verb): a name is proper nouns
    for token in reversed(before):
        if not (token.is_alpha and token.text[:1].isupper() and token.pos_ in {"PROPN", "ADJ"} and token.lower_ not in lex.head_index):
            break
        name.insert(0, token)
    if name and _country_in(name, sentence) is not None:
        name = []
    words = " ".join(t.text for t in name)
    # (the people's name may follow a capitalised opening word: "Armed Misseriya militiamen")
    people = next((" ".join(t.text for t in name[k:]) for k in range(len(name)) if " ".join(t.text for t in name[k:]).lower() in lex.ethnic_names), None)
    if people is not None:
        return f"{people} Ethnic Militia"
    if kind_name != "militia":
        return None
    if name and all(t.pos_ == "PROPN" for t in name) and (identity is not None or _is_place(name, sentence)):
        return f"{words} {identity.suffix if identity else 'Communal Militia'}"
    origin = _home_place(head, sentence)
    if origin is not None:
        # "militiamen from Ugbokolo", "a militia from the Gumuruk area": named after their home
        return f"{origin} {identity.suffix if identity and identity.suffix != 'Tribal Militia' else 'Communal Militia'}"
    return f"Unidentified {identity.suffix if identity else 'Communal Militia'}"


def _coordinated_people(before: list[Token], identity: str) -> tuple[str, int] | None:
    """The people named with "and" before the one whose militia ``identity`` names ("Naga and
    Kuki militants": Naga), and the token index where its name starts."""
    size = len(identity.split()) - 2  # the name's words, without "Ethnic Militia"
    n = len(before) - size - 1
    if n < 1 or before[n].lower_ != "and":
        return None
    ethnic = lexicon.actors().ethnic_names
    for width in (2, 1):
        words = before[max(0, n - width) : n]
        name = " ".join(t.text for t in words)
        if len(words) == width and name.lower() in ethnic and all(t.text[:1].isupper() for t in words):
            return name, words[0].i
    return None


def _is_place(tokens: list[Token], sentence: Sentence) -> bool:
    place = sentence.place_at(tokens[0].i)
    return place is not None and not place.country_only


def _home_place(head: Token, sentence: Sentence) -> str | None:
    """The place a "from" phrase says a militia comes from ("from Ugbokolo", "from the Gumuruk
    area of X state"): its proper name."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                group = lexicon.actors().group_words
                if obj.lower_ in lexicon.actors().unit_nouns or obj.lower_ in group.strong | group.weak | group.rebel_heads:
                    continue  # "from the X Brigade": a unit or a group, not a home
                name = [t for t in obj.subtree if t.i <= obj.i and t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN"]
                if name and name[-1].i >= obj.i - 1 and _country_in(name, sentence) is None:
                    return " ".join(t.text for t in name)
    return None


def _anti_target(phrase: list[Token]) -> str | None:
    """ "anti-government" → "Government": the word after "anti"."""
    for n, token in enumerate(phrase):
        if token.lower_ in {"anti", "anti-"}:
            rest = [t for t in phrase[n + 1 :] if t.text not in _HYPHENS]
            if rest and rest[0].i != phrase[-1].i:
                return rest[0].text[:1].upper() + rest[0].text[1:]
    return None


def ethnic_militia(text: str | None, iso: str | None) -> Actor | None:
    """ "suspected Fulani herdsmen", "Murle youths" doing violence: the people's ethnic militia
    (ACLED's "Fulani Ethnic Militia (Nigeria)"), whatever noun names its men."""
    words = (text or "").split()
    names = lexicon.actors().ethnic_names
    for size in (2, 1):
        for n in range(len(words) - size + 1):
            name = " ".join(words[n : n + size])
            if name[:1].isupper() and name.lower() in names:
                return Actor(f"{name} Ethnic Militia ({country_name(iso, short=True) or 'Unknown'})", 4, text)
    return None


def is_pronoun(token: Token) -> bool:
    return token.lower_ in _PRONOUNS


def generic_actor(kind_name: str, iso: str | None, context: ActorContext, text: str | None, head: int) -> ActorMention | None:
    """A generic actor of the given kind ("military", "police"…) for a country, as if named."""
    kind = next((k for k in lexicon.actors().generic if k.kind == kind_name), None)
    if kind is None:
        return None
    name, inter = _generic_actor(kind, iso, context)
    return ActorMention(Actor(name, inter, text), kind_name, head, head, head, iso or context.country)


def with_unit(mention: ActorMention, phrase: list[Token], sentence: Sentence, context: ActorContext) -> ActorMention:
    """A state force found by the words of what was hit ("a gendarmerie post") named with the unit
    those words name, as a force named outright is ("Military Forces of Turkey … Gendarmerie")."""
    unit = _unit_of(phrase, mention.country, mention.kind, sentence) if mention.kind in {"military", "police"} else None
    if unit is None:
        return mention
    force = next(k for k in lexicon.actors().generic if k.kind == unit.force)
    name, inter = _generic_actor(force, mention.country, context)
    return replace(mention, actor=Actor(f"{name} {unit.name}", inter, mention.actor.text), kind=unit.force)


def demonym_country(token: Token, sentence: Sentence) -> str | None:
    """The country a modifier names ("Ukrainian shelling", "a Myanmar military airstrike")."""
    return _country_in([token], sentence)


def is_group_name(text: str) -> bool:
    """Whether ``text`` is the name of a group in the actor dictionary ("al-Shabab", "Fano").

    Gazetteers hold villages called after everything; a group's name is never where its
    events happened.
    """
    return text in lexicon.actors().acronym_index or is_group_term(lexicon.phrase_words(text))


def is_group_term(words: tuple[str, ...]) -> bool:
    """Whether ``words`` (``lexicon.phrase_words`` of a text) are a term of a group in the actor
    dictionary."""
    return bool(words) and any(terms == words for terms, _ in lexicon.actors().term_index.get(words[0], ()))
