"""Builders of hand-made Articles, Events and places for the store and reconcile tests.

The places are real districts of other countries than the seed's (a general rule must work
anywhere); their ids and coordinates are GeoNames'. No test lives here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from thucydides.model import (
    Actor,
    Article,
    ArticleResult,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    GazetteerEntry,
    Location,
    PlaceMention,
    Plover,
)

# (geonameid, name, feature, country_iso, country, admin1, admin2, lat, lon, admin1_id, admin2_id)
PLACES = {
    "Bama": (2348773, "Bama", "PPLA2", "NG", "Nigeria", "Borno", "Bama", 11.5221, 13.6856, 2346794, 2348772),
    "Bama LGA": (2348772, "Bama", "ADM2", "NG", "Nigeria", "Borno", "Bama", 11.45, 13.75, 2346794, 2348772),
    "Gwoza": (2339631, "Gwoza", "PPLA2", "NG", "Nigeria", "Borno", "Gwoza", 11.0830, 13.6950, 2346794, 2339630),
    "Dikwa": (2347012, "Dikwa", "PPLA2", "NG", "Nigeria", "Borno", "Dikwa", 12.0361, 13.9182, 2346794, 2347011),
    "Borno": (2346794, "Borno", "ADM1", "NG", "Nigeria", "Borno", None, 11.5, 13.0, 2346794, None),
    "Kidal": (2455290, "Kidal", "PPLA", "ML", "Mali", "Kidal", "Kidal", 18.4411, 1.4078, 2455289, 2455288),
}


def entry(name: str) -> GazetteerEntry:
    gid, real, feature, iso, country, admin1, admin2, lat, lon, admin1_id, admin2_id = PLACES[name]
    return GazetteerEntry(gid, real, feature, iso, country, admin1, admin2, lat, lon, 0, admin1_id, admin2_id)


def location(name: str, precision: int | None = None) -> Location:
    gazetteer_entry = entry(name)
    if precision is None:
        precision = {"ADM2": 2, "ADM1": 3}.get(gazetteer_entry.feature, 1)
    return Location.from_mention(PlaceMention(name, 0, len(name), gazetteer_entry, 0.9), precision)


TYPE_OF = {
    "Non-state actor overtakes territory": "Battles",
    "Government regains territory": "Battles",
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Non-violent transfer of territory": "Strategic developments",
}

JNIM = Actor("JNIM: Group for Support of Islam and Muslims", 2, "JNIM")
ISWAP = Actor("Islamic State (West Africa)", 2, "ISWAP fighters")
BOKO = Actor("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2, "Boko Haram")
ARMY_NG = Actor("Military Forces of Nigeria (2015-2023)", 1, "Nigerian troops")
MILITIA = Actor("Civilian JTF", 3, "local militia")
CIVILIANS = Actor("Civilians (Nigeria)", 7, "villagers")


def event(
    event_id: str,
    *,
    sub: str = "Non-state actor overtakes territory",
    status: str = "reported",
    actor1: Actor | None = ISWAP,
    actor2: Actor | None = ARMY_NG,
    place: str | None = "Bama",
    day: dt.date | None = dt.date(2023, 3, 4),
    precision: int = 1,
    deaths: int = 0,
    low: int | None = None,
    high: int | None = None,
    deaths_text: str | None = None,
    speaker: str | None = None,
    confidence: float = 0.7,
    evidence: str = "the town was taken",
) -> Event:
    return Event(
        id=event_id,
        event_type=TYPE_OF[sub],
        sub_event_type=sub,
        plover=Plover("ASSAULT", None, ("territory",) if "territory" in sub else ()),
        status=status,  # type: ignore[arg-type]
        actor1=actor1,
        actor2=actor2,
        location=location(place) if place else None,
        date=EventDate(day, precision if day else None),
        fatalities=Fatalities(deaths, low, high, deaths_text),
        attribution=(Attribution(speaker, "spokesman", "statement"),) if speaker else (),
        confidence=confidence,
        evidence=(Evidence(0, len(evidence), evidence),),
    )


def article(
    article_id: str,
    text: str | None = None,
    *,
    source: str | None = None,
    url: str | None = None,
    published: dt.date | None = dt.date(2023, 3, 5),
) -> Article:
    text = text or f"Report {article_id}: fighting in the north-east, with several towns changing hands."
    return Article(id=article_id, text=text, title=None, url=url, published=published, source=source)


def result(art: Article, *events: Event) -> ArticleResult:
    """The article's result; each event's evidence is fitted to the article's text, and every
    place an event names is among the article's places."""
    fitted = []
    for ev in events:
        span = ev.evidence[0].text if ev.evidence else art.text[:10]
        start = art.text.find(span)
        if start < 0:
            start, span = 0, art.text[: min(len(art.text), 20)]
        fitted.append(replace(ev, evidence=(Evidence(start, start + len(span), span),)))
    places = []
    for ev in events:
        if ev.location and ev.location.geonameid:
            name = next(n for n, p in PLACES.items() if p[0] == ev.location.geonameid)
            places.append(PlaceMention(ev.location.text, 0, len(ev.location.text), entry(name), 0.9, "test"))
    return ArticleResult(article=art, events=tuple(fitted), places=tuple(places))
