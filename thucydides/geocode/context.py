"""What the whole article says: its focus countries, and each name's evidence from the others."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from thucydides.geocode.filters import is_well_known
from thucydides.geocode.gazetteer import COUNTRY_FEATURES
from thucydides.geocode.normalise import TYPE_WORDS, name_key, skeleton
from thucydides.geocode.resolve import WEIGHTS, Context, feature_class, has_seat_abroad, region_homes, without_country_aliases_of_big_cities
from thucydides.model import GazetteerEntry

if TYPE_CHECKING:
    from thucydides.geocode.mentions import Found

_UNITS = ("ADM1", "ADM2", "ADM3", "RGN")
_UNIT_DIVISOR = WEIGHTS["unit_population_divisor"]
SKELETON_MIN_SIMILARITY = 70.0
SKELETON_CLOSE_SIMILARITY = 85.0  # nearly the same spelling ("Basra", "Basrah")
_ARTICLE_WORDS = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ez", "es", "ed", "e", "i", "ye"})


def close_spellings(key: str, matches: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """geonameids of skeleton matches (geonameid, name key, country) still spelt close to ``key``.

    Vowel-less skeletons of long names collide ("Mindanao", "Mandaon"): a floor on the
    edit similarity of the full spellings keeps the transliteration variants and drops those.
    In a country whose names are written in Latin letters in the first place, a text copies
    the name rather than transliterating it: only a nearly identical spelling is the same name
    there ("Timba" is not "Timbío").
    """
    from rapidfuzz import fuzz

    bare = without_articles(key)
    best: dict[int, float] = {}
    latin: set[int] = set()
    for geonameid, other, iso in matches:
        similarity = fuzz.ratio(bare, without_articles(other))
        best[geonameid] = max(best.get(geonameid, 0.0), similarity)
        if iso in latin_script_countries():
            latin.add(geonameid)
    return sorted(
        (g, "skeleton-close" if value >= SKELETON_CLOSE_SIMILARITY else "skeleton")
        for g, value in best.items()
        if value >= (SKELETON_CLOSE_SIMILARITY if g in latin else SKELETON_MIN_SIMILARITY)
    )


@lru_cache(maxsize=1)
def latin_script_countries() -> frozenset[str]:
    """ISO codes of the countries whose place names are natively written in Latin letters."""
    text = resources.files("thucydides.geocode.data").joinpath("latin_script.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=200_000)  # the gazetteer's spellings a name is compared with recur from call to call
def without_articles(key: str) -> str:
    words = key.split()
    kept = [w for w in words if w not in _ARTICLE_WORDS and w not in TYPE_WORDS] or words
    # the diphthong "aw" before a consonant is the "o" of the other spelling ("Mawsil", "Mosul"),
    # as in the skeleton: compared letter by letter, it would be two edits
    return _DIPHTHONG_AW.sub("o", "".join(kept))


_DIPHTHONG_AW = re.compile(r"aw(?![aeiouy])")


@dataclass(frozen=True, slots=True)
class Vote:
    """What one name casts towards the article's countries (``focus_countries``)."""

    iso: str
    weight: float
    money: bool = False  # a currency's country: counted only where money counts
    striker: bool = False  # the side striking: counted only where strikers count
    also: tuple[str, ...] = ()  # a region of several countries votes for each of them alike


