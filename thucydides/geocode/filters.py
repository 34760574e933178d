"""Filters: when a gazetteer match in the text is not a place mention (persons, outlets…).

Each ``*_reason`` function returns why a match is not a place (for the debug log), or None.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from thucydides.geocode.lexicon import Lexicon
from thucydides.geocode.recognise import Run, Span, Token, locality_end, opens_locality
from thucydides.geocode.resolve import feature_class
from thucydides.model import GazetteerEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from thucydides.geocode.mentions import Found

DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "upper", "lower", "greater", "new", "old", "northeast", "northwest",
                        "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"})


def title_case_lines(text: str, tokens: list[Token]) -> set[int]:
    """Indexes of tokens on lines where most longer words are capitalised (headlines)."""
    by_line: dict[int, list[int]] = defaultdict(list)
    line = 0
    last = 0
    for index, token in enumerate(tokens):
        line += text.count("\n", last, token.start)
        last = token.start
        by_line[line].append(index)
    result: set[int] = set()
    for indexes in by_line.values():
        words = [tokens[i] for i in indexes if len(tokens[i].text) >= 4]
        if len(words) >= 3 and sum(t.capitalised for t in words) >= 0.75 * len(words):
            result.update(indexes)
    return result


def is_notable(entry: GazetteerEntry) -> bool:
    return feature_class(entry) in ("country", "region", "ADM1") or entry.population >= 100_000


def facility_reason(item: Found, tokens: list[Token], lex: Lexicon) -> str | None:
    """"Tahrir Square": a small place's name glued to a facility word names the facility."""
    span = item.span
    if span.demonym or span.last >= span.run.last:
        return None
    right = tokens[span.last + 1]
    if right.lower not in lex.facility_words:
        return None
    if any(is_notable(e) for e, _ in item.candidates):
        return None
    return f"part of a facility's name: '{span.text} {right.text}'"


def person_reason(item: Found, doc: Doc | None, focus: dict[str, float]) -> str | None:
    """A name the parse reads as a person, with no place cue and no notable place of that name
    in or outside the article's countries.

    The parse's labels are unreliable ("Deh Saleh" PERSON), so this only drops names with no
    place context ("Sanchez said") whose candidates are all small places.
    """
    if not reads_as_person(item, doc):
        return None
    if any(feature_class(e) in ("country", "region", "ADM1") or e.population >= 100_000 or e.country_iso in focus
           for e, _ in item.candidates):
        return None
    return "the parse reads it as a person's name and nothing marks it as a place"


def reads_as_person(item: Found, doc: Doc | None) -> bool:
    """Whether the parse reads the name as a person's, and no cue or kind word says it is a place."""
    span = item.span
    if doc is None or span.demonym or span.kind or span.run.cue:
        return False
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    return chars is not None and all(t.ent_type_ == "PERSON" for t in chars)


