"""Import the full GeoNames dumps that a user downloads into a gazetteer index.

Formats (https://download.geonames.org/export/dump/readme.txt), all UTF-8, tab-separated:

    allCountries.txt / XX.txt (or the .zip holding it), 19 columns: geonameid, name, asciiname,
        alternatenames (comma-separated), latitude, longitude, feature class, feature code,
        country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code, population,
        elevation, dem, timezone, modification date
    alternateNamesV2.txt (or .zip): alternateNameId, geonameid, isolanguage, alternate name,
        isPreferredName, isShortName, isColloquial, isHistoric, from, to
    admin1CodesASCII.txt: "AF.03", name, ascii name, geonameid
    admin2Codes.txt: "AF.03.1312", name, ascii name, geonameid

Files are streamed line by line; rows go straight into the SQLite file being written and the
admin chain is joined there, so memory stays bounded whatever the dump's size. Only the
feature classes asked for are kept (default A: countries and admin units, P: populated places,
L: regions and continents, H: seas and lakes, T: valleys and mountains).
"""

from __future__ import annotations

import contextlib
import io
import logging
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from thucydides.errors import GazetteerError, InputError
from thucydides.geocode.build import _add_exonyms, data_rows, region_names
from thucydides.geocode.index_writer import IndexWriter, is_latin, keyed_names, name_keys
from thucydides.geocode.normalise import skeleton

log = logging.getLogger(__name__)

DEFAULT_FEATURE_CLASSES = "APLHT"
# alternate-name "languages" that are not names: links, codes, postcodes
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "unlc", "tcid", "fr_1793", "abbr"})
_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCLH", "PCL", "TERR"})
_BATCH_ROWS = 20_000


@contextlib.contextmanager
def open_dump(path: str | Path) -> Iterator[tuple[io.TextIOBase, int]]:
    """A text stream of a dump (.txt, or the data member of a .zip) and its size in bytes."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file", "give the path of a downloaded GeoNames file")
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise InputError(str(path), "not a readable zip file", "download it again") from None
        with archive:
            members = [m for m in archive.infolist() if m.filename.endswith(".txt") and "readme" not in m.filename.lower()
                       and "iso-languagecodes" not in m.filename.lower()]
            if not members:
                raise InputError(str(path), "holds no GeoNames .txt file", "give allCountries.zip, XX.zip or alternateNamesV2.zip")
            member = max(members, key=lambda m: m.file_size)
            with archive.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), member.file_size
        return
    with path.open(encoding="utf-8", newline="\n") as handle:
        yield handle, path.stat().st_size


def _progress(total: int, description: str) -> Callable[[int], None]:
    """An update function for a byte-count progress bar, drawn only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return lambda _: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="B", unit_scale=True, desc=description, leave=False)
    return bar.update


def _lines(stream: io.TextIOBase, source: str, total: int, description: str) -> Iterator[tuple[int, list[str]]]:
    update = _progress(total, description)
    for number, line in enumerate(stream, 1):
        update(len(line.encode("utf-8")) if total else 0)
        if not line.strip() or line.startswith("#"):
            continue
        yield number, line.rstrip("\n").split("\t")


def _codes_file(path: str | Path | None, source: str) -> Iterator[tuple[str, int]]:
    if path is None:
        return
    with open_dump(path) as (stream, total):
        for number, fields in _lines(stream, source, total, source):
            if len(fields) < 4 or not fields[3].isdigit():
                raise InputError(f"{path} line {number}", "is not 'code, name, ascii name, geonameid'", "give the GeoNames file")
            yield fields[0], int(fields[3])


def import_geonames(
    all_countries: str | Path,
    target: str | Path,
    *,
    alternate_names: str | Path | None = None,
    admin1_codes: str | Path | None = None,
    admin2_codes: str | Path | None = None,
    feature_classes: str = DEFAULT_FEATURE_CLASSES,
) -> dict[str, int]:
    """Write an index at ``target`` from the dumps; returns counts of places and names."""
    started = time.monotonic()
    writer = IndexWriter(target, source=f"geonames {Path(all_countries).name}")
    conn = writer.conn
    conn.executescript(
        "CREATE TEMP TABLE codes(geonameid INTEGER PRIMARY KEY, admin1 TEXT, admin2 TEXT);"
        "CREATE TEMP TABLE admin_code(code TEXT PRIMARY KEY, geonameid INTEGER);"
    )
    counts = {"places": 0, "names": 0, "alternate_names": 0}
    try:
        counts["places"], counts["names"] = _import_places(writer, all_countries, set(feature_classes.upper()))
        for code, geonameid in [*_codes_file(admin1_codes, "admin1"), *_codes_file(admin2_codes, "admin2")]:
            conn.execute("INSERT OR REPLACE INTO admin_code VALUES (?, ?)", (code, geonameid))
        _join_admin_chain(conn)
        if alternate_names is not None:
            counts["alternate_names"] = _import_alternate_names(writer, alternate_names)
        writer.flush()
        conn.execute("CREATE INDEX name_lookup ON name(key)")  # for the exonym lookups; rebuilt at commit
        _add_exonyms(writer)
        _add_missing_regions(writer)
        writer.commit({"seconds": f"{time.monotonic() - started:.1f}"})
    except BaseException:
        writer.abort()
        raise
    return counts


