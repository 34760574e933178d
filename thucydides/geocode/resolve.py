"""Disambiguation: which gazetteer entry a recognised name refers to, how sure, and why.

Each candidate gets a score that adds up evidence (weights in ``WEIGHTS``):

- how the name matched (its own name, an alias, an exonym, a transliteration skeleton, fuzzy);
- the article's focus countries (named, or given by demonyms and unambiguous places);
- the unit kind the text gives ("Bano district" → ADM2, "the province of Baghlan" → ADM1);
- the admin hierarchy: other places of the article lie in this province, or this place lies
  in a province the article names ("the districts of A, B in the province of Baghlan");
- proximity to the article's other resolved places;
- feature type and population priors (a country over a village of the same name).

Resolution runs twice: first with the country focus only, then with the hierarchy and
proximity of the first pass's confident results as anchors.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from thucydides.geocode.gazetteer import COUNTRY_FEATURES
from thucydides.geocode.normalise import name_key, skeleton, strip_type_words
from thucydides.model import GazetteerEntry

WEIGHTS = {
    "match": {"name": 0.0, "alias": -0.1, "exonym": 0.0, "short": -0.4, "skeleton-close": -0.3, "skeleton": -1.2, "fuzzy": -1.6},
    "feature": {"country": 3.0, "region": 3.0, "ADM1": 0.6, "ADM2": 0.0, "ADM3": 0.0, "RGN": 0.0, "PPL": 0.0},
    "population": 0.7,  # per factor of ten people
    # a unit's population is the sum of its places': it counts as if ten times smaller, so a
    # city is not outweighed by the district or province around it that bears its name
    "unit_population_divisor": 10,
    "namesake_town": 0.8,  # the town that gives its name to the unit it lies in
    "capital": 1.0,  # a national capital (PPLC) over other places of its name
    "focus": 1.5,  # times the country's share of the article's country evidence
    "outside_focus": -1.0,  # a place outside every focus country…
    "outside_focus_small": -2.5,  # …and a small one (a village abroad is rarely meant)
    "notable_population": 100_000,  # a city this big is "notable": known beyond its country
    "kind_agrees": 2.5,
    "kind_disagrees": -1.0,
    "in_named_admin1": 2.5,  # lies in a province named in the text
    "contains_others": 1.2,  # a province in which other mentioned places lie
    "near_anchor": 1.0,  # within 150 km of another resolved place
    # a city of 100,000+ that dwarfs every other town of its name (Toronto, Canada over
    # Toronto, Ohio) is what a reader takes the bare name to mean, even in an article about
    # the small one's country: only strong local evidence (a province named beside it) overrides
    "big_namesake": 2.0,
    "big_namesake_ratio": 20,
    # a city several times larger than every other town of its name (Swansea, Wales over
    # Swansea, Massachusetts) is the likelier reading when no local evidence names the small one
    "notable_namesake": 1.5,
    "notable_namesake_ratio": 6,
    # a bare name shared by a national capital and a province ("Washington", "Sanaa") means the
    # capital in the news (the seat of government); "Washington state" still gets the province
    "capital_over_unit": 1.5,
    # a bare name shared by a province and a small town elsewhere in the same country
    # ("Florida" the state, Florida a village in New York) means the province: the town's
    # hierarchy and proximity evidence (New York named nearby) does not make it the reading
    "village_under_province_name": -1.5,
}
_NAMED_PROVINCES_FULL = 2  # up to this many provinces named, each counts fully
_REGION_FEATURES = frozenset({"CONT", "OCN", "SEA", "RGN"})
_KIND_WORDS = {"PPL": "town", "ADM1": "province", "ADM2": "district", "UNIT": "unit containing another place"}


@dataclass(frozen=True, slots=True)
class Choice:
    entry: GazetteerEntry
    score: float
    confidence: float
    why: str


@dataclass(frozen=True, slots=True)
class Context:
    """What the article says that helps choose among candidates."""

    focus: Mapping[str, float]  # ISO code → share of the article's country evidence (max 1)
    named_admin1: Mapping[int, str]  # geonameid of a province the text names → its name
    anchors: tuple[GazetteerEntry, ...] = ()  # confidently resolved places (for proximity)


SPELLING_VARIANT = "spelling variant"  # in a ``why``: the name matched only by transliteration or fuzzily


def is_spelling_variant(why: str) -> bool:
    """Whether a resolution (its ``why``) rests on a spelling variant rather than the name itself."""
    head, _, detail = why.partition(": ")
    return detail.startswith(SPELLING_VARIANT) or f"; {SPELLING_VARIANT}" in detail


def feature_class(entry: GazetteerEntry) -> str:
    # (asked some 2,000 times an article, by every rule: the class is looked up by feature code)
    if entry.country_iso is None and entry.feature in _REGION_FEATURES:
        return "region"
    return _class_of_feature(entry.feature)


@lru_cache(maxsize=1024)  # GeoNames has some 700 feature codes
def _class_of_feature(feature: str) -> str:
    """The class of a feature code, for a place in a country (a region of none: ``feature_class``)."""
    if feature in COUNTRY_FEATURES:
        return "country"
    if feature.startswith("PPL"):
        return "PPL"
    return feature if feature in ("ADM1", "ADM2", "ADM3") else "RGN"


@lru_cache(maxsize=1)
def region_homes() -> dict[int, frozenset[str]]:
    """The countries each region of ``data/regions.tsv`` lies in, where it lies in one or a few
    (Cheshire, the Gulf of Mexico): its sixth column. Its index row has no country (a region
    spans units, and a sea several countries), yet the news reads such a name as being about them."""
    text = resources.files("thucydides.geocode.data").joinpath("regions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {int(row[0]): frozenset(row[5].strip().split("|")) for row in rows if len(row) > 5 and row[5].strip()}


@lru_cache(maxsize=1)
def unit_word_countries() -> dict[str, frozenset[str]]:
    """The countries that use each kind word of ``data/unit_words.tsv`` ("township": Myanmar,
    and the US, South Africa… "woreda": Ethiopia), by the word in lower case."""
    text = resources.files("thucydides.geocode.data").joinpath("unit_words.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row[0].strip(): frozenset(row[1].strip().split("|")) for row in rows}


def in_countries_of_unit_word(candidates: list[tuple[GazetteerEntry, str]], word: str) -> list[tuple[GazetteerEntry, str]]:
    """The ``candidates`` of a name written with the kind word ``word`` ("Kani township") that lie
    in a country using that kind of unit: none when none does (a Japanese Kani is no township);
    all of them when the word is not one of few countries' ("district")."""
    countries = unit_word_countries().get(word)
    if countries is None:
        return candidates
    return [(e, how) for e, how in candidates if e.country_iso in countries]


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _kind_fits(kind: str, entry_class: str) -> bool | None:
    if kind == "UNIT":  # a container: "Baghlan's Bano district", "Somalia's Bay region"
        return entry_class in ("country", "region", "ADM1", "ADM2", "ADM3", "RGN")
    if kind == "PPL":
        return entry_class == "PPL"
    if kind == "ADM1":
        # "Panjshir valley", "Sagaing region": the unit, or a region-like feature
        return entry_class in ("ADM1", "RGN", "region")
    if kind == "ADM2":
        return entry_class in ("ADM2", "ADM3")
    return None


