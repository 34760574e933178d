"""When are two reports of events the same event? Pure functions over ``SourceEvent``.

Same sub-event family, same status class (background and planned reports never merge into
current events), same place (one GeoNames id, or one district), dates within the window their
precisions allow, and compatible actors (``thucydides.reconcile.actors``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from thucydides.model import Event, Location
from thucydides.reconcile import actors
from thucydides.reconcile.rules import merge_rules

# words that only say what kind of unit a place is: "Andarab District" is "Andarab"
_UNIT_WORDS = re.compile(r"\b(district|province|governorate|region|county|state|municipality|city|town|village)\b")


@dataclass(frozen=True, slots=True)
class SourceEvent:
    """One event as one article reports it, with what the store knows of that article."""

    event: Event
    article_id: str
    source: str | None = None  # the outlet ("Tolo News"); None when unknown
    url: str | None = None
    published: dt.date | None = None
    duplicate_of: str | None = None  # the earlier article this one near-duplicates
    title: str | None = None

    @property
    def outlet(self) -> str:
        """Who published it, for counting independent outlets: the source, else the URL's host."""
        if self.source:
            return "source:" + self.source.strip().lower()
        if self.url:
            host = re.sub(r"^[a-z]+://", "", self.url.lower()).split("/")[0].removeprefix("www.")
            if host:
                return "host:" + host
        return "article:" + self.article_id

    @property
    def independent(self) -> bool:
        return self.duplicate_of is None

    @property
    def denies(self) -> bool:
        return self.event.status == "denied"


def status_class(status: str) -> str:
    """Reports, claims and denials of an event are one class; planned and background each their own."""
    return status if status in ("planned", "background") else "current"


def family(sub_event_type: str) -> str:
    return merge_rules().family(sub_event_type)


@functools.lru_cache(maxsize=65536)
def normalise_place(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = _UNIT_WORDS.sub(" ", text)
    return "".join(char for char in text if char.isalnum())


def _same_or_unknown(a: str | None, b: str | None) -> bool:
    return not a or not b or normalise_place(a) == normalise_place(b)


def district_of(location: Location) -> str:
    """The district (ADM2) a location lies in or is: its admin2, or its own name for an ADM2."""
    if location.admin2:
        return normalise_place(location.admin2)
    if location.feature == "ADM2":
        return normalise_place(location.name or location.text)
    return ""


def same_place(a: Location | None, b: Location | None) -> bool:
    """One GeoNames place, or one district (unless both name two different towns in it)."""
    if a is None or b is None:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country_iso and b.country_iso and a.country_iso != b.country_iso:
        return False
    if not _same_or_unknown(a.admin1, b.admin1):
        return False
    district_a, district_b = district_of(a), district_of(b)
    if district_a and district_a == district_b:
        # ACLED's unit is one location: two different named towns of a district are two events
        two_towns = a.geo_precision == 1 and b.geo_precision == 1 and a.geonameid and b.geonameid
        return not two_towns
    name_a, name_b = normalise_place(a.name or a.text), normalise_place(b.name or b.text)
    same_name = bool(name_a) and name_a == name_b
    return same_name and (a.geonameid is None or b.geonameid is None) and bool(a.country_iso or b.country_iso)


def date_interval(report: SourceEvent) -> tuple[dt.date, dt.date] | None:
    """The days the report's date stands for; an undated report, the week before publication."""
    rules = merge_rules()
    date = report.event.date
    if date.value is None:
        if report.published is None:
            return None
        return report.published - dt.timedelta(days=rules.undated_days_before_published), report.published
    half = dt.timedelta(days=rules.window_days.get(date.precision or 1, 0))
    return date.value - half, date.value + half


def dates_overlap(a: SourceEvent, b: SourceEvent) -> bool:
    interval_a, interval_b = date_interval(a), date_interval(b)
    if interval_a is None or interval_b is None:
        return True  # nothing says they differ; place, type and actors decide
    slack_days = merge_rules().slack_days
    slack = dt.timedelta(
        days=max(slack_days.get(a.event.sub_event_type, 0), slack_days.get(b.event.sub_event_type, 0))
    )
    return interval_a[0] - slack <= interval_b[1] and interval_b[0] - slack <= interval_a[1]


def actor_pair(report: SourceEvent) -> tuple:
    return report.event.actor1, report.event.actor2


def same_event(a: SourceEvent, b: SourceEvent) -> bool:
    return (
        family(a.event.sub_event_type) == family(b.event.sub_event_type)
        and status_class(a.event.status) == status_class(b.event.status)
        and same_place(a.event.location, b.event.location)
        and dates_overlap(a, b)
        and actors.compatible(actor_pair(a), actor_pair(b))
    )


def match_strength(a: SourceEvent, b: SourceEvent) -> tuple[int, int, int]:
    """How closely two matching reports agree, to pick the best of several candidate events:
    same place id, same sub-event type, days apart (negated)."""
    same_id = int(
        a.event.location is not None
        and b.event.location is not None
        and a.event.location.geonameid is not None
        and a.event.location.geonameid == b.event.location.geonameid
    )
    same_type = int(a.event.sub_event_type == b.event.sub_event_type)
    days = 0
    if a.event.date.value and b.event.date.value:
        days = abs((a.event.date.value - b.event.date.value).days)
    return same_id, same_type, -days
