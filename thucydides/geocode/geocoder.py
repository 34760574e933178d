"""The geoparser: every toponym of a text, found and resolved. ``Geocoder.find_places`` is the API.

Steps: recognise name runs (``recognise``), look every stretch up in the gazetteer at once,
keep the longest matches, drop persons/outlets/common words (``filters``), work out the
article's focus countries (``context``), try transliteration skeletons and a bounded fuzzy
match inside those countries for what is left, resolve in rounds (``resolve``), and write the
mentions, with names that read as places but are in no gazetteer as unresolved (``mentions``).
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from collections import defaultdict
from functools import lru_cache
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from thucydides.config import Settings
from thucydides.geocode.containers import LIST_REACH, UNITS, beside, beside_through_unknown, can_contain, closes_list_in, is_placed, lies_in, place_at_containers, placed_at
from thucydides.geocode.context import Vote, close_spellings, context_without, country_vote, focus_countries, focus_of, institution_votes
from thucydides.geocode.facilities import with_facilities
from thucydides.geocode.filters import (
    bare_county_after_name,
    facility_reason,
    first_name_pairs,
    followed_by_unit,
    is_notable,
    is_well_known,
    opens_sentence,
    longest_matches,
    names_club,
    neighbour_reason,
    person_words_of,
    title_case_lines,
    headline_verb_reason,
    direction_opens_organisation,
    opened_organisation_reason,
)
from thucydides.geocode.gazetteer import COUNTRY_FEATURES, Gazetteer
from thucydides.geocode.lexicon import Lexicon, lexicon
from thucydides.geocode.mentions import (
    STRONG_CUES,
    Found,
    consecutive,
    drop_overlaps,
    is_currency,
    is_demonym,
    make_mention,
    name_word_before,
    repeated_mentions,
    unresolved_mentions,
)
from thucydides.geocode.normalise import abbreviated_forms, name_key, skeleton, strip_article, strip_type_words
from thucydides.geocode.organisations import institution_head, is_named_after, is_organisation, widen_to_organisations, within_movement_names
from thucydides.geocode.recognise import HALF_OF_LONGER, in_admin_chain, Run, has_glued_article, Span, Token, find_runs, names_group, names_money, names_striker, reject_reason, spans_of, tokenize
from thucydides.geocode.resolve import WEIGHTS, Choice, Context, choose, distance_km, feature_class, has_local_evidence, in_countries_of_unit_word, is_spelling_variant, region_homes
from thucydides.model import GazetteerEntry, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Geocoder", "default_geocoder", "is_currency", "is_demonym", "is_named_after", "is_organisation"]
log = logging.getLogger(__name__)

_ABBREVIATED = re.compile(r"^(?:[A-Z]\.?){2,4}$")
_FUZZY_MIN_SCORE = 88.0
_FUZZY_MIN_LENGTH = 5
_MAIN_FOCUS_SHARE = 0.75
_HAYSTACKS_CACHED = 256
_FUZZY_COUNTRIES = 2  # the fuzzy step searches the article's main countries only
_WELL_KNOWN_POPULATION = 50_000  # a spelling variant outside the focus countries must be this big (or a province)
_BIG_CITY = 100_000  # a two-letter skeleton with a weak cue matches only a city this big
_COMPLETED_MIN_LENGTH = 5  # a name this long (its key) may be completed inside its container
_CONFIRMED_SKELETON = 6  # a whole name's skeleton this long, in the unit named beside it, is a spelling of it


def _bare_name_as_its_unit(groups: dict[tuple[str, str | None], list[Found]], found: list[Found], focus: dict[str, float]) -> None:
    """ "… burns school in Puncak" over "in Beoga district, Puncak regency": a bare name the
    article also names with a unit's kind word is that unit, not a namesake town outside it (a
    headline shortens what the body spells out)."""
    units: dict[str, list[tuple[GazetteerEntry, str]]] = {}
    for (key, kind), items in groups.items():
        choice = items[0].choice
        if kind is not None and choice is not None and not items[0].span.demonym and feature_class(choice.entry) in ("ADM1", "ADM2", "ADM3"):
            # (the bare name's own candidates may lack the unit: "Kabupaten Puncak" is found by
            # its name only with the kind word)
            units.setdefault(key, [(e, how) for e, how in items[0].candidates if e.geonameid == choice.entry.geonameid])
    for (key, kind), items in groups.items():
        choice, same = items[0].choice, units.get(key)
        if kind is not None or choice is None or not same or items[0].span.demonym or lies_in(choice.entry, same[0][0]):
            continue  # (a town of the unit's name in it, "Lamu" in "Lamu County", is that town)
        if feature_class(choice.entry) in ("country", "region"):
            continue  # "Mexico" beside "the State of Mexico": a country's name is the country
        better, plain = choose(same, None, context_without(found, (key, kind), focus))
        for item in items:
            item.choice, item.plain_best = better, plain


class Geocoder:
    """Finds and resolves place mentions. The gazetteer index is opened (built if needed) lazily."""

    def __init__(self, gazetteer: Gazetteer | str | Path | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._gazetteer = gazetteer if isinstance(gazetteer, Gazetteer) else None
        self._and_names: frozenset[str] | None = None
        self._gazetteer_path = Path(gazetteer) if isinstance(gazetteer, (str, Path)) else None
        self._lock = threading.Lock()
        self._haystacks: dict[tuple[str, tuple[str, ...]], list[tuple[str, int]]] = {}
        self._landmarks: dict[str, GazetteerEntry] | None = None
        # the towns a name begins, per name key: a name placed at its province in one article is
        # placed there in the next (news repeats its places), looked up once per process
        self._towns_beginning = lru_cache(maxsize=4096)(self._look_up_towns_beginning)

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    if self._gazetteer_path is not None:
                        self._gazetteer = Gazetteer.open(self._gazetteer_path)
                    else:
                        from thucydides.geocode.store import ensure_gazetteer

                        self._gazetteer = ensure_gazetteer(self.settings)
        return self._gazetteer

    # ---- the API -------------------------------------------------------------------------
    def find_places(self, text: str, doc: Doc | None = None) -> list[PlaceMention]:
        """Every toponym mention of ``text``, resolved where the gazetteer allows, in text order."""
        if not text.strip():
            return []
        gaz, lex = self.gazetteer, lexicon()
        tokens = self._possessive_names(text, tokenize(text))
        runs = find_runs(text, tokens, lex, self._names_with_and(gaz, lex))
        headline_tokens = title_case_lines(text, tokens)
        person_words = person_words_of(tokens, runs, lex)
        spans_by_run = {id(run): spans_of(text, tokens, run, lex.abbreviations) for run in runs}
        all_spans = [s for spans in spans_by_run.values() for s in spans]
        # "the Bronx", "the Hague": a name filed with its article, written after a lower-case "the"
        after_the = {id(s): f"the {s.key}" for s in all_spans
                     if s.first == s.run.first and s.first > 0 and tokens[s.first - 1].text == "the"}
        prefixed = _prefixed_unit_keys(all_spans, tokens, lex)
        hits = gaz.names([*(s.key for s in all_spans), *after_the.values(), *(k for keys in prefixed.values() for k in keys)])
        entries = gaz.entries(h.geonameid for key_hits in hits.values() for h in key_hits)
        respelt = self._respelt_hits(all_spans, hits, entries)
        for span in all_spans:
            # both readings stand ("the Hague": the Dutch city, not only Hague, Saskatchewan);
            # the resolver weighs them
            span_hits = [*hits.get(span.key, ()), *hits.get(after_the.get(id(span), ""), ()),
                         *(h for key in prefixed.get(id(span), ()) for h in hits.get(key, ())),
                         *respelt.get(id(span), ())]
            span.hits = list(dict.fromkeys((h.geonameid, h.kind) for h in span_hits if h.geonameid in entries))
            if (span.first == span.last and len(span.hits) > 1 and len(span.text) <= 3 and span.text.istitle()
                    and any(kind == "name" and is_notable(entries[g]) for g, kind in span.hits)):
                # "in Aba": a short word written so that is a city's own name is the city, not an
                # abbreviation naming another place ("ABA" of a Chinese prefecture); "Car" of
                # "Car bombs", a village's name, is still read as the word
                span.hits = [(g, kind) for g, kind in span.hits if kind == "name"]
            span.demonym = lex.demonyms.get(span.key)
            if span.demonym and id(span) in after_the and name_key(span.demonym) == span.key:
                span.demonym = None  # "across the Caribbean": the region itself, not its people
            span.notable = any(is_notable(entries[g]) for g, _ in span.hits)
            if span.first == span.last and tokens[span.first].lower in lex.common:
                # "the Gulf": a common word that is a region's name with its article; "in Bath": a
                # common word that is a city's name (read only for common words: ``reject_reason``)
                span.the_region = any(h.geonameid in entries and entries[h.geonameid].country_iso is None
                                      for h in hits.get(after_the.get(id(span), ""), ()))
                span.big_town = any(feature_class(entries[g]) == "PPL" and entries[g].population >= WEIGHTS["notable_population"]
                                    for g, _ in span.hits)
            span.opener = opens_sentence(span, tokens, lex)
            span.agency_name = _names_agency(span, tokens, text, [entries[g] for g, _ in span.hits])
            # "Reading will host …", "Nice is bracing …": kept for now, a place only where the
            # article's other places lie around the city (``_common_opener_stands``)
            span.common_opener = span.big_town and span.opener and tokens[span.first].lower not in lex.calendar
            if names_money(span, tokens, lex, text):
                # "US dollars" is read like "American dollars": the country's adjective
                countries = [entries[g].country_iso for g, _ in span.hits if entries[g].feature in COUNTRY_FEATURES]
                span.demonym = span.demonym or (countries[0] if countries else None)
                span.currency = span.demonym is not None
            elif span.demonym or any(entries[g].feature in COUNTRY_FEATURES for g, _ in span.hits):
                span.striking = names_striker(span, tokens, lex, text)

        # "Chad Johnson, the coach": a person, and "Johnson" alone later in the text is him too;
        # "Denzel Washington starred": a person
        first_names = first_name_pairs(runs, tokens, spans_by_run, entries, lex, headline_tokens)
        person_words |= {tokens[i + 1].lower for i in first_names if i + 1 in first_names and tokens[i].lower in lex.place_first_names}

        found: list[Found] = []
        leftovers: list[tuple[Run, list[int]]] = []
        for run in runs:
            chosen = longest_matches([s for s in spans_by_run[id(run)] if s.first == s.last or not names_club(s, tokens, lex)])
            kept = []
            part_of_longer: list[Span] = []
            for span in chosen:
                reason = f"a person's name: '{first_names[span.first]}'" if span.first in first_names else None
                reason = reason or reject_reason(span, tokens, lex, person_words, text)
                reason = reason or headline_verb_reason(span, tokens, lex, headline_tokens)
                reason = reason or direction_opens_organisation(span, tokens, lex)
                reason = reason or opened_organisation_reason(span, tokens, lex)
                if reason is not None and reason.startswith(HALF_OF_LONGER):
                    # "Ras al-Ain": neither half is the place, but the whole name may be, spelt
                    # otherwise ("Ra's al 'Ayn") or not in the gazetteer: its words stay for it
                    part_of_longer.append(span)
                if reason is None:
                    reason = neighbour_reason(span, chosen, tokens, lex, headline_tokens, text)
                    if reason:
                        # "Minis" of "Tel Minis": the longer name may still be a place the
                        # gazetteer lacks, so its words stay available to the later steps
                        part_of_longer.append(span)
                if reason:
                    log.debug("not a place: %r (%s)", span.text, reason)
                    continue
                kept.append(span)
            covered = {i for s in chosen if s not in part_of_longer for i in range(s.first, s.last + 1)}
            uncovered = [i for i in range(run.first, run.last + 1) if i not in covered]
            if uncovered:
                leftovers.append((run, uncovered))
            found.extend(Found(s, []) for s in kept)

        narrowed: set[int] = set()  # "Georgia Tech", "Kingston, New York": no spelling of another place
        for item in found:
            if item.span.demonym:
                entry = self._demonym_entry(item.span.demonym)
                item.candidates = [(entry, "name")] if entry else []
            else:
                item.candidates = [(entries[g], how) for g, how in item.span.hits if g in entries]
                if in_admin_chain(text, item.span.start, item.span.end) and text[item.span.end :].lstrip().startswith(")"):
                    # "Leer (Unity)", "Kumbo (Bui, Nord-Ouest)": the last of an ACLED note's
                    # bracketed names is its province (Unity, South Sudan's state), not a town of the
                    # name; the district before it may be named after its town ("Khiam (Marjayoun,
                    # Nabatieh)") and is left to the resolver
                    units = [(e, how) for e, how in item.candidates if feature_class(e) in (*UNITS, "country")]
                    item.candidates = units or item.candidates
                if institution_head(text, item.span.end, lex):
                    # "Georgia Tech", "Texas A&M", "Kansas State": a US idiom, named after the state
                    states = [(e, how) for e, how in item.candidates if e.country_iso == "US" and feature_class(e) == "ADM1"]
                    item.candidates = states or item.candidates
                    narrowed.add(id(item))
                if _state_after_town(item.span, tokens, text) or _after_word(item.span, tokens, _STATE_PARTS):
                    # "Kingston, New York", "Spokane, Washington", "upstate New York": the state,
                    # not its namesake city
                    units = [(e, how) for e, how in item.candidates if feature_class(e) == "ADM1"]
                    item.candidates = units or item.candidates
                    narrowed.add(id(item))
                unit_word = _unit_word(item.span, tokens)
                if unit_word is not None:
                    # "Kani township", "Nikopol raion": a kind of unit only some countries have
                    item.candidates = in_countries_of_unit_word(item.candidates, unit_word)
                if item.span.abbreviation:  # "Roanoke, Va.": the state, not a town named Virginia
                    item.candidates = [(e, how) for e, how in item.candidates if e.country_iso == item.span.abbreviation
                                       and feature_class(e) in ("ADM1", "ADM2")]
                elif _ABBREVIATED.match(item.span.text):
                    # "US", "EU", "UAE": an abbreviation names a country or region, not the
                    # village of Us (France) or Eu (France); but a city's own name of three or
                    # four letters in capitals is the city ("GAZA (Reuters) -", "DOHA, Qatar",
                    # "LIMA, Peru", a dateline: "GAO, Mali")
                    spelt_out = len(item.span.text) >= 3 and "." not in item.span.text
                    dateline = item.span.run.cue == "dateline"
                    item.candidates = [(e, how) for e, how in item.candidates
                                       if how == "exonym" or feature_class(e) in ("country", "region")
                                       or (spelt_out and how == "name" and (dateline or is_notable(e)))]
        found = [item for item in found if item.candidates and not facility_reason(item, tokens, lex)
                 and not bare_county_after_name(item, tokens, lex)]
        found, leftovers = self._short_forms(text, tokens, runs, found, leftovers, lex)
        # a multi-word name spelt nearly the same is looked for in the striking side's country
        # too ("Nigerian airstrikes hit Malam Fatori")
        # (a word read as a place's name is no institution's: "in Dail", the Syrian town)
        said = _institution_votes(tokens, found, lex.institution_countries)
        found, leftovers = self._whole_runs(text, tokens, runs, found, leftovers, focus_countries(found, strikers=True, said=said), lex)
        focus = focus_countries(found, said=said)
        for item in found:
            if id(item.span) in after_the and any(e.country_iso is None and feature_class(e) != "country" for e, _ in item.candidates):
                # "the Andes", "the Midlands": after "the", a region's name names the region, not
                # a town (a town is written so only when filed with its article: the Hague) nor a
                # unit abroad; a unit of the article's countries stays a rival (the West Bank),
                # unless only its name without its kind word matches ("the Dnipro", not Dnipro raion)
                item.candidates = [(e, how) for e, how in item.candidates if e.country_iso is None
                                   or feature_class(e) == "country"
                                   or (feature_class(e) != "PPL" and e.country_iso in focus and how != "short")]
                narrowed.add(id(item))  # nor is the town brought back as a spelling of itself ("the Dnipro")
        self._add_variant_candidates([f for f in found if id(f) not in narrowed], focus)

        unit_starts = {f.span.start for f in found if any(feature_class(e) in ("country", "ADM1", "ADM2") for e, _ in f.candidates)}
        name_ends = {f.span.last for f in found if not f.span.demonym}
        # a name no gazetteer entry is spelt like is looked for in the article's countries, and
        # in the country whose money it counts in ("20 million Syrian pounds"); in the country
        # only of the side striking ("Russians pound Kupiansk"), often from abroad, last: after
        # a well-known place abroad (Kupyansk, not Kupinskiy Rayon in Novosibirsk), so that
        # "Nigerian airstrikes hit Malam Fatori" still finds Mallam Fatori
        votes = [*said, *(country_vote(item) for item in found)]
        searched = focus_of(votes, money=True)
        last_resort = set(focus_of(votes, money=True, strikers=True)) - set(searched)
        found.extend(self._spelling_variants(text, tokens, leftovers, searched, lex, person_words, headline_tokens, unit_starts,
                                             name_ends, peoples_only=not name_ends, last_resort=last_resort))
        mentions = self._resolve(found, focus, text, tokens, said)
        mentions.extend(unresolved_mentions(text, tokens, leftovers, found, lex, person_words, doc))
        mentions.sort(key=lambda m: (m.start, -m.end))
        mentions = within_movement_names(text, widen_to_organisations(text, drop_overlaps(mentions), lex), lex)
        mentions.sort(key=lambda m: (m.start, -m.end))
        mentions = with_facilities(text, tokens, runs, mentions, lex, self._landmark_towns(lex))
        return repeated_mentions(text, self._completed_names(place_at_containers(text, drop_overlaps(mentions))))

    # ---- steps ---------------------------------------------------------------------------
    def _names_with_and(self, gaz: Gazetteer, lex: Lexicon) -> frozenset[str]:
        """The gazetteer's names with "and" that a run may read across, less those of common words
        only ("Central and Western", "King and Queen": no name in "the king and queen")."""
        if self._and_names is None:
            self._and_names = frozenset(key for key in gaz.names_with_and() if not all(w in lex.common for w in key.split() if w != "and"))
        return self._and_names

    def _possessive_names(self, text: str, tokens: list[Token]) -> list[Token]:
        """``tokens`` with names spelt with a possessive joined into one word: "Cox's Bazar",
        "King's Lynn", "Martha's Vineyard" (the "'s" otherwise makes the first word the owner
        of the second, as in "Baghlan's Bano district"). Only a name the gazetteer lists is joined."""
        pairs = [i for i in range(len(tokens) - 1) if tokens[i].possessive and tokens[i + 1].capitalised
                 and text[tokens[i].end + 2 : tokens[i + 1].start] == " "]
        # "St. John's, N.L.": a name that ends in the possessive, after another capitalised word
        ends = [i for i in range(1, len(tokens)) if tokens[i].possessive and tokens[i - 1].capitalised and tokens[i].capitalised
                and (i + 1 == len(tokens) or not tokens[i + 1].capitalised or text[tokens[i].end + 2 : tokens[i + 1].start] != " ")
                and tokens[i].start - tokens[i - 1].end <= 2]
        if not pairs and not ends:
            return tokens
        keys = {i: name_key(text[tokens[i].start : tokens[i + 1].end]) for i in pairs}
        end_keys = {i: name_key(text[tokens[i - 1].start : tokens[i].end + 2]) for i in ends}
        hits = self.gazetteer.names([*keys.values(), *end_keys.values()])
        joined = {i for i, key in keys.items() if hits.get(key)}
        kept_s = {i for i, key in end_keys.items() if hits.get(key)}
        if not joined and not kept_s:
            return tokens
        result: list[Token] = []
        for i, token in enumerate(tokens):
            if i - 1 in joined:
                continue
            if i in kept_s:
                token = Token(text[token.start : token.end + 2], token.start, token.end + 2, False,
                              token.sentence_start, token.line_start)
            elif i in joined:
                after = tokens[i + 1]
                token = Token(text[token.start : after.end], token.start, after.end, after.possessive,
                              token.sentence_start, token.line_start)
            result.append(token)
        return result

    def _completed_names(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A name placed at its container for want of a gazetteer entry, that is the start of the
        name of a town in that container ("the town of Matias Romero, in Oaxaca" for Matías Romero
        Avendaño): the town.

        Official names add a patron or a hero that texts leave out; the unit named beside the
        name is what makes the shorter spelling safe.
        """
        result = []
        for mention in mentions:
            container = mention.entry
            if (container is None or not is_placed(mention) or feature_class(container) not in ("ADM1", "ADM2")
                    or len(name_key(mention.text)) < _COMPLETED_MIN_LENGTH):
                result.append(mention)
                continue
            towns = [e for e in self._towns_beginning(name_key(mention.text)) if lies_in(e, container)]
            if not towns:
                result.append(mention)
                continue
            town = max(towns, key=lambda e: e.population)
            result.append(replace(mention, entry=town, confidence=round(min(0.6, mention.confidence * 2), 3),
                                  why=f"{town.name} ({town.feature}, {container.name}): the start of its name, "
                                      f"in {container.name} named beside it"))
        return result

    def _look_up_towns_beginning(self, key: str) -> tuple[GazetteerEntry, ...]:
        """The towns (PPL) whose names begin with the words of ``key`` and go on: two queries."""
        hits = self.gazetteer.names_beginning(key)
        return tuple(e for e in self.gazetteer.entries(g for _, g in hits).values() if feature_class(e) == "PPL")

    def _short_forms(self, text: str, tokens: list[Token], runs: list[Run], found: list[Found],
                     leftovers: list[tuple[Run, list[int]]], lex: Lexicon) -> tuple[list[Found], list[tuple[Run, list[int]]]]:
        """A country's short form ("SA", "the Islamic Republic", ``data/short_forms.tsv``) where the
        text names that country or its people too: the country. Elsewhere "SA" may be South
        Australia or a company's, so the short form alone never names it."""
        named = {e.country_iso for f in found for e, _ in f.candidates if e.feature in COUNTRY_FEATURES}
        if not named or not lex.short_forms:
            return found, leftovers
        covered = {id(f.span.run) for f in found}
        extra: list[Found] = []
        for run in runs:
            first = run.first + (tokens[run.first].text == "The" and run.last > run.first)
            start, end = tokens[first].start, tokens[run.last].end
            iso = lex.short_forms.get(name_key(text[start:end]))
            if iso not in named or id(run) in covered or text[end:end + 4] == " of ":
                continue  # "the Islamic Republic of Mauritania" is named by what follows
            geonameid = self.gazetteer.countries().get(iso, (None, ""))[0]
            entry = self.gazetteer.entry(geonameid) if geonameid else None
            if entry is None:
                continue
            span = Span(run, first, run.last, start, end, text[start:end], name_key(text[start:end]), [(geonameid, "alias")])
            extra.append(Found(span, [(entry, "alias")]))
        if not extra:
            return found, leftovers
        taken = {id(f.span.run) for f in extra}
        return found + extra, [(run, indexes) for run, indexes in leftovers if id(run) not in taken]

    def _landmark_towns(self, lex: Lexicon) -> dict[str, GazetteerEntry]:
        """The town of each landmark (``data/landmarks.tsv``): the largest populated place of its
        name in its country, looked up once."""
        if self._landmarks is None:
            gaz = self.gazetteer
            hits = gaz.names(name_key(town) for _, town in lex.landmarks.values())
            entries = gaz.entries(h.geonameid for key_hits in hits.values() for h in key_hits)
            towns: dict[str, GazetteerEntry] = {}
            for key, (iso, town) in lex.landmarks.items():
                places = [entries[h.geonameid] for h in hits.get(name_key(town), ()) if h.geonameid in entries
                          and entries[h.geonameid].country_iso == iso and feature_class(entries[h.geonameid]) == "PPL"]
                if places:
                    towns[key] = max(places, key=lambda e: e.population)
            self._landmarks = towns
        return self._landmarks

    def _demonym_entry(self, target: str) -> GazetteerEntry | None:
        gaz = self.gazetteer
        if len(target) == 2 and target.isupper():
            geonameid = gaz.countries().get(target, (None, ""))[0]
            return gaz.entry(geonameid) if geonameid else None
        iso, _, province = target.partition(":")
        if province:  # "GB:Scotland": the province of that name in that country
            hits = gaz.names([name_key(province)]).get(name_key(province), [])
            entries = [e for e in gaz.entries(h.geonameid for h in hits).values() if e.country_iso == iso]
            units = [e for e in entries if e.feature == "ADM1"]
            if units:
                return units[0]
            # "FR:Paris": the people of a city ("Parisian"), its largest place of that name
            towns = [e for e in entries if feature_class(e) not in ("country", "region", "ADM1", "ADM2")]
            return max(towns, key=lambda e: e.population) if towns else None
        hits = gaz.names([name_key(target)]).get(name_key(target), [])
        entries = gaz.entries(h.geonameid for h in hits)
        regions = [e for e in entries.values() if e.country_iso is None]
        return regions[0] if regions else None

    def _spelling_variants(
        self,
        text: str,
        tokens: list[Token],
        leftovers: list[tuple[Run, list[int]]],
        focus: dict[str, float],
        lex: Lexicon,
        person_words: set[str],
        headline_tokens: set[int],
        unit_starts: set[int] | None = None,
        name_ends: set[int] | None = None,
        peoples_only: bool = False,
        last_resort: set[str] | None = None,
    ) -> list[Found]:
        """Skeleton, then fuzzy, matches of uncovered name words, inside the focus countries only
        (then in those of ``last_resort``, for a name found nowhere else)."""
        countries = sorted(focus)
        segments: list[Span] = []
        for run, indexes in leftovers:
            for group in consecutive(indexes):
                words = [tokens[i] for i in group]
                if all(t.lower in lex.common or t.lower in lex.titles or t.lower in person_words for t in words):
                    continue
                if len(group) == 1 and (words[0].lower in lex.demonyms or words[0].text.isupper() and len(words[0].text) <= 4
                                        or words[0].lower in lex.locality_prefixes):
                    continue  # "Barangay" alone is a kind of place, not a spelling of some village
                if len(group) == 1 and group[0] > run.first and group[0] - 1 in (name_ends or ()):
                    continue  # "Kuala Tungkal Satu subdistrict": the end of a longer name, no other place
                start, end = words[0].start, words[-1].end
                segment = Span(run, group[0], group[-1], start, end, text[start:end], name_key(text[start:end]))
                if not names_group(segment, lex):  # "al-Shabab" is no spelling of a village
                    segments.append(segment)
        if not segments:
            return []
        gaz = self.gazetteer
        by_skeleton = gaz.by_skeleton([skeleton(s.text) for s in segments], countries) if countries else {}
        main = {iso for iso, share in focus.items() if share >= _MAIN_FOCUS_SHARE}
        results: list[Found] = []
        fuzzy_needed: list[Span] = []
        elsewhere_needed: list[Span] = []
        for span in segments:
            if span.first in headline_tokens and not span.run.cue:
                continue
            skel = skeleton(span.text)
            # a short skeleton ("bn") collides often: it needs the text to say it is a place
            strong = bool((span.kind and span.kind != "UNIT") or span.run.cue in STRONG_CUES)
            # "Khan Sheikhoun, Idlib": a name followed by its province or country is a place
            strong = strong or followed_by_unit(text, span.end, unit_starts or set())
            # ("shelled Ras al-Ain": a name glued by an Arabic article is looked for with no cue,
            # in its own spelling only: ``_notable_elsewhere``)
            glued = has_glued_article(span.text) and len(skel) >= 4
            if len(skel) < 2 or not (strong or span.run.cue or glued):
                continue
            # "in Gazza" (Gaza): a two-letter skeleton collides everywhere, so with a weak cue only
            # a city of 100,000+ of the article's main country spelt nearly the same is taken
            big_only = len(skel) == 2 and not strong
            close = close_spellings(span.key, by_skeleton.get(skel, []))
            if len(skel) <= 3 and close:  # short skeletons collide: only in the article's main countries
                entries = gaz.entries(g for g, _ in close)
                close = [(g, how) for g, how in close if g in entries and entries[g].country_iso in main
                         and (not big_only or (how == "skeleton-close" and feature_class(entries[g]) == "PPL"
                                               and entries[g].population >= _BIG_CITY))]
            if big_only and not close:
                continue
            if close:
                span.hits = close
                results.append(Found(span, []))
            elif len(skel) >= 4 or (peoples_only and len(skel) == 3):
                elsewhere_needed.append(span)
            elif strong:  # the last resort is tried only where the text says a place is named
                fuzzy_needed.append(span)
        unplaced = self._notable_elsewhere(elsewhere_needed, focus, loose=peoples_only)
        by_resort = gaz.by_skeleton({skeleton(s.text) for s, close in unplaced if not close}, sorted(last_resort)) if last_resort else {}
        for span, close in unplaced:
            close = close or close_spellings(span.key, by_resort.get(skeleton(span.text), []))
            if close:
                span.hits = close
                results.append(Found(span, []))
            elif ((span.kind and span.kind != "UNIT") or span.run.cue in STRONG_CUES
                  or followed_by_unit(text, span.end, unit_starts or set())):
                fuzzy_needed.append(span)  # the last resort, only where the text says a place is named
        main_countries = tuple(sorted(focus, key=lambda iso: -focus[iso])[:_FUZZY_COUNTRIES])
        for span in fuzzy_needed:
            ids = self._fuzzy(span.key, main_countries)
            if ids:
                span.hits = [(g, "fuzzy") for g in ids]
                results.append(Found(span, []))
        entries = gaz.entries(g for f in results for g, _ in f.span.hits)
        for item in results:
            item.candidates = [(entries[g], how) for g, how in item.span.hits if g in entries]
        return [r for r in results if r.candidates]

    def _notable_elsewhere(self, spans: list[Span], focus: dict[str, float], *, loose: bool = False) -> list[tuple[Span, list[tuple[int, str]]]]:
        """Close spellings of a province or a city of 50,000+ in any country, for each span.

        An ACLED-style note often names no country ("in Tartous city", "Quamishli in
        Al-Hasakeh") while its demonyms name foreign actors ("Russian forces"): the focus
        countries are then wrong, and only a well-known place may be matched outside them.
        """
        if not spans:
            return []
        gaz = self.gazetteer
        others = sorted(set(gaz.countries()) - set(focus))
        by_skeleton = gaz.by_skeleton({skeleton(s.text) for s in spans}, others)
        # a looser spelling only for a unit of the kind the text names ("Pulvama district" for
        # Pulwama): the kind word and the consonants together are strong enough evidence
        # when the text names no place but peoples ("Turkish troops … in Edlib"), a province of a
        # country whose names are transliterated may be spelt with other vowels, or be short
        # ("al-Hasakeh"): the looser floor of those countries holds for provinces too
        close_by_span = [(span, close_spellings(span.key, by_skeleton.get(skeleton(span.text), []))) for span in spans]
        entries = gaz.entries(g for _, close in close_by_span for g, _ in close)

        def fits(span: Span, entry: GazetteerEntry, how: str) -> bool:
            if span.kind == "PPL" and entry.feature == "ADM1":
                return False  # "the area of Kafrun town" is no spelling of a province abroad
            if len(skeleton(span.text)) < 4:  # a short skeleton collides: only a province spelt nearly the same
                return loose and how == "skeleton-close" and entry.feature == "ADM1"
            if umlauts_spelt_out(span.key) == name_key(entry.name):
                # "Kitzbuehel", "Goettingen": an umlaut written out as the German keyboard-less
                # spelling does is the very name, whatever the town's size (Kitzbühel)
                return feature_class(entry) in ("PPL", "ADM2", "ADM1")
            if has_glued_article(span.text) and len(skeleton(span.text)) >= 4:
                # "Ras al-Ain": a transliterated name of two words and an article is distinctive
                # enough to be taken in any country, whatever its size, where it is spelt so too
                # (a town or district of several words: Ra's al 'Ayn)
                return feature_class(entry) in ("PPL", "ADM2") and len(entry.name.split()) >= 2
            return ((how == "skeleton-close" and _is_well_known(entry))
                    or (loose and entry.feature == "ADM1" and _as_many_words(span.key, entry.name))
                    or (span.kind in ("ADM1", "ADM2") and entry.feature == span.kind))

        return [(span, [(g, how) for g, how in close if g in entries and fits(span, entries[g], how)])
                for span, close in close_by_span]

    def _respelt_hits(self, spans: list[Span], hits: dict, entries: dict[int, GazetteerEntry]) -> dict[int, list]:
        """The gazetteer's names of a span whose opening word news abbreviates, spelt the other
        way: "St Andrews" is filed "Saint Andrews", "Ft. Bragg" "Fort Bragg", "St Gallen" "Sankt
        Gallen". Only where the name as written matches no town of 10,000 or more: "St. John's,
        N.L." keeps its own spelling's city, not Antigua's capital filed "Saint John's".
        ``entries`` gains the new places."""
        wanted: dict[int, list[str]] = {}
        # "St. John's, Antigua": a town followed by its country is also spelt the other way, but
        # only the places of that country so spelt count (Antigua's capital, filed "Saint John's")
        only_in: dict[int, set[str]] = {}
        for s in spans:
            forms = abbreviated_forms(s.key)
            if not forms:
                continue
            if max((entries[h.geonameid].population or 0 for h in hits.get(s.key, ()) if h.geonameid in entries),
                   default=0) < _RESPELT_ONLY_BELOW:
                wanted[id(s)] = forms
            elif countries := self._country_after(s, spans, hits, entries):
                wanted[id(s)], only_in[id(s)] = forms, countries
        if not wanted:
            return {}
        more = self.gazetteer.names([k for forms in wanted.values() for k in forms])
        entries.update(self.gazetteer.entries(h.geonameid for key_hits in more.values() for h in key_hits))
        return {span_id: [h for key in forms for h in more.get(key, ())
                          if span_id not in only_in or (h.geonameid in entries and entries[h.geonameid].country_iso in only_in[span_id])]
                for span_id, forms in wanted.items()}

    @staticmethod
    def _country_after(span: Span, spans: list[Span], hits: dict, entries: dict[int, GazetteerEntry]) -> set[str]:
        """The countries named right after ``span`` and a comma ("St. John's, Antigua"), where
        the town as written lies in none of them."""
        after = [t for t in spans if t.first == span.last + 1 and t.start - span.end == 2]  # ", " between
        countries = {entries[h.geonameid].country_iso for t in after
                     for h in hits.get(t.key, ()) if h.geonameid in entries and entries[h.geonameid].feature in COUNTRY_FEATURES}
        countries.discard(None)
        own = {entries[h.geonameid].country_iso for h in hits.get(span.key, ()) if h.geonameid in entries}
        return set() if countries & own else countries

    def _whole_runs(
        self,
        text: str,
        tokens: list[Token],
        runs: list[Run],
        found: list[Found],
        leftovers: list[tuple[Run, list[int]]],
        focus: dict[str, float],
        lex: Lexicon,
    ) -> tuple[list[Found], list[tuple[Run, list[int]]]]:
        """A multi-word name spelt differently from the gazetteer ("Tal Afar" for "Tall 'Afar").

        Its words may each match something small elsewhere ("Tal" in India, "Afar" in
        Ethiopia); a close spelling of the whole name inside the focus countries wins over them.
        """
        countries = sorted(focus)
        by_run: dict[int, list[Found]] = defaultdict(list)
        for item in found:
            by_run[id(item.span.run)].append(item)
        wanted: list[Span] = []
        for run in runs:
            last = run.last - 1 if run.kind_token == run.last else run.last
            if last <= run.first or tokens[run.first].lower in lex.titles:
                continue  # ("Cllr Galway" is a person, not a spelling of Claregalway)
            parts = by_run.get(id(run), [])
            if any(p.span.first == run.first and p.span.last >= last for p in parts) or any(p.span.demonym for p in parts):
                continue
            if tokens[run.first].lower == "the" and any(p.span.first == run.first + 1 and p.span.last >= last for p in parts):
                continue  # "The Dallas plant": the name after the article is found as written (not The Dalles)
            start, end = tokens[run.first].start, tokens[last].end
            wanted.append(Span(run, run.first, last, start, end, text[start:end], name_key(text[start:end])))
        if not wanted or not countries:
            return found, leftovers
        gaz = self.gazetteer
        by_skeleton = gaz.by_skeleton({skeleton(s.text) for s in wanted}, countries)
        replaced: set[int] = set()
        extra: list[Found] = []
        for span in wanted:
            matches = by_skeleton.get(skeleton(span.text), [])
            close = [(g, how) for g, how in close_spellings(span.key, matches) if how == "skeleton-close"]
            if not close and len(skeleton(span.text)) >= _CONFIRMED_SKELETON:
                close = self._confirmed_by_container(span, matches, found, text)
            if not close:
                continue
            entries = gaz.entries(g for g, _ in close)
            span.hits = [(g, how) for g, how in close if g in entries]
            if span.hits:
                extra.append(Found(span, [(entries[g], how) for g, how in span.hits]))
                replaced.add(id(span.run))
        if not extra:
            return found, leftovers
        kept = [f for f in found if id(f.span.run) not in replaced] + extra
        return kept, [(run, indexes) for run, indexes in leftovers if id(run) not in replaced]

    def _confirmed_by_container(self, span: Span, matches: list[tuple[int, str, str]], found: list[Found],
                                text: str) -> list[tuple[int, str]]:
        """Places of the same long skeleton that lie in the unit the text names right after the name.

        A note may garble a multi-word name past every edit-similarity floor and keep its
        consonants ("Mizor Shoraf (Balkh)" for Mazār-e Sharīf): the skeleton and
        the province named beside it together are evidence enough.
        """
        following = next((f for f in found if f.span.start >= span.end), None)
        if following is None or beside(text, span.end, following.span.start) is None:
            return []
        units = [e for e, _ in following.candidates if feature_class(e) in ("ADM1", "ADM2")]
        entries = self.gazetteer.entries(g for g, _, _ in matches)
        return sorted({(g, "skeleton") for g, _, _ in matches
                       if g in entries and any(lies_in(entries[g], unit) and entries[g].geonameid != unit.geonameid
                                               for unit in units)})

    def _add_variant_candidates(self, found: list[Found], focus: dict[str, float]) -> None:
        """Spelling variants of names that matched exactly, inside the focus countries.

        "Basra" matches the province's alias exactly, while the city is filed as "Al Başrah":
        the skeleton finds the city too, and disambiguation then chooses between them.
        """
        countries = sorted(focus)
        names = [f for f in found if not f.span.demonym and f.candidates]
        if not countries or not names:
            return
        gaz = self.gazetteer
        by_skeleton = gaz.by_skeleton({skeleton(f.span.text) for f in names}, countries)
        extra: dict[int, list[int]] = {}
        for index, item in enumerate(names):
            skel = skeleton(item.span.text)
            if len(skel) < 3:
                continue
            if any(feature_class(e) in ("country", "region") for e, _ in item.candidates):
                continue  # "Pacific" names the ocean: a town spelt "Pacifica" is no rival to it
            known = {e.geonameid for e, _ in item.candidates}
            close = [(g, how) for g, how in close_spellings(item.span.key, by_skeleton.get(skel, []))
                     if g not in known and how == "skeleton-close"]
            if close:
                extra[index] = close
        # a name of two words the gazetteer writes as one, in the article's countries ("Jalal Abad",
        # Jalalabad): only a later word opening with a vowel makes the two skeletons differ (the
        # skeleton keeps a word's opening vowel)
        joined = {index: item.span.key.replace(" ", "") for index, item in enumerate(names)
                  if _LATER_WORD_VOWEL.search(item.span.key)
                  and not any(feature_class(e) in ("country", "region") for e, _ in item.candidates)}
        if joined:
            hits = gaz.names(list(set(joined.values())))
            one_word = {h.geonameid for key_hits in hits.values() for h in key_hits}
            in_focus = {g for g, e in gaz.entries(one_word).items() if e.country_iso in focus}
            for index, key in joined.items():
                known = {e.geonameid for e, _ in names[index].candidates} | {g for g, _ in extra.get(index, [])}
                close = [(h.geonameid, "skeleton-close") for h in hits.get(key, ()) if h.geonameid in in_focus and h.geonameid not in known]
                if close:
                    extra.setdefault(index, []).extend(dict.fromkeys(close))
        if not extra:
            return
        entries = gaz.entries(g for close in extra.values() for g, _ in close)
        for index, close in extra.items():
            names[index].candidates.extend((entries[g], how) for g, how in close if g in entries)

    def _fuzzy(self, key: str, countries: tuple[str, ...]) -> list[int]:
        """Places in ``countries`` whose name is within a small edit distance of ``key``."""
        if len(key) < _FUZZY_MIN_LENGTH:
            return []
        from rapidfuzz import fuzz, process

        skel = skeleton(key)
        cache_key = (skel[:2], countries)
        haystack = self._haystacks.get(cache_key)
        if haystack is None:
            haystack = self._haystacks[cache_key] = self.gazetteer.fuzzy_haystack(skel, countries)
            if len(self._haystacks) > _HAYSTACKS_CACHED:
                self._haystacks.pop(next(iter(self._haystacks)))
        if not haystack:
            return []
        keys = [k for k, _ in haystack]
        matches = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_MIN_SCORE, limit=10)
        best = max((value for _, value, _ in matches), default=0.0)
        return sorted({haystack[index][1] for _, value, index in matches if value >= best - 0.01})

    def _resolve(self, found: list[Found], focus: dict[str, float], text: str, tokens: list[Token],
                 said: tuple[Vote, ...] = ()) -> list[PlaceMention]:
        # mentions of one name with one kind word share their context (it leaves out their own
        # name), so each such group is resolved once
        groups: dict[tuple[str, str | None], list[Found]] = defaultdict(list)
        for item in found:
            groups[(item.span.key, item.span.kind)].append(item)
        first_pass = Context(focus=focus, named_admin1={})
        for items in groups.values():
            choice, plain = choose(items[0].candidates, items[0].span.kind, first_pass)
            for item in items:
                item.choice, item.plain_best = choice, plain
        # a second round lets hierarchy evidence settle (A in B, B contains A). A group's context
        # is read from the other groups' choices (each one's place and confidence): a group none
        # of whose others changed since it was chosen would be chosen the same again, so it is not
        changes = 0
        chosen_at: dict[tuple[str, str | None], int] = {}
        for _ in range(2):
            for group, items in groups.items():
                if chosen_at.get(group) == changes:
                    continue
                context = context_without(found, group, focus)
                choice, plain = choose(items[0].candidates, items[0].span.kind, context)
                changes += _as_evidence(items[0].choice) != _as_evidence(choice)
                chosen_at[group] = changes
                for item in items:
                    item.choice, item.plain_best = choice, plain
        focus_without = _FocusWithout(found, said)
        for items in groups.values():
            self._prefer_home(items, found, focus, focus_without)
        _bare_name_as_its_unit(groups, found, focus)
        if _names_britain(found) and _writes_british(text, lexicon()):
            for items in groups.values():
                self._prefer_british_town(items, found, focus)
        chosen_for_name: dict[str, set[int]] = defaultdict(set)  # by skeleton: "Kharkov", "Kharkiv" are one name
        for (key, _), items in groups.items():
            if items[0].choice is not None and not items[0].span.demonym:
                chosen_for_name[skeleton(key)].add(items[0].choice.entry.geonameid)
        homes = list({i.choice.entry.geonameid: i.choice.entry for i in found
                      if i.choice is not None and i.choice.entry.country_iso in focus
                      and feature_class(i.choice.entry) not in ("country", "region")
                      and i.choice.entry.latitude is not None}.values())
        resolved = sorted((item for item in found if item.choice is not None), key=lambda item: item.span.start)
        displaced = self._choose_inside_containers(resolved, text, focus)
        mentions = {}
        by_others = _FocusByOthers(found, focus, text, focus_without)
        resolved = [item for item in resolved if not item.span.common_opener or _common_opener_stands(item, found, focus)]
        for item in resolved:
            own_focus = by_others.of(item)
            # the article's places in its countries, as the other names give them
            own_homes = homes if own_focus is focus else [h for h in homes if h.country_iso in own_focus]
            mentions[id(item)] = make_mention(item, text, tokens, chosen_for_name[skeleton(item.span.key)], own_focus, own_homes)
        # the same name elsewhere in the article is the same place: "Bali village (Mora,
        # Extreme-Nord) … Residents of Bali" is placed at Mora at each mention
        by_name = {(skeleton(item.span.key), item.choice.entry.geonameid): (container, link) for item, container, link in displaced}
        # last to first: a container named after its place is itself placed first ("X village of
        # Y area (Z district)": Y, a variant of a town elsewhere, is placed at Z, and X with it)
        for item in reversed(resolved):
            key = (skeleton(item.span.key), item.choice.entry.geonameid)
            if key not in by_name or item.span.demonym:
                continue
            container, link = by_name[key]
            mention = mentions[id(item)]
            if mention.entry is not None and mentions[id(container)].entry is not None:
                opener = name_word_before(item.span, tokens)
                if opener is not None:
                    # "Shaheen Bagh, in Delhi": no Bagh lies in Delhi, so the longer name is the place
                    mention = replace(mention, text=text[opener.start : mention.end], start=opener.start)
                mentions[id(item)] = placed_at(mention, mentions[id(container)], link,
                                               f"no place of this name lies in {container.choice.entry.name}")
        return list(mentions.values())

    @staticmethod
    def _prefer_home(items: list[Found], found: list[Found], focus: dict[str, float], focus_without: _FocusWithout) -> None:
        """A place abroad loses to its namesake in the countries the article's other names give.

        A small one is reported unresolved ("the only places of this name lie abroad"), yet
        the name may also be a village at home that the population prior ranked lower ("Sinjar
        area west of Salamiyah" in a Syrian report: the Iraqi town is larger). A city abroad
        votes for its own country and so outweighs a people's name ("Lebanese soldiers … in
        Tripoli"): it loses only to a city of 100,000+ (or a province) of its name at home.
        """
        choice = items[0].choice
        if choice is None or not focus or items[0].span.demonym:
            return
        entry = choice.entry
        cls = feature_class(entry)
        if entry.country_iso is None or cls == "region":
            return
        # a country or province abroad loses only to a province of its name (below)
        # (one named with no kind word, also to a town or district: below)
        bare_province = cls == "ADM1" and items[0].span.kind not in ("ADM1", "UNIT")
        rivals = [(e, how) for e, how in items[0].candidates if e.country_iso not in (None, entry.country_iso)
                  and (cls not in ("country", "ADM1") or feature_class(e) == "ADM1"
                       or bare_province and feature_class(e) in ("PPL", "ADM2"))]
        if not rivals:
            return  # no namesake in another country (the usual case: spare the focus below)
        # the countries the article's other names give (the name votes for its own namesakes)
        others = focus_without(skeleton(items[0].span.key))
        if not others or entry.country_iso in others:
            return
        context = context_without(found, (items[0].span.key, items[0].span.kind), focus)
        if cls == "country":
            # a country loses only to a province of its name that holds another of the article's
            # places ("voters in Georgia … officials in Atlanta"): "Russia invaded Georgia,
            # Washington protested" names no place of the American state
            home = [(e, how) for e, how in rivals if e.country_iso in others
                    and any(a.admin1_id == e.geonameid and a.geonameid != e.geonameid for a in context.anchors)]
        elif cls == "ADM1":
            # a province abroad loses to a province of its name at home ("Punjab … New Delhi");
            # named with no kind word, also to a town or district at home that the text locates
            # ("a village of Kunar province") or of 10,000+ people: a province abroad that only
            # its own name votes for is a namesake ("Sikasso … Mopti", not a prefecture in Asia)
            home = [(e, how) for e, how in rivals if e.country_iso in others and feature_class(e) == "ADM1"]
            if not home and bare_province:
                home = [(e, how) for e, how in rivals if e.country_iso in others
                        and (e.population >= _HOME_TOWN_POPULATION or has_local_evidence(e, context))]
        else:
            # (a city that dwarfs its namesakes, London over London, Ontario, keeps its own reading;
            # a district of no known population does not: its town, the gazetteer lacks, may be
            # any size — Palma, Cabo Delgado, filed only as its district, beside Palma de Mallorca)
            # a town abroad short of a capital or a city of a million loses to any namesake in
            # the country whose own institutions the text names ("Gardai in Athlone": the Irish
            # town, not the Cape Town suburb of 200,000)
            said = {vote.iso for vote in focus_without.said}
            home = [(e, how) for e, how in items[0].candidates if e.country_iso in others
                    and (not is_notable(entry) or (is_notable(e) and entry.population < WEIGHTS["big_namesake_ratio"] * e.population)
                         or (feature_class(e) == "ADM2" and not e.population)
                         or (e.country_iso in said and not is_well_known(entry)))]
        if not home:
            return
        better, plain = choose(home, items[0].span.kind, context)
        for item in items:
            item.choice, item.plain_best = better, plain

    @staticmethod
    def _prefer_british_town(items: list[Found], found: list[Found], focus: dict[str, float]) -> None:
        """In a text written in British English that names Britain, a bare town name shared by a
        British town and a smaller one elsewhere that nothing in the text supports but its country is
        the British town ("grew up in Bristol" in a London paper's story about American troops).

        An American writer gives a small namesake its state ("Bristol, Conn."); a British one
        writes the bare name of the English town. The other one keeps its reading where the text
        names its province or a place near it.
        """
        choice = items[0].choice
        if choice is None or items[0].span.demonym or items[0].span.kind not in (None, "PPL"):
            return
        entry = choice.entry
        if entry.country_iso in (None, _BRITAIN) or feature_class(entry) != "PPL":
            return
        context = context_without(found, (items[0].span.key, items[0].span.kind), focus)
        if has_local_evidence(entry, context):
            return
        british = [(e, how) for e, how in items[0].candidates if e.country_iso == _BRITAIN and feature_class(e) == "PPL"
                   and e.population >= max(_WELL_KNOWN_POPULATION, _BRITISH_TOWN_RATIO * entry.population)]
        if not british:
            return
        better, plain = choose(british, items[0].span.kind, context)
        if better is None:
            return
        better = replace(better, why=f"{better.why}; a British text's bare name, {entry.name} ({entry.country_iso}) "
                                     "unsupported by the text")
        for item in items:
            item.choice, item.plain_best = better, plain

    def _choose_inside_containers(self, resolved: list[Found], text: str, focus: dict[str, float]) -> list[tuple[Found, Found, str]]:
        """Re-choose a place that does not lie in the unit or town named right after it.

        "Moba village (Fizi, South Kivu)": of the candidates, those inside Fizi; when none
        is, the mention is returned (with its container and link) to be placed at the container.
        """
        displaced: list[tuple[Found, Found, str]] = []
        positions = {id(item): index for index, item in enumerate(resolved)}
        for index, item in enumerate(resolved):
            if item.span.demonym or feature_class(item.choice.entry) in ("region", "RGN"):
                continue  # a natural feature spans units: "the Nuba Mountains of South Kordofan"
            found = (_container_of(item, resolved[index + 1 : index + 3], text)
                     or _list_container_of(item, resolved[index + 1 :], text))
            if found is None:
                self._choose_variant_in_country(item, resolved[index + 1 : index + 3], text, focus, resolved)
                continue
            container, link = found
            outer = container.choice.entry
            if feature_class(item.choice.entry) == "country":
                # "Lebanon, Pa.", "Peru, Ind.": a country named as lying in another country's
                # province is the town of its name there, and so is one named before another
                # country ("Antigua, Guatemala"); no such town, the country stays
                inside = [(e, how) for e, how in item.candidates if feature_class(e) == "PPL" and lies_in(e, outer)]
                if (feature_class(outer) in ("ADM1", "ADM2", "country") and outer.country_iso != item.choice.entry.country_iso
                        and inside):
                    choice, _ = choose(inside, "PPL", context_without(resolved, (item.span.key, item.span.kind), focus))
                    if choice is not None:
                        item.choice = replace(choice, why=f"{choice.why}; in {outer.name}, named beside it")
                continue
            # a larger unit is not "in" a smaller one ("Kabul province, near Kabul"), unless the
            # text calls the name a village or town ("Moba village (Fizi)")
            entry = item.choice.entry
            rank = _RANK["PPL"] if item.span.kind == "PPL" else _RANK.get(feature_class(entry), 0)
            outer_rank = _RANK.get(feature_class(outer), 0)
            # ("the X area of Y district" is no list: "of" and "in" say where X lies)
            if rank == outer_rank and feature_class(outer) != "PPL" and link not in ("of", "in"):
                # "A district, B district" may be a list; but "Kaura LGA, Bama LGA, Borno State"
                # runs on to the province both lie in: the name must lie in it too
                index_of = positions[id(container)]
                beyond = _container_of(container, resolved[index_of + 1 : index_of + 3], text)
                if beyond is None or _RANK.get(feature_class(beyond[0].choice.entry), 0) <= outer_rank:
                    continue
                if not lies_in(outer, beyond[0].choice.entry):
                    continue
                outer = beyond[0].choice.entry
            if lies_in(entry, outer) or rank > outer_rank:
                continue
            inside = [(entry, how) for entry, how in item.candidates if lies_in(entry, outer)]
            if not inside:
                # "Derna, in Libya's Darnah district": no place of that spelling lies there, but
                # one spelt otherwise does: the text's own unit makes the variant safe
                inside = self._variants_inside(item.span.key, outer)
            if inside:
                context = context_without(resolved, (item.span.key, item.span.kind), focus)
                choice, _ = choose(inside, item.span.kind, context)
                if choice is not None:
                    item.choice = replace(choice, why=f"{choice.why}; in {outer.name}, named beside it")
                    continue
            # the text may err ("Kharkiv (Sumy oblast)"): a city known beyond its country keeps its
            # own point, and a container read as a unit abroad (a border area's namesake) is no proof
            # — but only a city the text names as it is spelt: a spelling variant ("Daspur area
            # (Paschim Medinipur district)" read as Dispur, Assam) is no such evidence
            well_known = ((feature_class(entry) == "ADM1" or (feature_class(entry) == "PPL" and is_notable(entry)))
                          and not is_spelling_variant(item.choice.why))
            # a valley is no unit's boundary though a province is named after it: "Baalbek in the
            # Bekaa valley" (the town lies in Baalbek-Hermel, carved out of Bekaa province)
            valley = text[container.span.end :].lstrip().lower().startswith("valley") and outer.country_iso == entry.country_iso
            if well_known or valley or (focus and focus.get(outer.country_iso or "", 0.0) < _MAIN_FOCUS_SHARE):
                continue
            displaced.append((item, container, link))
        return displaced


    def _choose_variant_in_country(
        self, item: Found, following: list[Found], text: str, focus: dict[str, float], resolved: list[Found]
    ) -> None:
        """"Derna, in eastern Libya", "Derna, Libya": a town that does not lie in the country
        named right after it, where a town spelt otherwise ("Darnah") does, is that town."""
        entry = item.choice.entry
        if feature_class(entry) not in ("PPL", "country"):
            return
        other = next((o for o in following if o.span.start >= item.span.end and not o.span.demonym), None)
        if other is None or other.choice is None or feature_class(other.choice.entry) != "country":
            return
        country = other.choice.entry
        link = beside(text, item.span.end, other.span.start)
        if link not in (",", "in") or country.country_iso == entry.country_iso:
            return
        # a town of the name itself there first ("Antigua, Guatemala": Antigua Guatemala, not the
        # country Antigua and Barbuda), else one spelt otherwise ("Derna, Libya": Darnah)
        inside = [(e, how) for e, how in item.candidates if feature_class(e) == "PPL" and e.country_iso == country.country_iso]
        if not inside and feature_class(entry) == "PPL":
            inside = [(e, how) for e, how in self._variants_inside(item.span.key, country) if feature_class(e) == "PPL"]
        if not inside:
            return
        choice, _ = choose(inside, item.span.kind, context_without(resolved, (item.span.key, item.span.kind), focus))
        if choice is not None:
            item.choice = replace(choice, why=f"{choice.why}; in {country.name}, named beside it")

    def _variants_inside(self, key: str, outer: GazetteerEntry) -> list[tuple[GazetteerEntry, str]]:
        """Places spelt like ``key`` (its skeleton, the spellings close enough) inside ``outer``."""
        skel = skeleton(key)
        if outer.country_iso is None or len(skel) < 3:
            return []
        matches = self.gazetteer.by_skeleton({skel}, [outer.country_iso]).get(skel, [])
        close = close_spellings(key, matches)
        entries = self.gazetteer.entries(g for g, _ in close)
        return [(entries[g], how) for g, how in close
                if g in entries and (entries[g].country_iso == outer.country_iso if feature_class(outer) == "country"
                                     else lies_in(entries[g], outer))]


