"""Who controls which district: a timeline per ADM2 (and ADM1) unit from territorial events.

Pure functions. Transitions come from the sub-event types of taxonomy.md "Territorial
control" (a government retaking, a non-state actor overtaking, a non-violent transfer, and a
negotiated handover coded as Agreement with the PLOVER context "territory"). Each record is
``assessed`` when a neutral outlet reports it, or independent outlets relay different
speakers; ``claimed`` when it rests on one side's word. A claim met by the other side's
denial, and not assessed, makes the district ``contested``: both claims stay in its sources.

A province (ADM1) gets a record on the dates of events placed at the province itself, and is
``contested`` on the dates its districts change hands between different sides; one district's
state alone says nothing about the whole province, so it makes no province record.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Literal

from thucydides.model import Event

TERRITORIAL_SUB_EVENT_TYPES = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
)


def is_territorial(event: Event) -> bool:
    if event.sub_event_type in TERRITORIAL_SUB_EVENT_TYPES:
        return True
    # a negotiated handover: ACLED codes it Agreement; the extractor marks it with PLOVER's context
    return event.sub_event_type == "Agreement" and "territory" in event.plover.context


@dataclass(frozen=True, slots=True)
class ControlUnit:
    level: Literal["ADM2", "ADM1"]
    key: str  # "ADM2:7052901", or "ADM2:AF|Baghlan|Dih Salah" when the gazetteer id is unknown
    geonameid: int | None
    name: str
    admin1: str | None
    country_iso: str | None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class ControlSource:
    """One report behind a control state: who says so, through which article."""

    article_id: str
    source: str | None
    url: str | None
    status: str
    speaker: str | None
    event_id: str
    independent: bool = True


@dataclass(frozen=True, slots=True)
class ControlRecord:
    """The state of one district (ADM2) or province (ADM1) from ``date`` on."""

    geonameid: int | None
    name: str
    level: Literal["ADM2", "ADM1"]
    admin1: str | None
    country_iso: str | None
    date: dt.date | None
    state: str  # controlled | contested | unknown
    controller: str | None
    basis: str  # assessed | claimed
    event_ids: tuple[str, ...]
    sources: tuple[ControlSource, ...]
    latitude: float | None = None
    longitude: float | None = None
    unit_key: str = ""
    direct: bool = False  # a province's record set by events placed at the province itself

    def to_dict(self) -> dict:
        """output.md's control record (plus "level", "latitude", "longitude")."""
        return {
            "geonameid": self.geonameid,
            "name": self.name,
            "level": self.level,
            "admin1": self.admin1,
            "country_iso": self.country_iso,
            "date": self.date.isoformat() if self.date else None,
            "state": self.state,
            "controller": self.controller,
            "basis": self.basis,
            "event_ids": list(self.event_ids),
            "sources": [
                {
                    "article_id": s.article_id,
                    "source": s.source,
                    "url": s.url,
                    "status": s.status,
                    "speaker": s.speaker,
                    "event_id": s.event_id,
                    "independent": s.independent,
                }
                for s in self.sources
            ],
            "latitude": self.latitude,
            "longitude": self.longitude,
        }


@dataclass(frozen=True, slots=True)
class ControlReport:
    """A reconciled territorial event, the units it lies in, and the reports behind it."""

    event: Event
    adm2: ControlUnit | None
    adm1: ControlUnit | None
    sources: tuple[ControlSource, ...]


@dataclass(frozen=True, slots=True)
class _Verdict:
    state: str
    controller: str | None
    basis: str


def _outlet(source: ControlSource) -> str:
    return source.source.strip().lower() if source.source else (source.url or source.article_id)


def verdict(report: ControlReport) -> _Verdict:
    """What one event says about its unit's control."""
    event = report.event
    asserting = [s for s in report.sources if s.status != "denied"]
    denying = [s for s in report.sources if s.status == "denied"]
    if not asserting:
        # only a denial of losing it: the denying side (the event's loser) says it still holds it
        loser = event.actor2.name if event.actor2 else None
        return _Verdict("controlled" if loser else "unknown", loser, "claimed")
    independent = [s for s in asserting if s.independent] or asserting
    neutral = any(s.status == "reported" for s in independent)
    voices = {(_outlet(s), s.speaker) for s in independent}
    several = len({outlet for outlet, _ in voices}) >= 2 and len({speaker for _, speaker in voices}) >= 2
    basis = "assessed" if neutral or several else "claimed"
    if denying and basis == "claimed":
        return _Verdict("contested", None, "claimed")
    winner = event.actor1.name if event.actor1 else None
    return _Verdict("controlled" if winner else "unknown", winner, basis)


def combined_record(unit: ControlUnit, date: dt.date | None, reports: list[ControlReport]) -> ControlRecord:
    """The unit's state on ``date`` from that day's events in it."""
    verdicts = [verdict(report) for report in reports]
    controllers = {v.controller for v in verdicts if v.state == "controlled"}
    if any(v.state == "contested" for v in verdicts) or len(controllers) > 1:
        state, controller = "contested", None
    elif controllers:
        state, controller = "controlled", next(iter(controllers))
    else:
        state, controller = "unknown", None
    basis = "assessed" if any(v.basis == "assessed" for v in verdicts) else "claimed"
    return _record(unit, date, state, controller, basis, reports)