def longest_matches(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans with gazetteer hits or demonyms, longest first, then leftmost."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.last - s.first), s.first)):
        if not (span.hits or span.demonym):
            continue
        if any(i in taken for i in range(span.first, span.last + 1)):
            continue
        chosen.append(span)
        taken.update(range(span.first, span.last + 1))
    return sorted(chosen, key=lambda s: s.first)


def person_words_of(tokens: list[Token], runs: list[Run], lex: Lexicon) -> set[str]:
    """Names right after a title or first name ("President Amrullah Saleh" → amrullah, saleh).

    Only the capitalised words that directly follow the last title count, up to a connector
    ("Secretary of the Communist Party of Vietnam" names no person).
    """
    from thucydides.geocode.recognise import CONNECTORS

    words: set[str] = set()
    for run in runs:
        titles = [i for i in range(run.first, run.last) if tokens[i].lower in lex.titles and not tokens[i].possessive]
        if not titles:
            continue
        name: list[str] = []
        for token in tokens[titles[-1] + 1 : run.last + 1]:
            if token.lower in CONNECTORS or token.lower in lex.demonyms or token.lower in lex.kind_words:
                break
            name.append(token.lower)
            if token.possessive:
                break
        words.update(name)
    return words - lex.common


def surnames_of(tokens: list[Token], runs: list[Run], lex: Lexicon, doc: Doc | None) -> set[str]:
    """Last words of the runs the parse reads as a person's full name, with no place cue ("Che
    Adams", "Sam Gallagher"): the same word alone later is that person ("Adams was sent off")."""
    from thucydides.geocode.recognise import CONNECTORS

    if doc is None:
        return set()
    words: set[str] = set()
    for run in runs:
        names = [t for t in tokens[run.first : run.last + 1] if t.lower not in CONNECTORS]
        if run.cue or run.kind_after or run.kind_before or not 2 <= len(names) <= 3 or names[-1].text.isupper():
            continue
        chars = doc.char_span(names[0].start, names[-1].end, alignment_mode="expand")
        if chars is not None and all(t.ent_type_ == "PERSON" for t in chars):
            words.add(names[-1].lower)
    return words - lex.common - lex.kind_words.keys() - lex.demonyms.keys()


def neighbour_reason(
    span: Span, chosen: list[Span], tokens: list[Token], lex: Lexicon, headline_tokens: set[int], doc: Doc | None
) -> str | None:
    """A place word glued to an unknown capitalised word is part of a longer name ("Amrullah Saleh"),
    and so is a place word inside a locality's name opened by its kind ("Colonia Las Flores").

    A one-word match is, even when the parse reads the neighbour as a place, or the neighbour
    matches a small place itself: "Papun Kan village" is one village, not Papun (Kayin State)
    beside a Kan abroad.
    """
    run = span.run
    if opens_locality(tokens, run, lex) and span.first <= locality_end(tokens, run) and (span.first, span.last) != (run.first, run.last):
        return f"part of a locality's name opened by '{tokens[run.first].text}'"
    if span.demonym or span.first in headline_tokens:
        return None
    name_first = run.first + (tokens[run.first].lower in ("al", "el", "ad", "ar", "as", "an", "at", "the"))  # "al-Bara"
    if run.kind_before and run.kind_token is None and not span.notable and (span.first > name_first or span.last < run.last):
        # "the town of Mir Khel": the kind word before names the whole run, not a village Mir abroad
        return f"part of the name after the kind word: '{' '.join(t.text for t in tokens[run.first:run.last + 1])}'"
    if span.notable and not (doc is not None and parsed_as(doc, span, ("PERSON",))):
        return None  # "Armenia-Italy Friendship Group", "Oman Film Society": still the country
    # a neighbour matched as a notable place is part of a list of places ("Kabul Kandahar
    # highway"); one matched as a small place may just be a first name ("Adam Smith")
    covered = {i for s in chosen if s is not span and (s.notable or s.demonym) for i in range(s.first, s.last + 1)}
    for i in (span.first - 1, span.last + 1):
        if not (run.first <= i <= run.last) or i in covered:
            continue
        word = tokens[i].lower
        if word in lex.common or word in lex.kind_words or word in DIRECTIONS or word in lex.demonyms:
            continue
        if i > span.last and (word in lex.titles or word in lex.place_cues or word in lex.team_words):
            continue  # "Cauca Governor", "Kabul police", "Morpeth Wanderers": the place qualifies what follows
        if span.last > span.first and doc is not None and token_parsed_as_place(doc, tokens[i]):
            continue  # a multi-word match is a name of its own: "Muara Bungo" of "Muara Bungo Dua"
        return f"part of a longer name with '{tokens[i].text}'"
    return None


def followed_by_unit(text: str, end: int, unit_starts: set[int]) -> bool:
    after = text[end : end + 3]
    return after.startswith(", ") and end + 2 in unit_starts


def parsed_as(doc: Doc, span: Span, labels: tuple[str, ...]) -> bool:
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    return chars is not None and all(t.ent_type_ in labels for t in chars)


def token_parsed_as_place(doc: Doc, token: Token) -> bool:
    span = doc.char_span(token.start, token.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span)
