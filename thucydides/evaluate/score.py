"""The event scorer: seed.json's "scoring" rule, applied article by article.

For one article: output events whose status is background, planned or denied are ignored (they
are not current events). A remaining output event whose evidence overlaps a not_current_events
passage is a false positive ("history FP") and matches nothing. The others are matched one to
one to gold events of the same sub_event_type at the same place (matching.py), required gold
events first; required gold events count toward recall, an output matching no gold event is a
false positive, an output matching an optional gold event is neither.

For the sub-event type classification (the ACLED-note view, where each gold event is one item
to label), every gold event also gets the output event that best stands for it even when its
type is wrong: the type+place match, else an output at the same place, else one whose evidence
overlaps the gold evidence, else (an article coding one event, like an ACLED note) the first
output left over.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from thucydides.evaluate.fields import judge_pair, place_judgement
from thucydides.evaluate.gold import GoldEvent, GoldItem
from thucydides.evaluate.matching import capped_radii, distance_km, one_to_one, place_distance
from thucydides.evaluate.outputs import OutputArticle, OutputEvent, output_from_result
from thucydides.evaluate.pairing import pair_articles
from thucydides.evaluate.report import ScoreReport
from thucydides.evaluate.spans import Span, find_passage, locate_evidence, overlaps, squeeze
from thucydides.model import NOT_CURRENT, ArticleResult

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Match:
    gold_id: str
    output_id: str
    required: bool
    fields: dict[str, bool | None]  # FIELDS → right / wrong / not scored


@dataclass(frozen=True, slots=True)
class Missed:
    gold_id: str
    sub_event_type: str
    place: str | None
    hint: str  # what came closest, to help whoever fixes it


@dataclass(frozen=True, slots=True)
class FalsePositive:
    output_id: str
    sub_event_type: str | None
    place: str | None
    evidence: str
    not_current: str | None = None  # the passage it overlaps: a history/negation FP


@dataclass(frozen=True, slots=True)
class Classified:
    """One gold event as a labelling item: its types and those of the output standing for it."""

    gold_id: str
    required: bool
    event_type: str
    sub_event_type: str
    predicted_event_type: str | None
    predicted_sub_event_type: str | None


@dataclass(frozen=True, slots=True)
class PlaceResult:
    text: str
    found: bool
    resolved: bool


@dataclass(frozen=True, slots=True)
class ArticleScore:
    article_id: str
    has_output: bool
    required: int
    matches: tuple[Match, ...] = ()
    missed: tuple[Missed, ...] = ()
    false_positives: tuple[FalsePositive, ...] = ()
    ignored: int = 0  # output events with a not-current status
    classified: tuple[Classified, ...] = ()
    places: tuple[PlaceResult, ...] | None = None  # None: not scored
    warnings: tuple[str, ...] = field(default=())

    @property
    def tp(self) -> int:
        return sum(m.required for m in self.matches)

    @property
    def fp(self) -> int:
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        return len(self.missed)

    @property
    def history_fp(self) -> int:
        return sum(fp.not_current is not None for fp in self.false_positives)


def score_gold(
    gold_items: Sequence[GoldItem], outputs: Iterable[OutputArticle | ArticleResult]
) -> ScoreReport:
    """Score system outputs (JSONL lines or pipeline results) against gold items; outputs are paired by article id."""
    outputs = [output_from_result(o) if isinstance(o, ArticleResult) else o for o in outputs]
    paired, warnings = pair_articles(gold_items, outputs)
    articles = tuple(score_article(item, paired.get(item.article_id)) for item in gold_items)
    warnings.extend(warning for article in articles for warning in article.warnings)
    no_places = [a.article_id for a, item in zip(articles, gold_items) if item.places is not None and a.places is None]
    if no_places:
        warnings.append(
            f"places not scored for {len(no_places)} article(s) whose output lists no places "
            "(write it with `thucydides extract --format jsonl --with-places`)"
        )
    return ScoreReport(articles=articles, warnings=tuple(warnings))


def score_article(item: GoldItem, output: OutputArticle | None) -> ArticleScore:
    required = sum(e.required for e in item.events)
    if output is None:
        missed = tuple(Missed(e.id, e.sub_event_type, e.location.text, "no output for this article") for e in item.events if e.required)
        classified = tuple(
            Classified(e.id, True, e.event_type, e.sub_event_type, None, None) for e in item.events if e.required
        )
        return ArticleScore(item.article_id, False, required, missed=missed, classified=classified)

    warnings: list[str] = []
    text = output.text if output.text is not None else item.text
    current = [o for o in output.events if (o.status or "").lower() not in NOT_CURRENT]
    ignored = len(output.events) - len(current)

    history = _history_overlaps(item, current, text, warnings)  # index in current → passage
    eligible = [o for i, o in enumerate(current) if i not in history]
    eligible_index = {c: e for e, c in enumerate(i for i in range(len(current)) if i not in history)}
    golds = sorted(item.events, key=lambda e: not e.required)  # required first, stable otherwise
    radii = dict(zip((e.id for e in item.events), capped_radii(item.events)))

    shared = _SharedEvidence(golds, eligible, text)

    def type_and_place(gold: GoldEvent, out: OutputEvent) -> tuple[float, int, int] | None:
        if out.sub_event_type != gold.sub_event_type:
            return None
        distance = place_distance(out.location, gold.location, radii[gold.id])
        if distance is None:
            return None
        # ties (two gold events at one place) go to the output quoting the gold's words, then agreeing most
        agreeing = sum(ok is True for ok in judge_pair(gold, out).values())
        return (round(distance, 1), -shared.chars(gold, out), -agreeing)

    matched = one_to_one(golds, eligible, type_and_place)
    matches = tuple(
        Match(golds[g].id, eligible[o].id, golds[g].required, judge_pair(golds[g], eligible[o]))
        for g, o in sorted(matched.items())
    )
    used = set(matched.values())
    missed = tuple(
        Missed(g.id, g.sub_event_type, g.location.text, _miss_hint(g, radii[g.id], current, history))
        for i, g in enumerate(golds)
        if g.required and i not in matched
    )
    false_positives = tuple(
        FalsePositive(o.id, o.sub_event_type, _place_text(o), _evidence_text(o), history.get(i))
        for i, o in enumerate(current)
        if i in history or eligible_index[i] not in used
    )
    aligned = _align_for_labels(item, golds, eligible, matched, radii, shared)
    classified = tuple(
        Classified(
            g.id,
            g.required,
            g.event_type,
            g.sub_event_type,
            eligible[aligned[i]].event_type if i in aligned else None,
            eligible[aligned[i]].sub_event_type if i in aligned else None,
        )
        for i, g in enumerate(golds)
        if g.required or i in aligned
    )
    places = None
    if item.places is not None and output.places is not None:
        places = tuple(PlaceResult(p.text, *place_judgement(p, output.places)) for p in item.places)
    return ArticleScore(
        item.article_id, True, required, matches, missed, false_positives, ignored, classified, places, tuple(warnings)
    )


def _history_overlaps(item: GoldItem, current: list[OutputEvent], text: str, warnings: list[str]) -> dict[int, str]:
    """Index of an output event in ``current`` → the not-current passage its evidence overlaps."""
    passages: list[tuple[str, list[Span]]] = []
    for not_current in item.not_current:
        spans = find_passage(not_current.text, text)
        if not spans:
            warnings.append(f"{item.article_id}: not-current passage not found in the text, compared by words: {not_current.text[:60]!r}")
        passages.append((not_current.text, spans))
    overlapping: dict[int, str] = {}
    for index, event in enumerate(current):
        for span in event.evidence:
            located = locate_evidence(span, text)
            hit = next(
                (
                    passage
                    for passage, spans in passages
                    if (located is not None and any(overlaps(located, s) for s in spans))
                    or ((located is None or not spans) and _words_overlap(span.text, passage))
                ),
                None,
            )
            if hit is not None:
                overlapping[index] = hit
                break
    return overlapping


def _words_overlap(evidence: str | None, passage: str) -> bool:
    """Fallback when offsets cannot be placed: one text contains the other."""
    if not evidence:
        return False
    a, b = squeeze(evidence), squeeze(passage)
    return bool(a and b) and (a in b or b in a)


def _align_for_labels(
    item: GoldItem,
    golds: list[GoldEvent],
    eligible: list[OutputEvent],
    matched: dict[int, int],
    radii: dict[str, float],
    shared: _SharedEvidence,
) -> dict[int, int]:
    """Gold index → the output standing for it, for the type classification (module docstring)."""
    aligned = dict(matched)

    def same_place(gold: GoldEvent, out: OutputEvent) -> tuple[float, int] | None:
        distance = place_distance(out.location, gold.location, radii[gold.id])
        return None if distance is None else (round(distance, 1), -shared.chars(gold, out))

    def same_evidence(gold: GoldEvent, out: OutputEvent) -> int | None:
        chars = shared.chars(gold, out)
        return -chars if chars else None

    for cost in (same_place, same_evidence):
        free_golds = [i for i in range(len(golds)) if i not in aligned]
        free_outputs = [o for o in range(len(eligible)) if o not in aligned.values()]
        found = one_to_one([golds[i] for i in free_golds], [eligible[o] for o in free_outputs], cost)
        aligned.update({free_golds[g]: free_outputs[o] for g, o in found.items()})
    free_outputs = [o for o in range(len(eligible)) if o not in aligned.values()]
    if len(item.events) == 1 and 0 not in aligned and free_outputs:
        aligned[0] = free_outputs[0]
    return aligned


class _SharedEvidence:
    """How many characters an output's evidence shares with a gold event's evidence passage."""

    def __init__(self, golds: Sequence[GoldEvent], outputs: Sequence[OutputEvent], text: str) -> None:
        self._gold = {id(g): find_passage(g.evidence, text)[:1] if g.evidence else [] for g in golds}
        self._output = {id(o): [s for e in o.evidence if (s := locate_evidence(e, text)) is not None] for o in outputs}

    def chars(self, gold: GoldEvent, output: OutputEvent) -> int:
        pairs = ((g, s) for g in self._gold.get(id(gold), ()) for s in self._output.get(id(output), ()))
        return max((min(g[1], s[1]) - max(g[0], s[0]) for g, s in pairs if overlaps(g, s)), default=0)


def _miss_hint(gold: GoldEvent, radius: float, current: list[OutputEvent], history: dict[int, str]) -> str:
    """Why a required gold event went unmatched, as far as the outputs show."""
    at_place = [i for i, o in enumerate(current) if place_distance(o.location, gold.location, radius) is not None]
    if any(i in history and current[i].sub_event_type == gold.sub_event_type for i in at_place):
        return "an output of this type and place overlaps a not-current passage"
    same_type = [o for o in current if o.sub_event_type == gold.sub_event_type]
    if not same_type:
        if at_place:
            return f"output at this place typed {', '.join(sorted({current[i].sub_event_type or '?' for i in at_place}))}"
        return "no output of this sub-event type"
    located = [(distance_km(o.location.point, gold.location.point), o) for o in same_type if o.location and o.location.point and gold.location.point]
    unplaced = sorted({_place_text(o) or "no place" for o in same_type if not (o.location and o.location.point)})
    hints = []
    if located:
        distance, nearest = min(located, key=lambda pair: pair[0])
        hints.append(f"nearest output of this type: {_place_text(nearest)} at {distance:.0f} km (radius {radius:.1f} km)")
    if unplaced:
        hints.append(f"outputs of this type without coordinates: {', '.join(unplaced)}")
    return "; ".join(hints) or "outputs of this type are at other places"


def _place_text(event: OutputEvent) -> str | None:
    return event.location.text if event.location else None


def _evidence_text(event: OutputEvent) -> str:
    return " … ".join(span.text for span in event.evidence if span.text)
