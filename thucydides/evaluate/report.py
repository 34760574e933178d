"""ScoreReport: the numbers of a scoring run, as one summary line, a text report, or JSON."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from thucydides.evaluate.fields import FIELDS, Ratio, weighted_f1

if TYPE_CHECKING:
    from thucydides.evaluate.score import ArticleScore


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


@dataclass(frozen=True)
class ScoreReport:
    articles: tuple[ArticleScore, ...]
    warnings: tuple[str, ...] = ()

    # --- events: type + place -----------------------------------------------------------------
    @property
    def tp(self) -> int:
        return sum(a.tp for a in self.articles)

    @property
    def fp(self) -> int:
        return sum(a.fp for a in self.articles)

    @property
    def fn(self) -> int:
        return sum(a.fn for a in self.articles)

    @property
    def history_fp(self) -> int:
        return sum(a.history_fp for a in self.articles)

    @property
    def optional_matched(self) -> int:
        return sum(not m.required for a in self.articles for m in a.matches)

    @property
    def ignored(self) -> int:
        return sum(a.ignored for a in self.articles)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) written on counts, so that no output at all scores 0 rather than n/a
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    # --- fields of matched events ----------------------------------------------------------------
    @cached_property
    def fields(self) -> dict[str, Ratio]:
        return {name: Ratio.of(m.fields[name] for a in self.articles for m in a.matches) for name in FIELDS}

    @property
    def matched(self) -> int:
        return sum(len(a.matches) for a in self.articles)

    # --- types as a classification over gold events --------------------------------------------
    @cached_property
    def _sub_event(self) -> tuple[float | None, dict[str, dict[str, float]]]:
        return weighted_f1([(c.sub_event_type, c.predicted_sub_event_type) for a in self.articles for c in a.classified])

    @property
    def sub_event_f1(self) -> float | None:
        return self._sub_event[0]

    @property
    def sub_event_per_label(self) -> dict[str, dict[str, float]]:
        return self._sub_event[1]

    @property
    def event_type(self) -> Ratio:
        return Ratio.of(c.predicted_event_type == c.event_type for a in self.articles for c in a.classified)

    # --- places -----------------------------------------------------------------------------------
    @property
    def places_found(self) -> Ratio:
        return Ratio.of(p.found for a in self.articles for p in a.places or ())

    @property
    def places_resolved(self) -> Ratio:
        return Ratio.of(p.resolved for a in self.articles for p in a.places or ())

    # --- views ------------------------------------------------------------------------------------
    def metrics(self) -> dict[str, float | int | None]:
        """Flat numbers, the keys of tests/baselines/events.json."""
        numbers: dict[str, float | int | None] = {
            "event_precision": self.precision,
            "event_recall": self.recall,
            "event_f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "history_fp": self.history_fp,
            "optional_matched": self.optional_matched,
            "ignored": self.ignored,
            "event_type_accuracy": self.event_type.value,
            "sub_event_type_weighted_f1": self.sub_event_f1,
        }
        numbers.update({f"{name}_accuracy": ratio.value for name, ratio in self.fields.items()})
        numbers["places_found"] = self.places_found.value
        numbers["places_resolved"] = self.places_resolved.value
        return numbers

    def summary_line(self) -> str:
        fields = " ".join(f"{name}={_fmt(ratio.value)}" for name, ratio in self.fields.items())
        return (
            f"events: P={_fmt(self.precision)} R={_fmt(self.recall)} F1={_fmt(self.f1)} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn}) history_fp={self.history_fp} "
            f"optional={self.optional_matched} ignored={self.ignored} | "
            f"sub_event_wF1={_fmt(self.sub_event_f1)} event_type={_fmt(self.event_type.value)} {fields} | "
            f"places found={_fmt(self.places_found.value)} resolved={_fmt(self.places_resolved.value)}"
        )

    def format_text(self) -> str:
        """The summary line, then counts behind each number, each article's errors, and warnings."""
        lines = [self.summary_line()]
        fields = ", ".join(f"{name} {r.correct}/{r.total}" for name, r in self.fields.items())
        lines.append(f"fields on {self.matched} matched events: {fields}")
        lines.append(
            f"types over {sum(len(a.classified) for a in self.articles)} gold events: "
            f"event_type {self.event_type.correct}/{self.event_type.total}, sub-event weighted F1 {_fmt(self.sub_event_f1)}"
        )
        for label, numbers in self.sub_event_per_label.items():
            if numbers["f1"] < 1.0:
                lines.append(
                    f"  {label}: P={numbers['precision']:.2f} R={numbers['recall']:.2f} "
                    f"F1={numbers['f1']:.2f} (n={numbers['support']})"
                )
        lines.append(
            f"places: found {self.places_found.correct}/{self.places_found.total}, "
            f"resolved {self.places_resolved.correct}/{self.places_resolved.total}"
        )
        for article in self.articles:
            lines.extend(_article_lines(article))
        lines.extend(f"warning: {warning}" for warning in self.warnings)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.metrics(),
            "counts": {
                "articles": len(self.articles),
                "matched": self.matched,
                **{name: {"correct": r.correct, "total": r.total} for name, r in self.fields.items()},
                "event_type": {"correct": self.event_type.correct, "total": self.event_type.total},
                "places_found": {"correct": self.places_found.correct, "total": self.places_found.total},
                "places_resolved": {"correct": self.places_resolved.correct, "total": self.places_resolved.total},
            },
            "sub_event_per_label": self.sub_event_per_label,
            "articles": [_article_dict(a) for a in self.articles],
            "warnings": list(self.warnings),
        }


