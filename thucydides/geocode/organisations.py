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

import functools
import re
from dataclasses import replace

from thucydides.geocode.facilities import is_facility
from thucydides.geocode.filters import is_notable
from thucydides.geocode.lexicon import Lexicon
from thucydides.geocode.mentions import is_demonym
from thucydides.geocode.resolve import feature_class
from thucydides.model import GazetteerEntry, PlaceMention

ORGANISATION_WHY = "organisation named after"
_WORD_BEFORE = re.compile(r"([A-Z][A-Za-z]+) of $")
_WORDS_BEFORE_HEAD = re.compile(r"((?:[A-Z][A-Za-z]+ ){1,2})$")
_NOT_IN_NAMES = frozenset({"the", "a", "an", "on", "in", "at", "by", "for", "to", "from", "as", "and", "but", "with", "after", "before", "when", "while"})
# capitalised words after the place (possessive: "Kerry County Council's plan"), then an
# optional "of <Word>" ("Kenya Chamber of Commerce")
_WORDS_AFTER = re.compile(r"^((?: [A-Z][A-Za-z]+(?:['’]s)?){1,4})( of [A-Z][a-z]+)?")
_LARGE_ENOUGH = ("country", "region", "ADM1")
# a capitalised word (or "A&M") right after a place's name, ending a word
_SHORT_HEAD = re.compile(r" ([A-Z][a-z]*(?:&[A-Z])?)(?![\w&])")


def widen_to_organisations(text: str, mentions: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """``mentions`` with each country/province/city mention that is part of an organisation's
    name replaced by a mention of the whole name (same resolution, a lower confidence)."""
    result: list[PlaceMention] = []
    widened_at: list[int] = []  # indexes in ``result`` of the mentions widened to a name
    for mention in mentions:
        if _named_trophy_or_race(text, mention, result, lex):
            continue
        short = _short_name_end(text, mention, lex)
        if short is not None:
            # the place's own name stays the mention (toponym annotation marks "Mississippi" in
            # "Mississippi State"), read as the institution's
            result.append(replace(mention, text=text[mention.start:short], end=short, confidence=round(mention.confidence * 0.8, 3),
                                  why=f"{ORGANISATION_WHY} {text[mention.start:short]}: {mention.why}"))
            continue
        widened = _organisation_span(text, mention.start, mention.end, lex) if _large_enough(mention, lex) else None
        if widened is None:
            result.append(mention)
            continue
        start, end = widened
        rival = next((i for i in widened_at if result[i].start < end and start < result[i].end), None)
        if rival is not None:
            # two places inside one name ("Commonwealth Bank of Australia"): the whole name is
            # the larger unit's, a country over a town spelt like a word of the name
            other = result[rival]
            start, end = min(start, other.start), max(end, other.end)
            if _rank(other.entry) >= _rank(mention.entry):
                result[rival] = replace(other, text=text[start:end], start=start, end=end)
                continue
            result[rival] = replace(mention, text=text[start:end], start=start, end=end, confidence=round(mention.confidence * 0.8, 3),
                                    why=f"{ORGANISATION_WHY} {mention.text}: {mention.why}")
            continue
        widened_at.append(len(result))
        result.append(replace(
            mention, text=text[start:end], start=start, end=end, confidence=round(mention.confidence * 0.8, 3),
            why=f"{ORGANISATION_WHY} {mention.text}: {mention.why}",
        ))
    return result


def _named_trophy_or_race(text: str, mention: PlaceMention, before: list[PlaceMention], lex: Lexicon) -> bool:
    """A small place's name right before a trophy's word is a person's ("the Stanley Cup", "the
    Davis Cup": no Stanley, Manitoba); a race's word right after a place is the race ("the
    Kentucky Derby": Kentucky stays, Derby is no English city). Neither is a place mention."""
    if mention.text.lower() in lex.race_names and before and before[-1].end + 1 == mention.start and text[before[-1].end] == " ":
        return True
    match = _SHORT_HEAD.match(text, mention.end)
    return (match is not None and match.group(1).lower() in lex.prize_heads and " " not in mention.text
            and mention.entry is not None and not _large_enough(mention, lex))


def _rank(entry: GazetteerEntry | None) -> int:
    cls = feature_class(entry) if entry is not None else ""
    return {"country": 3, "ADM1": 2}.get(cls, 1)


def institution_head(text: str, end: int, lex: Lexicon) -> str | None:
    """The word after a name ending at ``end`` that makes the two an institution's short name
    ("Tech" of "Georgia Tech"), or None."""
    after = _SHORT_HEAD.match(text, end)
    return after.group(1) if after is not None and after.group(1).lower() in lex.institution_short_heads else None


def _short_name_end(text: str, mention: PlaceMention, lex: Lexicon) -> int | None:
    """Where the place's name ends when ``mention`` and the word after it are an institution's
    short name ("Georgia Tech", "Texas A&M", "Ohio State"), or None; not when more of a name
    follows ("California State University" is read whole by ``_organisation_span``)."""
    entry = mention.entry
    if entry is None or feature_class(entry) not in _LARGE_ENOUGH:
        return None
    name, end = mention.text, mention.end
    after = _SHORT_HEAD.match(text, end)
    if after is None and name.endswith(" State"):
        name, end = name.removesuffix(" State"), mention.start + len(name) - len(" State")  # kind word read into the name
        after = _SHORT_HEAD.match(text, end)
    if after is None or after.group(1).lower() not in lex.institution_short_heads:
        return None
    if after.group(1) == "State" and (entry.country_iso != "US" or feature_class(entry) != "ADM1"
                                      or name.lower() in lex.states_called_state):
        return None
    if text.startswith(" ", after.end()) and text[after.end() + 1 : after.end() + 2].isupper():
        return None
    return end


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
        # "the Reserve Bank of India", "Royal Bank of Canada": up to two capitalised words
        # before the head are the name's too (not "The" opening a sentence, nor a weekday)
        opening = _WORDS_BEFORE_HEAD.search(text, max(0, before.start() - 40), before.start())
        if opening is not None and opening.end() == before.start():
            words: list[str] = []
            for word in reversed(opening.group(1).split()):
                if word.lower() in _NOT_IN_NAMES or word.lower() in lex.calendar:
                    break  # "On Monday Bank of Japan said": the name starts after them
                words.insert(0, word)
            if words:
                return before.start() - len(" ".join(words)) - 1, end
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


# a quoted name ("Save Lagos Now", “Don't Let Belgrade Drown”): capitalised words, a few small ones
_QUOTED = re.compile(r'["“]([^"“”\n]{3,80}?)["”]')
_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "for", "to", "in", "on", "our", "not", "no", "de", "la", "el", "du", "des"})
# a capitalised word and the space after it, read backwards from a movement's word
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s$")
_WORDS = re.compile(r"[A-Za-z]+")


