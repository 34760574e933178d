"""Dataclasses ↔ JSON for the database columns, and the stored event's public dict.

The storage JSON of an Event has output.md's EVENT layout, so a stored row reads like the
exported line; ``event_from_dict`` is its exact inverse (tests check the round trip).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from thucydides.model import (
    Actor,
    Article,
    ArticleResult,
    GazetteerEntry,
    PlaceMention,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    Location,
    Plover,
)
from thucydides.output import (  # noqa: F401 — the JSON pieces, re-exported for the store's modules
    actor_dict,
    attribution_dict,
    date_dict,
    event_to_dict,
    evidence_dict,
    fatalities_dict,
    location_dict,
)

if TYPE_CHECKING:
    from thucydides.store.records import Claim, Source, StoredEvent


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def timestamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def parse_timestamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def date_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_dict(event: Event) -> dict[str, Any]:
    """The event as output.md's EVENT JSON (the storage format of the ``data`` columns), with
    the confidence unrounded so that a stored event reads back exactly."""
    return {**event_to_dict(event), "confidence": event.confidence}


def actor_from(data: dict[str, Any] | None) -> Actor | None:
    return None if data is None else Actor(data["name"], data.get("inter"), data.get("text"))


def location_from(data: dict[str, Any] | None) -> Location | None:
    if data is None:
        return None
    return Location(
        text=data["text"],
        name=data.get("name"),
        geonameid=data.get("geonameid"),
        feature=data.get("feature"),
        country_iso=data.get("country_iso"),
        country=data.get("country"),
        admin1=data.get("admin1"),
        admin2=data.get("admin2"),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        geo_precision=data.get("geo_precision"),
    )


def fatalities_from(data: dict[str, Any]) -> Fatalities:
    return Fatalities(data.get("count") or 0, data.get("low"), data.get("high"), data.get("text"))


def date_from(data: dict[str, Any]) -> EventDate:
    return EventDate(parse_date(data.get("value")), data.get("precision"), data.get("text"))


def attribution_from(data: dict[str, Any]) -> Attribution:
    return Attribution(data["speaker"], data.get("role"), data.get("channel"), data.get("via"))


def evidence_from(data: dict[str, Any]) -> Evidence:
    return Evidence(data["start"], data["end"], data["text"])


def event_from_dict(data: dict[str, Any]) -> Event:
    plover = data.get("plover") or {}
    return Event(
        id=data["id"],
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        plover=Plover(plover.get("event_type") or "", plover.get("mode"), tuple(plover.get("context") or ())),
        status=data["status"],
        actor1=actor_from(data.get("actor1")),
        actor2=actor_from(data.get("actor2")),
        location=location_from(data.get("location")),
        date=date_from(data.get("date") or {}),
        fatalities=fatalities_from(data.get("fatalities") or {}),
        attribution=tuple(attribution_from(link) for link in data.get("attribution") or ()),
        confidence=float(data.get("confidence") or 0.0),
        evidence=tuple(evidence_from(span) for span in data.get("evidence") or ()),
    )


def public_event_dict(event: Event) -> dict[str, Any]:
    """output.md's EVENT JSON as the project's output module writes it."""
    from thucydides.output import event_to_dict

    return event_to_dict(event)


def source_dict(source: Source) -> dict[str, Any]:
    return {
        "article_id": source.article_id,
        "url": source.url,
        "source": source.source,
        "title": source.title,
        "published": date_text(source.published),
        "status": source.status,
        "attribution": [attribution_dict(link) for link in source.attribution],
        "fatalities": fatalities_dict(source.fatalities),
        "evidence": [evidence_dict(span) for span in source.evidence],
        "duplicate_of": source.duplicate_of,
    }


def claim_dict(claim: Claim) -> dict[str, Any]:
    return {
        "article_id": claim.article_id,
        "outlet": claim.outlet,
        "status": claim.status,
        "stance": claim.stance,
        "speaker": claim.speaker,
        "sub_event_type": claim.sub_event_type,
        "actor1": claim.actor1,
        "actor2": claim.actor2,
        "location": claim.location,
        "date": date_dict(claim.date),
        "fatalities": fatalities_dict(claim.fatalities),
        "independent": claim.independent,
    }


def stored_event_to_dict(stored: StoredEvent) -> dict[str, Any]:
    data = public_event_dict(stored.event)
    data["sources"] = [source_dict(source) for source in stored.sources]
    data["corroboration"] = stored.corroboration
    data["claims"] = [claim_dict(claim) for claim in stored.claims]
    data["conflicting"] = stored.conflicting
    data["fatalities_best"] = stored.fatalities_best
    data["review_state"] = stored.review_state
    data["created_at"] = timestamp(stored.created_at)
    data["updated_at"] = timestamp(stored.updated_at)
    return data


def result_from_dict(data: dict[str, Any], origin: str) -> ArticleResult:
    """An ArticleResult from one line of ``thucydides extract --format jsonl --with-text
    --with-places`` (the inverse of ``output.result_to_dict``); InputError names what is wrong."""
    from thucydides.errors import InputError

    try:
        article_data = data["article"]
        if not isinstance(article_data.get("text"), str) or not article_data["text"]:
            raise InputError(origin, "has no article.text", "extract it with --with-text")
        article = Article(
            id=str(article_data["id"]),
            text=article_data["text"],
            title=article_data.get("title"),
            url=article_data.get("url"),
            published=parse_date(article_data.get("published")),
            source=article_data.get("source"),
            language=article_data.get("language") or "en",
            duplicate_of=article_data.get("duplicate_of"),
            origin=origin,
        )
        events = tuple(event_from_dict(event) for event in data.get("events") or ())
        places = tuple(_place_from(place) for place in article_data.get("places") or ())
    except InputError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(origin, f"is not an extract result line ({type(error).__name__}: {error})",
                         "give the output of `thucydides extract --format jsonl --with-text --with-places`") from None
    return ArticleResult(article=article, events=events, places=places, skipped=data.get("skipped"))


def _place_from(data: dict[str, Any]) -> PlaceMention:
    entry = None
    if data.get("geonameid") is not None:
        entry = GazetteerEntry(
            geonameid=int(data["geonameid"]),
            name=data.get("name") or data["text"],
            feature=data.get("feature") or "",
            country_iso=data.get("country_iso"),
            country=data.get("country"),
            admin1=data.get("admin1"),
            admin2=data.get("admin2"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            admin1_id=data.get("admin1_id"),
            admin2_id=data.get("admin2_id"),
        )
    confidence = float(data.get("confidence") or 0.0)
    return PlaceMention(data["text"], int(data["start"]), int(data["end"]), entry, confidence, data.get("why") or "")
