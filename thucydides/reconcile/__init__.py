"""Stage 5, reconcile: many reports → one event with all its sources and claims, and the
district control timeline. Pure functions over dataclasses; the store calls them.

- ``matching``: when two reports are the same event (``SourceEvent``, ``same_event``);
- ``actors``: whether two reports' actors are the same actors;
- ``merge``: ``reconcile(event_id, reports) -> Reconciled`` (merged Event, corroboration, claims);
- ``control``: ``control_timeline(reports) -> [ControlRecord]``;
- rules are data: ``data/merge.toml``, ``data/actors.toml``.
"""

from thucydides.reconcile.control import (
    ControlRecord,
    ControlReport,
    ControlSource,
    ControlUnit,
    control_timeline,
    is_territorial,
    state_at,
)
from thucydides.reconcile.matching import SourceEvent, same_event
from thucydides.reconcile.merge import Claim, Reconciled, reconcile

__all__ = [
    "Claim",
    "ControlRecord",
    "ControlReport",
    "ControlSource",
    "ControlUnit",
    "Reconciled",
    "SourceEvent",
    "control_timeline",
    "is_territorial",
    "reconcile",
    "same_event",
    "state_at",
]
