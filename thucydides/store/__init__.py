"""Stage 6, the store: an embedded SQLite database of articles, reconciled events, their
sources and claims, the district control timeline, reviews and the audit trail.

The public API (the CLI and the web app call only this)::

    from thucydides.store import Store, EventFilter, StoredEvent, Source, ControlRecord, ReviewAction

    with Store.open("thucydides.db") as store:          # created + migrated on first use (WAL)
        outcome = store.add_result(result)              # one ArticleResult, one transaction
        store.events(EventFilter(country="AF", date_from=date(2021, 8, 1)), limit=100, offset=0)
        store.count_events(EventFilter(...))
        store.event_page(EventFilter(...), limit=100, offset=0)   # EventPage: total + JSON texts
        store.event("ev-…")                             # StoredEvent, or NotFoundError
        store.article("seed-000")                       # StoredArticle, or NotFoundError
        store.control(at=date(2021, 8, 21), country="AF", admin1="Baghlan")  # [ControlRecord]
        store.review("ev-…", "edit", reviewer="ana", changes={"fatalities": 3}, note="per UN")
        store.review_queue(limit=50)                    # unreviewed, conflicting/low confidence first
        store.audit("ev-…")                             # [AuditEntry], oldest first
        store.deleted_events(since=None)                # [DeletedEvent], ACLED-style feed

``Store.add_result`` is idempotent (same content hash or URL → nothing changes), replaces the
events of an updated article, links near-duplicates (``duplicate_of``), merges the article's
events with the stored ones (``thucydides.reconcile``), deletes events left without sources
(listing them in ``deleted_events``) and updates the control timeline — all in one
transaction, so a process killed at any moment leaves the database consistent.

``StoredEvent.to_dict()`` is the EVENT JSON of ``shared/spec/output.md`` plus ``sources``,
``corroboration``, ``claims`` and ``review_state``. Exports: ``thucydides.store.export``.
"""

from thucydides.store.database import Store
from thucydides.store.records import (
    REVIEW_STATES,
    AuditEntry,
    Claim,
    ControlRecord,
    ControlSource,
    DeletedEvent,
    EventFilter,
    EventPage,
    IngestOutcome,
    ReviewAction,
    Source,
    StoredArticle,
    StoredEvent,
)

__all__ = [
    "REVIEW_STATES",
    "AuditEntry",
    "Claim",
    "ControlRecord",
    "ControlSource",
    "DeletedEvent",
    "EventFilter",
    "EventPage",
    "IngestOutcome",
    "ReviewAction",
    "Source",
    "Store",
    "StoredArticle",
    "StoredEvent",
]
