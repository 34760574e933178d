"""Filters: when a gazetteer match in the text is not a place mention (persons, outlets…).

Each ``*_reason`` function returns why a match is not a place (for the debug log), or None.
"""

from __future__ import annotations

import re

from collections import defaultdict
from typing import TYPE_CHECKING

from thucydides.geocode.lexicon import Lexicon
from thucydides.geocode.recognise import CONNECTORS, Run, Span, Token, locality_end, opens_locality
from thucydides.geocode.resolve import feature_class
from thucydides.model import GazetteerEntry

if TYPE_CHECKING:
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


def headline_verb_reason(span: Span, tokens: list[Token], lex: Lexicon, headline_tokens: set[int]) -> str | None:
    """"Gunmen Kill Two In X", "Nine Die As …": a title-case headline capitalises its verb, which
    then matches a village of that spelling (Kill, Ireland; Die, France). One such word alone, with
    no locating cue before it, is the verb; "Clashes In Hit" still names the town."""
    if span.first != span.last or span.first not in headline_tokens or span.demonym:
        return None
    # the run's cue is read only after a lower-case word; a headline writes "In Hit" capitalised
    before = tokens[span.first - 1].lower if span.first > 0 else ""
    if span.first == span.run.first and (span.run.cue is not None or before in lex.place_cues):
        return None
    if tokens[span.first].lower not in lex.headline_verbs:
        return None
    return f"'{span.text}' is a headline's verb"


def direction_opens_organisation(span: Span, tokens: list[Token], lex: Lexicon) -> str | None:
    """"The Northern Salvation Command", "the Eastern Liberation Front": a direction word (with
    its article) opening a capitalised name that ends in an organisation's head word is part of
    the organisation's name, not the region called "The Northern" (Sudan). A kind word before
    the head ("the Northern Province council") keeps the region."""
    words = span.key.split()
    if span.demonym or not any(w in DIRECTIONS for w in words) or not all(w in DIRECTIONS or w == "the" for w in words):
        return None
    heads = lex.organisation_heads | lex.force_heads | lex.movement_heads
    for i in range(span.last + 1, min(span.run.last, span.last + 4) + 1):
        word = tokens[i].lower
        if word in lex.kind_words or word in lex.place_cues:
            return None
        if word in heads:
            return f"opens an organisation's name: '{' '.join(t.text for t in tokens[span.first : i + 1])}'"
    return None


def opened_organisation_reason(span: Span, tokens: list[Token], lex: Lexicon) -> str | None:
    """"Redes da Maré" ("Networks of Maré"), "Observatório de Favelas": a Romance-language
    organisation's name opened by its head word and joined by "da", "de" holds the name of the
    neighbourhood it works in. A small place of that spelling is then no mention (Maré, New
    Caledonia, half a world away); a notable one stays, read as the organisation's
    (organisations.py)."""
    if span.demonym or span.notable:
        return None
    if span.first == span.last < span.run.last and tokens[span.first].lower in lex.organisation_openers:
        # "Rede de Comunidades …": the head word itself is no village (Réde, Hungary)
        return f"opens an organisation's name: '{span.text} {tokens[span.first + 1].text}'"
    # a name is a few words: only that far back (a run may be a whole capitalised text)
    for i in range(span.first - 1, max(span.run.first, span.first - 5) - 1, -1):
        word = tokens[i].lower
        if word in lex.organisation_openers:
            return f"part of an organisation's name: '{' '.join(t.text for t in tokens[i : span.last + 1])}'"
        if word in ("of", "the"):
            return None  # an English "of" ends the Romance name ("Members of Redes da X")
    return None


def is_notable(entry: GazetteerEntry) -> bool:
    return feature_class(entry) in ("country", "region", "ADM1") or entry.population >= 100_000


def is_well_known(entry: GazetteerEntry) -> bool:
    """A country, province, capital or city of a million: a name that opens a sentence ("Moscow
    said …") may be one abroad; any other place of that name is more likely a common noun
    capitalised there ("Bush fires swept …", "Gang members …")."""
    return feature_class(entry) in ("country", "region", "ADM1") or entry.feature == "PPLC" or entry.population >= 1_000_000


_CLUB_SUFFIXES = frozenset({"city", "town", "county"})


