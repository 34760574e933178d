"""Same place, and one-to-one matching of output events to gold events (seed.json "scoring").

An output location is the gold place when its geonameid is one of the gold ids, or when it lies
within the gold radius (default 25 km) of the gold point. The radius is capped at half the
distance to the nearest other gold place of the same article, so that, for three districts
8–19 km apart, a point can only count for the district it is nearest to.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence, TypeVar

from thucydides.evaluate.gold import GoldEvent, GoldLocation
from thucydides.evaluate.outputs import OutputLocation

EARTH_RADIUS_KM = 6371.0088
# two gold locations closer than this are one place coded twice (an event and its optional twin)
SAME_PLACE_KM = 1.0

Gold = TypeVar("Gold")
Output = TypeVar("Output")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _same_place(a: GoldLocation, b: GoldLocation) -> bool:
    if a.geonameids and a.geonameids == b.geonameids:
        return True
    if a.point is None or b.point is None:
        return False
    return distance_km(a.point, b.point) < SAME_PLACE_KM


def capped_radii(events: Sequence[GoldEvent]) -> list[float]:
    """The radius of each gold event's place, capped by the article's other gold places."""
    radii: list[float] = []
    for event in events:
        location = event.location
        radius = location.radius_km
        if location.point is not None:
            for other in events:
                if other.location.point is None or _same_place(location, other.location):
                    continue
                radius = min(radius, distance_km(location.point, other.location.point) / 2)
        radii.append(radius)
    return radii


def place_distance(output: OutputLocation | None, gold: GoldLocation, radius_km: float) -> float | None:
    """How far ``output`` is from the gold place when it is the same place (0 for an id match), else None."""
    if output is None:
        return None
    if output.geonameid is not None and output.geonameid in gold.geonameids:
        return 0.0
    if output.point is None or gold.point is None:
        return None
    distance = distance_km(output.point, gold.point)
    return distance if distance <= radius_km else None


def one_to_one(
    golds: Sequence[Gold], outputs: Sequence[Output], cost: Callable[[Gold, Output], Any]
) -> dict[int, int]:
    """A maximum one-to-one matching, gold index → output index, taking golds in order.

    ``cost`` is None when a pair cannot match, else lower is a better pair: each gold tries its
    cheapest partner first. Kuhn's augmenting paths never unmatch a gold matched earlier (they
    may move it to another output), so passing the required golds first matches as many of them
    as possible, and optional golds then only take what required ones can spare.
    """
    output_of: dict[int, int] = {}
    gold_of: dict[int, int] = {}

    def partners(g: int) -> list[int]:
        costs = ((cost(golds[g], outputs[o]), o) for o in range(len(outputs)))
        return [o for c, o in sorted((c, o) for c, o in costs if c is not None)]

    candidates = {g: partners(g) for g in range(len(golds))}

    def augment(g: int, visited: set[int]) -> bool:
        for o in candidates[g]:
            if o in visited:
                continue
            visited.add(o)
            if o not in gold_of or augment(gold_of[o], visited):
                gold_of[o] = g
                output_of[g] = o
                return True
        return False

    for g in range(len(golds)):
        augment(g, set())
    return output_of
