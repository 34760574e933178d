"""Shared fixtures. Tests that need ../shared read it at run time and skip, saying why, without it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("THUCYDIDES_SHARED", ROOT.parent / "shared"))
SEED_PATH = ROOT / "examples" / "seed.txt"
SEED_PUBLISHED = "2021-08-20"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"../shared/gold is absent ({SHARED}): gold-based checks need it")
    return SHARED


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    return shared_dir / "gold"


@pytest.fixture(scope="session")
def seed_gold(gold_dir: Path) -> dict:
    return json.loads((gold_dir / "seed.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    from thucydides.analyse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def geocoder():
    """The default geocoder: its index is built once in the normal cache dir and reused."""
    from thucydides.config import load_settings
    from thucydides.geocode import Geocoder

    return Geocoder(settings=load_settings())


@pytest.fixture(scope="session")
def pipeline_events(nlp, geocoder):
    """A table case ({"text", "published"}) through the whole pipeline, as `thucydides extract`
    runs it: parse, real geocoder, extraction. Its events."""
    import datetime as dt

    from thucydides.model import Article
    from thucydides.pipeline import process_article

    def events(case: dict):
        article = Article(id="table-case", text=case["text"], published=dt.date.fromisoformat(case["published"]))
        return process_article(article, nlp=nlp, geocoder=geocoder).events

    return events
