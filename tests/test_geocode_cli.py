"""`thucydides geocode` and `thucydides gazetteer info` as a user runs them."""

from __future__ import annotations

import json

from conftest import SEED_PATH
from thucydides.cli.main import main


def test_geocode_table_on_the_seed(capsys):
    assert main(["geocode", str(SEED_PATH), "--published", "2021-08-20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{SEED_PATH}: ") or "seed.txt" in out.splitlines()[0]
    line = next(l for l in out.splitlines() if " Deh Saleh " in l)
    assert "AF" in line and ("7052901" in line or "1143529" in line)
    assert "why:" in out


def test_geocode_jsonl_has_the_output_md_place_fields(capsys):
    assert main(["geocode", str(SEED_PATH), "--format", "jsonl", "--no-parse"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    place = next(p for p in record["places"] if p["text"] == "Pul-Hesar")
    assert {"text", "start", "end", "geonameid", "name", "feature", "country_iso", "admin1", "admin2",
            "latitude", "longitude"} <= set(place)
    assert place["geonameid"] in (7052909, 1464922) and place["country_iso"] == "AF"
    text = SEED_PATH.read_text(encoding="utf-8")
    assert "Pul-Hesar" in text


def test_geocode_reports_bad_inputs_and_goes_on(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Fighting broke out in Mogadishu, the capital of Somalia.\n", encoding="utf-8")
    code = main(["geocode", str(tmp_path / "missing.txt"), str(good), "--no-parse"])
    captured = capsys.readouterr()
    assert code == 1
    assert "missing.txt" in captured.err and captured.err.startswith("Error: ")
    assert "Mogadishu" in captured.out and "SO" in captured.out


def test_geocode_score_on_a_gold_file_of_our_own(tmp_path, capsys):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({
        "article": {"id": "own-1", "text": "Shelling hit Kharkiv and Izium in eastern Ukraine on Monday."},
        "events": [],
        "places": [
            {"text": "Kharkiv", "geonameids": [706483], "latitude": 49.98, "longitude": 36.25},
            {"text": "Izium", "geonameids": [], "latitude": 49.21, "longitude": 37.26},
            {"text": "Ukraine", "geonameids": [690791], "latitude": 49.0, "longitude": 32.0},
        ],
    }), encoding="utf-8")
    assert main(["geocode", "--score", str(gold), "--misses", "--no-parse"]) == 0
    out = capsys.readouterr().out
    assert "places: 3 gold toponyms, found 100.0%" in out and "ms/article" in out


def test_geocode_needs_input(capsys):
    assert main(["geocode"]) == 1
    assert "no input given" in capsys.readouterr().err


def test_gazetteer_info_names_the_index(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("THUCYDIDES_CACHE_DIR", str(tmp_path))
    assert main(["gazetteer", "info"]) == 0
    assert "not built yet" in capsys.readouterr().out
