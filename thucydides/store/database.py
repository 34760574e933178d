"""The Store: one SQLite file (WAL), one connection per Store; every write is one transaction.

A Store may be shared by threads (the web app): a lock serialises its use of the connection.
Several processes may open one file: writers queue on SQLite's lock (busy_timeout), readers
never wait (WAL).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Iterator, Sequence

from thucydides.errors import NotFoundError, StoreError
from thucydides.model import Article, ArticleResult
from thucydides.reconcile.control import ControlRecord, ControlSource, state_at
from thucydides.store import event_json, reader, review as review_module, writer
from thucydides.store.codec import parse_date, parse_timestamp, timestamp, utc_now
from thucydides.store.duplicates import DuplicateFinder
from thucydides.store.records import (
    AuditEntry,
    DeletedEvent,
    EventFilter,
    EventPage,
    IngestOutcome,
    ReviewAction,
    StoredArticle,
    StoredEvent,
)
from thucydides.store.schema import open_database

log = logging.getLogger(__name__)


class Store:
    """Articles, reconciled events, sources, claims, control timeline, reviews and audit."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
        """Use ``Store.open``."""
        connection.row_factory = sqlite3.Row
        self._connection: sqlite3.Connection | None = connection
        self.path = path
        self.readonly = readonly
        self._lock = threading.RLock()
        self._duplicates = DuplicateFinder()

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Store:
        """Open (creating and migrating on first use) the database at ``path``.

        ``readonly`` opens an existing file without writing (StoreError when it is missing or
        its schema is older than this code's). Raises StoreError with a fix when the file
        cannot be opened, is not a Thucydides database or is newer than this code.
        """
        path = Path(path)
        store = cls(open_database(path, readonly=readonly), path, readonly=readonly)
        if not readonly:
            try:
                with store._read() as connection:
                    stale = event_json.needs_refresh(connection)
                if stale:
                    with store._write() as connection:
                        event_json.refresh(connection)
            except BaseException:
                store.close()
                raise
        return store

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise StoreError(f"the store {self.path} is closed", "open it again with Store.open")
        return self._connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is in the file, or none of it."""
        if self.readonly:
            raise StoreError(f"the store {self.path} is open read-only", "open it without readonly to write")
        with self._lock:
            connection = self.connection
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise StoreError(
                    f"cannot write to {self.path}: {error}", "wait for the other writer, or check the file's permissions"
                ) from None
            try:
                yield connection
                # the JSON of every event this transaction changed, before anyone can read it
                event_json.build_missing(connection)
                connection.execute("COMMIT")
            except BaseException as error:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                self._duplicates.invalidate()  # it may hold an article that was not committed
                if isinstance(error, sqlite3.Error):
                    raise StoreError(
                        f"cannot write to {self.path}: {error}", "check the disk and the file, then run again"
                    ) from None
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for a read of several queries."""
        with self._lock:
            connection = self.connection
            connection.execute("BEGIN")
            try:
                yield connection
            except sqlite3.Error as error:
                raise StoreError(f"cannot read {self.path}: {error}", "check that it is a Thucydides database") from None
            finally:
                if connection.in_transaction:
                    connection.execute("COMMIT")

    # --- writing -------------------------------------------------------------------------------

    def add_result(self, result: ArticleResult, *, ingested_at: dt.datetime | None = None) -> IngestOutcome:
        """Store one article's result and reconcile its events with the stored ones, atomically.

        Idempotent on the article's content hash and URL (or id); an updated article replaces
        its events; a near-duplicate is linked (``duplicate_of``) and not counted as an
        independent source; events left without sources are deleted and listed in
        ``deleted_events``; the control timeline of the touched districts is recomputed.
        """
        now = ingested_at or utc_now()
        with self._write() as connection:
            outcome = writer.add_result(connection, result, now=now, duplicates=self._duplicates)
        log.debug("article %s: %s, events %s", outcome.article_id, outcome.action, outcome.event_ids)
        return outcome

    def add_results(
        self, results: Sequence[ArticleResult], *, ingested_at: dt.datetime | None = None
    ) -> list[IngestOutcome]:
        """``add_result`` of each result, in order, in one transaction: the same rows, for less
        work (one commit, and the JSON of an event several of them touch built once).

        If one of them fails, the whole transaction is rolled back and the results are stored
        again one transaction each, so that the error is raised by its own article, after the
        ones before it are stored — as a loop of ``add_result`` would.
        """
        try:
            with self._write() as connection:
                outcomes = [
                    writer.add_result(connection, result, now=ingested_at or utc_now(), duplicates=self._duplicates)
                    for result in results
                ]
        except Exception:  # noqa: BLE001 — raised again below, by the article that causes it
            if len(results) < 2:
                raise
            return [self.add_result(result, ingested_at=ingested_at) for result in results]
        for outcome in outcomes:
            log.debug("article %s: %s, events %s", outcome.article_id, outcome.action, outcome.event_ids)
        return outcomes

    def unchanged(self, article: Article) -> IngestOutcome | None:
        """The "unchanged" outcome when ``article``'s content is stored already (and was
        analysed), else None: the caller need not analyse it again (``thucydides ingest``'s re-runs)."""
        with self._read() as connection:
            return writer.stored_unchanged(connection, article)

    def review(
        self,
        event_id: str,
        action: ReviewAction,
        *,
        reviewer: str,
        changes: dict | None = None,
        note: str | None = None,
    ) -> StoredEvent:
        """Record an analyst's decision and return the event as it now is.

        accept: keep the values, never overwritten by re-extraction; reject: hide from the
        review queue and the control timeline (``EventFilter(review_state=…)`` still finds it);
        edit: apply ``changes`` (fields: event_type, sub_event_type, status, actor1, actor2,
        location, date, fatalities, confidence; see docs/store.md) and keep them. Audited.
        """
        with self._write() as connection:
            review_module.review(
                connection, event_id, action, reviewer=reviewer, changes=changes, note=note, now=utc_now()
            )
        return self.event(event_id)

    # --- reading -------------------------------------------------------------------------------

    def events(self, filter: EventFilter | None = None, *, limit: int | None = 100, offset: int = 0) -> list[StoredEvent]:
        """Events matching ``filter``, newest date first (undated last), then by id.
        ``limit=None`` returns all of them."""
        sql, params = reader.page_sql("*", filter, limit=limit, offset=offset)
        with self._read() as connection:
            return reader.stored_events(connection, connection.execute(sql, params).fetchall())

    def event_page(
        self, filter: EventFilter | None = None, *, limit: int = 100, offset: int = 0, summary: bool = False
    ) -> EventPage:
        """The total matching ``filter`` and one page of ``events``' order as JSON texts
        (``StoredEvent.to_dict()``, or its summary without the sources' detail), read from one
        snapshot. The texts are stored with the events (``event_json``): nothing is decoded."""
        column = "summary_json" if summary else "json"
        sql, params = reader.page_sql(f"id, {column} AS json", filter, limit=limit, offset=offset)
        where, count_params = reader.filter_sql(filter)
        with self._read() as connection:
            total = connection.execute(f"SELECT count(*) FROM events{where}", count_params).fetchone()[0]
            rows = connection.execute(sql, params).fetchall()
            return EventPage(total=total, events_json=event_json.page_texts(connection, rows, summary=summary))

    def iter_events(self, filter: EventFilter | None = None, *, batch_size: int = 500) -> Iterator[StoredEvent]:
        """All events matching ``filter`` in ``events``' order, loaded a batch at a time (exports)."""
        offset = 0
        while True:
            batch = self.events(filter, limit=batch_size, offset=offset)
            yield from batch
            if len(batch) < batch_size:
                return
            offset += batch_size

    def count_events(self, filter: EventFilter | None = None) -> int:
        """How many events match ``filter``."""
        where, params = reader.filter_sql(filter)
        with self._read() as connection:
            return connection.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]

    def event(self, event_id: str) -> StoredEvent:
        """One event with its sources and claims; NotFoundError when there is none."""
        with self._read() as connection:
            return reader.stored_events(connection, [reader.event_row(connection, event_id)])[0]

    def article(self, article_id: str) -> StoredArticle:
        """One stored article with its event ids, evidence and places; NotFoundError when there is none."""
        with self._read() as connection:
            return reader.stored_article(connection, article_id)

    def control(
        self, *, at: dt.date | None = None, country: str | None = None, admin1: str | None = None
    ) -> list[ControlRecord]:
        """The control timeline: every record, provinces then districts, each unit by date.
        With ``at``, each unit's state on that date (its latest record on or before it).
        ``country`` is an ISO alpha-2 code; ``admin1`` a province name (case-insensitive)."""
        clauses, params = [], []
        if country:
            clauses.append("upper(country_iso) = upper(?)")
            params.append(country.strip())
        if admin1:
            clauses.append("fold(admin1) = fold(?)")
            params.append(admin1.strip())
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        with self._read() as connection:
            rows = connection.execute(
                f"SELECT * FROM control_states{where} ORDER BY level = 'ADM2', country_iso, admin1, name, unit_key, date",
                params,
            ).fetchall()
        records = [_control_record(row) for row in rows]
        return state_at(records, at) if at is not None else records

    def review_queue(self, *, limit: int = 50) -> list[StoredEvent]:
        """Unreviewed current events, conflicting ones first, then lowest confidence, then newest."""
        with self._read() as connection:
            rows = connection.execute(
                "SELECT * FROM events WHERE review_state = 'unreviewed' AND status_class = 'current' "
                "ORDER BY conflicting DESC, confidence ASC, event_date DESC NULLS LAST, id LIMIT ?",
                (int(limit),),
            ).fetchall()
            return reader.stored_events(connection, rows)

    def audit(self, event_id: str) -> list[AuditEntry]:
        """Every change to the event, oldest first (also for a deleted event)."""
        with self._read() as connection:
            rows = connection.execute("SELECT * FROM audit WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()
        if not rows:
            raise NotFoundError(f"no event {event_id!r}", "list events to find its id")
        return [
            AuditEntry(
                event_id=row["event_id"],
                at=parse_timestamp(row["at"]),
                actor=row["actor"],
                action=row["action"],
                changes=json.loads(row["changes"]),
                note=row["note"],
            )
            for row in rows
        ]

    def deleted_events(self, since: dt.datetime | dt.date | None = None) -> list[DeletedEvent]:
        """Events deleted (on or after ``since``), oldest first, with time, reason and last values."""
        sql, params = "SELECT * FROM deleted_events", []
        if since is not None:
            if not isinstance(since, dt.datetime):
                since = dt.datetime.combine(since, dt.time(), tzinfo=dt.timezone.utc)
            sql += " WHERE deleted_at >= ?"
            params.append(timestamp(since))
        with self._read() as connection:
            rows = connection.execute(sql + " ORDER BY deleted_at, event_id", params).fetchall()
        return [
            DeletedEvent(row["event_id"], parse_timestamp(row["deleted_at"]), row["reason"], json.loads(row["data"]))
            for row in rows
        ]

    def counts(self) -> dict[str, int]:
        """How many articles, events, sources, control records and deleted events are stored."""
        tables = ("articles", "events", "event_sources", "control_states", "deleted_events")
        with self._read() as connection:
            return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}


def _control_record(row: sqlite3.Row) -> ControlRecord:
    sources = tuple(
        ControlSource(
            s["article_id"], s["source"], s["url"], s["status"], s["speaker"], s["event_id"], s.get("independent", True)
        )
        for s in json.loads(row["sources"])
    )
    return ControlRecord(
        geonameid=row["geonameid"],
        name=row["name"],
        level=row["level"],
        admin1=row["admin1"],
        country_iso=row["country_iso"],
        date=parse_date(row["date"]),
        state=row["state"],
        controller=row["controller"],
        basis=row["basis"],
        event_ids=tuple(json.loads(row["event_ids"])),
        sources=sources,
        latitude=row["latitude"],
        longitude=row["longitude"],
        unit_key=row["unit_key"],
        direct=bool(row["direct"]),
    )
