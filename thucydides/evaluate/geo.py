"""Geoparsing score over gold items that list their ``places`` (dev/*.json, geo/gwn-dev.json).

For each gold toponym (seed.json "scoring", last sentence):

- found: the output lists a place mention with the same text;
- resolved: one such mention has a gold GeoNames id or lies within 161 km of the gold point;
- exact: one such mention has a gold GeoNames id;
- error: the smallest distance from such a mention to the gold point (0 for an id match).

Also, for items with events: each gold event's place is resolved when some mention of the
article has one of its GeoNames ids or lies within its radius (capped as in seed.json's rule).

Reported: found %, accuracy@161 km (resolved / all toponyms), exact %, mean and median error
over the toponyms found and resolved to some place, and the AUC of the error curve (Gritta et
al. 2018: the area under log(1 + error) over all toponyms, a toponym not found or unresolved
counting as the largest error, 20,039 km; 0 is perfect, 1 is worst).

    python -m thucydides.evaluate.geo ../shared/gold/dev ../shared/gold/geo [--misses]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import statistics
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from thucydides.evaluate.gold import GoldItem, GoldPlace, load_gold
from thucydides.evaluate.matching import distance_km
from thucydides.model import PlaceMention

ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference


@dataclass(frozen=True, slots=True)
class PlaceJudgement:
    article_id: str
    text: str
    found: bool
    resolved: bool
    exact: bool
    error_km: float | None  # None: not found, or found but unresolved
    predicted: str | None  # the best same-text mention's gazetteer name and id, for reading misses


@dataclass(frozen=True, slots=True)
class EventPlaceJudgement:
    """Whether some mention of the article resolves to a gold event's place (its ids or radius)."""

    article_id: str
    event_id: str
    text: str | None
    resolved: bool
    nearest: str | None  # the closest resolved mention, for reading misses


@dataclass(frozen=True)
class GeoScore:
    judgements: tuple[PlaceJudgement, ...]
    seconds_per_article: float | None = None
    notes: tuple[str, ...] = field(default=())
    event_places: tuple[EventPlaceJudgement, ...] = field(default=())

    @property
    def toponyms(self) -> int:
        return len(self.judgements)

    def _share(self, count: int) -> float:
        return count / self.toponyms if self.toponyms else 0.0

    @property
    def found(self) -> float:
        return self._share(sum(j.found for j in self.judgements))

    @property
    def accuracy_161(self) -> float:
        return self._share(sum(j.resolved for j in self.judgements))

    @property
    def exact(self) -> float:
        return self._share(sum(j.exact for j in self.judgements))

    @property
    def errors(self) -> list[float]:
        return [j.error_km for j in self.judgements if j.error_km is not None]

    @property
    def mean_error_km(self) -> float | None:
        return statistics.fmean(self.errors) if self.errors else None

    @property
    def median_error_km(self) -> float | None:
        return statistics.median(self.errors) if self.errors else None

    @property
    def auc(self) -> float:
        """Area under the curve of sorted, log-scaled errors (trapezoid rule over [0, 1])."""
        values = sorted(
            math.log1p(MAX_ERROR_KM if j.error_km is None else min(j.error_km, MAX_ERROR_KM)) / math.log1p(MAX_ERROR_KM)
            for j in self.judgements
        )
        if len(values) < 2:
            return values[0] if values else 0.0
        step = 1 / (len(values) - 1)
        return sum((a + b) / 2 * step for a, b in zip(values, values[1:]))

    @property
    def event_places_resolved(self) -> float | None:
        if not self.event_places:
            return None
        return sum(j.resolved for j in self.event_places) / len(self.event_places)

    def metrics(self) -> dict[str, float | int | None]:
        def rounded(value: float | None, digits: int = 4) -> float | None:
            return None if value is None else round(value, digits)

        return {
            "toponyms": self.toponyms,
            "found": rounded(self.found),
            "accuracy_161km": rounded(self.accuracy_161),
            "exact": rounded(self.exact),
            "mean_error_km": rounded(self.mean_error_km, 1),
            "median_error_km": rounded(self.median_error_km, 1),
            "auc": rounded(self.auc),
            "event_places": len(self.event_places),
            "event_places_resolved": rounded(self.event_places_resolved),
            "ms_per_article": rounded(None if self.seconds_per_article is None else self.seconds_per_article * 1000, 2),
        }

    def summary(self) -> str:
        m = self.metrics()
        mean = "-" if m["mean_error_km"] is None else f"{m['mean_error_km']:.0f} km"
        median = "-" if m["median_error_km"] is None else f"{m['median_error_km']:.0f} km"
        parts = []
        if self.toponyms:
            parts.append(
                f"places: {m['toponyms']} gold toponyms, found {self.found:.1%}, accuracy@161km {self.accuracy_161:.1%}, "
                f"exact {self.exact:.1%}, mean error {mean}, median {median}, AUC {self.auc:.3f}"
            )
        if self.event_places:
            done = sum(j.resolved for j in self.event_places)
            parts.append(f"event places resolved {done}/{len(self.event_places)}")
        if m["ms_per_article"] is not None:
            parts.append(f"{m['ms_per_article']:.1f} ms/article (CPU)")
        return "; ".join(parts) or "nothing to score: no gold item lists places or events"


