"""Gold files for scoring: typed items read from shared/gold's one format (see its README).

An item has ``article`` (id, ``text`` or ``file``, published), ``events`` (gold events, some
optional), ``not_current_events`` (passages that must not become a current event) and
optionally ``places`` (every toponym with GeoNames ids and a point). A file holds one item or a
list of items; a folder is read recursively. ``article.file`` is relative to the gold root's
parent (seed.json says ``seeds/000_….txt`` from ``shared/gold/``), so it is looked up in each
folder above the gold file in turn.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.errors import GoldError

log = logging.getLogger(__name__)

DEFAULT_RADIUS_KM = 25.0


@dataclass(frozen=True, slots=True)
class GoldLocation:
    text: str | None
    geonameids: frozenset[int]
    latitude: float | None
    longitude: float | None
    radius_km: float = DEFAULT_RADIUS_KM
    country_iso: str | None = None

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    required: bool
    event_type: str
    sub_event_type: str
    status: str | None  # None: not coded (ACLED notes), so not scored
    actor1: tuple[str, ...]
    actor2: tuple[str, ...]
    location: GoldLocation
    date: dt.date | None  # None: the text gives no day, so not scored
    fatalities: int | None
    attribution: tuple[str, ...]
    evidence: str | None


@dataclass(frozen=True, slots=True)
class NotCurrent:
    """A passage that must not become a current event (history, negation, background…)."""

    text: str
    why: str | None = None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str
    geonameids: frozenset[int]
    latitude: float | None
    longitude: float | None

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True, slots=True)
class GoldItem:
    article_id: str
    text: str
    published: dt.date | None
    title: str | None
    url: str | None
    events: tuple[GoldEvent, ...]
    not_current: tuple[NotCurrent, ...]
    places: tuple[GoldPlace, ...] | None  # None: the item does not list places
    origin: str  # "dev/x.json item 3", for messages


def load_gold(path: str | Path) -> list[GoldItem]:
    """Every gold item in a gold file or (recursively) a folder of them, in path order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        if not files:
            raise GoldError(f"{path}: no .json gold files in this folder", "give a gold file or a folder holding some")
    elif path.is_file():
        files = [path]
    else:
        raise GoldError(f"{path}: no such gold file or folder", "check the path (e.g. ../shared/gold/seed.json)")
    items: list[GoldItem] = []
    seen: dict[str, str] = {}
    for file in files:
        for item in _items_of_file(file):
            if item.article_id in seen:
                raise GoldError(
                    f"{item.origin}: article id {item.article_id!r} is also used by {seen[item.article_id]}",
                    "give every gold article its own id",
                )
            seen[item.article_id] = item.origin
            items.append(item)
    return items


def _items_of_file(file: Path) -> list[GoldItem]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{file}: cannot be read ({error})", "check the file") from None
    except json.JSONDecodeError as error:
        raise GoldError(f"{file}: not JSON (line {error.lineno}: {error.msg})", "fix the file's JSON") from None
    raw_items = data if isinstance(data, list) else [data]
    return [
        parse_item(raw, origin=f"{file} item {number}" if isinstance(data, list) else str(file), base=file.parent)
        for number, raw in enumerate(raw_items, 1)
    ]


def parse_item(raw: Any, *, origin: str, base: Path | None = None) -> GoldItem:
    """One gold item from its JSON value; ``base`` is where ``article.file`` lookups start."""
    if not isinstance(raw, dict) or not isinstance(raw.get("article"), dict):
        raise GoldError(f"{origin}: an item must be an object with an \"article\" object", "see shared/gold/README.md")
    article = raw["article"]
    article_id = article.get("id")
    if not isinstance(article_id, str) or not article_id:
        raise GoldError(f"{origin}: article.id is missing", "give each gold article a string id")
    origin = f"{origin} ({article_id})"
    events = raw.get("events") or []
    not_current = raw.get("not_current_events") or []
    places = raw.get("places")
    if not isinstance(events, list) or not isinstance(not_current, list) or not isinstance(places, (list, type(None))):
        raise GoldError(f"{origin}: events, not_current_events and places must be lists", "fix the item")
    gold_events = tuple(_event(e, f"{origin} event {n}", n) for n, e in enumerate(events, 1))
    ids = [event.id for event in gold_events]
    if len(set(ids)) != len(ids):
        raise GoldError(f"{origin}: event ids repeat ({', '.join(ids)})", "give each gold event of an article its own id")
    return GoldItem(
        article_id=article_id,
        text=_article_text(article, origin, base),
        published=_date(article.get("published"), f"{origin} article.published"),
        title=article.get("title"),
        url=article.get("url"),
        events=gold_events,
        not_current=tuple(_not_current(n, f"{origin} not_current_events {i}") for i, n in enumerate(not_current, 1)),
        places=None if places is None else tuple(_place(p, f"{origin} place {n}") for n, p in enumerate(places, 1)),
        origin=origin,
    )


