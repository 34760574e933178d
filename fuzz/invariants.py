"""What must hold for any input, checked by the fuzz targets and by the hypothesis tests.

A reader turns any bytes into Articles and InputErrors (never another exception); an error is
one line naming its input. The pipeline turns any Article into an ArticleResult that keeps the
output contract (shared/spec/output.md): evidence and place offsets are slices of the cleaned
text, statuses and event types are known labels, confidences lie in [0, 1], and the JSON line
is valid JSON without NaN. A failed check raises AssertionError, which the fuzzer reports as a
crash with the input that caused it.
"""

from __future__ import annotations

import json
import math
from typing import Any, Iterable

from thucydides.errors import InputError
from thucydides.model import STATUSES, Article, ArticleResult

# ACLED's six event types (shared/spec/taxonomy.md)
EVENT_TYPES = frozenset(
    {
        "Battles",
        "Violence against civilians",
        "Explosions/Remote violence",
        "Riots",
        "Protests",
        "Strategic developments",
    }
)


def check_reader_items(items: Iterable[object], source: str) -> list[object]:
    """Every item read from ``source`` is an Article or an InputError naming ``source``."""
    items = list(items)
    assert items, f"reading {source} gave nothing: not even an error"
    for item in items:
        if isinstance(item, InputError):
            assert item.source.startswith(source), f"the error names {item.source!r}, not {source!r}"
            assert "\n" not in str(item) and "\r" not in str(item), f"the error is not one line: {str(item)!r}"
            assert item.fix, f"the error says no fix: {item}"
        else:
            assert isinstance(item, Article), f"the reader gave a {type(item).__name__}"
            check_article(item)
    return items


def check_article(article: Article) -> None:
    assert article.id and isinstance(article.id, str)
    assert article.text.strip(), "an Article without text"
    assert "\x00" not in article.text, "a NUL character reached the cleaned text"


def check_result(result: ArticleResult, article: Article) -> None:
    """The pipeline's result for ``article`` keeps the output contract."""
    assert isinstance(result, ArticleResult)
    assert result.article == article
    text = article.text
    for place in result.places:
        assert 0 <= place.start <= place.end <= len(text), f"place {place.text!r} at {place.start}:{place.end} is outside the text"
        assert text[place.start : place.end] == place.text, f"place {place.text!r} is not the text at {place.start}:{place.end}"
        assert 0.0 <= place.confidence <= 1.0
    ids = [event.id for event in result.events]
    assert len(ids) == len(set(ids)), f"event ids repeat: {ids}"
    for event in result.events:
        assert event.id, "an event without id"
        assert event.event_type in EVENT_TYPES, f"unknown event type {event.event_type!r}"
        assert event.sub_event_type, "an event without sub-event type"
        assert event.status in STATUSES, f"unknown status {event.status!r}"
        assert 0.0 <= event.confidence <= 1.0, f"confidence {event.confidence}"
        assert event.fatalities.count >= 0, f"negative fatalities {event.fatalities}"
        assert event.evidence, f"event {event.id} has no evidence"
        for span in event.evidence:
            assert 0 <= span.start < span.end <= len(text), f"evidence {span} is outside the text"
            assert text[span.start : span.end] == span.text, f"evidence {span.text!r} is not the text at {span.start}:{span.end}"
    check_json(result)


def check_json(result: ArticleResult) -> None:
    from thucydides import output

    data = output.result_to_dict(result, with_text=True, with_places=True)
    line = json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert "\n" not in output.to_json_line(data), "a JSONL line spans lines"
    assert json.loads(line) == data
    _no_empty_strings(data["events"], "events")


def _no_empty_strings(value: Any, where: str) -> None:
    """output.md: a field that cannot be determined is null, never an empty string."""
    if isinstance(value, dict):
        for key, item in value.items():
            _no_empty_strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _no_empty_strings(item, f"{where}[{index}]")
    elif isinstance(value, str):
        assert value != "", f"{where} is an empty string, not null"
    elif isinstance(value, float):
        assert math.isfinite(value), f"{where} is {value}"
