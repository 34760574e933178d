"""Many reports of one event → one reconciled event, each report's own claim kept beside it.

Pure functions: ``reconcile(event_id, reports)`` takes the SourceEvents that ``matching``
grouped together and returns the merged Event with its corroboration, claims and whether the
sources conflict. The rules (taxonomy.md): the higher sub-event type in ACLED's precedence
wins; ACLED's fatality count is the lowest credible figure, with the low/best/high range
across sources and every source's words kept; a neutral report outranks a party's claim;
denials never count as corroboration and are kept as claims, never averaged away.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace
from typing import Literal, Sequence

from thucydides.model import Actor, Event, EventDate, Fatalities, Location
from thucydides.reconcile import actors
from thucydides.reconcile.matching import SourceEvent
from thucydides.reconcile.rules import merge_rules

_STATUS_RANK = {"reported": 0, "claimed": 1, "planned": 2, "background": 3, "denied": 4}
_MAX_CONFIDENCE = 0.99


@dataclass(frozen=True, slots=True)
class Claim:
    """What one extracted event of one article asserts (or denies), kept beside the others.

    Conflicting claims (one side says it took a district, the other denies it) are never
    averaged away: each stays a Claim of the merged event.
    """

    article_id: str
    outlet: str | None
    status: str
    stance: Literal["asserts", "denies"]
    speaker: str | None  # innermost speaker of the attribution chain; None: the outlet itself
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    date: EventDate
    fatalities: Fatalities
    independent: bool = True


@dataclass(frozen=True, slots=True)
class Reconciled:
    event: Event
    corroboration: int
    conflicting: bool
    fatalities_best: int | None
    claims: tuple[Claim, ...]


def independence(reports: Sequence[SourceEvent]) -> list[bool]:
    """Which reports count as independent: not a copy of another article reporting this event.

    A wire copy whose original is among the reports adds nothing; a copy whose original does
    not report this event (it was not analysed, or its extraction missed it) is the only
    witness of that original's outlet here, and counts once.
    """
    article_ids = {report.article_id for report in reports}
    return [report.duplicate_of is None or report.duplicate_of not in article_ids for report in reports]


def claim_of(report: SourceEvent, independent: bool | None = None) -> Claim:
    event = report.event
    return Claim(
        article_id=report.article_id,
        outlet=report.source,
        status=event.status,
        stance="denies" if report.denies else "asserts",
        speaker=event.attribution[0].speaker if event.attribution else None,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1.name if event.actor1 else None,
        actor2=event.actor2.name if event.actor2 else None,
        location=(event.location.name or event.location.text) if event.location else None,
        date=event.date,
        fatalities=event.fatalities,
        independent=report.independent if independent is None else independent,
    )


def order_by_authority(reports: Sequence[SourceEvent]) -> list[SourceEvent]:
    """Neutral reports before claims before denials, originals before copies, then input order."""
    ranked = sorted(
        enumerate(reports),
        key=lambda pair: (_STATUS_RANK.get(pair[1].event.status, 9), not pair[1].independent, pair[0]),
    )
    return [report for _, report in ranked]


def corroboration(reports: Sequence[SourceEvent]) -> int:
    """Independent outlets asserting the event: near-duplicates and denials do not count."""
    counted = independence(reports)
    return len({report.outlet for report, independent in zip(reports, counted) if independent and not report.denies})


def merged_status(reports: Sequence[SourceEvent]) -> str:
    statuses = {report.event.status for report in reports}
    for status in ("reported", "claimed", "planned", "background"):
        if status in statuses:
            return status
    return "denied"


def merged_sub_event_type(asserting: Sequence[SourceEvent]) -> SourceEvent:
    """The report whose sub-event type ranks highest in ACLED's precedence (first such report)."""
    rules = merge_rules()
    return min(enumerate(asserting), key=lambda pair: (rules.rank(pair[1].event.sub_event_type), pair[0]))[1]


def merged_location(asserting: Sequence[SourceEvent]) -> Location | None:
    """The most precise location (lowest geo_precision) of the most authoritative reports."""
    located = [(i, r.event.location) for i, r in enumerate(asserting) if r.event.location is not None]
    if not located:
        return None
    return min(located, key=lambda pair: (pair[1].geo_precision or 9, pair[1].geonameid is None, pair[0]))[1]


def merged_date(asserting: Sequence[SourceEvent]) -> EventDate:
    dated = [(i, r.event.date) for i, r in enumerate(asserting) if r.event.date.value is not None]
    if not dated:
        return asserting[0].event.date
    return min(dated, key=lambda pair: (pair[1].precision or 9, pair[0]))[1]


def _reports_deaths(fatalities: Fatalities) -> bool:
    return fatalities.count > 0 or bool(fatalities.low) or bool(fatalities.high)