def score(
    entry: GazetteerEntry, how: str, kind: str | None, context: Context, *, use_kind: bool = True
) -> tuple[float, list[str]]:
    """The candidate's score and the reasons that moved it (for ``why``)."""
    reasons: list[str] = []
    cls = feature_class(entry)
    if cls == "RGN" and entry.country_iso is None:
        # a major island, range, river or desert of data/regions.tsv weighs as a region: Luzon
        # the island, not a village of 3,000 named after it; Java, not a hamlet in Georgia
        cls = "region"
    total = WEIGHTS["match"].get(how, -1.0) + WEIGHTS["feature"].get(cls, 0.0)
    if how in ("skeleton", "skeleton-close", "fuzzy"):
        reasons.append(f"{SPELLING_VARIANT} ({how.split('-')[0]})")
    if entry.feature == "PPLC":
        total += WEIGHTS["capital"]
    population = entry.population
    if cls in ("ADM1", "ADM2", "ADM3", "RGN"):
        population /= WEIGHTS["unit_population_divisor"]
    total += WEIGHTS["population"] * math.log10(population + 1)
    homes = region_homes().get(entry.geonameid) if cls == "region" else None
    if homes and context.focus:
        # a region of one country or a few (Cheshire, the Gulf of Mexico) is as likely as its
        # countries' share of the article: "the Gulf" of an American story is the Gulf of Mexico
        share = max(context.focus.get(iso, 0.0) for iso in homes)
        total += WEIGHTS["focus"] * share
        if share > 0:
            reasons.append("a region of the article's countries")
    elif cls == "region" and context.focus:
        # a continent or sea spans the article's countries: it is as likely as a place in them
        total += WEIGHTS["focus"]
    elif entry.country_iso is not None and context.focus:
        share = context.focus.get(entry.country_iso, 0.0)
        if share > 0:
            total += WEIGHTS["focus"] * share
            reasons.append(f"article about {entry.country or entry.country_iso}")
        elif cls in ("country", "ADM1") or entry.population >= WEIGHTS["notable_population"]:
            total += WEIGHTS["outside_focus"]
        else:
            total += WEIGHTS["outside_focus_small"]
    if kind and use_kind:
        fits = _kind_fits(kind, cls)
        if fits:
            total += WEIGHTS["kind_agrees"]
            reasons.append(f"the text calls it a {_KIND_WORDS.get(kind, kind)}")
        elif fits is False:
            total += WEIGHTS["kind_disagrees"]
    if entry.admin1_id in context.named_admin1 and entry.admin1_id != entry.geonameid:
        # a text naming many provinces (a round-up of a national league, of a whole country's
        # unrest) says less about where each other name lies
        total += WEIGHTS["in_named_admin1"] * min(1.0, _NAMED_PROVINCES_FULL / len(context.named_admin1))
        reasons.append(f"in {context.named_admin1[entry.admin1_id]}, named in the text")
    if cls == "ADM1" and any(
        a.admin1_id == entry.geonameid and a.geonameid != entry.geonameid and skeleton(a.name) != skeleton(entry.name)
        for a in context.anchors
    ):
        total += WEIGHTS["contains_others"]
        reasons.append("other places of the article lie in it")
    if cls in ("PPL", "ADM2", "ADM3"):
        near = _near_anchor(entry, context.anchors)
        if near is not None:
            total += WEIGHTS["near_anchor"]
            reasons.append(f"near {near.name}")
    return total, reasons


