"""Write endpoints: an analyst's review of an event, and ingesting one article.

Both need ``Authorization: Bearer <token>`` and a JSON body; ``GuardMiddleware`` enforces that for
every write before a route runs, and the ``write_token`` dependency checks it again here (and
documents it in OpenAPI), so a route cannot be reached without it even if the app is re-wired.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.responses import JSONResponse

from thucydides.serve.api_read import ERROR_RESPONSES, Access, EventId
from thucydides.serve.security import check_bearer
from thucydides.serve.shapes import event_json, plain

log = logging.getLogger(__name__)

bearer = HTTPBearer(auto_error=False, description="the server's write token (THUCYDIDES_TOKEN)")

WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    401: {"description": "no token sent (error shape)"},
    403: {"description": "wrong token, or the server has none configured (error shape)"},
    413: {"description": "body over the size limit (error shape)"},
    415: {"description": "body not application/json (error shape)"},
}

# spaCy and the gazetteer are loaded once per process and shared; one article at a time keeps
# the 2-core budget for the readers and avoids concurrent use of one nlp object
_pipeline_lock = threading.Lock()


def write_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
) -> None:
    check_bearer(request.headers.get("authorization"), request.app.state.token)


router = APIRouter(dependencies=[Depends(write_token)], responses=WRITE_RESPONSES)


class ReviewRequest(BaseModel):
    """An analyst's decision on one event."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["accept", "reject", "edit"]
    changes: dict[str, Any] | None = Field(
        None, description="edit only: the fields to change, e.g. {\"fatalities\": 3, \"sub_event_type\": \"Armed clash\"}"
    )
    note: str | None = Field(None, max_length=4000, description="why, for the audit trail")
    reviewer: str = Field("analyst", min_length=1, max_length=100, description="who decides (audit trail)")

    @model_validator(mode="after")
    def _changes_match_action(self) -> ReviewRequest:
        if self.action == "edit" and not self.changes:
            raise ValueError("an edit needs 'changes': the fields to change and their new values")
        if self.action != "edit" and self.changes:
            raise ValueError(f"'changes' belong to an edit, not to {self.action!r}")
        return self


class ArticleRequest(BaseModel):
    """One article to ingest, as one line of the JSONL input format (output.md)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text; the first line is not taken as a title")
    html: str | None = Field(None, description="a web page, instead of text")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    published: dt.date | None = Field(None, description="publication date; relative dates resolve against it")
    source: str | None = Field(None, max_length=500, description="the outlet")
    id: str | None = Field(None, max_length=200, description="your id; default: derived from URL or text")

    @model_validator(mode="after")
    def _text_or_html(self) -> ArticleRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self


@router.post("/events/{event_id}/review", tags=["review"])
def review_event(request: Request, access: Access, event_id: EventId, review: ReviewRequest) -> JSONResponse:
    """Accept, reject or edit an event. Reviewed values are kept when articles are re-extracted;
    every decision is in ``GET /events/{id}/audit``."""
    stored = access.write(
        lambda store: store.review(
            event_id, review.action, reviewer=review.reviewer, changes=review.changes, note=review.note
        )
    )
    log.info("event %s: %s by %s", event_id, review.action, review.reviewer)
    return JSONResponse(event_json(stored))


def _article_from_request(body: ArticleRequest, *, settings) -> Any:
    """The Article the ingest stage makes of this body: the same reader as a JSONL input line."""
    from thucydides.ingest.articles import article_from_record

    record = body.model_dump(exclude_none=True)
    if body.published is not None:
        record["published"] = body.published.isoformat()
    return article_from_record(record, "POST /articles", max_bytes=settings.max_article_bytes)


@router.post("/articles", tags=["articles"], status_code=201)
def ingest_article(request: Request, access: Access, body: ArticleRequest) -> JSONResponse:
    """Ingest one article: clean it, extract its events, store and reconcile them; returns what the
    store did with it and the article's events as stored."""
    from thucydides.runner import process_stream

    settings = request.app.state.settings
    article = _article_from_request(body, settings=settings)
    # the runner, as `thucydides ingest` uses it: same prefilter, limits and extraction
    with _pipeline_lock:
        [result] = list(process_stream([article], settings=settings, progress=False))

    def store_and_read(store):
        outcome = store.add_result(result)
        events = [store.event(event_id) for event_id in outcome.event_ids]
        return outcome, events

    outcome, events = access.write(store_and_read)
    log.info("article %s: %s, %d events", outcome.article_id, outcome.action, len(events))
    return JSONResponse(
        {"outcome": plain(outcome), "events": [event_json(stored) for stored in events]},
        status_code=201 if outcome.action in ("new", "updated", "duplicate") else 200,
    )
