"""``add_result``: one article's result into the store, in one transaction.

Steps: decide what the article is (new, an update of a stored one, unchanged, a copy);
replace its rows; give each of its events the stored event it reports (or a new one);
re-reconcile every event it touched, deleting those left without sources; refresh the
control timeline of their districts. The caller wraps it in BEGIN IMMEDIATE … COMMIT.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import sqlite3
from dataclasses import dataclass, replace
from typing import Iterable

from thucydides.model import Article, ArticleResult, Event, PlaceMention
from thucydides.reconcile.control import is_territorial
from thucydides.reconcile.matching import (
    SourceEvent,
    date_interval,
    district_of,
    family,
    match_strength,
    normalise_place,
    same_event,
    status_class,
)
from thucydides.reconcile.merge import reconcile
from thucydides.reconcile.rules import merge_rules
from thucydides.store.codec import date_text, dumps, event_dict, event_from_dict, timestamp
from thucydides.store.duplicates import DuplicateFinder
from thucydides.store.reader import load_reports, load_source_rows
from thucydides.store.records import IngestOutcome
from thucydides.store.schema import fold
from thucydides.store.units import Touched, refresh_control, touched_by, units_of

log = logging.getLogger(__name__)

LOCKED_STATES = ("accepted", "edited")  # an analyst's values: re-extraction never overwrites them


def content_hash(article: Article) -> str:
    """Same text and publication date → same hash (the date changes what "Friday" means)."""
    return hashlib.sha256(f"{date_text(article.published)}\x00{article.text}".encode("utf-8", "surrogatepass")).hexdigest()


def new_event_id(connection: sqlite3.Connection, article_id: str, source_event_id: str) -> str:
    """Derived from the event's first report, so a re-run over the same inputs gives the same ids;
    never one that was used before (deleted events keep theirs in the feed)."""
    base = "ev-" + hashlib.sha256(f"{article_id}\x1f{source_event_id}".encode()).hexdigest()[:16]
    candidate, n = base, 1
    while connection.execute(
        "SELECT 1 FROM events WHERE id = ? UNION ALL SELECT 1 FROM deleted_events WHERE event_id = ?",
        (candidate, candidate),
    ).fetchone():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def audit(
    connection: sqlite3.Connection,
    event_id: str,
    now: dt.datetime,
    actor: str,
    action: str,
    changes: dict | None = None,
    note: str | None = None,
) -> None:
    connection.execute(
        "INSERT INTO audit (event_id, at, actor, action, changes, note) VALUES (?, ?, ?, ?, ?, ?)",
        (event_id, timestamp(now), actor, action, dumps(changes or {}), note),
    )


@dataclass
class _Existing:
    id: str
    url: str | None
    content_hash: str
    duplicate_of: str | None
    skipped: str | None


def _existing(connection: sqlite3.Connection, article: Article) -> _Existing | None:
    columns = "SELECT id, url, content_hash, duplicate_of, skipped FROM articles"
    row = None
    if article.url:
        row = connection.execute(f"{columns} WHERE url = ?", (article.url,)).fetchone()
    if row is None:
        row = connection.execute(f"{columns} WHERE id = ?", (article.id,)).fetchone()
    return _Existing(*row) if row else None


def _root(connection: sqlite3.Connection, article_id: str) -> str:
    row = connection.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row and row[0] else article_id


def stored_unchanged(
    connection: sqlite3.Connection, article: Article, *, retry_skipped: bool = True
) -> IngestOutcome | None:
    """The "unchanged" outcome when this content is stored already, else None.

    With ``retry_skipped``, an article stored as skipped (a time limit, an error) counts as not
    stored, so that a new analysis of it replaces the old rows.
    """
    digest = content_hash(article)
    existing = _existing(connection, article)
    if existing is None:
        same = connection.execute(
            "SELECT a.id, a.url, a.content_hash, a.duplicate_of, a.skipped FROM article_versions v "
            "JOIN articles a ON a.id = v.article_id WHERE v.content_hash = ? ORDER BY a.rowid LIMIT 1",
            (digest,),
        ).fetchone()
        if same is None or (same["url"] and article.url):
            return None  # new, or the same text at another URL: a copy, stored as a duplicate
        # the same text again under another name (a file re-read from stdin): nothing new
        existing = _Existing(*same)
    if existing.content_hash != digest:
        # an older version read again (a re-run over inputs holding both) is not an update
        seen = connection.execute(
            "SELECT 1 FROM article_versions WHERE article_id = ? AND content_hash = ?", (existing.id, digest)
        ).fetchone()
        if not seen:
            return None
    elif retry_skipped and existing.skipped:
        return None
    event_ids = _event_ids_of(connection, existing.id)
    return IngestOutcome(existing.id, "unchanged", existing.duplicate_of, event_ids, skipped=existing.skipped)


def add_result(
    connection: sqlite3.Connection, result: ArticleResult, *, now: dt.datetime, duplicates: DuplicateFinder
) -> IngestOutcome:
    article = result.article
    known = stored_unchanged(connection, article, retry_skipped=result.skipped is None)
    if known is not None:
        return known
    digest = content_hash(article)
    existing = _existing(connection, article)
    if existing:
        article = _with_id(article, existing.id)

    affected: dict[str, None] = {}  # event ids, in first-touched order
    emptied: list[str] = []
    if existing:
        action = "updated"
        for (event_id,) in connection.execute(
            "SELECT DISTINCT event_id FROM event_sources WHERE article_id = ? ORDER BY id", (article.id,)
        ).fetchall():
            affected[event_id] = None
            audit(connection, event_id, now, "ingest", "source_removed", {"article_id": article.id}, "the article was updated")
        connection.execute("DELETE FROM event_sources WHERE article_id = ?", (article.id,))
        emptied = [
            event_id
            for event_id in affected
            if not connection.execute("SELECT 1 FROM event_sources WHERE event_id = ? LIMIT 1", (event_id,)).fetchone()
        ]
        connection.execute("DELETE FROM places WHERE article_id = ?", (article.id,))
        signature, near = duplicates.find(connection, article.id, article.text, replacing=True)
        duplicate_of = _duplicate_of(connection, article, same_text_as=None, near=near)
        _update_article(connection, article, digest, signature, duplicate_of, result.skipped, now)
    else:
        same = connection.execute(
            "SELECT article_id FROM article_versions WHERE content_hash = ? ORDER BY rowid LIMIT 1", (digest,)
        ).fetchone()
        signature, near = duplicates.find(connection, article.id, article.text)
        duplicate_of = _duplicate_of(connection, article, same_text_as=same[0] if same else None, near=near)
        action = "duplicate" if duplicate_of else "new"
        _insert_article(connection, article, digest, signature, duplicate_of, result.skipped, now)
    _insert_places(connection, article.id, result.places)
    connection.execute(
        "INSERT OR IGNORE INTO article_versions (article_id, content_hash, seen_at) VALUES (?, ?, ?)",
        (article.id, digest, timestamp(now)),
    )

    created: list[str] = []
    seen_ids: set[str] = set()
    for position, event in enumerate(result.events):
        source_event_id = event.id if event.id not in seen_ids else f"{event.id}#{position}"
        seen_ids.add(source_event_id)
        report = SourceEvent(event, article.id, article.source, article.url, article.published, duplicate_of, article.title)
        event_id = _matching_event(connection, report, emptied)
        if event_id is None:
            event_id = new_event_id(connection, article.id, source_event_id)
            _insert_event(connection, event_id, event, now)
            audit(connection, event_id, now, "ingest", "created", {"article_id": article.id})
            created.append(event_id)
        else:
            audit(connection, event_id, now, "ingest", "source_added", {"article_id": article.id})
        _insert_source(connection, event_id, report, source_event_id, position)
        affected[event_id] = None

    updated, deleted = [], []
    touched: set[Touched] = set()
    for event_id in affected:
        change, where = refresh_event(connection, event_id, now, audit_changes=event_id not in created)
        touched |= where
        if change == "deleted":
            deleted.append(event_id)
        elif change == "updated" and event_id not in created:
            updated.append(event_id)
    refresh_control(connection, touched, now)
    return IngestOutcome(
        article_id=article.id,
        action=action,
        duplicate_of=duplicate_of,
        event_ids=_event_ids_of(connection, article.id),
        created=tuple(created),
        updated=tuple(updated),
        deleted=tuple(deleted),
        skipped=result.skipped,
    )


def _with_id(article: Article, article_id: str) -> Article:
    return article if article.id == article_id else replace(article, id=article_id)


def _duplicate_of(
    connection: sqlite3.Connection, article: Article, *, same_text_as: str | None, near: str | None
) -> str | None:
    """The original this article copies: the same text stored, a near-duplicate, or what the
    ingest stage said (``Article.duplicate_of``), if that article is stored."""
    for candidate in (same_text_as, near, article.duplicate_of):
        if candidate and candidate != article.id:
            root = _root(connection, candidate)
            if root != article.id and connection.execute("SELECT 1 FROM articles WHERE id = ?", (root,)).fetchone():
                return root
    return None


def _event_ids_of(connection: sqlite3.Connection, article_id: str) -> tuple[str, ...]:
    rows = connection.execute("SELECT event_id FROM event_sources WHERE article_id = ? ORDER BY position", (article_id,))
    return tuple(dict.fromkeys(row[0] for row in rows))


def _article_values(article: Article, digest: str, signature: bytes, duplicate_of: str | None, skipped: str | None) -> tuple:
    return (
        article.url, digest, article.title, article.text, date_text(article.published), article.source,
        article.language, article.origin, duplicate_of, signature, skipped,
    )


def _insert_article(connection, article, digest, signature, duplicate_of, skipped, now) -> None:
    connection.execute(
        "INSERT INTO articles (url, content_hash, title, text, published, source, language, origin, duplicate_of, "
        "signature, skipped, id, ingested_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (*_article_values(article, digest, signature, duplicate_of, skipped), article.id, timestamp(now), timestamp(now)),
    )


def _update_article(connection, article, digest, signature, duplicate_of, skipped, now) -> None:
    connection.execute(
        "UPDATE articles SET url = ?, content_hash = ?, title = ?, text = ?, published = ?, source = ?, language = ?, "
        "origin = ?, duplicate_of = ?, signature = ?, skipped = ?, updated_at = ? WHERE id = ?",
        (*_article_values(article, digest, signature, duplicate_of, skipped), timestamp(now), article.id),
    )


def _insert_places(connection: sqlite3.Connection, article_id: str, places: tuple[PlaceMention, ...]) -> None:
    rows = []
    for position, place in enumerate(places):
        entry = place.entry
        resolved = (None,) * 11 + (0,)
        if entry is not None:
            resolved = (
                entry.geonameid, entry.name, entry.feature, entry.country_iso, entry.country, entry.admin1,
                entry.admin2, entry.admin1_id, entry.admin2_id, entry.latitude, entry.longitude, entry.population,
            )
        rows.append((article_id, position, place.text, place.start, place.end, *resolved, place.confidence, place.why or ""))
    connection.executemany(
        'INSERT INTO places (article_id, position, text, start, "end", geonameid, name, feature, country_iso, country, '
        "admin1, admin2, admin1_id, admin2_id, latitude, longitude, population, confidence, why) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _insert_source(connection, event_id: str, report: SourceEvent, source_event_id: str, position: int) -> None:
    event = report.event
    data = event_dict(event)
    del data["attribution"], data["evidence"]  # rows of their own tables
    interval = date_interval(report)
    cursor = connection.execute(
        "INSERT INTO event_sources (event_id, article_id, source_event_id, position, status, sub_event_type, data, "
        "family, status_class, geonameid, district, place_name, date_from, date_to, match_key) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            event_id, report.article_id, source_event_id, position, event.status, event.sub_event_type, dumps(data),
            family(event.sub_event_type), status_class(event.status), *_place_keys(event),
            *((interval[0].isoformat(), interval[1].isoformat()) if interval else (None, None)),
            _match_key(event, interval),
        ),
    )
    row_id = cursor.lastrowid
    connection.executemany(
        "INSERT INTO attributions (event_source_id, position, speaker, role, channel, via) VALUES (?,?,?,?,?,?)",
        [(row_id, i, a.speaker, a.role, a.channel, a.via) for i, a in enumerate(event.attribution)],
    )
    connection.executemany(
        'INSERT INTO evidence (event_source_id, position, start, "end", text) VALUES (?,?,?,?,?)',
        [(row_id, i, e.start, e.end, e.text) for i, e in enumerate(event.evidence)],
    )


def _match_key(event: Event, interval: tuple[dt.date, dt.date] | None) -> str:
    """Reports alike in everything ``same_event`` and ``match_strength`` compare share this key,
    so that finding an event compares a new report with one of each kind, not with every copy."""
    location = event.location
    parts = (
        event.sub_event_type, status_class(event.status), *_place_keys(event),
        *((location.geo_precision, location.country_iso, location.admin1) if location else (None, None, None)),
        *((actor.name, actor.inter) if actor else (None, None) for actor in (event.actor1, event.actor2)),
        *(interval or (None, None)), event.date.value,
    )
    text = dumps([part.isoformat() if isinstance(part, dt.date) else part for part in parts])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _place_keys(event: Event) -> tuple[int | None, str | None, str | None]:
    """What two reports of one place share (``same_place`` decides): id, district, name."""
    location = event.location
    if location is None:
        return None, None, None
    return location.geonameid, district_of(location) or None, normalise_place(location.name or location.text) or None


def _matching_event(connection: sqlite3.Connection, report: SourceEvent, emptied: Iterable[str] = ()) -> str | None:
    """The stored event this report is another report of, or None (the closest of several).

    Compared with the stored reports of the same family and place around the same dates, and
    with the events in ``emptied`` (those that just lost this article's reports, when it was
    updated), whose own values stand in for their reports.
    """
    event = report.event
    if event.location is None:
        return None  # a report nobody can place cannot be told apart from others
    geonameid, district, name = _place_keys(event)
    sql = (
        "SELECT min(id) FROM event_sources WHERE family = ? AND status_class = ? "
        "AND (geonameid = ? OR district = ? OR place_name = ?)"
    )
    params: list = [family(event.sub_event_type), status_class(event.status), geonameid, district, name]
    interval = date_interval(report)
    if interval is not None:
        slack = dt.timedelta(days=max(merge_rules().slack_days.values(), default=0))
        sql += " AND (date_from IS NULL OR (date_from <= ? AND date_to >= ?))"
        params += [(interval[1] + slack).isoformat(), (interval[0] - slack).isoformat()]
    row_ids = [row[0] for row in connection.execute(sql + " GROUP BY event_id, match_key", params)]
    others: dict[str, list[SourceEvent]] = load_source_rows(connection, row_ids) if row_ids else {}
    for event_id in emptied:
        row = connection.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is not None:
            others.setdefault(event_id, []).append(SourceEvent(event_from_dict(json.loads(row[0])), ""))
    best: tuple | None = None
    for event_id, candidates in others.items():
        strengths = [match_strength(report, other) for other in candidates if same_event(report, other)]
        if strengths:
            order = connection.execute("SELECT rowid FROM events WHERE id = ?", (event_id,)).fetchone()[0]
            key = (max(strengths), -order)  # the closest; of equals, the oldest event
            if best is None or key > best[0]:
                best = (key, event_id)
    return best[1] if best else None


def event_columns(connection: sqlite3.Connection, event: Event) -> dict:
    """The ``events`` row of an event: its JSON and the columns filters and matching read."""
    location = event.location
    adm2, adm1 = units_of(connection, location)
    return {
        "family": family(event.sub_event_type),
        "status_class": status_class(event.status),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "status": event.status,
        "event_date": date_text(event.date.value),
        "time_precision": event.date.precision,
        "country_iso": location.country_iso if location else None,
        "country": location.country if location else None,
        "admin1": location.admin1 if location else None,
        "admin2": location.admin2 if location else None,
        "location_name": (location.name or location.text) if location else None,
        "geonameid": location.geonameid if location else None,
        "latitude": location.latitude if location else None,
        "longitude": location.longitude if location else None,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "fatalities": event.fatalities.count,
        "confidence": event.confidence,
        "territorial": int(is_territorial(event) and status_class(event.status) == "current"),
        "adm1_key": adm1.key if adm1 else None,
        "adm2_key": adm2.key if adm2 else None,
        "data": dumps(event_dict(event)),
        **folded_columns(event),
    }


def folded_columns(event: Event) -> dict:
    """The case- and accent-free copies filters compare with (migration 0003, reader.filter_sql)."""
    location = event.location
    return {
        "event_type_folded": fold(event.event_type),
        "sub_event_type_folded": fold(event.sub_event_type),
        "country_folded": fold(location.country) if location else None,
        "admin1_folded": fold(location.admin1) if location else None,
        "admin2_folded": fold(location.admin2) if location else None,
        "actor1_folded": fold(event.actor1.name) if event.actor1 else None,
        "actor2_folded": fold(event.actor2.name) if event.actor2 else None,
    }


def _insert_event(connection: sqlite3.Connection, event_id: str, event: Event, now: dt.datetime) -> None:
    columns = event_columns(connection, replace(event, id=event_id))
    columns.update(id=event_id, created_at=timestamp(now), updated_at=timestamp(now))
    names = ", ".join(columns)
    connection.execute(f"INSERT INTO events ({names}) VALUES ({', '.join('?' * len(columns))})", tuple(columns.values()))


def load_event(connection: sqlite3.Connection, event_id: str) -> Event:
    """The stored (reconciled, or reviewed) values of an event."""
    return event_from_dict(json.loads(connection.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()[0]))


def _changes(old: dict, new: dict) -> dict:
    return {key: [old.get(key), value] for key, value in new.items() if old.get(key) != value}


def refresh_event(
    connection: sqlite3.Connection, event_id: str, now: dt.datetime, *, audit_changes: bool = True
) -> tuple[str, set[Touched]]:
    """Re-reconcile one event from its reports: "updated", "unchanged", "deleted" or "kept"
    (reviewed, without sources); and where and when the control timeline may change."""
    row = connection.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    touched = touched_by(row)
    reports = load_reports(connection, [event_id]).get(event_id, [])
    if not reports:
        if row["review_state"] in LOCKED_STATES:
            connection.execute("UPDATE events SET corroboration = 0, updated_at = ? WHERE id = ?", (timestamp(now), event_id))
            audit(connection, event_id, now, "ingest", "kept", {}, "lost all its sources; kept because an analyst reviewed it")
            return "kept", touched
        snapshot = dict(json.loads(row["data"]), review_state=row["review_state"], created_at=row["created_at"])
        reason = "its last source article was updated and no longer reports it"
        connection.execute(
            "INSERT INTO deleted_events (event_id, deleted_at, reason, data) VALUES (?, ?, ?, ?)",
            (event_id, timestamp(now), reason, dumps(snapshot)),
        )
        connection.execute("DELETE FROM events WHERE id = ?", (event_id,))
        audit(connection, event_id, now, "ingest", "deleted", {}, reason)
        return "deleted", touched
    merged = reconcile(event_id, reports)
    locked = row["review_state"] in LOCKED_STATES
    event = load_event(connection, event_id) if locked else merged.event
    columns = event_columns(connection, event)
    columns.update(
        corroboration=merged.corroboration, conflicting=int(merged.conflicting), fatalities_best=merged.fatalities_best
    )
    before = {key: row[key] for key in columns}
    if columns == before:
        return "unchanged", touched
    changes = _changes(json.loads(row["data"]), json.loads(columns["data"]))
    for key in ("corroboration", "conflicting", "fatalities_best"):
        if before[key] != columns[key]:
            changes[key] = [before[key], columns[key]]
    columns["updated_at"] = timestamp(now)
    assignments = ", ".join(f"{name} = ?" for name in columns)
    connection.execute(f"UPDATE events SET {assignments} WHERE id = ?", (*columns.values(), event_id))
    if changes and audit_changes:
        audit(connection, event_id, now, "ingest", "updated", changes)
    return "updated", touched | touched_by(columns)