def names_club(span: Span, tokens: list[Token], lex: Lexicon) -> bool:
    """"Lincoln City beat Grimsby Town": a name ending in "City", "Town" or "County" right
    before or after a match's result is a club named by its town, not a town so named (Lincoln
    City, Oregon): the shorter name is read instead."""
    run = span.run
    if span.last == span.first or span.last != run.last or tokens[span.last].lower not in _CLUB_SUFFIXES:
        return False
    after = tokens[run.last + 1] if run.last + 1 < len(tokens) else None
    before = tokens[run.first - 1] if run.first > 0 else None
    return (after is not None and after.lower in lex.result_verbs) or (before is not None and before.lower in lex.result_verbs)


# the second half of "X-based", "X-born": the first half is a place
_PLACE_COMPOUNDS = frozenset({"based", "born", "bred", "headquartered", "raised"})


def opens_sentence(span: Span, tokens: list[Token], lex: Lexicon) -> bool:
    """Whether ``span`` is one capitalised word alone opening a sentence, before a lower-case word
    (not a match's result: "Leeds beat Chelsea" names a club by its town)."""
    run = span.run
    if not (span.first == span.last == run.first == run.last) or run.cue is not None:
        return False
    token = tokens[span.first]
    following = tokens[span.first + 1] if span.first + 1 < len(tokens) else None
    if following is not None and following.lower in _PLACE_COMPOUNDS and following.start == token.end + 1:
        return False  # "Heidelberg-based SAP …": a place by construction, no common noun
    if following is not None and following.lower in lex.result_verbs:
        rival = tokens[span.first + 2] if span.first + 2 < len(tokens) else None
        if rival is not None and rival.capitalised:
            return False
    return (token.sentence_start and not token.text.isupper() and following is not None
            and not following.capitalised and not following.sentence_start and not token.possessive)


def facility_reason(item: Found, tokens: list[Token], lex: Lexicon) -> str | None:
    """"Tahrir Square": a small place's name glued to a facility word names the facility."""
    span = item.span
    if span.demonym:
        return None
    run = span.run
    if run.first < span.first and tokens[run.first].lower in lex.street_openers:
        return f"part of a street's name: '{tokens[run.first].text} … {span.text}'"
    if span.last >= run.last:
        return None
    right = tokens[span.last + 1]
    if right.lower in lex.street_words and right.capitalised:
        return f"part of a street's name: '{span.text} {right.text}'"
    if right.lower not in lex.facility_words:
        return None
    if any(is_notable(e) for e, _ in item.candidates):
        return None
    return f"part of a facility's name: '{span.text} {right.text}'"


def bare_county_after_name(item: Found, tokens: list[Token], lex: Lexicon) -> str | None:
    """"Milwaukee Bucks", "Kamala Harris", "Tim Cook": a word matching only counties by their
    bare name (Bucks County, Harris County, Cook County), right after another capitalised word
    of its name, is a team's nickname or a person's surname; opening a name before "of" ("the
    Bureau of Meteorology"), it is the head of a body's name. The news names a county with its
    kind word; the bare name beside another name is someone's."""
    span = item.span
    run = span.run
    if span.demonym or span.first != span.last:
        return None
    if span.last < run.last and tokens[span.last + 1].lower == "of" and _only_bare_counties(item):
        # "the Bureau of Meteorology", "Office of …": the head of a body's name, not Bureau County
        return f"the head of a name: '{span.text} of …'"
    if span.first == run.first:
        return None
    left = tokens[span.first - 1]
    if (left.lower in CONNECTORS or left.lower in lex.common or left.lower in DIRECTIONS
            or left.lower in lex.kind_words or left.lower in lex.demonyms or left.possessive):
        return None  # a people's adjective qualifies the place ("the Welsh Powys hills"): no first name
    if not _only_bare_counties(item):
        return None
    return f"part of a name with '{left.text}': '{left.text} {span.text}'"


def _only_bare_counties(item: Found) -> bool:
    return all(how == "alias" and feature_class(e) == "ADM2" and e.name.endswith(" County") for e, how in item.candidates)


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
    words: set[str] = set()
    for run in runs:
        titles = [i for i in range(run.first, run.last) if tokens[i].lower in lex.titles and not tokens[i].possessive]
        if not titles:
            continue
        # a first name is the person's too ("Tyler Smith … his brother Tyler"); a title is not
        name: list[str] = [tokens[titles[-1]].lower] if tokens[titles[-1]].lower in lex.first_names else []
        for token in tokens[titles[-1] + 1 : run.last + 1]:
            if token.lower in CONNECTORS or token.lower in lex.demonyms or token.lower in lex.kind_words:
                break
            name.append(token.lower)
            if token.possessive:
                break
        words.update(name)
    return words - lex.common