_BRITAIN = "GB"
_BRITISH_TOWN_RATIO = 2  # the British town is at least this many times larger than its namesake
_BRITISH_WORDS_NEEDED = 2  # different marks of British English ("whilst", "defence")


def _state_after_town(span: Span, tokens: list[Token], text: str) -> bool:
    """Whether ``span`` spells out a state or province (one news style abbreviates) right after a
    town and a comma: "Kingston, New York", "Spokane, Washington"."""
    if span.first != span.run.first or span.first == 0 or span.abbreviation:
        return False
    before = tokens[span.first - 1]
    return (before.capitalised and text[before.end : span.start] == ", "
            and span.key in _spelt_out_states())


# lower-case words before a state's name that say the state is meant, not its namesake city
_STATE_PARTS = frozenset({"upstate", "downstate"})


def _after_word(span: Span, tokens: list[Token], words: frozenset[str]) -> bool:
    return span.first == span.run.first and span.first > 0 and tokens[span.first - 1].text in words


@lru_cache(maxsize=1)
def _spelt_out_states() -> frozenset[str]:
    """The name keys of the states and provinces of ``data/abbreviations.tsv``."""
    return frozenset(name_key(name) for _, name in lexicon().abbreviations.values())


def _writes_british(text: str, lex: Lexicon) -> bool:
    pattern = _british_pattern(lex.british_words)
    return len({m.group().lower() for m in pattern.finditer(text)}) >= _BRITISH_WORDS_NEEDED


