"""Store records → the API's JSON, CSV and GeoJSON bodies (pure functions).

Event JSON is ``StoredEvent.to_dict()`` (output.md's EVENT plus sources, corroboration, claims,
review_state); CSV and GeoJSON go through ``thucydides.output`` so the API exports exactly what
``thucydides events --format csv|geojson`` does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from typing import TYPE_CHECKING, Any, Iterable

from thucydides.output import CSV_COLUMNS, article_to_dict, event_feature, event_to_csv_row, feature_collection, write_csv
from thucydides.store.event_json import json_text

if TYPE_CHECKING:
    from thucydides.store import EventPage, StoredArticle, StoredEvent

# the store's own columns, after output.md's (a reader keyed on ACLED's columns ignores them)
STORE_CSV_COLUMNS: tuple[str, ...] = CSV_COLUMNS + ("corroboration", "review_state", "sources")


def plain(value: Any) -> Any:
    """A JSON-ready copy of a record: dataclasses → dicts, dates → ISO strings, tuples → lists."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(item) for item in value]
    return value


def event_json(stored: StoredEvent) -> dict[str, Any]:
    data = stored.to_dict()
    # the store's own bookkeeping, for the page's "first seen / last changed" line
    data.setdefault("created_at", stored.created_at.isoformat() if stored.created_at else None)
    data.setdefault("updated_at", stored.updated_at.isoformat() if stored.updated_at else None)
    data.setdefault("conflicting", stored.conflicting)
    return data


def events_page_body(page: EventPage, *, limit: int, offset: int) -> bytes:
    """GET /events as JSON: ``{"total", "limit", "offset", "next_offset", "events"}``, the events'
    stored JSON texts joined in (byte for byte what JSONResponse would encode from the dicts)."""
    shown = len(page.events_json)
    next_offset = offset + shown if offset + shown < page.total else None
    head = json_text({"total": page.total, "limit": limit, "offset": offset, "next_offset": next_offset})
    return (head[:-1] + ',"events":[' + ",".join(page.events_json) + "]}").encode("utf-8")


def _source_names(stored: StoredEvent) -> list[str]:
    names: list[str] = []
    for source in stored.sources:
        name = source.source or source.url or source.article_id
        if name not in names:
            names.append(name)
    return names


def events_csv(events: Iterable[StoredEvent]) -> str:
    rows = []
    for stored in events:
        row = event_to_csv_row(stored.event, sources=_source_names(stored))
        row["corroboration"] = stored.corroboration
        row["review_state"] = stored.review_state
        row["sources"] = json.dumps([source.article_id for source in stored.sources])
        rows.append(row)
    buffer = io.StringIO()
    write_csv(rows, buffer, columns=STORE_CSV_COLUMNS)
    return buffer.getvalue()


def events_geojson(events: Iterable[StoredEvent]) -> dict[str, Any]:
    features = []
    for stored in events:
        data = event_json(stored)
        extra = {key: data[key] for key in ("sources", "corroboration", "claims", "review_state") if key in data}
        features.append(event_feature(stored.event, **extra))
    return feature_collection(features)


def article_json(stored: StoredArticle) -> dict[str, Any]:
    """The clean text and, per event, the evidence spans that point into it."""
    article = article_to_dict(stored.article, with_text=True)
    return {
        "article": article,
        "event_ids": list(stored.event_ids),
        "evidence": [
            {"event_id": event_id, "start": span.start, "end": span.end, "text": span.text}
            for event_id, span in stored.evidence
        ],
        "ingested_at": stored.ingested_at.isoformat() if stored.ingested_at else None,
        "updated_at": stored.updated_at.isoformat() if stored.updated_at else None,
    }