def neighbour_reason(
    span: Span, chosen: list[Span], tokens: list[Token], lex: Lexicon, headline_tokens: set[int], text: str = ""
) -> str | None:
    """A place word glued to an unknown capitalised word is part of a longer name ("Amrullah Saleh"),
    and so is a place word inside a locality's name opened by its kind ("Colonia Las Flores").

    A one-word match is, even when the neighbour matches a small place itself: "Papun Kan
    village" is one village, not Papun (Kayin State) beside a Kan abroad.
    """
    run = span.run
    if opens_locality(tokens, run, lex) and span.first <= locality_end(tokens, run) and (span.first, span.last) != (run.first, run.last):
        return f"part of a locality's name opened by '{tokens[run.first].text}'"
    if span.demonym or span.first in headline_tokens:
        return None
    name_first = run.first + (tokens[run.first].lower in ("al", "el", "ad", "ar", "as", "an", "at", "the"))  # "al-Bara"
    # "the town of Mir Khel": the kind word before names the whole run, not a village Mir abroad;
    # a notable place inside it too when glued to the name's words ("the town of Mir Hassan", not
    # Hassan in India), but not after a connector ("Colonia Centro of Tijuana")
    glued = span.first > name_first and tokens[span.first - 1].lower not in CONNECTORS
    if run.kind_before and run.kind_token is None and (not span.notable or glued) and (span.first > name_first or span.last < run.last):
        return f"part of the name after the kind word: '{' '.join(t.text for t in tokens[run.first:run.last + 1])}'"
    if span.notable:
        return None  # "Armenia-Italy Friendship Group", "Oman Film Society": still the country
    # a neighbour matched as a notable place is part of a list of places ("Kabul Kandahar
    # highway"); one matched as a small place may just be a first name ("Adam Smith")
    covered = {i for s in chosen if s is not span and (s.notable or s.demonym) for i in range(s.first, s.last + 1)}
    if _route_between(span, chosen, tokens, lex, text):
        return None
    for i in (span.first - 1, span.last + 1):
        if not (run.first <= i <= run.last) or i in covered:
            continue
        word = tokens[i].lower
        if word in lex.common or word in lex.kind_words or word in DIRECTIONS or word in lex.demonyms:
            continue
        if i > span.last and ((word in lex.titles and word not in lex.first_names and word not in lex.given_names) or word in lex.place_cues
                              or word in lex.team_words):
            continue  # "Cauca Governor", "Kabul police", "Morpeth Wanderers": the place qualifies what follows
        if span.last > span.first:
            continue  # a multi-word match is a name of its own: "Muara Bungo" of "Muara Bungo Dua"
        return f"part of a longer name with '{tokens[i].text}'"
    return None


def _route_between(span: Span, chosen: list[Span], tokens: list[Token], lex: Lexicon, text: str) -> bool:
    """"The Bouar-Baboua road", "the Kousseri-Mora axis": two places joined by a hyphen before a
    route's word name the two ends of the road, not one longer name (a hyphenated name the
    gazetteer lists, "Guinea-Bissau", is matched whole before its parts)."""
    run = span.run
    if run.last + 1 >= len(tokens) or tokens[run.last + 1].lower not in lex.route_words or tokens[run.last + 1].capitalised:
        return False
    hyphens = [i for i in range(run.first + 1, run.last + 1) if text[tokens[i - 1].end : tokens[i].start] in ("-", "‐", "–")]
    if len(hyphens) != 1:
        return False
    cut = hyphens[0]
    halves = ((run.first, cut - 1), (cut, run.last))
    return (span.first, span.last) in halves and all(any((s.first, s.last) == half for s in chosen) for half in halves)


# ", in southern", ", in the north of", " (": what may stand between a place and the unit it lies in
_BEFORE_UNIT = re.compile(r"(?:, | \()(?:in )?(?:the )?(?:(?:north|south|east|west|central)\w* (?:of )?)?")


