"""The store's records: plain dataclasses the Store returns and the web app and CLI read.

They wrap the pipeline's model (``Event``, ``Article``…) with what only the store knows: which
articles report an event, how many independent outlets, each source's own claims, the analyst's
review and the history of changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from thucydides.model import Article, Attribution, Event, Evidence, Fatalities, PlaceMention
from thucydides.reconcile.control import ControlRecord, ControlSource
from thucydides.reconcile.merge import Claim

__all__ = [
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
    "StoredArticle",
    "StoredEvent",
]

ReviewAction = Literal["accept", "reject", "edit"]
ReviewState = Literal["unreviewed", "accepted", "rejected", "edited"]
REVIEW_STATES: tuple[str, ...] = ("unreviewed", "accepted", "rejected", "edited")
IngestAction = Literal["new", "updated", "unchanged", "duplicate"]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list; every field is optional and the given ones must all hold.

    ``country`` is an ISO 3166 alpha-2 code ("AF") or a country name ("Afghanistan");
    ``actor`` a case-insensitive substring of actor1's or actor2's name; ``status`` and
    ``review_state`` one value or a tuple of accepted values; ``bbox`` is
    (min_lon, min_lat, max_lon, max_lat); ``min_corroboration`` the least number of
    independent outlets.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    status: str | tuple[str, ...] | None = None
    min_corroboration: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    review_state: str | tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One article reporting an event, with what that article itself says about it.

    ``duplicate_of`` names the earlier article this one near-duplicates (a wire copy); such a
    source is listed but not counted as independent.
    """

    article_id: str
    url: str | None
    source: str | None
    published: dt.date | None
    status: str
    attribution: tuple[Attribution, ...]
    fatalities: Fatalities
    evidence: tuple[Evidence, ...]
    duplicate_of: str | None = None
    title: str | None = None

    @property
    def independent(self) -> bool:
        return self.duplicate_of is None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A reconciled event: the merged values, every source, and each source's own claims.

    ``corroboration`` is the number of independent outlets asserting it (near-duplicates and
    denials are not counted); ``conflicting`` is true when the sources disagree (a denial, or
    different sub-event types or controllers).
    """

    event: Event
    sources: tuple[Source, ...]
    corroboration: int
    claims: tuple[Claim, ...]
    review_state: str
    created_at: dt.datetime
    updated_at: dt.datetime
    conflicting: bool = False
    fatalities_best: int | None = None  # UCDP-style best estimate; low/high are in event.fatalities

    @property
    def id(self) -> str:
        return self.event.id

    def to_dict(self) -> dict[str, Any]:
        """output.md's EVENT JSON plus "sources", "corroboration", "claims", "review_state"."""
        from thucydides.store.codec import stored_event_to_dict

        return stored_event_to_dict(self)


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of GET /events: how many events match in all, and the page's events as JSON
    texts (each a ``StoredEvent.to_dict()``, or its summary), ready to be joined into a body."""

    total: int
    events_json: list[str]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored, the events it is a source of, and its evidence spans per event."""

    article: Article
    content_hash: str
    event_ids: tuple[str, ...]
    evidence: tuple[tuple[str, Evidence], ...]
    places: tuple[PlaceMention, ...] = ()
    ingested_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One timestamped change to an event: by ``actor`` ("ingest" or "reviewer:<name>")."""

    event_id: str
    at: dt.datetime
    actor: str
    action: str  # created, source_added, source_removed, updated, accepted, rejected, edited, deleted
    changes: dict[str, Any] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True, slots=True)
class DeletedEvent:
    """An event that lost all its sources (ACLED's deleted-events feed): when, why, last values."""

    event_id: str
    deleted_at: dt.datetime
    reason: str
    last: dict[str, Any]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What ``Store.add_result`` did with one article.

    ``action``: ``new``; ``updated`` (same URL or id, new content: its events were replaced);
    ``unchanged`` (same content already stored: nothing written; an article stored as skipped
    is analysed again, since a time limit or error may not recur); ``duplicate`` (a copy or
    near-copy of ``duplicate_of``: stored and linked, not counted as an independent source).
    """

    article_id: str
    action: str
    duplicate_of: str | None = None
    event_ids: tuple[str, ...] = ()
    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    skipped: str | None = None  # why the pipeline did not analyse the article, if it did not