def country_vote(item: Found) -> Vote | None:
    """The country ``item`` votes for and how much: a named country 2, a demonym 1, a
    clear-cut other place 1 (a small one a half), a currency's country a half (counted only
    with ``money``), the side striking as any name (counted only with ``strikers``)."""
    if not item.candidates:
        return None
    if item.span.currency:
        # "500,000 Syrian pounds" names money, not a place, and no namesake is chosen by it;
        # but money told in a country's currency is weak evidence of where the story is: a
        # village spelt otherwise ("Kfarkela") is looked for there
        iso = next((e.country_iso for e, _ in item.candidates if e.feature in COUNTRY_FEATURES and e.country_iso), None)
        return Vote(iso, 0.5, money=True) if iso is not None else None
    if item.span.opener and not any(is_well_known(e) for e, _ in item.candidates):
        return None  # "Bush fires swept …": a common noun opening a sentence, or a place found elsewhere
    # "Russia shelled Kupiansk": who strikes, often from abroad, not where
    striker = item.span.striking
    # ("Salvador" names the Brazilian city, not El Salvador shortened: no vote for the country)
    candidates = without_country_aliases_of_big_cities(item.candidates)
    entries = [e for e, _ in candidates if e.country_iso is not None]
    home = _home_of_region(item, entries) if len(entries) < len(candidates) else None
    if home is not None:
        return Vote(home, 1.0, striker=striker)  # "Police in Cheshire": the English county
    shared = _homes_of_shared_region(item, entries) if len(entries) < len(candidates) else ()
    if shared:
        # "near Uri along the Line of Control": a region of a few countries is about each of
        # them a little (a share of one vote each), so a namesake there beats one far away
        return Vote(shared[0], 1.0 / len(shared), striker=striker, also=shared[1:])
    if not entries or len(entries) < len(candidates) and not item.span.demonym:
        # a continent, a sea, the Soviet Union: no country to focus on; nor for a name that is
        # also a region ("West Coast": Western Australia's alias too, in an American story)
        return None
    if item.span.kind == "ADM1" and all(feature_class(e) == "PPL" and e.population < 50_000 for e in entries):
        # "the Kokang region": a village of the name (in Indonesia) says nothing of where; a
        # city stands for its province ("the Kharkov region", "Hodeidah governorate": the
        # spelling reaches the city only)
        return None
    countries = [e for e in entries if e.feature in COUNTRY_FEATURES]
    if len({e.country_iso for e in countries}) > 1:
        return None  # "Congo" names two countries: the article's other names say which
    if countries and item.span.demonym:
        return Vote(countries[0].country_iso, 1.0, striker=striker)
    if countries:
        return Vote(countries[0].country_iso, 2.0, striker=striker)
    # the country where most people living in places of this name live; a unit counts ten
    # times smaller (its population is its towns': Birmingham the district and the city)
    by_country: Counter[str] = Counter()
    towns_in: set[int | None] | None = None  # the units the name's towns lie in, read for a large district only
    for e in entries:
        cls = feature_class(e)
        if cls == "ADM2" and e.population >= WEIGHTS["notable_population"]:
            if towns_in is None:
                towns_in = _units_holding_towns(entries)
            if e.geonameid not in towns_in and has_seat_abroad(e, entries):
                # Whitehorse: an Australian council area, and the Yukon town that is its own
                # district's seat: the name says no one country
                return None
            divisor = _UNIT_DIVISOR if e.geonameid in towns_in else 1
        else:
            divisor = _UNIT_DIVISOR if cls in _UNITS else 1
        by_country[e.country_iso] += e.population / divisor
    iso, people = by_country.most_common(1)[0]
    if people / (sum(by_country.values()) or 1) >= 0.8 or len(by_country) == 1:
        top = max((e for e in entries if e.country_iso == iso), key=lambda e: e.population)
        return Vote(iso, 1.0 if top.population >= 50_000 or feature_class(top) == "ADM1" else 0.5, striker=striker)
    return None


def _units_holding_towns(entries: list[GazetteerEntry]) -> set[int | None]:
    """The units the towns among ``entries`` lie in. A unit's population mostly counts its
    namesake town's again (Birmingham the district holds Birmingham the city), so it counts ten
    times smaller in the vote; a district of 100,000+ with no town of its name inside ("Devon",
    "Cornwall": English counties) is what its name means and counts in full, else a few small
    towns abroad named after it (Devon, Alberta; Cornwall, Ontario) would outweigh it. A
    province still counts ten times smaller (Canterbury, New Zealand is not what "the
    Archbishop of Canterbury" names)."""
    return {unit for e in entries if feature_class(e) == "PPL" for unit in (e.admin1_id, e.admin2_id)}


def _home_of_region(item: Found, entries: list[GazetteerEntry]) -> str | None:
    """The one country a region of ``data/regions.tsv`` lies in ("Cheshire", "the Lake
    District"), when its name's other places are that country's or small ones abroad: a region
    casts no vote as a place (its index row has no country), yet the news names it as lying
    there. Not where the name is also a province, a country or a city of 100,000+ abroad ("the
    Midlands" of Zimbabwe and of England); a county abroad (Berkshire County, Massachusetts)
    does not stop it."""
    regions = [region_homes().get(e.geonameid) for e, _ in item.candidates if e.country_iso is None]
    homes = [h for h in regions if h]
    if len(homes) != 1 or len(homes[0]) != 1 or len(regions) > 1:
        return None
    (home,) = homes[0]
    if any(e.country_iso != home and (feature_class(e) in ("country", "ADM1")
                                      or feature_class(e) == "PPL" and e.population >= WEIGHTS["notable_population"])
           for e in entries):
        return None
    return home