@lru_cache(maxsize=2)
def _british_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b", re.IGNORECASE)


def _names_britain(found: list[Found]) -> bool:
    """Whether the text names Britain or its people ("the UK", "British")."""
    return any(e.country_iso == _BRITAIN and e.feature in COUNTRY_FEATURES for f in found for e, _ in f.candidates)


_RANK = {"PPL": 1, "ADM3": 2, "ADM2": 3, "ADM1": 4, "country": 5, "region": 6}
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“(]")


class _FocusByOthers:
    """The focus countries without an item's own vote, for a small place abroad named in a
    sentence that also names a place of the article's main country.

    A name whose only places are small ones in one country votes for that country: "nurses
    marched from the Jimani clinic … in Barquisimeto, Lara state" would put the Dominican
    Republic among a Venezuelan report's countries, and so make its town of that name look at
    home. Next to a place of the main country, without its own vote, it is a village abroad.
    """

    def __init__(self, found: list[Found], focus: dict[str, float], text: str, focus_without: _FocusWithout) -> None:
        self.focus, self.focus_without = focus, focus_without
        self.ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        main = {iso for iso, share in focus.items() if share >= _MAIN_FOCUS_SHARE}
        # the sentences that name a place (not a country, not a people) of a main country
        self.main_sentences = {self._sentence(o.span.start) for o in found
                               if o.choice is not None and not o.span.demonym and o.choice.entry.country_iso in main
                               and feature_class(o.choice.entry) not in ("country", "region")}

    def _sentence(self, offset: int) -> int:
        return bisect.bisect_left(self.ends, offset)

    def of(self, item: Found) -> dict[str, float]:
        entry = item.choice.entry if item.choice is not None else None
        if (entry is None or item.span.demonym or entry.country_iso not in self.focus
                or self.focus[entry.country_iso] >= _MAIN_FOCUS_SHARE or is_notable(entry)
                or feature_class(entry) in ("country", "region", "ADM1")
                or self._sentence(item.span.start) not in self.main_sentences):
            return self.focus
        return self.focus_without(skeleton(item.span.key))


