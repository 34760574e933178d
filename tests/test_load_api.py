"""A short, bounded run of benchmarks/load_test.py: a real server under steady load, no errors.

2 s at 50 requests/s of GET /events on a 1,000-event store, on 127.0.0.1. Timing is reported,
not asserted (the suite shares 2 cores); the full run and its figures are in docs/reliability.md.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _load_test_module():
    spec = importlib.util.spec_from_file_location("load_test", ROOT / "benchmarks" / "load_test.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("load_test", module)
    spec.loader.exec_module(module)
    return module


load_test = _load_test_module()


def test_the_synthetic_store_holds_the_events_asked_for(tmp_path):
    assert load_test.build_store(tmp_path / "s.db", 120) == 120


@pytest.mark.timeout(240)
def test_a_short_load_run_has_no_errors(tmp_path):
    report = load_test.run_load_test(events=1_000, rate=50, duration=2, db=tmp_path / "load.db")
    print("\n".join(report.lines()))
    assert report.events == 1_000
    assert report.sent == 100
    assert report.errors == 0, report.error_samples
    assert report.completed == report.sent