def _near_anchor(entry: GazetteerEntry, anchors: tuple[GazetteerEntry, ...]) -> GazetteerEntry | None:
    """The first anchor within 150 km of ``entry``."""
    if entry.latitude is None:
        return None
    return next((
        a for a in anchors
        # 150 km is under 1.4 degrees of latitude: a cheap test before the great circle
        if a.geonameid != entry.geonameid and a.latitude is not None and abs(a.latitude - entry.latitude) < 1.4
        and distance_km(entry.latitude, entry.longitude, a.latitude, a.longitude) < 150
    ), None)


def has_local_evidence(entry: GazetteerEntry, context: Context) -> bool:
    """Whether the text supports ``entry`` beyond its country: its province is named, or another
    place of the article lies within 150 km of it."""
    return entry.admin1_id in context.named_admin1 or _near_anchor(entry, context.anchors) is not None


def _county_by_own_name(entry: GazetteerEntry, how: str) -> bool:
    """A district of 100,000+ matched by its own name, filed bare ("Surrey", "Devon"; not
    "Atlantic County" or "Bristol County", which a bare word names only by their short form)."""
    if feature_class(entry) != "ADM2" or how != "name" or entry.population < WEIGHTS["notable_population"]:
        return False
    key = name_key(entry.name)
    return strip_type_words(key) == key


def has_seat_abroad(unit: GazetteerEntry, entries: list[GazetteerEntry]) -> bool:
    """Whether a town elsewhere of ``unit``'s name is the seat of a district of that same name
    and has a tenth of ``unit``'s people or more (Whitehorse, Yukon, beside the Australian
    council area of 167,000): the district then counts like any unit, its people ten times
    fewer, not in full as a county with no town of its name does (Devon, England stays, beside
    Devon, Alberta of 6,500)."""
    districts = {e.geonameid for e in entries if feature_class(e) == "ADM2"}
    return any(feature_class(e) == "PPL" and e.country_iso != unit.country_iso and e.admin2_id in districts
               and e.population * WEIGHTS["unit_population_divisor"] >= unit.population for e in entries)


@lru_cache(maxsize=1)
def renowned_towns() -> frozenset[int]:
    """GeoNames ids of `data/renowned_towns.tsv`: towns whose bare name means them over a larger
    namesake."""
    from thucydides.geocode.build import data_rows

    return frozenset(int(row[0]) for row in data_rows("renowned_towns.tsv"))