def _article_text(article: dict, origin: str, base: Path | None) -> str:
    if isinstance(article.get("text"), str):
        return article["text"]
    relative = article.get("file")
    if not isinstance(relative, str):
        raise GoldError(f"{origin}: article has neither \"text\" nor \"file\"", "add the text or the path of its file")
    folders = [base, *base.parents] if base is not None else []
    for folder in folders:
        candidate = folder / relative
        if candidate.is_file():
            try:
                return candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise GoldError(f"{origin}: article file {candidate} cannot be read ({error})", "check the file") from None
    raise GoldError(
        f"{origin}: article file {relative!r} not found above {base}",
        "keep the gold folder next to the folder its \"file\" paths point into (shared/gold beside shared/seeds)",
    )


def _event(raw: Any, origin: str, number: int) -> GoldEvent:
    if not isinstance(raw, dict):
        raise GoldError(f"{origin}: a gold event must be an object", "fix the item")
    for key in ("event_type", "sub_event_type", "location"):
        if not raw.get(key):
            raise GoldError(f"{origin}: {key} is missing", "every gold event needs event_type, sub_event_type, location")
    origin = f"{origin} ({raw.get('id', '?')})"
    fatalities = raw.get("fatalities")
    if fatalities is not None and (not isinstance(fatalities, int) or isinstance(fatalities, bool)):
        raise GoldError(f"{origin}: fatalities {fatalities!r} is not a whole number", "give a count or null")
    return GoldEvent(
        id=str(raw.get("id") or f"#{number}"),
        required=bool(raw.get("required", True)),
        event_type=raw["event_type"],
        sub_event_type=raw["sub_event_type"],
        status=raw.get("status"),
        actor1=_names(raw.get("actor1"), f"{origin} actor1"),
        actor2=_names(raw.get("actor2"), f"{origin} actor2"),
        location=_location(raw["location"], f"{origin} location"),
        date=_date(raw.get("date"), f"{origin} date"),
        fatalities=fatalities,
        attribution=_names(raw.get("attribution"), f"{origin} attribution"),
        evidence=raw.get("evidence") or None,
    )


def _location(raw: Any, origin: str) -> GoldLocation:
    if not isinstance(raw, dict):
        raise GoldError(f"{origin}: must be an object", "fix the item")
    ids = _geonameids(raw.get("geonameids"), origin)
    latitude, longitude = _point(raw, origin)
    if not ids and latitude is None:
        raise GoldError(f"{origin}: neither geonameids nor latitude/longitude", "give at least one way to place it")
    radius = raw.get("radius_km", DEFAULT_RADIUS_KM)
    if not isinstance(radius, (int, float)) or isinstance(radius, bool) or radius <= 0:
        raise GoldError(f"{origin}: radius_km {radius!r} is not a positive number", "give kilometres or omit it")
    return GoldLocation(raw.get("text"), ids, latitude, longitude, float(radius), raw.get("country_iso"))


def _place(raw: Any, origin: str) -> GoldPlace:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise GoldError(f"{origin}: a place must be an object with a \"text\"", "fix the item")
    latitude, longitude = _point(raw, origin)
    return GoldPlace(raw["text"], _geonameids(raw.get("geonameids"), origin), latitude, longitude)


def _not_current(raw: Any, origin: str) -> NotCurrent:
    if isinstance(raw, str):  # tolerate a bare passage
        return NotCurrent(raw)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise GoldError(f"{origin}: must be an object with a non-empty \"text\"", "fix the item")
    return NotCurrent(raw["text"], raw.get("why"))


def _names(raw: Any, origin: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if not isinstance(raw, list) or not all(isinstance(name, str) for name in raw):
        raise GoldError(f"{origin}: must be a list of names", "fix the item")
    return tuple(raw)


def _geonameids(raw: Any, origin: str) -> frozenset[int]:
    if raw is None:
        return frozenset()
    try:
        return frozenset(int(value) for value in raw)
    except (TypeError, ValueError):
        raise GoldError(f"{origin}: geonameids {raw!r} are not GeoNames ids", "give a list of integers") from None


def _point(raw: dict, origin: str) -> tuple[float | None, float | None]:
    latitude, longitude = raw.get("latitude"), raw.get("longitude")
    if latitude is None or longitude is None:
        return None, None
    try:
        latitude, longitude = float(latitude), float(longitude)
    except (TypeError, ValueError):
        raise GoldError(f"{origin}: latitude/longitude are not numbers", "give decimal degrees") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise GoldError(f"{origin}: ({latitude}, {longitude}) is not on Earth", "give decimal degrees, latitude first")
    return latitude, longitude


def _date(raw: Any, origin: str) -> dt.date | None:
    if raw is None or raw == "":
        return None
    try:
        return dt.date.fromisoformat(str(raw)[:10])
    except ValueError:
        raise GoldError(f"{origin}: {raw!r} is not a YYYY-MM-DD date", "fix the date or give null") from None