# a name as written that matches a town this large is not looked for spelt out ("St. John's")
_RESPELT_ONLY_BELOW = 10_000


def _as_many_words(key: str, name: str) -> bool:
    """Whether a name written as ``key`` has as many words as the gazetteer's ``name``, articles
    and kind words aside: a village of one word ("Bunagana") is no respelling of a province of
    two abroad (Bueng Kan, Thailand), though their consonants agree."""
    def count(k: str) -> int:
        return len(strip_article(strip_type_words(k)).split())
    return count(key) == count(name_key(name))


def _prefixed_unit_keys(spans: list[Span], tokens: list[Token], lex: Lexicon) -> dict[int, list[str]]:
    """The filed names to look up for a name written with a district's kind word after it: "Nduga
    regency" is filed "Kabupaten Nduga" (`unit_prefixes` of ``data/town_names.toml``). Only with
    the kind word: alone, the bare word is as often a word of another name ("Gidan Dan Karo
    village" is no Karo regency), so the index holds no bare form."""
    prefixes = {name_key(p) for ps in lex.unit_prefixes.values() for p in ps}
    result: dict[int, list[str]] = {}
    for span in spans:
        after = span.last + 1
        if span.last == span.run.last and after < len(tokens) and lex.kind_words.get(tokens[after].lower) == "ADM2":
            result[id(span)] = [f"{prefix} {span.key}" for prefix in sorted(prefixes)]
    return result