def _with_big_namesake(scored: list, focus: Mapping[str, float]) -> list:
    """Add the big-namesake bonus to a town far larger than every other town of the name.

    The rivals measured are the towns of the article's countries, when it has any: a town abroad
    is already penalised (a Swansea in Australia is no rival to Swansea, Wales in an article
    about Britain and the United States); and with no town of the name in them, there is no
    focus to override (a British article's Surrey is the county, not the Canadian city).
    """
    towns = sorted((item for item in scored if feature_class(item[1]) == "PPL"), key=lambda item: -item[1].population)
    if len(towns) < 2:
        return scored
    renowned = [item[1] for item in towns if item[1].geonameid in renowned_towns()]
    if renowned:
        # "St Andrews", "Queenstown": a town of world renown is what the bare name means, over a
        # larger namesake (data/renowned_towns.tsv); text evidence for the other still wins
        return [(value + WEIGHTS["notable_namesake"], entry, how, reasons + ["the renowned town of its name"])
                if entry.geonameid == renowned[0].geonameid else (value, entry, how, reasons)
                for value, entry, how, reasons in scored]
    biggest = towns[0][1]
    others = [t[1] for t in towns[1:] if t[1].geonameid != biggest.geonameid]
    rivals = [t for t in others if t.country_iso in focus] if focus else others
    runner_up = rivals[0] if rivals else None
    if runner_up is None or biggest.population < WEIGHTS["notable_population"]:
        return scored
    towns_in = {unit for item in towns for unit in (item[1].admin1_id, item[1].admin2_id)}
    if any((feature_class(item[1]) == "ADM1" or (_county_by_own_name(item[1], item[2]) and item[1].geonameid not in towns_in))
           and item[1].country_iso != biggest.country_iso and item[1].population > biggest.population for item in scored):
        # a province abroad where more people live than in the town is as much what the bare
        # name means: Bali, Indonesia, not Bāli, a town of 300,000 in West Bengal; so is a
        # county with no town of its name inside (Surrey, England beside Surrey, B.C.)
        return scored
    ratio = biggest.population / max(runner_up.population, 1)
    if ratio >= WEIGHTS["big_namesake_ratio"]:
        bonus = WEIGHTS["big_namesake"]
    elif ratio >= WEIGHTS["notable_namesake_ratio"]:
        bonus = WEIGHTS["notable_namesake"]
    else:
        return scored
    return [(value + bonus, entry, how, reasons + ["by far the largest town of its name"])
            if entry.geonameid == biggest.geonameid else (value, entry, how, reasons)
            for value, entry, how, reasons in scored]


def _supported_towns(candidates: list[tuple[GazetteerEntry, str]], context: Context) -> list[tuple[str, float]]:
    """(country, focus share) of the candidate towns in a focus country that the text's places
    support (their province named, or another place within 150 km).

    Worked out once per ``choose``: asked of every candidate about every other one, it was
    quadratic in a common name's namesakes (a "Springfield" has dozens)."""
    if not context.focus:
        return []
    return [(other.country_iso, share) for other, _ in candidates
            if other.country_iso is not None and (share := context.focus.get(other.country_iso, 0.0)) > 0
            and feature_class(other) == "PPL" and has_local_evidence(other, context)]


def _outranked_by_supported_namesake(entry: GazetteerEntry, supported: list[tuple[str, float]], context: Context) -> bool:
    """Whether ``entry``, which nothing in the text supports but its country, has a namesake town
    in a country the article is at least as much about that its places support (``supported``:
    ``_supported_towns`` of the candidates)."""
    if not supported or entry.country_iso is None or not context.focus:
        return False
    share = context.focus.get(entry.country_iso, 0.0)
    return (any(iso != entry.country_iso and other_share >= max(share, 1e-9) for iso, other_share in supported)
            and not has_local_evidence(entry, context))


def _without_villages_named_like_a_province(scored: list) -> list:
    """Penalise small towns named like a province of their own country that they do not lie in."""
    provinces = {(e.country_iso, e.geonameid) for _, e, _, _ in scored if e.feature == "ADM1" and e.country_iso}
    if not provinces:
        return scored
    countries = {iso for iso, _ in provinces}

    def misleading(entry: GazetteerEntry) -> bool:
        return (feature_class(entry) == "PPL" and entry.population < WEIGHTS["notable_population"]
                and entry.country_iso in countries and (entry.country_iso, entry.admin1_id) not in provinces)

    return [(value + WEIGHTS["village_under_province_name"], entry, how, reasons) if misleading(entry)
            else (value, entry, how, reasons) for value, entry, how, reasons in scored]


_BIG_CITY = 1_000_000


