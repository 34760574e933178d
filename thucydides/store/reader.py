"""Rows → records: an event's reports (SourceEvents), StoredEvent, StoredArticle, filters → SQL."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from dataclasses import replace
from typing import Any, Iterable, Sequence

from thucydides.errors import InputError, NotFoundError
from thucydides.model import STATUSES, Article, Attribution, Event, Evidence, GazetteerEntry, PlaceMention
from thucydides.reconcile.matching import SourceEvent
from thucydides.reconcile.merge import claim_of, independence, merged_fatalities, order_by_authority
from thucydides.store.codec import event_from_dict, parse_date, parse_timestamp
from thucydides.store.schema import fold
from thucydides.store.records import REVIEW_STATES, EventFilter, Source, StoredArticle, StoredEvent

_CHUNK = 500  # ids per IN (…) query, well under SQLite's variable limit


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def load_reports(connection: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, list[SourceEvent]]:
    """Each event's reports, oldest article first, in the order the article lists them."""
    return _load_reports(connection, "s.event_id", event_ids)


def load_source_rows(connection: sqlite3.Connection, row_ids: Sequence[int]) -> dict[str, list[SourceEvent]]:
    """The reports of the given event_sources rows, by event id."""
    return _load_reports(connection, "s.id", row_ids)


def _load_reports(connection: sqlite3.Connection, column: str, keys: Sequence[Any]) -> dict[str, list[SourceEvent]]:
    reports: dict[str, list[SourceEvent]] = defaultdict(list)
    for chunk in _chunks(list(dict.fromkeys(keys))):
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT s.id AS row_id, s.event_id, s.article_id, s.data, a.source, a.url, a.published, "
            f"a.duplicate_of, a.title FROM event_sources s JOIN articles a ON a.id = s.article_id "
            f"WHERE {column} IN ({marks}) ORDER BY a.rowid, s.position",
            tuple(chunk),
        ).fetchall()
        row_ids = [row["row_id"] for row in rows]
        links = _attributions(connection, row_ids)
        spans = _evidence(connection, row_ids)
        for row in rows:
            reports[row["event_id"]].append(
                SourceEvent(
                    event=_report_event(row["data"], links.get(row["row_id"], ()), spans.get(row["row_id"], ())),
                    article_id=row["article_id"],
                    source=row["source"],
                    url=row["url"],
                    published=parse_date(row["published"]),
                    duplicate_of=row["duplicate_of"],
                    title=row["title"],
                )
            )
    return reports


@functools.lru_cache(maxsize=2048)
def _report_event(data: str, attribution: tuple[Attribution, ...], evidence: tuple[Evidence, ...]) -> Event:
    """A report's event from its row's JSON and its own tables' rows. An event's reports are
    read again each time a new report may join it, and decoding them was most of that work: the
    same rows give an equal (immutable) Event, so it is kept."""
    decoded = json.loads(data)
    decoded["attribution"], decoded["evidence"] = [], []
    return replace(event_from_dict(decoded), attribution=attribution, evidence=evidence)


def _attributions(connection: sqlite3.Connection, row_ids: Sequence[int]) -> dict[int, tuple[Attribution, ...]]:
    found: dict[int, list[Attribution]] = defaultdict(list)
    for chunk in _chunks(row_ids):
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            f"SELECT event_source_id, speaker, role, channel, via FROM attributions "
            f"WHERE event_source_id IN ({marks}) ORDER BY event_source_id, position",
            tuple(chunk),
        ):
            found[row[0]].append(Attribution(row[1], row[2], row[3], row[4]))
    return {key: tuple(value) for key, value in found.items()}


def _evidence(connection: sqlite3.Connection, row_ids: Sequence[int]) -> dict[int, tuple[Evidence, ...]]:
    found: dict[int, list[Evidence]] = defaultdict(list)
    for chunk in _chunks(row_ids):
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            f'SELECT event_source_id, start, "end", text FROM evidence '
            f"WHERE event_source_id IN ({marks}) ORDER BY event_source_id, position",
            tuple(chunk),
        ):
            found[row[0]].append(Evidence(row[1], row[2], row[3]))
    return {key: tuple(value) for key, value in found.items()}


def sources_of(reports: Sequence[SourceEvent]) -> tuple[Source, ...]:
    """One Source per article (an article may report one event in two sentences)."""
    by_article: dict[str, list[SourceEvent]] = defaultdict(list)
    for report in reports:
        by_article[report.article_id].append(report)
    sources = []
    for article_reports in by_article.values():
        first = order_by_authority(article_reports)[0]
        fatalities, _ = merged_fatalities([r for r in article_reports if not r.denies] or article_reports)
        spans = sorted({span for r in article_reports for span in r.event.evidence}, key=lambda s: (s.start, s.end))
        sources.append(
            Source(
                article_id=first.article_id,
                url=first.url,
                source=first.source,
                published=first.published,
                status=first.event.status,
                attribution=first.event.attribution,
                fatalities=fatalities,
                evidence=tuple(spans),
                duplicate_of=first.duplicate_of,
                title=first.title,
            )
        )
    return tuple(sources)


def stored_event(row: sqlite3.Row, reports: Sequence[SourceEvent]) -> StoredEvent:
    return StoredEvent(
        event=event_from_dict(json.loads(row["data"])),
        sources=sources_of(reports),
        corroboration=row["corroboration"],
        claims=tuple(claim_of(report, counted) for report, counted in zip(reports, independence(reports))),
        review_state=row["review_state"],
        created_at=parse_timestamp(row["created_at"]),
        updated_at=parse_timestamp(row["updated_at"]),
        conflicting=bool(row["conflicting"]),
        fatalities_best=row["fatalities_best"],
    )