def _import_places(writer: IndexWriter, path: str | Path, classes: set[str]) -> tuple[int, int]:
    conn = writer.conn
    places = names = 0
    place_rows: list[tuple] = []
    code_rows: list[tuple] = []
    name_rows: list[tuple] = []
    skeleton_rows: list[tuple] = []

    def flush() -> None:
        conn.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", place_rows)
        conn.executemany("INSERT OR REPLACE INTO codes VALUES (?,?,?)", code_rows)
        conn.executemany("INSERT INTO name VALUES (?,?,?)", name_rows)
        conn.executemany("INSERT INTO skeleton VALUES (?,?,?,?)", skeleton_rows)
        for rows in (place_rows, code_rows, name_rows, skeleton_rows):
            rows.clear()

    display = {row[0]: row[1] for row in data_rows("country_names.tsv")}
    with open_dump(path) as (stream, total):
        for number, f in _lines(stream, str(path), total, "places"):
            if len(f) < 15 or not f[0].isdigit():
                raise InputError(f"{path} line {number}", "is not a GeoNames row of 19 tab-separated columns",
                                 "give allCountries.txt/.zip or a country's XX.txt/.zip")
            if f[6] not in classes:
                continue
            geonameid, name, ascii_name, alternates = int(f[0]), f[1], f[2], f[3]
            feature, iso = f[7] or f[6], f[8] or None
            try:
                lat, lon = float(f[4]), float(f[5])
                population = int(f[14] or 0)
            except ValueError:
                raise InputError(f"{path} line {number}", "has a malformed latitude, longitude or population", "check the file") from None
            place_rows.append((geonameid, name, feature, iso, None, None, lat, lon, population, "GeoNames point"))
            code_rows.append((geonameid, f"{iso}.{f[10]}" if iso and f[10] else None,
                              f"{iso}.{f[10]}.{f[11]}" if iso and f[10] and f[11] else None))
            if feature in _COUNTRY_CODES and iso:
                writer.add_country(iso, geonameid, display.get(iso, name))
            if feature == "ADM1" and iso and f[10]:
                conn.execute("INSERT OR IGNORE INTO admin_code VALUES (?, ?)", (f"{iso}.{f[10]}", geonameid))
            elif feature == "ADM2" and iso and f[10] and f[11]:
                conn.execute("INSERT OR IGNORE INTO admin_code VALUES (?, ?)", (f"{iso}.{f[10]}.{f[11]}", geonameid))
            spellings = [(name, "name"), (ascii_name, "name")]
            spellings += [(a, "alias") for a in alternates.split(",") if a and is_latin(a)]
            keys = keyed_names(spellings)
            name_rows.extend((k, geonameid, kind) for k, kind in keys.items())
            if iso:
                skeleton_rows.extend((s, iso, geonameid, k) for k in keys if len(s := skeleton(k)) >= 2)
            places += 1
            names += len(keys)
            writer.places = places
            if len(place_rows) >= _BATCH_ROWS:
                flush()
    flush()
    if not places:
        raise GazetteerError(f"{path} holds no place of the feature classes {''.join(sorted(classes))}",
                             "check the file and --feature-classes")
    return places, names


def _join_admin_chain(conn) -> None:
    """admin1_id/admin2_id of every place from its admin codes, inside SQLite."""
    conn.executescript(
        """
        UPDATE place SET admin1_id = (SELECT a.geonameid FROM codes c JOIN admin_code a ON a.code = c.admin1
                                      WHERE c.geonameid = place.geonameid);
        UPDATE place SET admin2_id = (SELECT a.geonameid FROM codes c JOIN admin_code a ON a.code = c.admin2
                                      WHERE c.geonameid = place.geonameid);
        UPDATE place SET admin2_id = NULL WHERE feature = 'ADM1';
        """
    )


def _import_alternate_names(writer: IndexWriter, path: str | Path) -> int:
    """Stream alternateNamesV2 into a staging table, then keep the names of imported places."""
    conn = writer.conn
    conn.execute("CREATE TEMP TABLE alt(geonameid INTEGER, key TEXT, kind TEXT, skel TEXT)")
    rows: list[tuple] = []
    count = 0
    with open_dump(path) as (stream, total):
        for number, f in _lines(stream, str(path), total, "alternate names"):
            if len(f) < 4 or not f[1].isdigit():
                raise InputError(f"{path} line {number}", "is not an alternateNamesV2 row", "give alternateNamesV2.txt/.zip")
            if f[2] in _NOT_NAMES or not is_latin(f[3]):
                continue
            for key, key_kind in name_keys(f[3]):
                rows.append((int(f[1]), key, "alias" if key_kind == "name" else "short", skeleton(key)))
            count += 1
            if len(rows) >= _BATCH_ROWS:
                conn.executemany("INSERT INTO alt VALUES (?,?,?,?)", rows)
                rows.clear()
    conn.executemany("INSERT INTO alt VALUES (?,?,?,?)", rows)
    conn.executescript(
        """
        INSERT INTO name SELECT a.key, a.geonameid, a.kind FROM alt a JOIN place p ON p.geonameid = a.geonameid;
        INSERT INTO skeleton SELECT a.skel, p.country_iso, a.geonameid, a.key FROM alt a
            JOIN place p ON p.geonameid = a.geonameid WHERE p.country_iso IS NOT NULL AND length(a.skel) >= 2;
        DROP TABLE alt;
        """
    )
    return count


def _add_missing_regions(writer: IndexWriter) -> None:
    """The package's regions (continents, seas, "Middle East"…) that the dump did not hold."""
    for row in data_rows("regions.tsv"):
        geonameid = int(row[0])
        if writer.conn.execute("SELECT 1 FROM place WHERE geonameid = ?", (geonameid,)).fetchone():
            continue
        names = region_names(row[4])
        writer.add_place((geonameid, names[0][0], row[1], None, None, None, float(row[2]), float(row[3]), 0, "regions.tsv"))
        writer.add_names(geonameid, None, names)
