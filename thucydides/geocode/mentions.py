"""Writing place mentions: a resolved match's span and why, and unresolved place names.

``Found`` carries a recognised span and its candidates through resolution; ``make_mention``
turns it into the ``PlaceMention`` the pipeline sees; ``unresolved_mentions`` reports the
capitalised names that the context marks as places but no gazetteer lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from thucydides.geocode.containers import is_seat
from thucydides.geocode.filters import followed_by_bracketed_units, followed_by_unit, is_notable, is_well_known
from thucydides.geocode.lexicon import Lexicon, lexicon
from thucydides.geocode.recognise import ARABIC_ARTICLES, CONNECTORS, Run, Span, Token, has_glued_article, opens_locality
from thucydides.geocode.resolve import Choice, distance_km, feature_class
from thucydides.model import GazetteerEntry, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# cues strong enough to report a capitalised name the gazetteer lacks as an (unresolved) place
STRONG_CUES = frozenset({"dateline", "near", "outside", "village", "town", "city", "district", "province", "list",
                         "villages", "towns", "districts", "provinces", "outskirts", "municipality",
                         "municipalities", "region", "camp", "area", "suburb", "border"})
ABBREVIATION = re.compile(r"^[A-Z]{2,6}s?$")
ARTICLE_WORDS = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ez", "es", "ed", "e", "i", "ye"})
BORDER_KM = 300.0  # a small place abroad this close to the article's places may be across a border
DEMONYM_WHY = "demonym"
CURRENCY_WHY = ", naming a currency"
_COORDINATION = re.compile(r",? (?:and|or|&) ")


# capitalised compass words before a province, country or island name the part of it they point
# to ("Western Chad", "Central Ohio"); not "New"/"Old", which make other names ("New Syria Party")
REGION_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                               "central", "upper", "lower", "northeast", "northwest", "southeast", "southwest",
                               "northeastern", "northwestern", "southeastern", "southwestern"})


def _team_state(entry: GazetteerEntry, kind: Token) -> bool:
    """"Mississippi State", "Ohio State": American states are not called "X State" (but where a city
    shares the name: "New York State", caught by the same-name rule), so it is the university or
    its team, which GeoWebNews annotates as the state's name alone."""
    return kind.lower == "state" and entry.country_iso == "US" and feature_class(entry) == "ADM1"


def _is_large(entry: GazetteerEntry) -> bool:
    return feature_class(entry) in ("country", "region", "ADM1", "ADM2") or entry.feature in ("ISL", "ISLS")


@dataclass(slots=True)
class Found:
    """A span kept as a place mention, with its candidates until it is resolved."""

    span: Span
    candidates: list[tuple[GazetteerEntry, str]]
    choice: Choice | None = None
    plain_best: GazetteerEntry | None = None


def near_any(entry: GazetteerEntry, others: list[GazetteerEntry], km: float) -> bool:
    if entry.latitude is None or entry.longitude is None:
        return False
    return any(distance_km(entry.latitude, entry.longitude, o.latitude, o.longitude) < km for o in others)


def consecutive(indexes: list[int]) -> Iterable[list[int]]:
    group: list[int] = []
    for i in indexes:
        if group and i != group[-1] + 1:
            yield group
            group = []
        group.append(i)
    if group:
        yield group


def _dominant_city(entry: GazetteerEntry, item: Found) -> bool:
    """A city of 100,000+ at least six times larger than every other town of its name, spelt as
    written: in a text naming no country, "Hobart recorded its wettest day", "Regina police
    said" open a sentence with the city, not with a common noun (which names no such city:
    "Bush fires", "Rain flooded")."""
    if feature_class(entry) != "PPL" or entry.population < _DOMINANT_POPULATION or entry.name.lower() != item.span.text.lower():
        return False  # (written as the gazetteer spells it: "Bush" is no Būsh)
    rivals = [e.population for e, _ in item.candidates if feature_class(e) == "PPL" and e.geonameid != entry.geonameid]
    return all(entry.population >= _DOMINANT_RATIO * p for p in rivals)


_DOMINANT_POPULATION = 100_000
_DOMINANT_RATIO = 6


def name_word_before(span: Span, tokens: list[Token]) -> Token | None:
    """The capitalised word opening a longer name of which ``span`` is the last word(s), when it
    is no common, kind, direction or title word ("Shaheen" of "Shaheen Bagh"; none in "Greater
    Manchester", "North Kivu", "President Kenyatta")."""
    if span.first <= span.run.first or span.last != span.run.last or span.demonym:
        return None
    before = tokens[span.first - 1]
    lex = lexicon()
    if (not before.capitalised or before.possessive or before.lower in lex.common or before.lower in lex.kind_words
            or before.lower in REGION_DIRECTIONS or before.lower in ARTICLE_WORDS or before.lower in lex.titles):
        return None
    return before