def movement_names(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Character spans of the names of movements and campaigns: a quoted name of two to eight
    capitalised words ("Save Lagos Now"), and capitalised words ending in a movement's word
    ("the Free Kherson Committee")."""
    names: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(text):
        words = match.group(1).split()
        if not (2 <= len(words) <= 8 and words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)):
            continue
        # words quoted in a headline written in capitals, or a quoted sentence ("Kidal Has
        # Fallen," he said), are no name
        if match.group(1)[-1] in ",.!?" or _title_case_line(text, match.start(), match.end()):
            continue
        names.append((match.start(1), match.end(1)))
    for match in _movement_pattern(lex.movement_heads).finditer(text):
        # the capitalised words before it, up to five ("the Free Kherson Committee", "the Don't
        # Let Belgrade Drown movement": a lower-case word ends the name before it)
        start = match.start()
        for _ in range(5):
            before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
            if before is None or text[before.start() : before.end()].strip() == "The":
                break
            start = before.start()
        if start < match.start():
            names.append((start, match.end() if match.group()[:1].isupper() else match.start() - 1))
    return names


@functools.lru_cache(maxsize=4)
def _movement_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, heads))) + r")\b", re.IGNORECASE)


def _title_case_line(text: str, start: int, end: int) -> bool:
    """Whether the rest of the line around ``text[start:end]`` is mostly capitalised (a headline)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + " " + text[end : len(text) if line_end < 0 else line_end]
    words = [w for w in _WORDS.findall(rest) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def within_movement_names(text: str, mentions: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """``mentions`` with the places inside a movement's name made one mention of the name, named
    after its best-known place (as an organisation: never an event's location), and the other
    words matched inside it dropped ("Save" of "Save Lagos Now" is no town Savé). A quoted place
    name alone, or with only kind words ("Luhansk People's Republic"), stays a place."""
    result = list(mentions)
    for start, end in movement_names(text, lex):
        inside = [m for m in result if start <= m.start and m.end <= end and not is_demonym(m)]
        places = [m for m in inside if m.entry is not None and not is_organisation(m)]
        if not places:
            continue
        named = max(places, key=lambda m: (is_notable(m.entry), m.entry.population))  # type: ignore[arg-type]
        rest = re.findall(r"[\w'’-]+", text[start:named.start] + " " + text[named.end:end])
        if not any(w.lower() not in lex.common and w.lower() not in lex.kind_words for w in rest) and not _titled_name(rest, lex):
            continue
        widened = replace(named, text=text[start:end], start=start, end=end, confidence=round(named.confidence * 0.8, 3),
                          why=f"{ORGANISATION_WHY} {named.text}: {named.why}")
        result = [widened if m is named else m for m in result if m is named or m not in inside]
    return result


def _titled_name(rest: list[str], lex: Lexicon) -> bool:
    """The words beside the place are a name's own title, ending in a capitalised movement's
    word after another capitalised word ("Kurdistan Democratic Party", "Sindh National
    Movement"): common words, but a name's, where "Kherson committee" is still the place's."""
    return len(rest) >= 2 and rest[-1][:1].isupper() and rest[-1].lower() in lex.movement_heads and rest[-2][:1].isupper()


def is_named_after(mention: PlaceMention) -> bool:
    """Whether ``mention`` is an organisation's or a movement's name that holds a place ("Bank of
    Japan", "Save Lagos Now"): it says little of where the story is."""
    return mention.why.startswith(ORGANISATION_WHY + " ")


def is_organisation(mention: PlaceMention) -> bool:
    """Whether ``mention`` is an organisation named after a place ("Bank of Japan"), not a place;
    or a named building or site ("Kasarani Stadium", ``facilities.py``), placed only at its town,
    which the event extractor must not take for where something happened either."""
    return mention.why.startswith(ORGANISATION_WHY + " ") or is_facility(mention)
