"""The geoparsing scorer (thucydides.evaluate.geo) on hand-made gold and predictions."""

from __future__ import annotations

import json

import pytest

from thucydides.evaluate.geo import MAX_ERROR_KM, score_places
from thucydides.evaluate.gold import parse_item
from thucydides.model import GazetteerEntry, PlaceMention


def entry(geonameid: int, lat: float, lon: float) -> GazetteerEntry:
    return GazetteerEntry(geonameid, f"place {geonameid}", "PPL", "XX", "X", None, None, lat, lon)


GOLD = parse_item(
    {
        "article": {"id": "a1", "text": "Alpha, Beta, Gamma, Delta and Epsilon."},
        "events": [{"id": "E1", "required": True, "event_type": "Battles", "sub_event_type": "Armed clash",
                    "location": {"text": "Beta", "geonameids": [2], "latitude": 10.0, "longitude": 10.0}}],
        "places": [
            {"text": "Alpha", "geonameids": [1], "latitude": 0.0, "longitude": 0.0},
            {"text": "Beta", "geonameids": [2], "latitude": 10.0, "longitude": 10.0},
            {"text": "Gamma", "geonameids": [3], "latitude": 20.0, "longitude": 20.0},
            {"text": "Delta", "geonameids": [], "latitude": 30.0, "longitude": 30.0},
            {"text": "Epsilon", "geonameids": [5], "latitude": 40.0, "longitude": 40.0},
        ],
    },
    origin="test",
)
PREDICTED = {
    "a1": [
        PlaceMention("Alpha", 0, 5, entry(1, 0.0, 0.0)),  # exact id
        PlaceMention("Beta", 7, 11, entry(99, 10.5, 10.0)),  # ~56 km away: resolved, not exact
        PlaceMention("Gamma", 13, 18, entry(98, 25.0, 20.0)),  # ~556 km away: found, wrong
        PlaceMention("Delta", 20, 25, None),  # found, unresolved
        # Epsilon: not found
    ]
}


def test_found_resolved_exact_and_errors():
    score = score_places([GOLD], PREDICTED)
    assert score.toponyms == 5
    assert score.found == pytest.approx(4 / 5)
    assert score.accuracy_161 == pytest.approx(2 / 5)
    assert score.exact == pytest.approx(1 / 5)
    errors = sorted(score.errors)
    assert errors[0] == 0.0 and 50 < errors[1] < 60 and 550 < errors[2] < 560
    assert score.median_error_km == pytest.approx(errors[1])
    assert 0.0 < score.auc < 1.0
    assert [e.resolved for e in score.event_places] == [False]  # 56 km is outside the event's 25 km


def test_event_place_needs_id_or_radius():
    far = {"a1": [PlaceMention("Beta", 7, 11, entry(99, 10.5, 10.0))]}
    assert [e.resolved for e in score_places([GOLD], far).event_places] == [False]
    near = {"a1": [PlaceMention("Beta", 7, 11, entry(99, 10.1, 10.0))]}  # 11 km
    assert [e.resolved for e in score_places([GOLD], near).event_places] == [True]
    same_id = {"a1": [PlaceMention("Beta", 7, 11, entry(2, 50.0, 50.0))]}
    assert [e.resolved for e in score_places([GOLD], same_id).event_places] == [True]


def test_perfect_and_empty_predictions():
    perfect = {"a1": [PlaceMention(p.text, 0, 1, entry(next(iter(p.geonameids), 0), *p.point)) for p in GOLD.places]}
    score = score_places([GOLD], perfect)
    assert (score.found, score.accuracy_161, score.auc) == (1.0, 1.0, 0.0)
    missing = score_places([GOLD], {})
    assert missing.found == 0.0 and missing.auc == pytest.approx(1.0) and missing.notes
    assert MAX_ERROR_KM > 20000


def test_metrics_are_json():
    metrics = score_places([GOLD], PREDICTED).metrics()
    assert json.loads(json.dumps(metrics))["toponyms"] == 5