def judge_place(article_id: str, gold: GoldPlace, mentions: Sequence[PlaceMention]) -> PlaceJudgement:
    same_text = [m for m in mentions if m.text == gold.text]
    best_error: float | None = None
    best_name: str | None = None
    exact = False
    for mention in same_text:
        entry = mention.entry
        if entry is None:
            continue
        if entry.geonameid in gold.geonameids:
            error = 0.0
            exact = True
        elif gold.point is not None and entry.latitude is not None and entry.longitude is not None:
            error = distance_km(gold.point, (entry.latitude, entry.longitude))
        else:
            continue
        if best_error is None or error < best_error:
            best_error, best_name = error, f"{entry.name} {entry.geonameid} {entry.country_iso or ''}".strip()
    if best_name is None and same_text and same_text[0].entry is not None:
        entry = same_text[0].entry
        best_name = f"{entry.name} {entry.geonameid} (no gold point)"
    resolved = best_error is not None and best_error <= ACCURACY_KM
    return PlaceJudgement(article_id, gold.text, bool(same_text), resolved, exact, best_error, best_name)


def judge_event_places(item: GoldItem, mentions: Sequence[PlaceMention]) -> list[EventPlaceJudgement]:
    """For each gold event: does some mention resolve to its place (a gold id, or within its capped radius)?"""
    from thucydides.evaluate.matching import capped_radii

    judgements = []
    for event, radius in zip(item.events, capped_radii(item.events)):
        location = event.location
        best: tuple[float, str] | None = None
        for mention in mentions:
            entry = mention.entry
            if entry is None:
                continue
            if entry.geonameid in location.geonameids:
                distance = 0.0
            elif location.point is not None and entry.latitude is not None and entry.longitude is not None:
                distance = distance_km(location.point, (entry.latitude, entry.longitude))
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, f"{mention.text} → {entry.name} {entry.geonameid} ({distance:.0f} km)")
        resolved = best is not None and (best[0] == 0.0 or best[0] <= radius)
        judgements.append(EventPlaceJudgement(item.article_id, event.id, location.text, resolved, best[1] if best else None))
    return judgements


def score_places(
    gold_items: Sequence[GoldItem], predicted: Mapping[str, Sequence[PlaceMention]], *, seconds_per_article: float | None = None
) -> GeoScore:
    """Judge every gold toponym (items with ``places``) and every gold event's place against the mentions."""
    judgements: list[PlaceJudgement] = []
    event_places: list[EventPlaceJudgement] = []
    notes: list[str] = []
    for item in gold_items:
        if item.places is None and not item.events:
            continue
        if item.article_id not in predicted:
            notes.append(f"no prediction for {item.article_id}: its toponyms and event places count as missed")
        mentions = predicted.get(item.article_id, ())
        if item.places is not None:
            judgements.extend(judge_place(item.article_id, place, mentions) for place in item.places)
        event_places.extend(judge_event_places(item, mentions))
    return GeoScore(tuple(judgements), seconds_per_article, tuple(notes), tuple(event_places))


def geocode_gold(gold_items: Sequence[GoldItem], *, geocoder=None, parse: bool = True) -> tuple[dict[str, list[PlaceMention]], float]:
    """The geocoder's mentions for every gold item with places or events, and the mean CPU seconds of geocoding per article."""
    from thucydides.analyse import load_nlp
    from thucydides.evaluate.run import gold_article
    from thucydides.geocode import default_geocoder

    geocoder = geocoder or default_geocoder()
    items = [item for item in gold_items if item.places is not None or item.events]
    articles = [gold_article(item) for item in items]
    nlp = load_nlp() if parse else None
    docs = list(nlp.pipe(a.text for a in articles)) if nlp else [None] * len(articles)
    geocoder.find_places("warm-up: Kabul", None)  # opens the index once, outside the timing
    predicted: dict[str, list[PlaceMention]] = {}
    # The scorer holds every article's parse at once (the pipeline holds one): a full garbage
    # collection inside the timed loop would walk them all and bill it to geocoding. Frozen
    # objects are left out of collections.
    gc.collect()
    gc.freeze()
    try:
        # CPU time, not wall time: on a shared machine the wall clock measures the neighbours
        started = time.process_time()
        for article, doc in zip(articles, docs):
            predicted[article.id] = geocoder.find_places(article.text, doc)
        seconds = (time.process_time() - started) / max(1, len(articles))
    finally:
        gc.unfreeze()
    return predicted, seconds


def print_misses(result: GeoScore) -> None:
    for j in result.judgements:
        if not j.resolved:
            state = "not found" if not j.found else f"wrong: {j.predicted} ({'-' if j.error_km is None else f'{j.error_km:.0f} km'})"
            print(f"{j.article_id}\t{j.text}\t{state}")
    for e in result.event_places:
        if not e.resolved:
            print(f"{e.article_id}\tevent {e.event_id} at {e.text}\tnot resolved (nearest: {e.nearest or 'none'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m thucydides.evaluate.geo", description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+", help="gold files or folders (items without places are skipped)")
    parser.add_argument("--misses", action="store_true", help="list the toponyms not found or not resolved")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("--no-parse", action="store_true", help="geocode without the spaCy parse")
    args = parser.parse_args(argv)
    from thucydides.errors import ThucydidesError

    try:
        items = [item for path in args.gold for item in load_gold(path)]
        predicted, seconds = geocode_gold(items, parse=not args.no_parse)
    except ThucydidesError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    result = score_places(items, predicted, seconds_per_article=seconds)
    if args.misses:
        print_misses(result)
    print(json.dumps(result.metrics(), indent=2) if args.json else result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["GeoScore", "PlaceJudgement", "geocode_gold", "judge_place", "score_places"]
