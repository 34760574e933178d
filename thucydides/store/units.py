"""The control units (district, province) an event lies in, from its location and the article's
place mentions (which carry the gazetteer's ADM1/ADM2 ids), and the timeline's refresh."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace

from thucydides.model import Location
from thucydides.reconcile.control import (
    ControlRecord,
    ControlReport,
    ControlSource,
    ControlUnit,
    ProvinceState,
    at_province,
    combined_record,
    control_timeline,
    district_key,
    province_timeline,
)
from thucydides.store.codec import date_text, dumps, event_from_dict, timestamp


def _place_row(connection: sqlite3.Connection, geonameid: int | None) -> sqlite3.Row | None:
    if geonameid is None:
        return None
    cache = _PLACE_CACHE.get(id(connection))
    if cache is not None:
        if geonameid not in cache:
            cache[geonameid] = _query_place(connection, geonameid)
        return cache[geonameid]
    return _query_place(connection, geonameid)


# place rows looked up during one refresh (a province's events name the same few places)
_PLACE_CACHE: dict[int, dict[int, sqlite3.Row | None]] = {}


def _query_place(connection: sqlite3.Connection, geonameid: int) -> sqlite3.Row | None:
    return connection.execute(
        "SELECT admin1_id, admin2_id, latitude, longitude FROM places WHERE geonameid = ? "
        "ORDER BY admin2_id IS NULL, admin1_id IS NULL LIMIT 1",
        (geonameid,),
    ).fetchone()


def _coordinates(connection: sqlite3.Connection, geonameid: int | None) -> tuple[float | None, float | None]:
    row = _place_row(connection, geonameid)
    return (row["latitude"], row["longitude"]) if row else (None, None)


def units_of(connection: sqlite3.Connection, location: Location | None) -> tuple[ControlUnit | None, ControlUnit | None]:
    """(district, province) of a location; None where the location does not say."""
    if location is None or not (location.admin1 or location.feature == "ADM1"):
        return None, None
    place = _place_row(connection, location.geonameid)
    country = location.country_iso
    adm2 = None
    if location.feature == "ADM2":
        name = location.admin2 or location.name or location.text
        key = f"ADM2:{location.geonameid}" if location.geonameid else f"ADM2:{country}|{location.admin1}|{name}"
        adm2 = ControlUnit(
            "ADM2", key, location.geonameid, name, location.admin1, country, location.latitude, location.longitude
        )
    elif location.admin2 and location.feature != "ADM1":
        adm2_id = place["admin2_id"] if place else None
        latitude, longitude = _coordinates(connection, adm2_id)
        if latitude is None:  # the district was not mentioned: its representative town stands in
            latitude, longitude = location.latitude, location.longitude
        key = f"ADM2:{adm2_id}" if adm2_id else f"ADM2:{country}|{location.admin1}|{location.admin2}"
        adm2 = ControlUnit("ADM2", key, adm2_id, location.admin2, location.admin1, country, latitude, longitude)
    if location.feature == "ADM1":
        adm1_id = location.geonameid
        latitude, longitude = location.latitude, location.longitude
    else:
        adm1_id = place["admin1_id"] if place else None
        latitude, longitude = _coordinates(connection, adm1_id)
    admin1 = location.admin1 or location.name or location.text
    key = f"ADM1:{adm1_id}" if adm1_id else f"ADM1:{country}|{admin1}"
    return adm2, ControlUnit("ADM1", key, adm1_id, admin1, admin1, country, latitude, longitude)


def _control_sources(connection: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[ControlSource]]:
    """Who reports each event, read from the rows alone (no event JSON to parse)."""
    rows_by_event: dict[str, list[sqlite3.Row]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        rows = connection.execute(
            "SELECT s.event_id, s.article_id, a.source, a.url, s.status, a.duplicate_of, "
            "(SELECT speaker FROM attributions t WHERE t.event_source_id = s.id AND t.position = 0) AS speaker "
            f"FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY a.rowid, s.position",
            chunk,
        )
        for row in rows:
            rows_by_event.setdefault(row["event_id"], []).append(row)
    found: dict[str, list[ControlSource]] = {}
    for event_id, rows in rows_by_event.items():
        article_ids = {row["article_id"] for row in rows}
        found[event_id] = [
            ControlSource(
                article_id=row["article_id"],
                source=row["source"],
                url=row["url"],
                status=row["status"],
                speaker=row["speaker"],
                event_id=event_id,
                # as in reconcile.merge.independence: a copy counts when its original does not report the event
                independent=row["duplicate_of"] is None or row["duplicate_of"] not in article_ids,
            )
            for row in rows
        ]
    return found


Touched = tuple[str | None, str | None, str | None]  # (province key, district key, ISO date) of an event


def touched_by(row: sqlite3.Row | dict) -> set[Touched]:
    """Where and when a territorial event's row puts it in the timeline (nothing for others)."""
    if not row["territorial"] or not row["event_date"]:
        return set()  # an undated change cannot be placed in a timeline
    return {(row["adm1_key"], row["adm2_key"], row["event_date"])}


def refresh_control(connection: sqlite3.Connection, touched: set[Touched], now: dt.datetime) -> None:
    """Recompute the records a change of territorial events may have changed: each touched
    district on each touched date, and each touched province from its earliest touched date on."""
    _PLACE_CACHE[id(connection)] = {}
    try:
        for adm1_key, adm2_key, day in sorted(touched, key=lambda t: (t[0] or "", t[1] or "", t[2] or "")):
            if adm2_key and day:
                _refresh_district_day(connection, adm1_key, adm2_key, day, now)
        earliest: dict[str, str] = {}
        for adm1_key, _, day in touched:
            if adm1_key and day:
                earliest[adm1_key] = min(earliest.get(adm1_key, day), day)
        for adm1_key, day in sorted(earliest.items()):
            _refresh_province_from(connection, adm1_key, day, now)
    finally:
        del _PLACE_CACHE[id(connection)]