# lower-case words after an outlet's name: "the Houthi-run Saba news agency"
_AGENCY_WORDS = frozenset({"news", "agency"})


def _names_agency(span: Span, tokens: list[Token], text: str, entries: list[GazetteerEntry]) -> bool:
    """A name right before a lower-case "news agency" ("the rebel-run Saba news agency",
    "the Bakhtar agency") is the outlet's, unless it is a country's or a city's of 100,000+
    ("a Kabul news agency" is Kabul's): the agency says nothing of where the story is."""
    after = span.last + 1
    if span.last != span.run.last or after >= len(tokens) or tokens[after].capitalised or tokens[after].lower not in _AGENCY_WORDS:
        return False
    if text[tokens[span.last].end : tokens[after].start] != " ":
        return False
    return bool(entries) and not any(feature_class(e) == "country" or e.population >= WEIGHTS["notable_population"] for e in entries)


def _common_opener_stands(item: Found, found: list[Found], focus: dict[str, float]) -> bool:
    """A common word opening a sentence ("Reading will host the festival", "Nice is bracing for
    …") names its city only where the article is about the city's country and names another
    place around it (its province, or a place or region within 150 km); otherwise it is the
    word ("Reading is good for children", "Nice weather brought crowds")."""
    entry = item.choice.entry if item.choice is not None else None
    if entry is None or feature_class(entry) != "PPL" or entry.country_iso not in focus or entry.latitude is None:
        return False
    others = [f.choice.entry for f in found if f.choice is not None and f.span.key != item.span.key and not f.span.demonym]
    return any(o.geonameid in (entry.admin1_id, entry.admin2_id)
               or (feature_class(o) != "country" and o.latitude is not None and o.longitude is not None
                   and (o.country_iso is None and entry.country_iso in region_homes().get(o.geonameid, ()) or o.country_iso == entry.country_iso)
                   and distance_km(entry.latitude, entry.longitude, o.latitude, o.longitude) <= _OPENER_NEAR_KM)
               for o in others)