def merged_fatalities(asserting: Sequence[SourceEvent]) -> tuple[Fatalities, int | None]:
    """ACLED's count is the lowest credible figure; low/high span every figure; best the median.

    A report that names no deaths (count 0: no mention, or only "casualties") is not a figure:
    it neither lowers the count to 0 nor narrows the range.
    """
    figures = [r.event.fatalities for r in asserting if _reports_deaths(r.event.fatalities)]
    words = []
    for report in asserting:
        text = report.event.fatalities.text
        if text and text not in words:
            words.append(text)
    text = "; ".join(words) or None
    if not figures:
        return Fatalities(0, None, None, text), None
    counts = [f.count for f in figures if f.count > 0]
    lows = [f.low if f.low is not None else f.count for f in figures]
    highs = [f.high if f.high is not None else f.count for f in figures]
    count = min(counts) if counts else min(lows)
    best = int(statistics.median_low(counts)) if counts else None
    return Fatalities(count, min(lows), max(highs), text), best


def _informative(actor: Actor | None) -> int:
    """How much a name says: a name (2) > a description such as "anti-Taliban forces" (1) >
    "Unidentified Armed Group" or nothing (0)."""
    if actor is None:
        return 0
    if not actors.is_generic(actor.name):
        return 2
    return 0 if actors.normalise_name(actor.name).startswith(("unidentified", "unknown")) else 1


def merged_actors(primary: SourceEvent, asserting: Sequence[SourceEvent]) -> tuple[Actor | None, Actor | None]:
    """The primary report's actors, each replaced by the first more informative name another
    report gives for that side (a name for "local militia"; "anti-Taliban forces" for
    "Unidentified Armed Group")."""
    sides: list[Actor | None] = [primary.event.actor1, primary.event.actor2]
    pair = (primary.event.actor1, primary.event.actor2)
    for report in asserting:
        orientation = actors.alignment(pair, (report.event.actor1, report.event.actor2))
        if orientation is None:
            continue
        others = [report.event.actor1, report.event.actor2]
        if orientation == "swapped":
            others.reverse()
        for index, other in enumerate(others):
            if _informative(other) > _informative(sides[index]):
                sides[index] = other
    return sides[0], sides[1]


def merged_confidence(asserting: Sequence[SourceEvent]) -> float:
    """Independent outlets agreeing make an event more certain (noisy-OR over the outlets)."""
    best_by_outlet: dict[str, float] = {}
    for report, independent in zip(asserting, independence(asserting)):
        if independent:
            best_by_outlet[report.outlet] = max(best_by_outlet.get(report.outlet, 0.0), report.event.confidence)
    if not best_by_outlet:
        return max(report.event.confidence for report in asserting)
    doubt = 1.0
    for confidence in best_by_outlet.values():
        doubt *= 1.0 - min(max(confidence, 0.0), 1.0)
    return round(min(1.0 - doubt, _MAX_CONFIDENCE), 3)


def is_conflicting(reports: Sequence[SourceEvent], asserting: Sequence[SourceEvent]) -> bool:
    """A denial beside an assertion, opposite territorial outcomes, or disputed death tolls."""
    if any(r.denies for r in reports) and any(not r.denies for r in reports):
        return True
    types = {r.event.sub_event_type for r in asserting}
    if {"Government regains territory", "Non-state actor overtakes territory"} <= types:
        return True
    counts = {r.event.fatalities.count for r in asserting if _reports_deaths(r.event.fatalities)}
    return len(counts) > 1


def reconcile(event_id: str, reports: Sequence[SourceEvent]) -> Reconciled:
    """The one event ``reports`` describe, with id ``event_id``. ``reports`` must not be empty."""
    if not reports:
        raise ValueError("reconcile needs at least one report")  # a programming error, not the user's
    ordered = order_by_authority(reports)
    asserting = [r for r in ordered if not r.denies] or ordered
    primary = asserting[0]
    typed = merged_sub_event_type(asserting)
    actor1, actor2 = merged_actors(primary, asserting)
    fatalities, best = merged_fatalities(asserting)
    event = replace(
        primary.event,
        id=event_id,
        event_type=typed.event.event_type,
        sub_event_type=typed.event.sub_event_type,
        plover=typed.event.plover,
        status=merged_status(reports),
        actor1=actor1,
        actor2=actor2,
        location=merged_location(asserting),
        date=merged_date(asserting),
        fatalities=fatalities,
        confidence=merged_confidence(asserting),
    )
    return Reconciled(
        event=event,
        corroboration=corroboration(reports),
        conflicting=is_conflicting(reports, asserting),
        fatalities_best=best,
        claims=tuple(claim_of(report, independent) for report, independent in zip(reports, independence(reports))),
    )
