"""The public surface of thucydides.ingest, its import cost, and the gold texts surviving cleaning."""

from __future__ import annotations

import json
import subprocess
import sys

import thucydides.ingest
from thucydides.ingest import normalise_text, read_text_article


def test_public_names_are_pinned():
    assert sorted(thucydides.ingest.__all__) == [
        "FORMAT_OF_SUFFIX",
        "NearDuplicateIndex",
        "article_from_record",
        "article_id",
        "clean_text",
        "clean_title",
        "compose_text",
        "normalise_text",
        "parse_published",
        "read_inputs",
        "read_text_article",
        "signature",
        "similarity",
    ]


def test_importing_ingest_loads_no_parser_model_or_network_library():
    code = (
        "import sys, thucydides.ingest; "
        "print([m for m in ('trafilatura', 'feedparser', 'numpy', 'httpx', 'spacy') if m in sys.modules])"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


def _gold_items(gold_dir):
    for path in sorted((gold_dir / "dev").glob("*.json")) + [gold_dir / "seed.json"]:
        data = json.loads(path.read_text(encoding="utf-8"))
        yield from data if isinstance(data, list) else [data]


def test_every_gold_span_is_found_in_the_cleaned_text(gold_dir):
    """Cleaning keeps every hand-coded evidence, not-current and place text (after normalise_text)."""
    shared = gold_dir.parent
    missing = []
    for item in _gold_items(gold_dir):
        article = item["article"]
        text = article.get("text") or (shared / article["file"]).read_text(encoding="utf-8")
        cleaned = read_text_article(text, title=article.get("title")).text
        spans = [event["evidence"] for event in item.get("events", []) if event.get("evidence")]
        spans += [passage["text"] for passage in item.get("not_current_events", [])]
        spans += [place["text"] for place in item.get("places", []) if isinstance(place, dict) and place.get("text")]
        missing += [(article.get("id"), span) for span in spans if normalise_text(span) not in cleaned]
    assert missing == []
