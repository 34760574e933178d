"""Named buildings and sites: "Holy Trinity Cathedral", "Kasarani Stadium", "Wasini Island", "Lake Eyasi".

GeoWebNews-style annotation counts a named building or site as a toponym, and GeoNames lists
many (churches, airports, racecourses). The embedded gazetteer has none, so such a name — a run
of capitalised words closed by a building or site word (``facility_heads`` in ``data/lexicon.toml``),
or opened by a lake's or a mountain's (``facility_openers``), and
naming no place the gazetteer knows — is reported with the point of the largest town the
article names before it (else after it): a building stands in a town of its story. So is a
building named by one word alone ("the state Capitol", ``facility_names``). A landmark known by
its bare name the world over ("the Kremlin", "landed at Heathrow", ``data/landmarks.tsv``), or a
facility name containing one ("Gatwick Airport"), is placed at its own town instead, over the
small towns that share its name (Heathrow, Florida). These mentions, like organisations, are
never an event's location (the town is named on its own).
"""

from __future__ import annotations

from collections.abc import Mapping

from thucydides.geocode.filters import is_notable
from thucydides.geocode.lexicon import Lexicon
from thucydides.geocode.mentions import is_demonym
from thucydides.geocode.normalise import name_key
from thucydides.geocode.recognise import CONNECTORS, Run, Token
from thucydides.geocode.resolve import distance_km, feature_class
from thucydides.model import GazetteerEntry, PlaceMention

FACILITY_WHY = "a named building or site"
_MIN_TOWN_CONFIDENCE = 0.5
# heads that are also common surnames ("Charlotte Church", "Stuart Hall"): a name of three
# words or more only ("Holy Family Church", "Royal Albert Hall")
_SURNAME_HEADS = frozenset({"church", "hall", "temple", "castle", "palace"})
_SAINTS = frozenset({"st", "saint", "ste"})
_PREPOSITIONS = frozenset({"at", "as", "on"})
_LANDMARK_WORDS = 3  # the longest landmark name ("Walt Disney World")
_NEAR_KM = 150.0  # another place of the text this close supports a town named like a facility


def with_facilities(text: str, tokens: list[Token], runs: list[Run], mentions: list[PlaceMention], lex: Lexicon,
                    landmarks: Mapping[str, GazetteerEntry] | None = None) -> list[PlaceMention]:
    """``mentions`` and the runs that name a building or site with no resolved place inside; an
    unresolved word inside ("Trinity" of "Holy Trinity Cathedral") gives way to the whole name.
    ``landmarks``: the town of each landmark (by name key) of ``data/landmarks.tsv``."""
    towns = [m for m in mentions if m.entry is not None and feature_class(m.entry) == "PPL"
             and m.confidence >= _MIN_TOWN_CONFIDENCE]
    landmarks = landmarks or {}
    added: list[PlaceMention] = []
    replaced: set[int] = set()
    used: set[int] = set()  # runs read as facilities
    for index, run in enumerate(runs):
        first = run.first + (tokens[run.first].text == "The")
        if first > run.last:
            continue  # a lone "The" ("… to protest against The.")
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
        # "Passengers at Ninoy Aquino International Airport": an English preposition, a name
        # connector elsewhere ("Tall at Tamr"), opens the building's name when written apart
        first = max([i + 1 for i in range(first, last) if tokens[i].lower in _PREPOSITIONS and not tokens[i].capitalised
                     and text[tokens[i - 1].end : tokens[i].start] == " " if i > 0] + [first])
        words = tokens[first:last + 1]
        if words[-1].lower in _SURNAME_HEADS and len(words) < 3 and saint_end is None:
            continue
        if any(t.lower in lex.titles for t in words[:-1] if saint_end is None or t.start >= saint_end):
            continue  # "Mr Smith Hall" is a person's (but a saint's first name is the saint's)
        start, end = words[0].start, words[-1].end
        inside = [i for i, m in enumerate(mentions) if m.start < end and start < m.end]
        landmark = _landmark_in(text, tokens, first, last, landmarks)
        if any(mentions[i].entry is not None and not is_demonym(mentions[i])
               and not (saint_end is not None and mentions[i].end <= saint_end)
               and not (landmark is not None and _gives_way(mentions[i], landmark[0], landmark[1]))
               and not _unsupported_namesake(mentions[i], start, end, mentions, towns) for i in inside):
            continue  # a place inside ("Kandahar International Airport") keeps its own reading
        replaced.update(inside)
        used.add(index)
        if landmark is not None:
            added.append(_at_landmark(text[start:end], start, end, landmark[2]))
        else:
            added.append(_placed(text[start:end], start, end, towns))
    for index, run in enumerate(runs):
        if index in used:
            continue
        for first, last, town in _bare_landmarks(text, tokens, run, landmarks, lex.landmark_firsts):
            start, end = tokens[first].start, tokens[last].end
            inside = [i for i, m in enumerate(mentions) if m.start < end and start < m.end]
            if all(_gives_way(mentions[i], start, end) for i in inside):
                replaced.update(inside)
                added.append(_at_landmark(text[start:end], start, end, town))
        word = tokens[run.first]
        if run.first == run.last and word.lower in lex.facility_names:
            # "the state Capitol": a building of the story's town, not a town spelt like it (Capitola)
            inside = [i for i, m in enumerate(mentions) if m.start < word.end and word.start < m.end]
            if all(_gives_way(mentions[i], word.start, word.end) for i in inside):
                replaced.update(inside)
                added.append(_placed(word.text, word.start, word.end, towns))
    if not added:
        return mentions
    return sorted([m for i, m in enumerate(mentions) if i not in replaced] + added, key=lambda m: (m.start, -m.end))


