"""An analyst's review: accept, reject or edit an event; the review queue; the audit trail.

Reviewed values are kept: an accepted or edited event's values are never overwritten when
its articles are ingested again (new sources are still linked and counted).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from typing import Any

from thucydides.errors import InputError
from thucydides.model import STATUSES, Actor, Event, EventDate, Fatalities
from thucydides.reconcile.rules import merge_rules
from thucydides.store.codec import location_dict, location_from, parse_date, timestamp
from thucydides.store.reader import event_row
from thucydides.store.units import refresh_control, touched_by
from thucydides.store.writer import audit, event_columns, load_event

EDITABLE_FIELDS = (
    "event_type", "sub_event_type", "status", "actor1", "actor2", "location", "date", "fatalities", "confidence",
)
_STATE_OF_ACTION = {"accept": "accepted", "reject": "rejected", "edit": "edited"}


def _bad(field: str, what: str, fix: str) -> InputError:
    return InputError(f"review change {field!r}", what, fix)


def _actor(value: Any, field: str) -> Actor | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return Actor(value.strip(), None, None)
    if isinstance(value, dict) and isinstance(value.get("name"), str) and value["name"].strip():
        inter = value.get("inter")
        if inter is not None and (not isinstance(inter, int) or not 1 <= inter <= 8):
            raise _bad(field, f"inter is {inter!r}", "give an ACLED actor type 1–8 or null")
        return Actor(value["name"].strip(), inter, value.get("text"))
    raise _bad(field, f"is {value!r}", 'give a name, {"name": …, "inter": 1–8}, or null')


def _date(value: Any, current: EventDate) -> EventDate:
    if isinstance(value, str):
        value = {"value": value}
    if not isinstance(value, dict):
        raise _bad("date", f"is {value!r}", 'give "YYYY-MM-DD" or {"value": "YYYY-MM-DD", "precision": 1–3}')
    try:
        day = parse_date(value["value"]) if "value" in value else current.value
    except (TypeError, ValueError):
        raise _bad("date", f"value {value.get('value')!r} is not a date", "write it as YYYY-MM-DD") from None
    precision = value.get("precision", current.precision if "value" not in value else current.precision or 1)
    if precision not in (1, 2, 3):
        raise _bad("date", f"precision is {precision!r}", "give 1 (day), 2 (week) or 3 (month)")
    return EventDate(day, precision, value.get("text", current.text))


def _fatalities(value: Any, current: Fatalities) -> Fatalities:
    if isinstance(value, int) and not isinstance(value, bool):
        value = {"count": value}
    if not isinstance(value, dict):
        raise _bad("fatalities", f"is {value!r}", 'give a number or {"count", "low", "high", "text"}')
    merged = {"count": current.count, "low": current.low, "high": current.high, "text": current.text, **value}
    for key in ("count", "low", "high"):
        number = merged[key]
        if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 0):
            raise _bad("fatalities", f"{key} is {number!r}", "give a whole number ≥ 0")
    if merged["count"] is None:
        raise _bad("fatalities", "count is null", "give a whole number ≥ 0")
    return Fatalities(merged["count"], merged["low"], merged["high"], merged["text"])


def apply_changes(event: Event, changes: dict[str, Any]) -> Event:
    """The event with an analyst's ``changes`` applied, each checked; InputError names a bad one."""
    if not isinstance(changes, dict) or not changes:
        raise InputError("review changes", "are empty", f"give at least one of: {', '.join(EDITABLE_FIELDS)}")
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise _bad(unknown[0], "cannot be edited", f"edit one of: {', '.join(EDITABLE_FIELDS)}")
    rules = merge_rules()
    updates: dict[str, Any] = {}
    if "sub_event_type" in changes:
        sub = changes["sub_event_type"]
        if sub not in rules.event_type_of:
            raise _bad("sub_event_type", f"{sub!r} is not an ACLED sub-event type", "use a label of taxonomy.md exactly")
        updates["sub_event_type"] = sub
        updates["event_type"] = rules.event_type_of[sub]
    if "event_type" in changes:
        sub = updates.get("sub_event_type", event.sub_event_type)
        if changes["event_type"] != rules.event_type_of.get(sub):
            raise _bad("event_type", f"{changes['event_type']!r} is not the type of {sub!r}",
                       f"use {rules.event_type_of.get(sub)!r}, or change sub_event_type")
    if "status" in changes:
        if changes["status"] not in STATUSES:
            raise _bad("status", f"is {changes['status']!r}", f"use one of: {', '.join(STATUSES)}")
        updates["status"] = changes["status"]
    for field in ("actor1", "actor2"):
        if field in changes:
            updates[field] = _actor(changes[field], field)
    if "location" in changes:
        value = changes["location"]
        if value is not None and not isinstance(value, dict):
            raise _bad("location", f"is {value!r}", "give an object with location fields, or null")
        if value is None:
            updates["location"] = None
        else:
            base = location_dict(event.location) or {"text": value.get("text") or value.get("name") or ""}
            unknown_keys = set(value) - set(base) - {"text"}
            if unknown_keys:
                raise _bad("location", f"has unknown field {sorted(unknown_keys)[0]!r}", f"use: {', '.join(base)}")
            updates["location"] = location_from({**base, **value})
    if "date" in changes:
        updates["date"] = _date(changes["date"], event.date)
    if "fatalities" in changes:
        updates["fatalities"] = _fatalities(changes["fatalities"], event.fatalities)
    if "confidence" in changes:
        confidence = changes["confidence"]
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
            raise _bad("confidence", f"is {confidence!r}", "give a number from 0 to 1")
        updates["confidence"] = float(confidence)
    return replace(event, **updates)


def review(
    connection: sqlite3.Connection, event_id: str, action: str, *, reviewer: str, changes: dict | None,
    note: str | None, now: dt.datetime,
) -> None:
    if action not in _STATE_OF_ACTION:
        raise InputError("review action", f"{action!r} is not an action", "use accept, reject or edit")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise InputError("review", "names no reviewer", "give the reviewer's name")
    if action != "edit" and changes:
        raise InputError("review", f"{action} takes no changes", "use the edit action to change values")
    row = event_row(connection, event_id)
    before = json.loads(row["data"])
    touched = touched_by(row)
    event = load_event(connection, event_id)
    if action == "edit":
        event = apply_changes(event, changes or {})
    columns = event_columns(connection, event)
    after = json.loads(columns["data"])
    diff = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
    state = _STATE_OF_ACTION[action]
    if row["review_state"] != state:
        diff["review_state"] = [row["review_state"], state]
    columns.update(review_state=state, updated_at=timestamp(now))
    assignments = ", ".join(f"{name} = ?" for name in columns)
    connection.execute(f"UPDATE events SET {assignments} WHERE id = ?", (*columns.values(), event_id))
    audit(connection, event_id, now, f"reviewer:{reviewer.strip()}", state, diff, note)
    refresh_control(connection, touched | touched_by(columns), now)