_OPENER_NEAR_KM = 150.0
_LATER_WORD_VOWEL = re.compile(r" [aeiou]")
_HOME_TOWN_POPULATION = 10_000  # a town at home this big outweighs a province abroad named like it


class _FocusWithout:
    """The focus countries the article's names give but one name (in any of its spellings),
    for each name asked about: ``_prefer_home`` and ``_FocusByOthers`` ask it of many names in
    turn. Each name's vote is worked out once: the candidates no longer change while resolving."""

    def __init__(self, found: list[Found], said: tuple[Vote, ...] = ()) -> None:
        self.found = found
        self.said = said  # the institution words' votes (no name's own)
        self.votes: list[tuple[str, Vote | None]] | None = None  # worked out when first asked (most articles never ask)
        self.memo: dict[str, dict[str, float]] = {}

    def __call__(self, own: str) -> dict[str, float]:
        """The focus without the votes of the names whose skeleton is ``own``."""
        if own not in self.memo:
            if self.votes is None:
                self.votes = [*(("", vote) for vote in self.said), *((skeleton(f.span.key), country_vote(f)) for f in self.found)]
            self.memo[own] = focus_of(vote for skel, vote in self.votes if skel != own)
        return self.memo[own]


def _as_evidence(choice: Choice | None) -> tuple[int, float] | None:
    """What the other names' contexts read of a choice (``context_without``): its place and confidence."""
    return None if choice is None else (choice.entry.geonameid, choice.confidence)