def _landmark_in(text: str, tokens: list[Token], first: int, last: int,
                 landmarks: Mapping[str, GazetteerEntry]) -> tuple[int, int, GazetteerEntry] | None:
    """The first landmark named inside tokens ``first``..``last`` ("Gatwick" of "Gatwick Airport"):
    its offsets and its town."""
    for i in range(first, last + 1):
        for j in range(min(last, i + _LANDMARK_WORDS - 1), i - 1, -1):
            town = landmarks.get(name_key(text[tokens[i].start:tokens[j].end]))
            if town is not None:
                return tokens[i].start, tokens[j].end, town
    return None


def _bare_landmarks(text: str, tokens: list[Token], run: Run, landmarks: Mapping[str, GazetteerEntry],
                    firsts: frozenset[str]) -> list[tuple[int, int, GazetteerEntry]]:
    """The landmarks a run names ("the Kremlin", "London's Heathrow"), longest first, as token spans."""
    found: list[tuple[int, int, GazetteerEntry]] = []
    i = run.first
    while i <= run.last and landmarks:
        if tokens[i].lower not in firsts:
            i += 1
            continue
        for j in range(min(run.last, i + _LANDMARK_WORDS - 1), i - 1, -1):
            town = landmarks.get(name_key(text[tokens[i].start:tokens[j].end]))
            if town is not None:
                found.append((i, j, town))
                i = j
                break
        i += 1
    return found


def _gives_way(mention: PlaceMention, start: int, end: int) -> bool:
    """Whether a mention inside a landmark's name is no rival to it: unresolved, a demonym, or a
    small town named like it or inside it (Heathrow, Florida; Capitola, a spelling variant)."""
    if mention.start < start or mention.end > end:
        return False  # a longer name ("Capitol Heights") is its own
    return mention.entry is None or is_demonym(mention) or not is_notable(mention.entry)


def _unsupported_namesake(mention: PlaceMention, start: int, end: int, mentions: list[PlaceMention],
                          towns: list[PlaceMention]) -> bool:
    """A small town named exactly like the whole facility ("Franklin Square", a Long Island
    village) that nothing else in the text places near: the square of the story's town. With no
    other town in the text to place a facility at, the town of that name stands ("near Byron Bay")."""
    entry = mention.entry
    if entry is None or (mention.start, mention.end) != (start, end) or is_notable(entry) or feature_class(entry) != "PPL":
        return False
    if all(town is mention for town in towns):
        return False
    return not any(other.entry is not None and other is not mention and other.entry.geonameid != entry.geonameid
                   and (other.entry.geonameid == entry.admin1_id or _near(other.entry, entry)) for other in mentions)


def _near(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    if a.latitude is None or b.latitude is None or feature_class(a) in ("country", "region"):
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) < _NEAR_KM


def _at_landmark(name: str, start: int, end: int, town: GazetteerEntry) -> PlaceMention:
    return PlaceMention(text=name, start=start, end=end, entry=town, confidence=0.5,
                        why=f"{FACILITY_WHY}, placed at {town.name}: a landmark of that town")


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
