"""Each event's finished public JSON, kept in its row (``events.json``, ``events.summary_json``).

GET /events answers pages of events; building each from its rows (decode the event and its
sources, reconcile the claims, encode again) cost ~20 ms of CPU per page of 100. The texts are
therefore built once, when an event or anything it is made of changes, and a page is read and
joined. Three things keep a stored text equal to what the code would build now:

- triggers (migration 0004) set ``json`` to NULL whenever anything it is made of changes, from
  any code path;
- ``build_missing`` runs in every write transaction before it commits (``Store._write``), so a
  committed row has its current text or NULL, never a stale one;
- ``code_version()``, a hash of the code and rules that shape them, is stored beside the texts
  (``store_meta``): when the code changes, ``refresh`` (run when a store is opened for writing)
  builds every text again; until then readers see the mismatch and build the texts themselves.

Readers build any text that is NULL or from other code, so the stored texts only ever save
time; they never change an answer.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from thucydides.store import reader

if TYPE_CHECKING:
    from thucydides.store.records import StoredEvent

log = logging.getLogger(__name__)

META_KEY = "event_json_code"
_BATCH = 500
# what a list view (the page's map and table) does without: the per-source detail of GET /events/{id}
DETAIL_KEYS = ("sources", "claims", "attribution", "evidence", "plover")
_PACKAGE = Path(__file__).resolve().parents[1]
# the code an event's JSON is made by: the store and the reconcile rules, the model, the output
# module (tests/test_store_event_json.py checks that every function building the texts lives
# there). Work on the extractor, the geocoder or the web app leaves the texts alone.
SHAPING_CODE = ("__init__.py", "errors.py", "model.py", "output.py", "reconcile", "store")


def shaping_files() -> list[Path]:
    files = []
    for name in SHAPING_CODE:
        path = _PACKAGE / name
        files += sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
    return files


@functools.cache
def code_version() -> str:
    """A hash of the code (and rule files) that shape an event's JSON: any change there may
    change the texts. Whole folders count, not only the functions used: building the texts
    again costs seconds (10,000 events: ~4 s), a stale one would be a wrong answer."""
    digest = hashlib.sha256()
    for path in shaping_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def json_text(data: Any) -> str:
    """JSON as the web app writes it (Starlette's JSONResponse: no ASCII escaping, no spaces, no
    NaN), so a page joined from stored texts is byte for byte the page encoded at once."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))


def summary_dict(stored: StoredEvent) -> dict[str, Any]:
    """The event without its sources' detail, claims and evidence: a fifth of the bytes."""
    return _summary(stored.to_dict(), len(stored.sources))


def _summary(data: dict[str, Any], source_count: int) -> dict[str, Any]:
    return {**{key: value for key, value in data.items() if key not in DETAIL_KEYS}, "source_count": source_count}


def texts(stored: StoredEvent) -> tuple[str, str]:
    """(full, summary) JSON of one event."""
    data = stored.to_dict()
    return json_text(data), json_text(_summary(data, len(stored.sources)))


def stored_version(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT value FROM store_meta WHERE key = ?", (META_KEY,)).fetchone()
    return row[0] if row else None


def is_current(connection: sqlite3.Connection) -> bool:
    """Whether the stored texts were built by this code."""
    return stored_version(connection) == code_version()


def _build(connection: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    built: dict[str, tuple[str, str]] = {}
    for start in range(0, len(event_ids), _BATCH):
        chunk = event_ids[start : start + _BATCH]
        rows = connection.execute(
            f"SELECT * FROM events WHERE id IN ({','.join('?' * len(chunk))})", tuple(chunk)
        ).fetchall()
        for stored in reader.stored_events(connection, rows):
            built[stored.id] = texts(stored)
    return built


def build_missing(connection: sqlite3.Connection) -> int:
    """Build the texts that are NULL, inside the caller's write transaction; how many.
    Nothing when the stored texts belong to other code (``refresh`` rebuilds them all)."""
    if not is_current(connection):
        return 0
    event_ids = [row[0] for row in connection.execute("SELECT id FROM events WHERE json IS NULL")]
    built = _build(connection, event_ids)
    connection.executemany(
        "UPDATE events SET json = ?, summary_json = ? WHERE id = ?",
        [(full, summary, event_id) for event_id, (full, summary) in built.items()],
    )
    return len(built)


def needs_refresh(connection: sqlite3.Connection) -> bool:
    if not is_current(connection):
        return True
    return connection.execute("SELECT 1 FROM events WHERE json IS NULL LIMIT 1").fetchone() is not None


def refresh(connection: sqlite3.Connection) -> int:
    """Make every stored text current, inside the caller's write transaction; how many were
    built. After a code change (or migration 0004) that is all of them."""
    if not is_current(connection):
        connection.execute("UPDATE events SET json = NULL, summary_json = NULL WHERE json IS NOT NULL")
        connection.execute(
            "INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (META_KEY, code_version()),
        )
    built = build_missing(connection)
    if built:
        log.info("built the JSON of %d events", built)
    return built


def page_texts(connection: sqlite3.Connection, rows: Sequence[sqlite3.Row], *, summary: bool) -> list[str]:
    """The JSON of the events of ``rows`` (each with ``id`` and ``json``), in their order: the
    stored text when it is current, else built now."""
    current = is_current(connection)
    missing = [row["id"] for row in rows if not current or row["json"] is None]
    built = _build(connection, missing) if missing else {}
    pick = 1 if summary else 0
    return [built[row["id"]][pick] if row["id"] in built else row["json"] for row in rows]
