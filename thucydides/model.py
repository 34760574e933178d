"""The domain: plain, typed dataclasses that flow between the pipeline's stages.

ingest → Article; analyse → spaCy Doc; geocode → PlaceMention (with its GazetteerEntry);
extract → Event (Actor, Location, EventDate, Fatalities, Attribution, Evidence, Plover);
the pipeline bundles an article's result as ArticleResult. JSON shapes are in ``output.py``
and follow ``shared/spec/output.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["reported", "claimed", "denied", "planned", "background"]
STATUSES: tuple[str, ...] = ("reported", "claimed", "denied", "planned", "background")
# statuses that never count as a current event (taxonomy.md, "Status of an event")
NOT_CURRENT: frozenset[str] = frozenset({"background", "planned", "denied"})


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news report. ``text`` is the cleaned text every offset points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    language: str = "en"
    duplicate_of: str | None = None
    # where it came from, for error messages and the store ("seed.txt", "feed.xml item 3")
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article's cleaned text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One gazetteer record: a country, an ADM1/ADM2 unit or a populated place."""

    geonameid: int
    name: str
    feature: str  # "PCLI", "ADM1", "ADM2", "PPL"…
    country_iso: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0
    admin1_id: int | None = None  # geonameid of the ADM1 unit it lies in
    admin2_id: int | None = None  # geonameid of the ADM2 unit it lies in


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym found in the text, with its resolution (``entry`` is None when unresolved)."""

    text: str
    start: int
    end: int
    entry: GazetteerEntry | None = None
    confidence: float = 0.0
    why: str = ""  # how it was resolved, for the analyst ("only AF candidate in Baghlan")


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: the mention it came from and ACLED's geo_precision (1–3)."""

    text: str
    name: str | None
    geonameid: int | None
    feature: str | None
    country_iso: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None

    @classmethod
    def from_mention(cls, mention: PlaceMention, geo_precision: int | None) -> Location:
        entry = mention.entry
        if entry is None:
            return cls(mention.text, None, None, None, None, None, None, None, None, None, None)
        return cls(
            text=mention.text,
            name=entry.name,
            geonameid=entry.geonameid,
            feature=entry.feature,
            country_iso=entry.country_iso,
            country=entry.country,
            admin1=entry.admin1,
            admin2=entry.admin2,
            latitude=entry.latitude,
            longitude=entry.longitude,
            geo_precision=geo_precision,
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """``name`` is the normalised (ACLED-style) name, ``text`` the words of the article."""

    name: str
    inter: int | None  # ACLED actor type 1–8
    text: str | None = None


# ACLED tags a state's forces with the period of the government they served ("Military Forces of
# Nigeria (2015-2023)", "Police Forces of Brazil (2019-2022) Federal Police" for a unit): the
# same force under another government is still the same actor
_PERIOD_TAG = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)(?=\s|$)")


def without_period(name: str) -> str:
    """An actor's name without ACLED's period tag ("Military Forces of Nigeria (2015-2023)" →
    "Military Forces of Nigeria"; a unit's name after the tag stays)."""
    return _PERIOD_TAG.sub("", name)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One link of a claim chain: who says it, in what role, through which channel/outlet."""

    speaker: str
    role: str | None = None
    channel: str | None = None  # "tweet", "statement", "TV"…
    via: str | None = None  # the outlet that relayed it ("Tolo News")


@dataclass(frozen=True, slots=True)
class EventDate:
    value: dt.date | None
    precision: int | None  # ACLED time_precision: 1 day, 2 week, 3 month
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Fatalities:
    """ACLED's count (0 when only vague or non-fatal words), UCDP-style low/high, original words."""

    count: int = 0
    low: int | None = None
    high: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    event_type: str
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    plover: Plover
    status: Status
    actor1: Actor | None
    actor2: Actor | None
    location: Location | None
    date: EventDate
    fatalities: Fatalities
    attribution: tuple[Attribution, ...]  # innermost speaker first
    confidence: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline makes of one article."""

    article: Article
    events: tuple[Event, ...] = ()
    places: tuple[PlaceMention, ...] = field(default=())
    # why the article was not analysed ("prefilter: no conflict vocabulary", a time limit, an
    # error); None when it was. Style habit 7: a skipped article says why, in the log and store.
    skipped: str | None = None