def _record(
    unit: ControlUnit, date: dt.date | None, state: str, controller: str | None, basis: str, reports: list[ControlReport]
) -> ControlRecord:
    event_ids = tuple(sorted({report.event.id for report in reports}))
    sources = tuple(source for report in sorted(reports, key=lambda r: r.event.id) for source in report.sources)
    return ControlRecord(
        geonameid=unit.geonameid,
        name=unit.name,
        level=unit.level,
        admin1=unit.admin1,
        country_iso=unit.country_iso,
        date=date,
        state=state,
        controller=controller,
        basis=basis,
        event_ids=event_ids,
        sources=sources,
        latitude=unit.latitude,
        longitude=unit.longitude,
        unit_key=unit.key,
    )


def _by_date(reports: Iterable[ControlReport]) -> list[tuple[dt.date, list[ControlReport]]]:
    groups: dict[dt.date, list[ControlReport]] = defaultdict(list)
    for report in reports:
        if report.event.date.value is not None:  # an undated change cannot be placed in a timeline
            groups[report.event.date.value].append(report)
    return sorted(groups.items())


@dataclass
class ProvinceState:
    """What a province's timeline carries from one date to the next."""

    controller: str | None = None  # set by the last event at the province itself that settled it
    district_controllers: dict[str, str | None] = field(default_factory=dict)  # by district key


def district_timeline(unit: ControlUnit, reports: Iterable[ControlReport]) -> list[ControlRecord]:
    return [combined_record(unit, date, group) for date, group in _by_date(reports)]


def province_timeline(
    unit: ControlUnit,
    direct: Iterable[ControlReport],
    districts: Iterable[ControlReport],
    *,
    start: ProvinceState | None = None,
) -> list[ControlRecord]:
    """``direct``: events placed at the province itself; ``districts``: events in its districts.

    ``start``: the state before the first of these events' dates, when only the later part of
    the timeline is recomputed (the store does so when a new report comes in).
    """
    direct_by_date = dict(_by_date(direct))
    district_by_date = dict(_by_date(districts))
    start = start or ProvinceState()
    province_controller = start.controller
    district_controller = dict(start.district_controllers)
    records = []
    for date in sorted(set(direct_by_date) | set(district_by_date)):
        todays_districts = district_by_date.get(date, [])
        by_district: dict[str, list[ControlReport]] = defaultdict(list)
        for report in todays_districts:
            by_district[district_key(report)].append(report)
        for key, group in by_district.items():
            district_controller[key] = combined_record(unit, date, group).controller
        if date in direct_by_date:
            record = combined_record(unit, date, direct_by_date[date])
            province_controller = record.controller if record.state == "controlled" else province_controller
            records.append(replace(record, direct=True))
            continue
        # the sides holding districts of the province, and those gaining or losing one today
        sides = {c for c in district_controller.values() if c}
        for report in todays_districts:
            if report.event.actor1 and any(s.status != "denied" for s in report.sources):
                sides.add(report.event.actor1.name)
            if report.event.actor2:
                sides.add(report.event.actor2.name)
        if province_controller:
            sides.add(province_controller)
        if len(sides) >= 2:
            verdicts = [verdict(report) for report in todays_districts]
            basis = "assessed" if all(v.basis == "assessed" for v in verdicts) else "claimed"
            records.append(_record(unit, date, "contested", None, basis, todays_districts))
    return records


def district_key(report: ControlReport) -> str:
    """The district a report is in; a town the gazetteer gives no district counts as its own."""
    return report.adm2.key if report.adm2 else f"event:{report.event.id}"


def at_province(report: ControlReport) -> bool:
    """Placed at the province itself (not at a town whose district the gazetteer lacks)."""
    location = report.event.location
    return report.adm2 is None and location is not None and location.feature == "ADM1"


def control_timeline(reports: Iterable[ControlReport]) -> list[ControlRecord]:
    """Every unit's records: provinces then districts, by country, province, name and date."""
    reports = [report for report in reports if is_territorial(report.event)]
    districts: dict[str, list[ControlReport]] = defaultdict(list)
    provinces: dict[str, tuple[list[ControlReport], list[ControlReport]]] = defaultdict(lambda: ([], []))
    units: dict[str, ControlUnit] = {}
    for report in reports:
        if report.adm2 is not None:
            units.setdefault(report.adm2.key, report.adm2)
            districts[report.adm2.key].append(report)
        if report.adm1 is not None:
            units.setdefault(report.adm1.key, report.adm1)
            direct, within = provinces[report.adm1.key]
            (direct if at_province(report) else within).append(report)
    records = []
    for key, (direct, within) in provinces.items():
        records.extend(province_timeline(units[key], direct, within))
    for key, group in districts.items():
        records.extend(district_timeline(units[key], group))
    level_order = {"ADM1": 0, "ADM2": 1}
    return sorted(
        records,
        key=lambda r: (level_order[r.level], r.country_iso or "", r.admin1 or "", r.name, r.unit_key, r.date or dt.date.min),
    )


def state_at(records: Iterable[ControlRecord], at: dt.date) -> list[ControlRecord]:
    """Each unit's latest record on or before ``at``."""
    latest: dict[str, ControlRecord] = {}
    for record in records:
        if record.date is not None and record.date <= at:
            current = latest.get(record.unit_key)
            if current is None or record.date >= current.date:  # type: ignore[operator]
                latest[record.unit_key] = record
    return [record for record in records if latest.get(record.unit_key) is record]