def make_mention(
    item: Found, text: str, tokens: list[Token], same_name: set[int], focus: dict[str, float], homes: list[GazetteerEntry]
) -> PlaceMention:
    span, choice = item.span, item.choice
    assert choice is not None
    start, end = span.start, span.end
    run = span.run
    if span.first > run.first and tokens[span.first - 1].lower in ARTICLE_WORDS and text[tokens[span.first - 1].end : span.start] in ("-", "‐"):
        start = tokens[span.first - 1].start  # "al-Bara": the article glued to the name is part of it
    entry = choice.entry
    if span.first > run.first and tokens[span.first - 1].lower in REGION_DIRECTIONS and _is_large(entry) and not span.demonym:
        start = tokens[span.first - 1].start  # "Western Chad", "Northern Mali": a part of the place, named after it
    abroad = not focus or (entry.country_iso is not None and entry.country_iso not in focus)
    # a national capital, however small (Apia, Funafuti), is a place a reader knows abroad
    if (abroad and not ((is_well_known(entry) or not focus and _dominant_city(entry, item)) if span.opener
                        else is_notable(entry) or entry.feature == "PPLC")
            and (focus or span.opener) and not span.demonym and not near_any(entry, homes, BORDER_KM)):
        # the only places of this name are villages abroad: the article's own village is
        # missing from the gazetteer, which is better said than a wrong point on another continent
        return PlaceMention(text=text[start:end], start=start, end=end, entry=None, confidence=0.2,
                            why=f"unresolved: the only places of this name lie outside the article's countries "
                                f"(best: {entry.name}, {entry.country or entry.country_iso})")
    if span.last + 1 in run.inner_kinds and not span.demonym:
        if not _team_state(entry, tokens[span.last + 1]) or same_name - {entry.geonameid}:
            end = tokens[span.last + 1].end  # "Davao City Mayor": the capitalised kind word is part of the name
    elif run.kind_token is not None and span.last in (run.last, run.kind_token - 1) and run.kind_token > span.last:
        # "Gezira State" is the name; "Basra province" too when the article also uses the name
        # for another place (the city); "Bano district", "Kapisa province" name Bano, Kapisa
        other_place = same_name - {choice.entry.geonameid}
        if (run.kind_capitalised and not _team_state(entry, tokens[run.kind_token])) or other_place:
            end = tokens[run.kind_token].end
    why = choice.why
    if span.demonym:
        why = f"{DEMONYM_WHY} of {choice.entry.name}" + (CURRENCY_WHY if span.currency else "")
    return PlaceMention(text=text[start:end], start=start, end=end, entry=choice.entry, confidence=choice.confidence, why=why)


