"""Issue 2's acceptance check, through the command line as a user runs it:
`thucydides extract examples/seed.txt --published 2021-08-20 --format jsonl --with-text`,
then `thucydides score` against ../shared/gold/seed.json."""

from __future__ import annotations

import json

from conftest import SEED_PATH, SEED_PUBLISHED

from thucydides.cli.main import main


def test_extract_then_score_the_seed(tmp_path, gold_dir, capsys):
    out = tmp_path / "seed.jsonl"
    code = main(["extract", str(SEED_PATH), "--published", SEED_PUBLISHED, "--format", "jsonl", "--with-text", "--output", str(out)])
    assert code == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    data = json.loads(line)
    text = data["article"]["text"]
    for event in data["events"]:
        assert event["evidence"], f"event {event['id']} has no evidence"
        for span in event["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]

    # the gold names the seed by its path under shared/; score against our own copy's output
    seed_gold = json.loads((gold_dir / "seed.json").read_text(encoding="utf-8"))
    data["article"]["id"] = seed_gold["article"]["id"]
    out.write_text(json.dumps(data) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["score", str(gold_dir / "seed.json"), str(out)]) == 0
    summary = capsys.readouterr().out.splitlines()[0]
    assert "P=1.00 R=1.00" in summary and "fp=0" in summary and "history_fp=0" in summary, summary
