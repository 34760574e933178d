"""Per-field judgements on a matched (gold, output) pair, and the numbers they add up to.

Each judgement is True (right), False (wrong) or None (the gold does not code this field, so
it is not scored: a null gold date, a null gold status, an empty gold attribution list).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from thucydides.evaluate.gold import GoldEvent, GoldPlace
from thucydides.evaluate.matching import distance_km
from thucydides.evaluate.outputs import OutputActor, OutputEvent, OutputLocation
from thucydides.evaluate.spans import squeeze
from thucydides.model import without_period

FIELDS: tuple[str, ...] = ("actor1", "actor2", "date", "fatalities", "status", "attribution")
# a toponym is resolved when it lands this close to the gold point (100 miles, the usual
# "accuracy@161km" of geoparsing evaluations)
PLACE_RESOLVED_KM = 161.0
_ARTICLES = ("the ", "a ", "an ")


@dataclass(frozen=True, slots=True)
class Ratio:
    """``correct`` out of ``total``; ``value`` is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    @classmethod
    def of(cls, judgements: Iterable[bool | None]) -> Ratio:
        scored = [j for j in judgements if j is not None]
        return cls(sum(scored), len(scored))


def _name_key(name: str) -> str:
    key = without_period(squeeze(name))  # the same force under another government
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article):]
    return key


def actor_correct(output: OutputActor | None, gold_names: Sequence[str]) -> bool:
    """The output actor's name or words are one of the gold names; no gold names wants no actor."""
    if not gold_names:
        return output is None
    if output is None:
        return False
    golds = {_name_key(name) for name in gold_names}
    return any(value is not None and _name_key(value) in golds for value in (output.name, output.text))


def attribution_correct(output: OutputEvent, gold_names: Sequence[str]) -> bool | None:
    """Every gold source appears (as a substring, any case, a leading "the/a/an" ignored, as for
    actors) in some link's speaker/role/channel/via, or in its speaker and channel read together
    (a gold "the army statement" is speaker "army", channel "statement")."""
    if not gold_names:
        return None
    fields = [squeeze(value) for link in output.attribution for value in (link.speaker, link.role, link.channel, link.via) if value]
    fields += [squeeze(f"{link.speaker} {link.channel}") for link in output.attribution if link.speaker and link.channel]
    return all(any(_name_key(name) in field for field in fields) for name in gold_names)


def judge_pair(gold: GoldEvent, output: OutputEvent) -> dict[str, bool | None]:
    return {
        "actor1": actor_correct(output.actor1, gold.actor1),
        "actor2": actor_correct(output.actor2, gold.actor2),
        "date": None if gold.date is None else output.date is not None and output.date[:10] == gold.date.isoformat(),
        "fatalities": None if gold.fatalities is None else output.fatalities == gold.fatalities,
        "status": None if gold.status is None else (output.status or "").lower() == gold.status.lower(),
        "attribution": attribution_correct(output, gold.attribution),
    }


def place_judgement(gold: GoldPlace, outputs: Sequence[OutputLocation]) -> tuple[bool, bool]:
    """(found, resolved): an output place has the same text; one such place is the gold place or within 161 km."""
    same_text = [o for o in outputs if o.text is not None and squeeze(o.text) == squeeze(gold.text)]
    resolved = any(
        (o.geonameid is not None and o.geonameid in gold.geonameids)
        or (o.point is not None and gold.point is not None and distance_km(o.point, gold.point) <= PLACE_RESOLVED_KM)
        for o in same_text
    )
    return bool(same_text), resolved


def weighted_f1(pairs: Sequence[tuple[str, str | None]]) -> tuple[float | None, dict[str, dict[str, float]]]:
    """Support-weighted F1 over (gold label, predicted label or None) pairs, and per-label numbers.

    The labels are the gold labels; a prediction of a label no gold has (or of nothing) lowers
    the recall of the gold label it missed. This is scikit-learn's ``average="weighted"``.
    """
    if not pairs:
        return None, {}
    support = Counter(gold for gold, _ in pairs)
    predicted = Counter(prediction for _, prediction in pairs if prediction is not None)
    hits = Counter(gold for gold, prediction in pairs if gold == prediction)
    per_label: dict[str, dict[str, float]] = {}
    weighted = 0.0
    for label in sorted(support):
        precision = hits[label] / predicted[label] if predicted[label] else 0.0
        recall = hits[label] / support[label]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support[label]}
        weighted += f1 * support[label]
    return weighted / len(pairs), per_label