def _container_of(item: Found, following: list[Found], text: str) -> tuple[Found, str] | None:
    """The resolved unit or town named right after ``item`` that says where it lies."""
    for other in following:
        if other.span.start < item.span.end or other.span.demonym:
            continue
        # (through a village or area between them that the gazetteer lacks: "X village of Y area
        # (Z district)" must lie in Z)
        link = beside(text, item.span.end, other.span.start) or beside_through_unknown(text, item.span.end, other.span.start)
        if (link is None or other.choice is None or other.choice.confidence < 0.4
                or skeleton(other.span.key) == skeleton(item.span.key)):
            return None
        return (other, link) if can_contain(link, other.choice.entry, text, other.span.end) else None
    return None


def _list_container_of(item: Found, following: list[Found], text: str) -> tuple[Found, str] | None:
    """The resolved unit or town a list ``item`` belongs to says it all lies in: "Kisoro, Mbau and
    Kalunguta, all in Beni territory" (each of them must lie in Beni)."""
    for other in following:
        if other.span.start - item.span.end > LIST_REACH:
            return None
        if other.span.start < item.span.end or other.span.demonym or not closes_list_in(text, item.span.end, other.span.start):
            continue
        if other.choice is None or other.choice.confidence < 0.4:
            return None
        return (other, "in") if can_contain("in", other.choice.entry, text, other.span.end) else None
    return None