def without_country_aliases_of_big_cities(candidates: list[tuple[GazetteerEntry, str]]) -> list[tuple[GazetteerEntry, str]]:
    """A name that is a city of a million's own name and only another name of a country is the
    city: "the carnival in Salvador" is Salvador da Bahia, not El Salvador shortened."""
    if not any(how == "name" and feature_class(e) == "PPL" and e.population >= _BIG_CITY for e, how in candidates):
        return candidates
    return [(e, how) for e, how in candidates if not (feature_class(e) == "country" and how != "name")]


def choose(
    candidates: list[tuple[GazetteerEntry, str]], kind: str | None, context: Context
) -> tuple[Choice | None, GazetteerEntry | None]:
    """The best candidate (None if there is none) and the best one ignoring the kind word."""
    if not candidates:
        return None, None
    candidates = without_country_aliases_of_big_cities(candidates)
    classes = {feature_class(e) for e, _ in candidates}
    if kind == "ADM2" and "ADM1" in classes and not classes & {"ADM2", "ADM3"}:
        kind = "ADM1"  # "Garissa county": Kenya's counties are its provinces; the town is not meant
    units = {e.geonameid for e, _ in candidates if feature_class(e) in ("ADM1", "ADM2", "ADM3")}
    over_unit = kind is None and any(feature_class(e) in ("ADM1", "ADM2") for e, _ in candidates)
    supported = _supported_towns(candidates, context)
    entries = [e for e, _ in candidates]
    towns_in = {unit for e, _ in candidates if feature_class(e) == "PPL" for unit in (e.admin1_id, e.admin2_id)}
    scored = []
    for entry, how in candidates:
        value, reasons = score(entry, how, kind, context)
        if _county_by_own_name(entry, how) and entry.geonameid not in towns_in and not has_seat_abroad(entry, entries):
            # a county named by its own name with no town of that name inside ("Surrey",
            # "Devon") is what its name means: its population counts in full, as in the focus
            # vote (context.py), not ten times smaller as a district that holds its namesake city
            # does; not a county filed with its kind that the bare word names ("Bristol County")
            value += WEIGHTS["population"] * math.log10(WEIGHTS["unit_population_divisor"])
        if _outranked_by_supported_namesake(entry, supported, context):
            # its standing (a capital, the namesake of its province) sets it above its province
            # and small towns alike, not above a town of the article's main country that the
            # article's places surround: Vienna, Virginia beside Fairfax County
            value -= WEIGHTS["capital"] if entry.feature == "PPLC" else 0.0
        else:
            namesake = feature_class(entry) == "PPL" and (entry.admin1_id in units or entry.admin2_id in units)
            capital = over_unit and entry.feature == "PPLC"
            # both say "the town, not the unit of its name": the larger counts, not their sum
            value += max(WEIGHTS["namesake_town"] if namesake else 0.0, WEIGHTS["capital_over_unit"] if capital else 0.0)
            reasons = reasons + ["the capital, not the province of its name"] if capital else reasons
        scored.append((value, entry, how, reasons))
    scored = _with_big_namesake(scored, context.focus)
    if kind is None:
        scored = _without_villages_named_like_a_province(scored)
    scored.sort(key=lambda item: (-item[0], -item[1].population, item[1].geonameid))
    best_value, best, how, reasons = scored[0]
    runner_up = next((s for s in scored[1:] if s[1].geonameid != best.geonameid), None)
    margin = best_value - runner_up[0] if runner_up else 4.0
    quality = {"name": 1.0, "alias": 0.95, "exonym": 0.95, "short": 0.9, "skeleton-close": 0.85, "skeleton": 0.75,
               "fuzzy": 0.65}.get(how, 0.6)
    confidence = round(quality * (1 / (1 + math.exp(-(margin + 0.5)))), 3)
    where = ", ".join(x for x in (best.admin1, best.country) if x and x != best.name)
    head = f"{best.name} ({best.feature}{', ' + where if where else ''})"
    detail = "; ".join(reasons) if reasons else ("largest of its name" if runner_up else "only place of that name")
    alternatives = f"; {len(scored) - 1} other candidate{'s' if len(scored) > 2 else ''}" if runner_up else ""
    choice = Choice(best, best_value, confidence, f"{head}: {detail}{alternatives}")
    if kind is None:
        return choice, best
    def plain_score(candidate: tuple[GazetteerEntry, str]) -> tuple[float, int]:
        entry, how = candidate
        value = score(entry, how, kind, context, use_kind=False)[0]
        if feature_class(entry) == "PPL" and (entry.admin1_id in units or entry.admin2_id in units):
            value += WEIGHTS["namesake_town"]
        return value, entry.population

    plain = max(candidates, key=plain_score)
    return choice, plain[0]