def followed_by_unit(text: str, end: int, unit_starts: set[int]) -> bool:
    """ "Khan Sheikhoun, Idlib", "Quelimane (Zambezia)", "Naqoura, in southern Lebanon": a name
    followed by the unit (or country) it lies in."""
    match = _BEFORE_UNIT.match(text, end)
    return match is not None and match.end() in unit_starts



_BRACKET_OPENS = re.compile(r" ?\(\s*")
_COMMA = re.compile(r"\s*,\s*")


def followed_by_bracketed_units(text: str, end: int, place_ends: dict[int, int], unit_starts: set[int]) -> bool:
    """ "Lemera (Uvira, Sud-Kivu)", "Tin-Essako (Kidal)": a name followed by a bracket that names
    a place and then the unit it lies in (ACLED's "(district, province)", the district often read
    as its seat town), or only a town named like its province. ``place_ends``: a resolved place's
    start → its end; ``unit_starts``: where a unit (or such a town closing the bracket) starts."""
    bracket = _BRACKET_OPENS.match(text, end)
    if bracket is None or bracket.end() not in place_ends:
        return False
    if bracket.end() in unit_starts:
        return True
    comma = _COMMA.match(text, place_ends[bracket.end()])
    return comma is not None and comma.end() in unit_starts


def first_name_pairs(runs: list[Run], tokens: list[Token], spans_by_run: dict[int, list[Span]],
                     entries: dict[int, GazetteerEntry], lex: Lexicon, headline_tokens: set[int]) -> dict[int, str]:
    """Places' names read as part of a person's name: token index of either word → the name.

    A first name that is also a well-known place, before a capitalised word that is no place of
    note ("Chad Johnson, the coach", "Florence Pugh won"); a surname that is one, after a
    capitalised word that is no place of note ("Denzel Washington starred"). Only two words
    standing alone count (a run of two, or two after a connector: "fans of Jordan Henderson"),
    and not when the other word is a kind, compass, title or cue word or a word of an outlet,
    club, force, building or body ("Jordan Valley", "Paris Agreement", "Georgia Tech", "Downtown
    Houston" stay places): longer names are bodies' ("Georgia Institute of Technology") as
    often as people's.
    """
    pairs: dict[int, str] = {}
    not_names = (lex.common, lex.kind_words, DIRECTIONS, lex.demonyms, lex.titles, lex.place_cues,
                 lex.team_words, lex.media_words, lex.facility_words, lex.facility_heads,
                 lex.organisation_end_heads, lex.force_heads, lex.body_words)
    for run in runs:
        a = run.last - 1
        if a < run.first or (a > run.first and tokens[a - 1].lower not in CONNECTORS) or a in headline_tokens:
            continue
        first, second = tokens[a], tokens[run.last]
        if first.possessive or first.text.isupper() or not second.capitalised or first.lower in CONNECTORS:
            continue
        if a > 0 and tokens[a - 1].lower == "the":
            continue  # "the Sydney Swans", "the Orlando Magic": a team's or a body's name, no person
        spans = spans_by_run[id(run)]
        if any(span.first <= a and span.last == run.last and span.hits for span in spans):
            continue  # "Victoria Falls", "Port Jackson": the two words are (part of) a place's name
        if first.lower in lex.place_first_names:
            other = run.last
        elif second.lower in lex.place_surnames:
            other = a
        else:
            continue
        if any(tokens[other].lower in words for words in not_names):
            continue
        if tokens[other].sentence_start and tokens[other].lower.endswith(("ing", "ed", "ly")):
            continue  # "Visiting Washington, he…", "Unexpectedly Houston…": no first name
        # "Kabul Washington", "Chad Niger" are two places (a hamlet Whitney is no matter; nor is a
        # city after a first name: "Jordan Henderson" is no list of a country and a Nevada city)
        if any(span.first == span.last == other and (span.demonym or any(_of_note(entries[g], city=other == a) for g, _ in span.hits if g in entries))
               for span in spans):
            continue
        pairs[a] = pairs[run.last] = f"{first.text} {second.text}"
    return pairs


def _of_note(entry: GazetteerEntry, *, city: bool) -> bool:
    """A place that a capitalised word beside a first name or surname would name rather than be
    the person's other name: a country or province, or (``city``) a city of 100,000+; a district
    matched by its bare name ("Johnson" of Johnson County) does not count."""
    return feature_class(entry) in ("country", "region", "ADM1") or (
        city and feature_class(entry) == "PPL" and entry.population >= 100_000)