def _unit_word(span: Span, tokens: list[Token]) -> str | None:
    """The kind word written right after the span's name, or ending it ("Kani township", "Tsafe
    LGA"), in lower case; None when there is none."""
    run = span.run
    if run.kind_token is not None and run.kind_token in (span.last, span.last + 1):
        return tokens[run.kind_token].lower
    if span.last + 1 in run.inner_kinds:
        return tokens[span.last + 1].lower
    return None


def _institution_votes(tokens: list[Token], found: list[Found], institutions: dict[str, str]) -> tuple[Vote, ...]:
    """The votes of the words of ``tokens`` for one country's institutions that no found name covers."""
    firsts = {key.split(maxsplit=1)[0] for key in institutions}
    if not any(t.lower in firsts for t in tokens):
        return ()  # (most articles name none: spare the look-up of the names' words)
    covered = {i for item in found for i in range(item.span.first, item.span.last + 1)}
    return institution_votes((t.lower for i, t in enumerate(tokens) if i not in covered), institutions)


_SPELT_OUT_UMLAUT = re.compile(r"(?<=[a-z])([aou])e")


def umlauts_spelt_out(key: str) -> str:
    """``key`` with German umlauts written out folded back ("kitzbuehel" → "kitzbuhel"), as the
    gazetteer's names are folded (Kitzbühel → "kitzbuhel"); "" if it has none."""
    folded = _SPELT_OUT_UMLAUT.sub(r"\1", key)
    return folded if folded != key else ""


def _is_well_known(entry: GazetteerEntry) -> bool:
    # a province, unless its towns hold fewer people than a well-known town: Slovenia's and North
    # Macedonia's municipalities are ADM1s ("Komanda" in Ituri is no spelling of Komenda, Slovenia)
    if entry.feature == "ADM1":
        return not 0 < entry.population < _WELL_KNOWN_POPULATION
    return feature_class(entry) == "PPL" and entry.population >= _WELL_KNOWN_POPULATION


_default: Geocoder | None = None
_default_lock = threading.Lock()


def default_geocoder() -> Geocoder:
    """The process's shared Geocoder (settings from the environment and thucydides.toml)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                from thucydides.config import load_settings

                _default = Geocoder(settings=load_settings())
    return _default
