"""Read endpoints: events (JSON, CSV, GeoJSON), one event, its audit trail, articles, control,
the review queue and the deleted-events feed. Open to anyone who can reach the server."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import JSONResponse, Response

from thucydides.model import STATUSES
from thucydides.serve.access import StoreAccess
from thucydides.serve.errors import ApiError
from thucydides.serve.shapes import article_json, event_json, events_csv, events_geojson, events_page_body, plain

router = APIRouter()

REVIEW_STATES = ("unreviewed", "accepted", "rejected", "edited")
MAX_PAGE = 10_000
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "not found, in the error shape {\"error\": {\"code\", \"message\", \"detail\"}}"},
    422: {"description": "invalid parameter, in the error shape"},
}

EventId = Annotated[str, Path(min_length=1, max_length=200, description="the event's stable id")]


# the dependencies are async (they do no I/O) so FastAPI runs them on the event loop: a sync one
# would cost a trip to the thread pool per request, the endpoint's own trip being enough
async def store_access(request: Request) -> StoreAccess:
    return request.app.state.access


Access = Annotated[StoreAccess, Depends(store_access)]


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in text.split(","))
    except ValueError:
        raise ApiError(
            422, "validation_error", f"bbox {text!r} is not four numbers",
            "give bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=60.5,29.3,75.2,38.5",
        ) from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(
            422, "validation_error", f"bbox {text!r} is not a box on the globe",
            "min_lon ≤ max_lon within ±180 and min_lat ≤ max_lat within ±90",
        )
    return (min_lon, min_lat, max_lon, max_lat)


def _one_or_many(values: list[str] | None, allowed: tuple[str, ...], name: str) -> str | tuple[str, ...] | None:
    if not values:
        return None
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise ApiError(422, "validation_error", f"unknown {name} {unknown[0]!r}", f"one of: {', '.join(allowed)}")
    return values[0] if len(values) == 1 else tuple(values)


async def event_filter(
    date_from: Annotated[dt.date | None, Query(description="first event date, YYYY-MM-DD")] = None,
    date_to: Annotated[dt.date | None, Query(description="last event date, YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(max_length=100, description="ISO alpha-2 code or name")] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    admin2: Annotated[str | None, Query(max_length=200)] = None,
    event_type: Annotated[str | None, Query(max_length=100, description="ACLED event type")] = None,
    sub_event_type: Annotated[str | None, Query(max_length=100, description="ACLED sub-event type")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="part of actor1's or actor2's name")] = None,
    status: Annotated[list[str] | None, Query(description="repeat for several: reported, claimed…")] = None,
    min_corroboration: Annotated[int | None, Query(ge=0, le=1000, description="least independent outlets")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    review_state: Annotated[list[str] | None, Query(description="unreviewed, accepted, rejected, edited")] = None,
):
    from thucydides.store import EventFilter

    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "validation_error", f"date_from {date_from} is after date_to {date_to}", "swap them")
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        country=country or None,
        admin1=admin1 or None,
        admin2=admin2 or None,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        actor=actor or None,
        status=_one_or_many(status, STATUSES, "status"),
        min_corroboration=min_corroboration,
        bbox=parse_bbox(bbox),
        review_state=_one_or_many(review_state, REVIEW_STATES, "review_state"),
    )


@router.get("/events", tags=["events"], responses=ERROR_RESPONSES)
def list_events(
    access: Access,
    filter: Annotated[Any, Depends(event_filter)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    format: Annotated[Literal["json", "csv", "geojson"], Query(description="json, csv (ACLED columns) or geojson")] = "json",
    view: Annotated[
        Literal["full", "summary"], Query(description="json: summary leaves out sources, claims, attribution, evidence")
    ] = "full",
) -> Response:
    """Events matching every given filter, newest first, one page at a time.

    JSON: ``{"total", "limit", "offset", "next_offset", "events": [EVENT + sources…]}``;
    CSV and GeoJSON carry the page's events and the total in the ``X-Total-Count`` header.
    """
    if format == "json":
        # the events' stored JSON texts, joined: nothing is decoded or encoded again
        page = access.read(lambda store: store.event_page(filter, limit=limit, offset=offset, summary=view == "summary"))
        body = events_page_body(page, limit=limit, offset=offset)
        return Response(body, media_type="application/json", headers={"X-Total-Count": str(page.total)})

    def page(store):
        return store.count_events(filter), store.events(filter, limit=limit, offset=offset)

    total, events = access.read(page)
    headers = {"X-Total-Count": str(total)}
    if format == "csv":
        return Response(
            events_csv(events),
            media_type="text/csv; charset=utf-8",
            headers={**headers, "Content-Disposition": 'attachment; filename="events.csv"'},
        )
    return JSONResponse(events_geojson(events), media_type="application/geo+json", headers=headers)


@router.get("/events/{event_id}", tags=["events"], responses=ERROR_RESPONSES)
def get_event(access: Access, event_id: EventId) -> JSONResponse:
    """One event: reconciled values, every source, each source's claims, attribution, evidence."""
    return JSONResponse(event_json(access.read(lambda store: store.event(event_id))))


@router.get("/events/{event_id}/audit", tags=["review"], responses=ERROR_RESPONSES)
def get_audit(access: Access, event_id: EventId) -> JSONResponse:
    """Who changed what and when: ingest, re-extraction and every review, oldest first."""

    def trail(store):
        entries = store.audit(event_id)
        if not entries:
            store.event(event_id)  # NotFoundError → 404 for an id the store never had
        return entries

    entries = access.read(trail)
    return JSONResponse({"event_id": event_id, "entries": plain(entries)})


@router.get("/articles/{article_id}", tags=["articles"], responses=ERROR_RESPONSES)
def get_article(
    access: Access, article_id: Annotated[str, Path(min_length=1, max_length=500)]
) -> JSONResponse:
    """The article's clean text, the events it reports and their evidence spans (offsets into it)."""
    return JSONResponse(article_json(access.read(lambda store: store.article(article_id))))


@router.get("/control", tags=["control"], responses=ERROR_RESPONSES)
def get_control(
    access: Access,
    at: Annotated[dt.date | None, Query(description="state on this date; omit for the whole timeline")] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
) -> JSONResponse:
    """Who controls which district: each unit's state on ``at``, or every change without it."""
    records = access.read(lambda store: store.control(at=at, country=country or None, admin1=admin1 or None))
    return JSONResponse({"at": at.isoformat() if at else None, "records": [record.to_dict() for record in records]})


@router.get("/review-queue", tags=["review"])
def get_review_queue(access: Access, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> JSONResponse:
    """Unreviewed events, conflicting ones first, then lowest confidence."""
    events = access.read(lambda store: store.review_queue(limit=limit))
    return JSONResponse({"events": [event_json(stored) for stored in events]})


@router.get("/deleted-events", tags=["events"], responses=ERROR_RESPONSES)
def get_deleted_events(
    access: Access,
    since: Annotated[dt.datetime | None, Query(description="ISO date or time; only deletions from then on")] = None,
) -> JSONResponse:
    """ACLED-style deleted-events feed: events that lost all their sources, when and why."""
    deleted = access.read(lambda store: store.deleted_events(since))
    return JSONResponse({"since": since.isoformat() if since else None, "events": plain(deleted)})
