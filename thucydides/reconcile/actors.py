"""Are two reports' actors the same actors? Names differ between outlets; kinds rarely do.

One side of two reports matches by name (normalised, containment, close spelling), weakly
(same kind of actor and one of them only a description such as "local militia", or a kind
whose members are interchangeable such as a country's state forces), is unknown (one report
names no actor) or conflicts. Two actor pairs are compatible when, in one orientation (the
order of actor1/actor2 differs between outlets), neither side conflicts.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

from rapidfuzz import fuzz

from thucydides.model import Actor
from thucydides.reconcile.rules import actor_rules

SideMatch = Literal["name", "weak", "unknown", "conflict"]
_PARENTHESES = re.compile(r"\([^)]*\)")
_TOKEN = re.compile(r"[\w]+(?:-[\w]+)*")
_CLOSE_SPELLING = 90  # rapidfuzz ratio: "Al Shabaab" / "al-Shabab", not "ISIS" / "ISKP"


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Lower case, no accents, no parenthesised qualifiers such as "(2004-2021)" or "(Afghanistan)"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _PARENTHESES.sub(" ", text.lower()).replace("’", "'")
    return " ".join(_TOKEN.findall(text))


@functools.lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalise_name(name)))


@functools.lru_cache(maxsize=65536)
def is_generic(name: str) -> bool:
    """A description, not a name: "local militia", "anti-Taliban forces", "unidentified gunmen"."""
    generic = actor_rules().generic_words
    tokens = name_tokens(name)
    return bool(tokens) and all(token in generic or token.startswith("anti-") for token in tokens)


def kind(actor: Actor) -> str | None:
    return actor_rules().kind_of_inter.get(actor.inter) if actor.inter is not None else None


@functools.lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    first, second = normalise_name(a), normalise_name(b)
    if not first or not second:
        return False
    if first == second:
        return True
    # "Taliban" / "Taliban fighters"; whole words only, so "Taliban" is not "anti-Taliban forces"
    generic = actor_rules().generic_words
    core_a = {t for t in name_tokens(a) if t not in generic}
    core_b = {t for t in name_tokens(b) if t not in generic}
    if core_a and core_b and (core_a <= core_b or core_b <= core_a):
        return True
    return fuzz.ratio(first.replace("-", " "), second.replace("-", " ")) >= _CLOSE_SPELLING


def side_match(a: Actor | None, b: Actor | None) -> SideMatch:
    if a is None or b is None:
        return "unknown"
    if same_name(a.name, b.name):
        return "name"
    kind_a, kind_b = kind(a), kind(b)
    either_generic = is_generic(a.name) or is_generic(b.name)
    if kind_a is not None and kind_a == kind_b:
        if kind_a in actor_rules().interchangeable_kinds or either_generic:
            return "weak"
        return "conflict"
    if (kind_a is None or kind_b is None) and either_generic:
        return "weak"
    return "conflict"


def alignment(
    pair_a: tuple[Actor | None, Actor | None], pair_b: tuple[Actor | None, Actor | None]
) -> Literal["straight", "swapped"] | None:
    """How pair_b lines up with pair_a, preferring the orientation with more name matches."""
    best: tuple[int, str] | None = None
    for orientation, (first, second) in (("straight", pair_b), ("swapped", (pair_b[1], pair_b[0]))):
        sides = (side_match(pair_a[0], first), side_match(pair_a[1], second))
        if "conflict" in sides:
            continue
        score = sum(2 if side == "name" else 1 if side == "weak" else 0 for side in sides)
        if best is None or score > best[0]:
            best = (score, orientation)
    return None if best is None else best[1]  # type: ignore[return-value]


def compatible(pair_a: tuple[Actor | None, Actor | None], pair_b: tuple[Actor | None, Actor | None]) -> bool:
    return alignment(pair_a, pair_b) is not None
