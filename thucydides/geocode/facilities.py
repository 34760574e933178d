"""Named buildings and sites: "Holy Trinity Cathedral", "Kasarani Stadium", "Wasini Island", "Lake Eyasi".

GeoWebNews-style annotation counts a named building or site as a toponym, and GeoNames lists
many (churches, airports, racecourses). The embedded gazetteer has none, so such a name — a run
of capitalised words closed by a building or site word (``facility_heads`` in ``data/lexicon.toml``),
or opened by a lake's or a mountain's (``facility_openers``), and
naming no place the gazetteer knows — is reported with the point of the largest town the
article names before it (else after it): a building stands in a town of its story. These
mentions, like organisations, are never an event's location (the town is named on its own).
"""

from __future__ import annotations

from thucydides.geocode.lexicon import Lexicon
from thucydides.geocode.mentions import is_demonym
from thucydides.geocode.recognise import CONNECTORS, Run, Token
from thucydides.geocode.resolve import feature_class
from thucydides.model import PlaceMention

FACILITY_WHY = "a named building or site"
_MIN_TOWN_CONFIDENCE = 0.5
# heads that are also common surnames ("Charlotte Church", "Stuart Hall"): a name of three
# words or more only ("Holy Family Church", "Royal Albert Hall")
_SURNAME_HEADS = frozenset({"church", "hall", "temple", "castle", "palace"})
_SAINTS = frozenset({"st", "saint", "ste"})


def with_facilities(text: str, tokens: list[Token], runs: list[Run], mentions: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """``mentions`` and the runs that name a building or site with no resolved place inside; an
    unresolved word inside ("Trinity" of "Holy Trinity Cathedral") gives way to the whole name."""
    towns = [m for m in mentions if m.entry is not None and feature_class(m.entry) == "PPL"
             and m.confidence >= _MIN_TOWN_CONFIDENCE]
    added: list[PlaceMention] = []
    replaced: set[int] = set()
    for index, run in enumerate(runs):
        first = run.first + (tokens[run.first].text == "The")
        saint_end = None  # "St. Anne's Cathedral", "St Mary's Church": the saint's name then the head
        if index > 0 and _saints_possessive(tokens, runs[index - 1]) and runs[index - 1].last + 1 == run.first:
            first, saint_end = runs[index - 1].first, tokens[runs[index - 1].last].end
        # the head closes the run, or a connector follows it ("Kasarani Stadium as the home side won")
        last = next((i for i in range(max(first + 1, run.first), run.last + 1) if tokens[i].lower in lex.facility_heads
                     and (i == run.last or tokens[i + 1].lower in CONNECTORS)), None)
        if last is None and tokens[first].lower in lex.facility_openers and run.last > first:
            # "Lake Eyasi", "Mount Elgon": the opener names a lake or a mountain, up to a connector
            last = next((i - 1 for i in range(first + 2, run.last + 1) if tokens[i].lower in CONNECTORS), run.last)
        if last is None or tokens[last].possessive:
            continue
        words = tokens[first:last + 1]
        if words[-1].lower in _SURNAME_HEADS and len(words) < 3 and saint_end is None:
            continue
        if any(t.lower in lex.titles for t in words[:-1] if saint_end is None or t.start >= saint_end):
            continue  # "Mr Smith Hall" is a person's (but a saint's first name is the saint's)
        start, end = words[0].start, words[-1].end
        inside = [i for i, m in enumerate(mentions) if m.start < end and start < m.end]
        if any(mentions[i].entry is not None and not is_demonym(mentions[i])
               and not (saint_end is not None and mentions[i].end <= saint_end) for i in inside):
            continue  # a place inside ("Kandahar International Airport") keeps its own reading
        replaced.update(inside)
        added.append(_placed(text[start:end], start, end, towns))
    if not added:
        return mentions
    return sorted([m for i, m in enumerate(mentions) if i not in replaced] + added, key=lambda m: (m.start, -m.end))


def _saints_possessive(tokens: list[Token], run: Run) -> bool:
    return tokens[run.first].lower in _SAINTS and run.last > run.first and tokens[run.last].possessive


def _placed(name: str, start: int, end: int, towns: list[PlaceMention]) -> PlaceMention:
    before = [m for m in towns if m.end <= start]
    after = [m for m in towns if m.start >= end]
    # the largest town named so far: a story's buildings stand in its city more often than in
    # the village it last named ("Holy Family Basilica" after Mombasa and a town near it)
    town = max(before or after, key=lambda m: m.entry.population, default=None)
    if town is None:
        return PlaceMention(text=name, start=start, end=end, entry=None, confidence=0.2,
                            why=f"{FACILITY_WHY}, in no gazetteer; the article names no town")
    return PlaceMention(text=name, start=start, end=end, entry=town.entry, confidence=round(min(0.3, town.confidence), 3),
                        why=f"{FACILITY_WHY}, placed at {town.entry.name}: the largest town the article names "
                            f"{'before' if before else 'after'} it")


def is_facility(mention: PlaceMention) -> bool:
    """Whether ``mention`` names a building or site ("Kasarani Stadium") rather than a settlement."""
    return mention.why.startswith(FACILITY_WHY)
