"""Reading gold files and extract JSONL for scoring: the shapes accepted, the errors raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.errors import GoldError
from thucydides.evaluate import load_gold, load_outputs, score_gold
from thucydides.evaluate.spans import find_passage

ITEM = {
    "article": {"id": "x1", "text": "Gunmen attacked a convoy near Lunel on Friday.", "published": "2022-05-06"},
    "events": [
        {
            "id": "G1",
            "required": True,
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "status": "reported",
            "actor1": ["Unidentified Armed Group (Testland)"],
            "actor2": [],
            "location": {"text": "Lunel", "geonameids": [5], "latitude": 1.0, "longitude": 2.0},
            "date": "2022-05-06",
            "fatalities": 0,
            "attribution": [],
        }
    ],
    "not_current_events": [],
}


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_file_holds_one_item_or_a_list_and_a_folder_is_read_recursively(tmp_path):
    write(tmp_path / "gold" / "one.json", ITEM)
    second = json.loads(json.dumps(ITEM))
    second["article"]["id"] = "x2"
    write(tmp_path / "gold" / "sub" / "many.json", [second])
    items = load_gold(tmp_path / "gold")
    assert [item.article_id for item in items] == ["x1", "x2"]
    event = items[0].events[0]
    assert event.location.radius_km == 25.0 and event.location.geonameids == {5}
    assert items[0].published.isoformat() == "2022-05-06" and items[0].places is None


def test_article_file_is_relative_to_the_gold_roots_parent(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "r.txt").write_text("Headline\n\nBody of the report.", encoding="utf-8")
    item = dict(ITEM, article={"id": "s", "file": "seeds/r.txt", "published": "2022-05-06"})
    path = write(tmp_path / "gold" / "seed.json", item)
    assert load_gold(path)[0].text.startswith("Headline")
    missing = write(tmp_path / "gold" / "bad.json", dict(item, article={"id": "t", "file": "seeds/none.txt"}))
    with pytest.raises(GoldError, match="seeds/none.txt"):
        load_gold(missing)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        (json.dumps({"events": []}), "article"),
        (json.dumps(dict(ITEM, article={"id": "x"})), "neither \"text\" nor \"file\""),
        (json.dumps(dict(ITEM, events=[dict(ITEM["events"][0], location={"text": "Nowhere"})])), "neither geonameids"),
        (json.dumps(dict(ITEM, events=[dict(ITEM["events"][0], date="Friday")])), "not a YYYY-MM-DD"),
        (json.dumps(dict(ITEM, events=[dict(ITEM["events"][0], fatalities="many")])), "not a whole number"),
        (json.dumps([ITEM, ITEM]), "also used by"),
        (json.dumps(dict(ITEM, events=ITEM["events"] * 2)), "event ids repeat"),
    ],
)
def test_malformed_gold_names_the_file_and_the_problem(tmp_path, content, message):
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message) as raised:
        load_gold(path)
    assert str(path) in str(raised.value)


def test_missing_gold_path(tmp_path):
    with pytest.raises(GoldError, match="no such gold file"):
        load_gold(tmp_path / "nope.json")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldError, match="no .json gold files"):
        load_gold(tmp_path / "empty")


def test_outputs_read_the_extract_contract_and_name_a_bad_line(tmp_path):
    good = {
        "article": {"id": "x1", "text": "t", "places": [{"text": "Lunel", "geonameid": 5, "latitude": 1.0, "longitude": 2.0}]},
        "events": [{"id": "e1", "sub_event_type": "Armed clash", "date": {"value": "2022-05-06"}, "fatalities": {"count": 3}}],
    }
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(good) + "\n\n", encoding="utf-8")
    [article] = load_outputs(path)
    assert article.places[0].geonameid == 5 and article.events[0].fatalities == 3 and article.events[0].date == "2022-05-06"
    assert article.events[0].location is None and article.events[0].actor1 is None
    path.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"out.jsonl line 2: not JSON"):
        load_outputs(path)
    path.write_text(json.dumps({"events": []}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="line 1"):
        load_outputs(path)
    with pytest.raises(GoldError, match="no such output file"):
        load_outputs(tmp_path / "none.jsonl")


def test_gold_passages_are_found_despite_quotes_and_spacing():
    text = "He said: \u201cWe took   the town\u201d \u2014 and left."
    [(start, end)] = find_passage('"We took the town" - and', text)
    assert text[start:end] == "\u201cWe took   the town\u201d \u2014 and"


def test_shared_gold_loads_and_an_output_copied_from_it_scores_perfectly(gold_dir):
    """Every shared gold file loads; an output that repeats the gold scores 1.0 on every metric."""
    items = load_gold(gold_dir / "dev") + load_gold(gold_dir / "seed.json")
    lines = []
    for item in items:
        events = []
        for gold in item.events:
            if gold.status == "planned":  # a planned gold event can only be found by being ignored
                continue
            start, end = find_passage(gold.evidence, item.text)[0]
            location = gold.location
            events.append(
                {
                    "id": f"o-{gold.id}",
                    "event_type": gold.event_type,
                    "sub_event_type": gold.sub_event_type,
                    "status": gold.status,
                    "actor1": {"name": gold.actor1[0], "text": None},
                    "actor2": {"name": gold.actor2[0], "text": None} if gold.actor2 else None,
                    "location": {"text": location.text, "geonameid": None, "latitude": location.latitude, "longitude": location.longitude},
                    "date": {"value": gold.date.isoformat() if gold.date else None},
                    "fatalities": {"count": gold.fatalities},
                    "attribution": [{"speaker": name} for name in gold.attribution],
                    "evidence": [{"start": start, "end": end, "text": item.text[start:end]}],
                }
            )
        places = [{"text": p.text, "geonameid": min(p.geonameids, default=None), "latitude": p.latitude, "longitude": p.longitude} for p in item.places or []]
        lines.append({"article": {"id": item.article_id, "places": places}, "events": events})
    from thucydides.evaluate.outputs import output_from_dict

    report = score_gold(items, [output_from_dict(line, origin="copy") for line in lines])
    metrics = report.metrics()
    assert report.fn == 0 and report.fp == 0 and report.tp == 30
    for name, value in metrics.items():
        if name.endswith(("_accuracy", "_f1", "_precision", "_recall")) or name.startswith("places_"):
            assert value == 1.0, name
