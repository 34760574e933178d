"""Organisations named after a place: "University of Alberta", "Bank of Japan", "Colorado State University".

GeoWebNews-style annotation counts such a name as a toponym that stands for its place (a
metonym), so the mention of the place inside it is widened to the whole organisation name and
keeps the place's resolution. The word lists are in ``data/lexicon.toml``. ``is_organisation``
tells these mentions apart: they are never an event's location.

Not one reading with ``facilities.py``, on purpose: an organisation's name holds a large place
the gazetteer resolves and is placed there ("Nairobi Trade Centre" is Nairobi's); a facility's
holds no resolved place and is placed at the town the story names ("International Convention
Centre"). They share a head word or two ("centre"), the names holding a place or not decides;
what they share is that neither is where an event happened (``is_organisation`` covers both).
"""

from __future__ import annotations

import re
from dataclasses import replace

from thucydides.geocode.facilities import is_facility
from thucydides.geocode.lexicon import Lexicon
from thucydides.geocode.resolve import feature_class
from thucydides.model import PlaceMention

ORGANISATION_WHY = "organisation named after"
_WORD_BEFORE = re.compile(r"([A-Z][A-Za-z]+) of $")
# capitalised words after the place (possessive: "Kerry County Council's plan"), then an
# optional "of <Word>" ("Kenya Chamber of Commerce")
_WORDS_AFTER = re.compile(r"^((?: [A-Z][A-Za-z]+(?:['’]s)?){1,4})( of [A-Z][a-z]+)?")
_LARGE_ENOUGH = ("country", "region", "ADM1")


def widen_to_organisations(text: str, mentions: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """``mentions`` with each country/province/city mention that is part of an organisation's
    name replaced by a mention of the whole name (same resolution, a lower confidence)."""
    result: list[PlaceMention] = []
    for mention in mentions:
        widened = _organisation_span(text, mention.start, mention.end, lex) if _large_enough(mention, lex) else None
        if widened is None:
            result.append(mention)
            continue
        start, end = widened
        result.append(replace(
            mention, text=text[start:end], start=start, end=end, confidence=round(mention.confidence * 0.8, 3),
            why=f"{ORGANISATION_WHY} {mention.text}: {mention.why}",
        ))
    return result


def _large_enough(mention: PlaceMention, lex: Lexicon) -> bool:
    """A country, province or city of 100,000+ — or a district the text names as one ("Harris County")."""
    entry = mention.entry
    if entry is None:
        return False
    if feature_class(entry) in _LARGE_ENOUGH or entry.population >= 100_000:
        return True
    last_word = mention.text.rsplit(" ", 1)[-1].lower()
    return feature_class(entry) == "ADM2" and " " in mention.text and lex.kind_words.get(last_word) == "ADM2"


def _organisation_span(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.end() == start and before.group(1).lower() in lex.organisation_of_heads:
        return before.start(), end
    after = _WORDS_AFTER.match(text[end:end + 80])
    if after:
        words = after.group(1).split()
        for count in range(1, len(words) + 1):
            word = words[count - 1]
            head = word.removesuffix("'s").removesuffix("’s")
            if head.lower() in lex.organisation_end_heads and not any(w.lower() in lex.calendar for w in words[: count - 1]):
                # "Colorado State University", "Lagos Gold Cup", "Mombasa General Hospital": any
                # capitalised words between the place and the head, but no month or weekday
                widened = end + len(" ".join(words[: count - 1] + [head])) + 1
                if count == len(words) and head == word and after.group(2):
                    widened += len(after.group(2))  # "Chambers of Commerce"
                return start, widened
            if head != word:
                return None  # a possessive ends the name: "U.S. Senator's Office" is the country's
    return None


def is_organisation(mention: PlaceMention) -> bool:
    """Whether ``mention`` is an organisation named after a place ("Bank of Japan"), not a place;
    or a named building or site ("Kasarani Stadium", ``facilities.py``), placed only at its town,
    which the event extractor must not take for where something happened either."""
    return mention.why.startswith(ORGANISATION_WHY + " ") or is_facility(mention)
