"""System outputs for scoring: the JSONL of `thucydides extract --format jsonl`, read tolerantly.

The scorer reads the public JSON contract (shared/spec/output.md), not the domain objects, so
it scores exactly what users and other tools see, and can score any tool writing that shape.
Only the fields scoring needs are kept; a field that is missing reads as null.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from thucydides.errors import GoldError
from thucydides.model import ArticleResult


@dataclass(frozen=True, slots=True)
class OutputActor:
    name: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class OutputLocation:
    text: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True, slots=True)
class OutputAttribution:
    speaker: str | None
    role: str | None
    channel: str | None
    via: str | None


@dataclass(frozen=True, slots=True)
class OutputSpan:
    start: int | None
    end: int | None
    text: str | None


@dataclass(frozen=True, slots=True)
class OutputEvent:
    id: str
    event_type: str | None
    sub_event_type: str | None
    status: str | None
    actor1: OutputActor | None
    actor2: OutputActor | None
    location: OutputLocation | None
    date: str | None  # ISO date as written
    fatalities: int | None
    attribution: tuple[OutputAttribution, ...]
    evidence: tuple[OutputSpan, ...]


@dataclass(frozen=True, slots=True)
class OutputArticle:
    id: str
    url: str | None
    text: str | None  # present with --with-text: the cleaned text evidence offsets point into
    events: tuple[OutputEvent, ...]
    places: tuple[OutputLocation, ...] | None  # None: the output was written without --with-places
    origin: str


def load_outputs(path: str | Path) -> list[OutputArticle]:
    """Every line of an extract JSONL file (``-`` reads standard input), in order."""
    if str(path) == "-":
        return parse_output_lines(sys.stdin, origin="stdin")
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as lines:
            return parse_output_lines(lines, origin=str(path))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such output file", "give the JSONL written by `thucydides extract --format jsonl`") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot be read ({error})", "check the file") from None


def parse_output_lines(lines: Iterable[str], *, origin: str) -> list[OutputArticle]:
    articles: list[OutputArticle] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{origin} line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{where}: not JSON ({error.msg})", "give one JSON object per line (extract --format jsonl)") from None
        articles.append(output_from_dict(data, origin=where))
    return articles


def output_from_dict(data: Any, *, origin: str) -> OutputArticle:
    """One JSONL line: ``{"article": {"id", …, "text"?, "places"?}, "events": [EVENT…]}``."""
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise GoldError(f"{origin}: a line must be an object with an \"article\" object", "see shared/spec/output.md")
    article = data["article"]
    if article.get("id") in (None, ""):
        raise GoldError(f"{origin}: article.id is missing", "write outputs with `thucydides extract --format jsonl`")
    events = data.get("events") or []
    if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
        raise GoldError(f"{origin}: \"events\" must be a list of objects", "see shared/spec/output.md")
    # output.md puts places under article (--with-places); accept them beside it too
    places = article.get("places", data.get("places"))
    if places is not None and not isinstance(places, list):
        raise GoldError(f"{origin}: \"places\" must be a list", "see shared/spec/output.md")
    return OutputArticle(
        id=str(article["id"]),
        url=article.get("url"),
        text=article.get("text") if isinstance(article.get("text"), str) else None,
        events=tuple(_event(event, n) for n, event in enumerate(events, 1)),
        places=None if places is None else tuple(_location(p) for p in places if isinstance(p, dict)),
        origin=origin,
    )


def output_from_result(result: ArticleResult) -> OutputArticle:
    """The scored view of a pipeline result, through the same JSON shape extract writes."""
    from thucydides.output import result_to_dict

    data = result_to_dict(result, with_text=True, with_places=True)
    return output_from_dict(data, origin=f"article {result.article.id}")


def _event(raw: dict, number: int) -> OutputEvent:
    date = raw.get("date")
    fatalities = raw.get("fatalities")
    return OutputEvent(
        id=str(raw.get("id") or f"#{number}"),
        event_type=_text(raw.get("event_type")),
        sub_event_type=_text(raw.get("sub_event_type")),
        status=_text(raw.get("status")),
        actor1=_actor(raw.get("actor1")),
        actor2=_actor(raw.get("actor2")),
        location=_location(raw["location"]) if isinstance(raw.get("location"), dict) else None,
        date=_text(date.get("value") if isinstance(date, dict) else date),
        fatalities=_integer(fatalities.get("count") if isinstance(fatalities, dict) else fatalities),
        attribution=tuple(
            OutputAttribution(_text(a.get("speaker")), _text(a.get("role")), _text(a.get("channel")), _text(a.get("via")))
            for a in raw.get("attribution") or []
            if isinstance(a, dict)
        ),
        evidence=tuple(
            OutputSpan(_integer(e.get("start")), _integer(e.get("end")), _text(e.get("text")))
            for e in raw.get("evidence") or []
            if isinstance(e, dict)
        ),
    )


def _actor(raw: Any) -> OutputActor | None:
    if isinstance(raw, str):
        return OutputActor(raw, None)
    if not isinstance(raw, dict) or (raw.get("name") is None and raw.get("text") is None):
        return None
    return OutputActor(_text(raw.get("name")), _text(raw.get("text")))


def _location(raw: dict) -> OutputLocation:
    return OutputLocation(_text(raw.get("text")), _integer(raw.get("geonameid")), _number(raw.get("latitude")), _number(raw.get("longitude")))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)