def _homes_of_shared_region(item: Found, entries: list[GazetteerEntry]) -> tuple[str, ...]:
    """The two or three countries a region of ``data/regions.tsv`` lies in ("the Line of
    Control": India and Pakistan; Patagonia), when its name is no province, country or city
    of 100,000+ (nor a region) elsewhere too; a region of many (the Gulf) says too little."""
    regions = [region_homes().get(e.geonameid) for e, _ in item.candidates if e.country_iso is None]
    if len(regions) != 1 or not regions[0] or not 2 <= len(regions[0]) <= 3:
        return ()
    homes = regions[0]
    if any(e.country_iso not in homes and (feature_class(e) in ("country", "ADM1")
                                           or feature_class(e) == "PPL" and e.population >= WEIGHTS["notable_population"])
           for e in entries):
        return ()
    return tuple(sorted(homes))


def focus_countries(found: list[Found], *, money: bool = False, strikers: bool = False,
                    said: Iterable[Vote] = ()) -> dict[str, float]:
    """The article's countries: named ones count 2, demonyms 1, clear-cut other places 1; a
    currency's ("Syrian pounds") none, or a half with ``money`` (the countries a name spelt
    otherwise is looked for in); the side striking ("Russians pound …") none, or 1 with
    ``strikers`` (where a name found nowhere else is looked for last); ``said``: the votes of
    the text's words for one country's institutions (``institution_votes``)."""
    return focus_of([*said, *(country_vote(item) for item in found)], money=money, strikers=strikers)


def institution_votes(words: Iterable[str], institutions: Mapping[str, str]) -> tuple[Vote, ...]:
    """A vote of 1 (a demonym's) for each of ``words`` (lower case) that names one country's own
    institution ("gardai", "taoiseach": Ireland), two-word ones ("lok sabha") read as pairs."""
    words = list(words)
    pairs = (f"{a} {b}" for a, b in zip(words, words[1:]))
    # a name several countries' groups go by ("al-Shabaab": Somalia's, and Mozambique's insurgents
    # as locals call them) is written "SO|MZ" and votes for each: its namesake places in either
    # country outrank one abroad (Palma, Cabo Delgado over Palma de Mallorca)
    return tuple(Vote(iso, 1.0) for w in (*words, *pairs) if w in institutions for iso in institutions[w].split("|"))


def focus_of(votes: Iterable[Vote | None], *, money: bool = False, strikers: bool = False) -> dict[str, float]:
    """The focus countries the ``votes`` of some names give, each country's weight as a share of
    the heaviest's (those under a quarter left out). The votes of an article's names are
    worked out once and summed for each set of names the geocoder asks about (its rules ask
    for the countries of all names but one, for many names in turn)."""
    weights: Counter[str] = Counter()
    for vote in votes:
        if vote is not None and (money or not vote.money) and (strikers or not vote.striker):
            for iso in (vote.iso, *vote.also):
                weights[iso] += vote.weight
    if not weights:
        return {}
    heaviest = max(weights.values())
    return {iso: round(w / heaviest, 3) for iso, w in weights.items() if w / heaviest >= 0.25}


def context_without(found: list[Found], own: tuple[str, str | None], focus: dict[str, float]) -> Context:
    """The hierarchy and proximity evidence of the mentions other than the group ``own`` (name, kind)."""
    own_skeleton = skeleton(own[0])
    named: dict[int, str] = {}
    anchors: dict[int, GazetteerEntry] = {}
    for other in found:
        # (the key first: a span's kind is worked out from its run each time it is read)
        if other.choice is None or other.span.demonym or (other.span.key == own[0] and other.span.kind == own[1]):
            continue
        entry = other.choice.entry
        if entry.feature == "ADM1":
            named[entry.geonameid] = entry.name
        elif (entry.admin1_id and entry.admin1 and skeleton(entry.admin1) == skeleton(entry.name)
              and skeleton(entry.name) != own_skeleton):
            # a provincial capital named like its province, in any spelling ("Deir ez-Zor" in
            # "Dayr az Zawr"): naming the town places its surroundings in the province; but it
            # says nothing about which of the two a mention of that same name is ("Basra province")
            named[entry.admin1_id] = entry.admin1
        # a place named like this mention is its namesake, not evidence about it ("Kharkov" the
        # city says nothing about whether "Kharkiv" is the oblast that contains it)
        # a natural feature (an island, a river) is too large and its point too rough to say
        # which of two namesakes is near it
        if (other.choice.confidence >= 0.4 and feature_class(entry) not in ("country", "region", "RGN")
                and skeleton(entry.name) != own_skeleton and skeleton(other.span.key) != own_skeleton):
            anchors[entry.geonameid] = entry
    return Context(focus=focus, named_admin1=named, anchors=tuple(anchors.values()))
