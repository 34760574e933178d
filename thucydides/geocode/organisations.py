"""Organisations named after a place: "University of Alberta", "Bank of Japan", "Colorado State University".

GeoWebNews-style annotation counts such a name as a toponym that stands for its place (a
metonym), so the mention of the place inside it is widened to the whole organisation name and
keeps the place's resolution. The word lists are in ``data/lexicon.toml``. ``is_organisation``
tells these mentions apart: they are never an event's location.
"""

from __future__ import annotations

import re
from dataclasses import replace

from thucydides.geocode.lexicon import Lexicon
from thucydides.geocode.resolve import feature_class
from thucydides.model import PlaceMention

ORGANISATION_WHY = "organisation named after"
_WORD_BEFORE = re.compile(r"([A-Z][A-Za-z]+) of $")
_WORDS_AFTER = re.compile(r"^((?: [A-Z][A-Za-z]+){1,3})")
_LARGE_ENOUGH = ("country", "region", "ADM1")


def widen_to_organisations(text: str, mentions: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """``mentions`` with each country/province/city mention that is part of an organisation's
    name replaced by a mention of the whole name (same resolution, a lower confidence)."""
    result: list[PlaceMention] = []
    for mention in mentions:
        entry = mention.entry
        widened = None
        if entry is not None and (feature_class(entry) in _LARGE_ENOUGH or entry.population >= 100_000):
            widened = _organisation_span(text, mention.start, mention.end, lex)
        if widened is None:
            result.append(mention)
            continue
        start, end = widened
        result.append(replace(
            mention, text=text[start:end], start=start, end=end, confidence=round(mention.confidence * 0.8, 3),
            why=f"{ORGANISATION_WHY} {mention.text}: {mention.why}",
        ))
    return result


def _organisation_span(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.end() == start and before.group(1).lower() in lex.organisation_of_heads:
        return before.start(), end
    after = _WORDS_AFTER.match(text[end:end + 60])
    if after:
        words = after.group(1).split()
        for count in range(len(words), 0, -1):
            head, middle = words[count - 1].lower(), [w.lower() for w in words[:count - 1]]
            if head in lex.organisation_end_heads and all(w in lex.organisation_middle_words for w in middle):
                return start, end + len(" ".join(words[:count])) + 1
    return None


def is_organisation(mention: PlaceMention) -> bool:
    """Whether ``mention`` is an organisation named after a place ("Bank of Japan"), not a place."""
    return mention.why.startswith(ORGANISATION_WHY + " ")