def _article_lines(article: ArticleScore) -> list[str]:
    wrong = [(m, [name for name, ok in m.fields.items() if ok is False]) for m in article.matches]
    wrong = [(m, names) for m, names in wrong if names]
    if not (article.missed or article.false_positives or wrong or not article.has_output):
        return []
    lines = [f"{article.article_id}: tp={article.tp} fp={article.fp} fn={article.fn}" + ("" if article.has_output else " (no output)")]
    for miss in article.missed:
        lines.append(f"  missed {miss.gold_id} {miss.sub_event_type} @ {miss.place}: {miss.hint}")
    for fp in article.false_positives:
        why = f"overlaps not-current {fp.not_current[:50]!r}" if fp.not_current else "matches no gold event"
        lines.append(f"  {'history FP' if fp.not_current else 'FP'} {fp.output_id} {fp.sub_event_type} @ {fp.place}: {why}")
    for match, names in wrong:
        lines.append(f"  {match.gold_id}={match.output_id} wrong: {', '.join(names)}")
    return lines


def _article_dict(article: ArticleScore) -> dict[str, Any]:
    return {
        "id": article.article_id,
        "has_output": article.has_output,
        "tp": article.tp,
        "fp": article.fp,
        "fn": article.fn,
        "history_fp": article.history_fp,
        "ignored": article.ignored,
        "matches": [{"gold": m.gold_id, "output": m.output_id, "required": m.required, "fields": m.fields} for m in article.matches],
        "missed": [{"gold": m.gold_id, "sub_event_type": m.sub_event_type, "place": m.place, "hint": m.hint} for m in article.missed],
        "false_positives": [
            {"output": f.output_id, "sub_event_type": f.sub_event_type, "place": f.place, "evidence": f.evidence, "not_current": f.not_current}
            for f in article.false_positives
        ],
        "types": [
            {"gold": c.gold_id, "sub_event_type": c.sub_event_type, "predicted": c.predicted_sub_event_type}
            for c in article.classified
        ],
        "places": None if article.places is None else [{"text": p.text, "found": p.found, "resolved": p.resolved} for p in article.places],
        "warnings": list(article.warnings),
    }