_TERRITORIAL = "SELECT id, data, adm1_key, adm2_key FROM events WHERE territorial = 1 AND review_state != 'rejected'"


def _control_reports(connection: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[ControlReport]:
    """The rows' events as ControlReports, in the units their rows were filed under."""
    sources = _control_sources(connection, [row["id"] for row in rows])
    reports = []
    for row in rows:
        event = event_from_dict(json.loads(row["data"]))
        adm2, adm1 = units_of(connection, event.location)
        # the keys the row was filed under, even if the places known since would give others
        adm2 = replace(adm2, key=row["adm2_key"]) if adm2 and row["adm2_key"] else adm2
        adm1 = replace(adm1, key=row["adm1_key"]) if adm1 and row["adm1_key"] else adm1
        reports.append(ControlReport(event, adm2, adm1, tuple(sources.get(row["id"], ()))))
    return reports


def _refresh_district_day(
    connection: sqlite3.Connection, adm1_key: str | None, adm2_key: str, day: str, now: dt.datetime
) -> None:
    sql = f"{_TERRITORIAL} AND adm2_key = ? AND event_date = ? ORDER BY rowid"
    rows = connection.execute(sql, (adm2_key, day)).fetchall()
    connection.execute("DELETE FROM control_states WHERE unit_key = ? AND date = ?", (adm2_key, day))
    reports = [report for report in _control_reports(connection, rows) if report.adm2 is not None]
    if reports:
        record = combined_record(reports[0].adm2, dt.date.fromisoformat(day), reports)
        _insert_records(connection, [record], now, parent_key=rows[0]["adm1_key"])


def _province_start(connection: sqlite3.Connection, adm1_key: str, day: str) -> ProvinceState:
    """The province's state carried into ``day``: from its stored records before that day."""
    row = connection.execute(
        "SELECT controller FROM control_states WHERE unit_key = ? AND direct = 1 AND state = 'controlled' "
        "AND date < ? ORDER BY date DESC LIMIT 1",
        (adm1_key, day),
    ).fetchone()
    districts = {
        unit_key: controller
        for unit_key, controller in connection.execute(
            "SELECT unit_key, controller FROM control_states c WHERE parent_key = ? AND level = 'ADM2' AND date < ? "
            "AND date = (SELECT max(date) FROM control_states d WHERE d.unit_key = c.unit_key AND d.date < ?)",
            (adm1_key, day, day),
        )
    }
    # towns the gazetteer gives no district: each is a district of its own (control.district_key)
    earlier = connection.execute(
        f"{_TERRITORIAL} AND adm1_key = ? AND adm2_key IS NULL AND event_date < ? ORDER BY event_date, rowid",
        (adm1_key, day),
    ).fetchall()
    for report in _control_reports(connection, earlier):
        if not at_province(report) and report.adm1 is not None:
            districts[district_key(report)] = combined_record(report.adm1, report.event.date.value, [report]).controller
    return ProvinceState(row[0] if row else None, districts)


def _refresh_province_from(connection: sqlite3.Connection, adm1_key: str, day: str, now: dt.datetime) -> None:
    sql = f"{_TERRITORIAL} AND adm1_key = ? AND event_date >= ? ORDER BY rowid"
    rows = connection.execute(sql, (adm1_key, day)).fetchall()
    start = _province_start(connection, adm1_key, day)
    connection.execute("DELETE FROM control_states WHERE unit_key = ? AND date >= ?", (adm1_key, day))
    reports = [report for report in _control_reports(connection, rows) if report.adm1 is not None]
    if not reports:
        return
    direct = [report for report in reports if at_province(report)]
    within = [report for report in reports if not at_province(report)]
    _insert_records(connection, province_timeline(reports[0].adm1, direct, within, start=start), now, parent_key=None)


def _insert_records(
    connection: sqlite3.Connection, records: list[ControlRecord], now: dt.datetime, *, parent_key: str | None
) -> None:
    connection.executemany(
        "INSERT INTO control_states (unit_key, level, geonameid, name, admin1, country_iso, latitude, longitude, "
        "date, state, controller, basis, event_ids, sources, parent_key, direct, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [_control_row(record, now, parent_key) for record in records],
    )


def _control_row(record: ControlRecord, now: dt.datetime, parent_key: str | None) -> tuple:
    data = record.to_dict()
    return (
        record.unit_key, record.level, record.geonameid, record.name, record.admin1, record.country_iso,
        record.latitude, record.longitude, date_text(record.date), record.state, record.controller, record.basis,
        dumps(data["event_ids"]), dumps(data["sources"]), parent_key, int(record.direct), timestamp(now),
    )


def full_timeline(connection: sqlite3.Connection) -> list[ControlRecord]:
    """Every unit's records recomputed from all stored events at once: what the incremental
    refreshes must add up to (tests compare the two)."""
    rows = connection.execute(f"{_TERRITORIAL} ORDER BY rowid").fetchall()
    _PLACE_CACHE[id(connection)] = {}
    try:
        return control_timeline(_control_reports(connection, rows))
    finally:
        del _PLACE_CACHE[id(connection)]
