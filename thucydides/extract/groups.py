"""Named groups the actor dictionary lacks: "the Dimasa National Liberation Army (DNLA)", "EPP
(Paraguayan People's Army) members", "militants of the Zamfara Liberation Front".

ACLED names a group by its name, with its acronym first when it has one ("KLO: Kamtapur
Liberation Organization"); no dictionary lists every group of every period, so a capitalised
name headed by a group's word (`[group_names]` of actors.toml) is read as that group rather
than fall back to an unidentified armed group, or to civilians. A country's own army ("the
Nigerian Army", "Sudan Armed Forces") is no such group: the generic actors name it.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thucydides.extract import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

_HYPHENS = {"-", "–"}
# a day's or month's name before a name is when, not the name's first word ("on Monday the X Front")
_CALENDAR_WORDS = frozenset(name.lower() for name in (*calendar.day_name, *calendar.month_name) if name)


@dataclass(frozen=True, slots=True)
class GroupName:
    name: str  # ACLED's form: "DNLA: Dimasa National Liberation Army", or the name alone
    inter: int
    start: int  # positions in the sentence's tokens: the whole match, bracket included
    end: int
    main: tuple[int, int]  # the part the parse hangs the phrase on (the name, or the acronym first)


def _joined(token: Token) -> bool:
    """No space after the token: "Kangleipak-progressive", "PREPAK-pro" are one word."""
    return token.whitespace_ == ""


def _word_end(tokens: list[Token], n: int) -> int:
    """Where the word starting at ``n`` ends: a hyphenated word or a possessive goes on."""
    i = n + 1
    while i + 1 < len(tokens) and _joined(tokens[i - 1]) and tokens[i].text in _HYPHENS and _joined(tokens[i]) and tokens[i + 1].is_alpha:
        i += 2
    if i < len(tokens) and tokens[i].lower_ in {"'s", "'"} and _joined(tokens[i - 1]):
        i += 1
    return i


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _name_span(tokens: list[Token], n: int) -> int | None:
    """The end of a capitalised name starting at ``n`` ("People's Revolutionary Party of
    Kangleipak-progressive"): connectors ("of", "for the") join capitalised words."""
    words = lexicon.actors().group_words
    if not _capitalised(tokens[n]):
        return None
    end = _word_end(tokens, n)
    while end < len(tokens):
        # "and" inside a name joins its first word only ("Justice and Equality Movement"): after
        # more, it joins two names ("the Kivu Liberation Front and Ituri Resistance")
        single = end == _word_end(tokens, n)
        j = end
        while j < len(tokens) and (tokens[j].lower_ in words.connectors or tokens[j].lower_ == "and" and single and j == end):
            j += 1
        if j < len(tokens) and _capitalised(tokens[j]):
            end = _word_end(tokens, j)
            continue
        break
    return end


def _acronym_span(tokens: list[Token], n: int) -> int | None:
    """An acronym at ``n`` ("KLO", "PREPAK-pro", "FARC-EP"): capitals, maybe a hyphenated tail."""
    text = tokens[n].text
    if len(text) < 2 or not text.isalpha() or sum(c.isupper() for c in text) < 2 or not text[0].isupper():
        return None
    return _word_end(tokens, n)


def _bracketed(tokens: list[Token], n: int, inner: Callable[[list[Token], int], int | None]) -> tuple[int, int] | None:
    """ "( … )" at ``n`` holding exactly what ``inner`` reads: its inner span and the end."""
    if n >= len(tokens) or tokens[n].text != "(" or n + 1 >= len(tokens):
        return None
    end = inner(tokens, n + 1)
    if end is None or end >= len(tokens) or tokens[end].text != ")":
        return None
    return n + 1, end


def _text(tokens: list[Token], start: int, end: int) -> str:
    return "".join(t.text_with_ws for t in tokens[start:end]).strip()


def _is_group(tokens: list[Token], start: int, end: int, *, acronym: bool) -> bool:
    """A group's name: headed by a group's word (a strong one, or a weak one — "Movement",
    "Organization" — in an armed setting), not a country's forces, not words that only describe
    ("Rebel Forces") unless an acronym says it is a name."""
    words = lexicon.actors().group_words
    lowered = [t.lower_ for t in tokens[start:end] if t.is_alpha]
    # "Forces", "Party" head a rebel's name only with a rebel's word ("Revolutionary Armed Forces
    # of …"): alone they are a state's units or a party
    rebel = any(w in words.rebel for w in lowered)
    # "gunmen of the Hamza Brigade": a unit's word names non-state armed men's group
    unit = _armed_members_around(tokens, start, end)
    heads = [
        n for n, w in enumerate(lowered)
        if w in words.strong or w in words.weak or rebel and w in words.rebel_heads or w in {"forces", "force"} and _of_a_people(lowered, n)
        or unit and w in words.unit_heads
    ]
    if len(lowered) < 2 or not heads:
        return False
    last = heads[-1]
    # the head ends the name or opens its "of X"/"for X" ("Liberation Square" is a place)
    if last + 1 < len(lowered) and lowered[last + 1] not in words.connectors:
        return False
    strong = any(lowered[n] in words.strong or lowered[n] in words.rebel_heads or lowered[n] in words.unit_heads for n in heads)
    if not strong and not _armed_setting(tokens, start, end):
        return False  # "the World Trade Organization (WTO)": an acronym alone makes no armed group
    own = [w for w in lowered if w not in words.connectors and w != "s"]
    if _state_words(own):
        return False  # "Sudan Armed Forces", "the Nigerian Army", "Uganda People's Defence Forces"
    if _unit_of_a_state_force(lowered):
        return False  # "the Eighteenth Brigade of the National Army": a unit of the country's army
    # a name of its own, not only words that describe ("Rebel Forces"); an acronym says it is
    # one, and so does a name's "of"/"for" ("Patriotic Front for Liberation")
    formal = any(w in {"of", "for"} and nxt not in words.state and nxt not in words.descriptive for w, nxt in zip(lowered, [w for w in lowered[1:] if w != "the"]))
    return acronym or formal or any(w not in words.descriptive and w not in words.strong and w not in words.weak and w not in words.rebel_heads
                                    and w not in words.unit_heads for w in own)


def _unit_of_a_state_force(lowered: list[str]) -> bool:
    """ "Fifth Brigade of the Army", "Eighteenth Brigade of the National Army": a name whose "of"
    part is a state's forces alone ("the Army", "the National Army", "the Armed Forces") names a
    unit of them, not a group of its own ("Democratic Forces of Casamance" names a people's)."""
    words = lexicon.actors().group_words
    if "of" not in lowered[:-1]:
        return False
    tail = [w for w in lowered[lowered.index("of") + 1 :] if w != "the"]
    return bool(tail) and all(w in words.state for w in tail) and (any(w in words.state_marks for w in tail) or tail in (["army"], ["navy"]))


def _of_a_people(lowered: list[str], n: int) -> bool:
    """ "Democratic Forces of Casamance": forces of a place or people that is no country and no
    state's body ("Special Forces of the Army", "Armed Forces of Ukraine" are a state's)."""
    words = lexicon.actors().group_words
    rest = [w for w in lowered[n + 1 :] if w != "the"]
    return len(rest) >= 2 and rest[0] in {"of", "for"} and rest[1] not in words.state and (rest[1],) not in lexicon.countries().by_word


def _state_words(own: list[str]) -> bool:
    """Words naming a country's own forces: the country's and the forces' words only, with a
    mark of the state ("armed", "defence") or the country and one word ("Nigerian Army")."""
    words = lexicon.actors().group_words
    countries = lexicon.countries().by_word
    # (or the country first and a body of its forces last: "the Nigerian Army Command";
    # "Paraguayan People's Army" is a rebel group)
    return all(w in words.state or (w,) in countries for w in own) and (
        any(w in words.state_marks for w in own) or len(own) == 2 and (own[0],) in countries
        or (own[0],) in countries and own[-1] in words.state_bodies
    )


def state_force_at(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a country's name before a group's words makes them its forces: "Uganda People's
    Defence Forces" is Uganda's army, not a "People's Defence Force" elsewhere."""
    if start == 0 or (tokens[start - 1].lower_,) not in lexicon.countries().by_word or not tokens[start - 1].text[:1].isupper():
        return False
    return _state_words([t.lower_ for t in tokens[start - 1 : end] if t.is_alpha])


def _armed_setting(tokens: list[Token], start: int, end: int) -> bool:
    """ "militants of the X Movement", "X Movement fighters": armed people of the name; or the
    name the doer of a deed only armed people do ("the X Party retook the town")."""
    return _armed_members_around(tokens, start, end) or _does_an_armed_deed(tokens[end - 1], tokens[end] if end < len(tokens) else None)


def _armed_members_around(tokens: list[Token], start: int, end: int) -> bool:
    """ "militants of the X Movement", "X Movement fighters": non-state armed people of the name
    (no soldiers: a state's unit has them too)."""
    members = lexicon.actors().group_words.members
    if end < len(tokens) and tokens[end].lower_ in members:
        return True
    i = start - 1
    while i >= 0 and tokens[i].lower_ in {"the", "a"}:
        i -= 1
    return i >= 1 and tokens[i].lower_ in {"of", "from", "to", "by"} and (tokens[i - 1].lower_ in members or tokens[i - 1].lower_ == "belonging")


def _does_an_armed_deed(last: Token, after: Token | None) -> bool:
    """The name is the subject of a verb only armed people do ("retook", "ambushed"), or right
    before one."""
    deeds = lexicon.actors().group_words.armed_deeds
    verb = last.head if last.dep_ == "nsubj" else after
    return verb is not None and (verb.lower_ in deeds or verb.pos_ == "VERB" and verb.lemma_.lower() in deeds)


def _inter(tokens: list[Token], start: int, end: int) -> int:
    rebel = lexicon.actors().group_words.rebel
    return 2 if any(t.lower_ in rebel for t in tokens[start:end]) else 3


def group_name_at(tokens: list[Token], n: int) -> GroupName | None:
    """The named group starting at token ``n``: "Full Name (ACR)", "ACR (Full Name)" or a
    group's name alone."""
    if tokens[n].lower_ in {"anti", "pro"} or n > 0 and (_joined(tokens[n - 1]) and tokens[n - 1].text in _HYPHENS or tokens[n - 1].lower_ in {"anti", "pro"}):
        return None  # "Anti-Taliban X Front", "pro-Liberation Front", the tail of a hyphenated word
    if n > 0 and (tokens[n - 1].like_num or tokens[n - 1].text[:1].isdigit()):
        return None  # "the 4th Mechanised Brigade": a numbered unit of a state's forces
    if tokens[n].lower_ in _CALENDAR_WORDS:
        return None  # "On Monday the Sudan Liberation Movement …": the day is no part of the name
    possessive = n + 1 < len(tokens) and tokens[n + 1].lower_ == "'s" and _joined(tokens[n])
    if tokens[n].tag_ not in {"NNP", "NNPS"} or tokens[n].lower_ in lexicon.actors().head_index and not possessive:
        return None  # "Gunmen of the …", "Police": a description, not a name ("People's …" is one)
    acronym_end = _acronym_span(tokens, n)
    if acronym_end is not None:
        full = _bracketed(tokens, acronym_end, _name_span)
        if full is not None and _is_group(tokens, *full, acronym=True):
            name = f"{_text(tokens, n, acronym_end)}: {_text(tokens, *full)}"
            return GroupName(name, _inter(tokens, *full), n, full[1] + 1, (n, acronym_end))
    name_end = _name_span(tokens, n)
    if name_end is None:
        return None
    short = _bracketed(tokens, name_end, _acronym_span)
    if not _is_group(tokens, n, name_end, acronym=short is not None):
        return None
    full = _text(tokens, n, name_end)
    if short is not None:
        return GroupName(f"{_text(tokens, *short)}: {full}", _inter(tokens, n, name_end), n, short[1] + 1, (n, name_end))
    return GroupName(full, _inter(tokens, n, name_end), n, name_end, (n, name_end))