def stored_events(connection: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[StoredEvent]:
    reports = load_reports(connection, [row["id"] for row in rows])
    return [stored_event(row, reports.get(row["id"], [])) for row in rows]


def event_row(connection: sqlite3.Connection, event_id: str) -> sqlite3.Row:
    row = connection.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        deleted = connection.execute("SELECT deleted_at FROM deleted_events WHERE event_id = ?", (event_id,)).fetchone()
        hint = f"it was deleted at {deleted[0]} (see the deleted-events feed)" if deleted else "list events to find its id"
        raise NotFoundError(f"no event {event_id!r}", hint)
    return row


def stored_article(connection: sqlite3.Connection, article_id: str) -> StoredArticle:
    row = connection.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no article {article_id!r}", "check the id (articles are listed with their events)")
    article = Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        published=parse_date(row["published"]),
        source=row["source"],
        language=row["language"],
        duplicate_of=row["duplicate_of"],
        origin=row["origin"],
    )
    sources = connection.execute(
        "SELECT id, event_id FROM event_sources WHERE article_id = ? ORDER BY position", (article_id,)
    ).fetchall()
    spans = _evidence(connection, [source["id"] for source in sources])
    evidence = tuple((source["event_id"], span) for source in sources for span in spans.get(source["id"], ()))
    places = tuple(
        PlaceMention(
            text=place["text"],
            start=place["start"],
            end=place["end"],
            entry=None if place["geonameid"] is None else GazetteerEntry(
                geonameid=place["geonameid"], name=place["name"], feature=place["feature"],
                country_iso=place["country_iso"], country=place["country"], admin1=place["admin1"],
                admin2=place["admin2"], latitude=place["latitude"], longitude=place["longitude"],
                population=place["population"], admin1_id=place["admin1_id"], admin2_id=place["admin2_id"],
            ),
            confidence=place["confidence"],
            why=place["why"],
        )
        for place in connection.execute("SELECT * FROM places WHERE article_id = ? ORDER BY position", (article_id,))
    )
    return StoredArticle(
        article=article,
        content_hash=row["content_hash"],
        event_ids=tuple(dict.fromkeys(source["event_id"] for source in sources)),
        evidence=evidence,
        places=places,
        ingested_at=parse_timestamp(row["ingested_at"]),
        updated_at=parse_timestamp(row["updated_at"]),
    )


def _values(value: str | tuple[str, ...], name: str, allowed: Sequence[str]) -> tuple[str, ...]:
    values = (value,) if isinstance(value, str) else tuple(value)
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise InputError(f"event filter {name}", f"{unknown[0]!r} is not a {name}", f"use one of: {', '.join(allowed)}")
    return values


# newest first, undated last, then by id; the indexes of migration 0003 end in this order
ORDER = " ORDER BY event_date DESC NULLS LAST, id"


def page_sql(columns: str, event_filter: EventFilter | None, *, limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """SELECT ``columns`` of one page of the events matching ``event_filter``, in ORDER."""
    where, params = filter_sql(event_filter)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    elif offset:
        page = " LIMIT -1 OFFSET ?"
        params = [*params, int(offset)]
    return f"SELECT {columns} FROM events{where}{ORDER}{page}", params


def filter_sql(event_filter: EventFilter | None) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) of an EventFilter."""
    f = event_filter or EventFilter()
    clauses: list[str] = []
    params: list[Any] = []
    if f.date_from:
        clauses.append("event_date >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to:
        clauses.append("event_date <= ?")
        params.append(f.date_to.isoformat())
    if f.country:
        country = f.country.strip()
        if len(country) == 2:
            clauses.append("country_iso = ?")
            params.append(country.upper())
        else:
            clauses.append("country_folded = ?")
            params.append(fold(country))
    # the *_folded columns hold fold() of their column (migration 0003), so these are plain
    # indexed comparisons
    named = (("admin1", f.admin1), ("admin2", f.admin2), ("event_type", f.event_type), ("sub_event_type", f.sub_event_type))
    for column, value in named:
        if value:
            clauses.append(f"{column}_folded = ?")
            params.append(fold(value))
    if f.actor:
        pattern = "%" + (fold(f.actor) or "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(actor1_folded LIKE ? ESCAPE '\\' OR actor2_folded LIKE ? ESCAPE '\\')")
        params.extend([pattern, pattern])
    if f.status:
        values = _values(f.status, "status", STATUSES)
        clauses.append(f"status IN ({','.join('?' * len(values))})")
        params.extend(values)
    if f.review_state:
        values = _values(f.review_state, "review_state", REVIEW_STATES)
        clauses.append(f"review_state IN ({','.join('?' * len(values))})")
        params.extend(values)
    if f.min_corroboration is not None:
        clauses.append("corroboration >= ?")
        params.append(int(f.min_corroboration))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        clauses.append("latitude BETWEEN ? AND ?")
        params.extend([min_lat, max_lat])
        if min_lon <= max_lon:
            clauses.append("longitude BETWEEN ? AND ?")
        else:  # a box across the antimeridian
            clauses.append("(longitude >= ? OR longitude <= ?)")
        params.extend([min_lon, max_lon])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
