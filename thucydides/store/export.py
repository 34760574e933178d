"""Exports of the stored events and the control timeline: CSV, JSONL, GeoJSON, Parquet.

Field layouts come from ``thucydides.output`` (the same EVENT JSON, ACLED CSV columns and
GeoJSON features as ``thucydides extract``), plus what the store adds: sources,
corroboration, claims and review state.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable

from thucydides.reconcile.control import ControlRecord
from thucydides.store.codec import dumps, public_event_dict
from thucydides.store.records import StoredEvent

EVENT_FORMATS = ("csv", "jsonl", "geojson", "parquet")
CONTROL_FORMATS = ("jsonl", "csv", "geojson")
STORE_CSV_COLUMNS = ("corroboration", "review_state", "event_sources")
CONTROL_CSV_COLUMNS = (
    "geonameid", "name", "level", "admin1", "country_iso", "date", "state", "controller", "basis",
    "event_ids", "sources", "latitude", "longitude",
)


def outlet_names(stored: StoredEvent) -> list[str]:
    """The independent outlets reporting the event (ACLED's "source" column), in first-seen order."""
    counted = {claim.article_id for claim in stored.claims if claim.independent}
    names: dict[str, None] = {}
    for source in stored.sources:
        if source.article_id in counted:
            names[source.source or source.url or source.article_id] = None
    return list(names)


def event_csv_row(stored: StoredEvent) -> dict[str, Any]:
    from thucydides.output import event_to_csv_row

    row = event_to_csv_row(stored.event, sources=outlet_names(stored))
    row["corroboration"] = stored.corroboration
    row["review_state"] = stored.review_state
    row["event_sources"] = len(stored.sources)
    return row


def write_events_csv(events: Iterable[StoredEvent], stream: IO[str]) -> int:
    from thucydides.output import CSV_COLUMNS

    writer = csv.DictWriter(stream, fieldnames=[*CSV_COLUMNS, *STORE_CSV_COLUMNS], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for stored in events:
        writer.writerow(event_csv_row(stored))
        count += 1
    return count


def write_events_jsonl(events: Iterable[StoredEvent], stream: IO[str]) -> int:
    count = 0
    for stored in events:
        stream.write(json.dumps(stored.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count


def write_events_geojson(events: Iterable[StoredEvent], stream: IO[str]) -> int:
    """A FeatureCollection, written feature by feature (an export can be large)."""
    from thucydides.output import event_feature

    count = 0
    stream.write('{"type":"FeatureCollection","features":[')
    for stored in events:
        data = stored.to_dict()
        extra = {key: data[key] for key in ("sources", "corroboration", "claims", "conflicting", "review_state")}
        feature = json.dumps(event_feature(stored.event, **extra), ensure_ascii=False, separators=(",", ":"))
        stream.write(("," if count else "") + feature)
        count += 1
    stream.write("]}\n")
    return count


def _parquet_schema():
    import pyarrow as pa

    return pa.schema([
        ("event_id", pa.string()), ("event_date", pa.date32()), ("time_precision", pa.int8()),
        ("event_type", pa.string()), ("sub_event_type", pa.string()), ("status", pa.string()),
        ("actor1", pa.string()), ("inter1", pa.int8()), ("actor2", pa.string()), ("inter2", pa.int8()),
        ("country_iso", pa.string()), ("country", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()),
        ("location", pa.string()), ("geonameid", pa.int64()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("geo_precision", pa.int8()), ("fatalities", pa.int32()), ("fatalities_low", pa.int32()),
        ("fatalities_high", pa.int32()), ("fatalities_best", pa.int32()), ("fatalities_text", pa.string()),
        ("confidence", pa.float64()), ("corroboration", pa.int32()), ("conflicting", pa.bool_()),
        ("review_state", pa.string()), ("source", pa.string()), ("sources_json", pa.string()),
        ("claims_json", pa.string()), ("event_json", pa.string()),
    ])


def _parquet_row(stored: StoredEvent) -> dict[str, Any]:
    event, location = stored.event, stored.event.location
    data = stored.to_dict()
    return {
        "event_id": event.id, "event_date": event.date.value, "time_precision": event.date.precision,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type, "status": event.status,
        "actor1": event.actor1.name if event.actor1 else None, "inter1": event.actor1.inter if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None, "inter2": event.actor2.inter if event.actor2 else None,
        "country_iso": location.country_iso if location else None, "country": location.country if location else None,
        "admin1": location.admin1 if location else None, "admin2": location.admin2 if location else None,
        "location": (location.name or location.text) if location else None,
        "geonameid": location.geonameid if location else None,
        "latitude": location.latitude if location else None, "longitude": location.longitude if location else None,
        "geo_precision": location.geo_precision if location else None,
        "fatalities": event.fatalities.count, "fatalities_low": event.fatalities.low,
        "fatalities_high": event.fatalities.high, "fatalities_best": stored.fatalities_best,
        "fatalities_text": event.fatalities.text, "confidence": event.confidence,
        "corroboration": stored.corroboration, "conflicting": stored.conflicting, "review_state": stored.review_state,
        "source": "; ".join(outlet_names(stored)), "sources_json": dumps(data["sources"]),
        "claims_json": dumps(data["claims"]), "event_json": dumps(public_event_dict(event)),
    }


def write_events_parquet(events: Iterable[StoredEvent], stream: IO[bytes], *, batch_size: int = 5000) -> int:
    """Typed columns (dates, numbers) plus the sources, claims and EVENT JSON as text columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count, rows = 0, []
    with pq.ParquetWriter(stream, schema) as writer:
        for stored in events:
            rows.append(_parquet_row(stored))
            count += 1
            if len(rows) >= batch_size:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return count


def write_events(events: Iterable[StoredEvent], format: str, stream: IO) -> int:
    """Write ``events`` in ``format`` (a text stream; a binary one for parquet); returns the count."""
    writers = {
        "csv": write_events_csv,
        "jsonl": write_events_jsonl,
        "geojson": write_events_geojson,
        "parquet": write_events_parquet,
    }
    return writers[format](events, stream)


def _who_says(source) -> str:
    """"Outlet (status, speaker)": one report behind a control state, for a CSV cell."""
    speaker = f", {source.speaker}" if source.speaker else ""
    return f"{source.source or source.url or source.article_id} ({source.status}{speaker})"


def control_csv_row(record: ControlRecord) -> dict[str, Any]:
    data = record.to_dict()
    data["event_ids"] = "; ".join(record.event_ids)
    data["sources"] = "; ".join(dict.fromkeys(_who_says(source) for source in record.sources))
    return data


def write_control(records: Iterable[ControlRecord], format: str, stream: IO[str]) -> int:
    records = list(records)
    if format == "jsonl":
        for record in records:
            stream.write(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
    elif format == "csv":
        writer = csv.DictWriter(stream, fieldnames=CONTROL_CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(control_csv_row(record) for record in records)
    elif format == "geojson":
        features = [
            {
                "type": "Feature",
                "id": f"{record.unit_key}@{record.date.isoformat() if record.date else ''}",
                "geometry": None if record.latitude is None or record.longitude is None
                else {"type": "Point", "coordinates": [record.longitude, record.latitude]},
                "properties": record.to_dict(),
            }
            for record in records
        ]
        stream.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n")
    else:
        raise KeyError(format)
    return len(records)
