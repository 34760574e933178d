"""Results as Parquet partitions: the output of a Dask backfill.

A partition is two files, written atomically (a temporary name, then a rename, so a killed job
never leaves half a file and a reader of the folder sees whole partitions only):

    <output_dir>/articles/part-000042.parquet   one row per article (skipped ones too, with why)
    <output_dir>/events/part-000042.parquet     one row per event

The event rows carry the ACLED columns analysts filter on plus ``event``, the EVENT object of
``shared/spec/output.md`` as JSON (so nothing of the contract is lost in the flattening); the
article rows carry ``places`` the same way. Read the whole folder with
``pyarrow.dataset.dataset(output_dir / "events")`` or ``pandas.read_parquet``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Sequence

from thucydides.model import ArticleResult

ARTICLE_COLUMNS = {
    "article_id": "string",
    "title": "string",
    "url": "string",
    "published": "date32",
    "source": "string",
    "language": "string",
    "duplicate_of": "string",
    "origin": "string",
    "skipped": "string",
    "n_events": "int32",
    "n_places": "int32",
    "places": "string",
}
EVENT_COLUMNS = {
    "article_id": "string",
    "event_id": "string",
    "event_type": "string",
    "sub_event_type": "string",
    "status": "string",
    "plover_event_type": "string",
    "actor1": "string",
    "inter1": "int8",
    "actor2": "string",
    "inter2": "int8",
    "location": "string",
    "geonameid": "int64",
    "country_iso": "string",
    "country": "string",
    "admin1": "string",
    "admin2": "string",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "int8",
    "event_date": "date32",
    "time_precision": "int8",
    "fatalities": "int32",
    "confidence": "float32",
    "event": "string",
}


def _schema(columns: dict[str, str]):  # -> pyarrow.Schema (pyarrow is imported lazily)
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in columns.items()])


def article_rows(results: Sequence[ArticleResult]) -> list[dict]:
    from thucydides.output import place_to_dict

    return [
        {
            "article_id": result.article.id,
            "title": result.article.title,
            "url": result.article.url,
            "published": result.article.published,
            "source": result.article.source,
            "language": result.article.language,
            "duplicate_of": result.article.duplicate_of,
            "origin": result.article.origin,
            "skipped": result.skipped,
            "n_events": len(result.events),
            "n_places": len(result.places),
            "places": json.dumps([place_to_dict(place) for place in result.places], ensure_ascii=False),
        }
        for result in results
    ]


def event_rows(results: Sequence[ArticleResult]) -> list[dict]:
    from thucydides.output import event_to_dict

    rows = []
    for result in results:
        for event in result.events:
            location = event.location
            rows.append(
                {
                    "article_id": result.article.id,
                    "event_id": event.id,
                    "event_type": event.event_type,
                    "sub_event_type": event.sub_event_type,
                    "status": event.status,
                    "plover_event_type": event.plover.event_type,
                    "actor1": event.actor1.name if event.actor1 else None,
                    "inter1": event.actor1.inter if event.actor1 else None,
                    "actor2": event.actor2.name if event.actor2 else None,
                    "inter2": event.actor2.inter if event.actor2 else None,
                    "location": (location.name or location.text) if location else None,
                    "geonameid": location.geonameid if location else None,
                    "country_iso": location.country_iso if location else None,
                    "country": location.country if location else None,
                    "admin1": location.admin1 if location else None,
                    "admin2": location.admin2 if location else None,
                    "latitude": location.latitude if location else None,
                    "longitude": location.longitude if location else None,
                    "geo_precision": location.geo_precision if location else None,
                    "event_date": event.date.value,
                    "time_precision": event.date.precision,
                    "fatalities": event.fatalities.count,
                    "confidence": event.confidence,
                    "event": json.dumps(event_to_dict(event), ensure_ascii=False),
                }
            )
    return rows


def partition_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def write_partition(results: Sequence[ArticleResult], output_dir: str | Path, index: int) -> tuple[Path, Path]:
    """Write the articles and events of ``results`` as partition ``index``; the two paths."""
    import pyarrow as pa

    written = []
    for table_name, rows, columns in (
        ("articles", article_rows(results), ARTICLE_COLUMNS),
        ("events", event_rows(results), EVENT_COLUMNS),
    ):
        table = pa.Table.from_pylist(rows, schema=_schema(columns))
        written.append(_write_atomically(table, Path(output_dir) / table_name / partition_name(index)))
    return written[0], written[1]


def _write_atomically(table, path: Path) -> Path:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, path)
    return path