def unresolved_mentions(
    text: str,
    tokens: list[Token],
    leftovers: list[tuple[Run, list[int]]],
    found: list[Found],
    lex: Lexicon,
    person_words: set[str],
    doc: Doc | None,
) -> list[PlaceMention]:
    """Capitalised names that the context marks as places but no gazetteer lists.

    Strong context: a kind word ("the village of X", "X district"), a list with one ("the
    districts of A, B"), a place cue such as "near"/"outside", or a name coordinated with a
    found place ("Walikale and X"). Weak context ("in X") is not enough: without entity labels
    nothing tells a village from a person or an organisation there.
    """
    taken = {i for f in found for i in range(f.span.first, f.span.last + 1)}
    found_ends = {tokens[f.span.last].end for f in found if f.choice is not None and not f.span.demonym}
    unit_starts = {f.span.start for f in found if f.choice is not None
                   and feature_class(f.choice.entry) in ("country", "ADM1", "ADM2")}
    # a resolved place's start → its end, and the start of each town named like its province
    place_ends = {f.span.start: tokens[f.span.last].end for f in found if f.choice is not None and not f.span.demonym}
    unit_starts = unit_starts | {f.span.start for f in found if f.choice is not None and is_seat(f.choice.entry)
                                 and text.startswith(")", tokens[f.span.last].end)}
    mentions = []
    for run, indexes in leftovers:
        if run.first in taken:
            continue
        # a kind word after the run names the words right before it, not the run's first word
        # ("Councillors of the Clonmel District": Clonmel is the district, Councillors no place)
        names_kind_after = run.kind_token is not None and not any(i in taken for i in range(run.first, run.kind_token))
        kind_given = bool((run.kind_after and run.kind_after != "UNIT" and names_kind_after) or run.kind_before or run.list_kind)
        coordinated = is_coordinated(text, tokens[run.first].start, found_ends)
        followed = (followed_by_unit(text, tokens[run.last].end, unit_starts)
                    or followed_by_bracketed_units(text, tokens[run.last].end, place_ends, unit_starts))
        if not (kind_given or run.cue in STRONG_CUES or coordinated or followed):
            continue
        group = next(iter(consecutive([i for i in indexes if i not in taken])), [])
        if not group or group[0] != run.first:
            continue
        words = [tokens[i] for i in group]
        while len(words) > 1 and ((words[-1].lower in lex.kind_words and not run.kind_capitalised) or words[-1].lower in CONNECTORS):
            words.pop()  # "Kapisa province" names Kapisa; "Colonia Centro of Tijuana": the locality ends before "of"
        # (after a locality's kind, saints and articles are part of its name: "Barangay San Isidro")
        common = frozenset() if opens_locality(tokens, run, lex) else lex.common
        # ("the town of Mir Hassan": after a kind word, a first name inside the name is no title)
        titled = words[:1] if run.kind_before else words
        # ("the village of Tell Zahab": a hill's word opening a longer name is part of it)
        opening = words[0] if len(words) > 1 and words[0].lower in lex.name_opening_words else None
        # (the kind word closing "Nasir County" is the kind, not a common word of the name, when
        # the unit it lies in follows: "Nasir County, Upper Nile State" is placed at that unit)
        named = words[:-1] if (len(words) > 1 and run.kind_capitalised and words[-1].lower in lex.kind_words
                               and followed_by_unit(text, words[-1].end, unit_starts)) else words
        # ("near Bab al-Hawa": an Arabic article glued inside the name is no common word)
        glued = {t.start for t in named[1:-1] if has_glued_article(text[named[0].start : named[-1].end]) and t.lower in ARABIC_ARTICLES}
        if not words or any(t is not opening and t.start not in glued and t.lower in common or t.lower in person_words
                            or t.lower in lex.demonyms for t in named) \
                or any(t.lower in lex.titles for t in titled):
            continue
        if any(t.lower in lex.facility_words for t in words[1:]):
            continue  # "Ridgeway Avenue West", "Nile Street": a street or building, not a place we can place
        if len(words) == 1 and (ABBREVIATION.match(words[0].text) or len(words[0].text) < 2
                                or words[0].lower in lex.locality_prefixes):
            continue  # "NPAs", "ISIS": acronyms of groups; "J" of "J&K": an initial; "Barangay" alone: a kind
        if doc is not None and parsed_as_function_word(doc, words[0], words[-1]):
            continue  # "Meanwhile, Helmand province …", "However, Kandahar …": a capitalised adverb
        start, end = words[0].start, words[-1].end
        if run.kind_capitalised and run.kind_token is not None and run.kind_token == group[-1] + 1:
            end = tokens[run.kind_token].end
        reason = f"after '{run.cue}'" if run.cue and run.cue != "list" else "a kind word names it" if kind_given else "listed with a place"
        mentions.append(PlaceMention(text=text[start:end], start=start, end=end, entry=None, confidence=0.3,
                                     why=f"read as a place ({reason}) but in no gazetteer"))
    return mentions


def is_coordinated(text: str, start: int, place_ends: set[int]) -> bool:
    """Whether the name at ``start`` follows "<a found place> and|or|&" ("Walikale and Pinga")."""
    match = _COORDINATION.search(text, max(0, start - 8), start)
    return match is not None and match.end() == start and match.start() in place_ends


# parts of speech that no place name takes: "Meanwhile", "However", "Instead" open a sentence
_NOT_NAME_POS = frozenset({"ADV", "VERB", "AUX", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "INTJ", "PART", "NUM"})


def parsed_as_function_word(doc: Doc, first: Token, last: Token) -> bool:
    span = doc.char_span(first.start, last.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in _NOT_NAME_POS for t in span)


def drop_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    kept: list[PlaceMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def is_demonym(mention: PlaceMention) -> bool:
    """Whether ``mention`` is a demonym ("Afghan", "Russians"): a reference to a country, never an event location."""
    return mention.why.startswith(DEMONYM_WHY + " ")


def is_currency(mention: PlaceMention) -> bool:
    """Whether ``mention`` names money ("Lebanese" of "Lebanese pounds"): no country of the article."""
    return mention.why.endswith(CURRENCY_WHY)


def repeated_mentions(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """``mentions`` with the other bare occurrences of a village placed at its unit or town.

    "Gunmen raided Kaniola village (Walungu) … Residents of Kaniola fled": once the context has
    placed a name the gazetteer lacks, the same name elsewhere in the article is that place too,
    with no cue needed. (Names in the gazetteer are found everywhere already; a name that could
    not be placed is still reported only where its own context marks it.)
    """
    known = {m.text: m for m in mentions if m.entry is not None and m.why.startswith("placed at ") and m.text[:1].isupper()}
    if not known:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for name, first in known.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                extra.append(replace(first, start=match.start(), end=match.end()))
                taken.append((match.start(), match.end()))
    return sorted([*mentions, *extra], key=lambda m: (m.start, -m.end)) if extra else mentions
