"""`thucydides ingest --results`, `thucydides events`, `thucydides control`: exit codes, exact
error lines, summary line and every export format (in-process, real SQLite files)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from test_store_fixtures import BOKO, ISWAP, article, event, result

from thucydides import output
from thucydides.cli.main import main


def results_file(path: Path, results) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for item in results:
            stream.write(output.to_json_line(output.result_to_dict(item, with_text=True, with_places=True)) + "\n")
    return path


def corpus():
    return [
        result(article("a", "Daily Trust: ISWAP took Bama, killing 12 soldiers.", source="Daily Trust"),
               event("a1", deaths=12, evidence="ISWAP took Bama")),
        result(article("b", "HumAngle: ISWAP says it captured Bama.", source="HumAngle"),
               event("b1", status="claimed", speaker="ISWAP statement", evidence="captured Bama")),
        result(article("c", "Premium Times: the army denied losing Bama.", source="Premium Times"),
               event("c1", status="denied", speaker="army spokesman", evidence="denied losing Bama")),
        result(article("d", "Boko Haram gunmen attacked villagers near Gwoza.", source="Daily Trust"),
               event("d1", sub="Attack", place="Gwoza", actor1=BOKO, actor2=None, deaths=4, day=dt.date(2023, 3, 6), evidence="attacked villagers")),
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    assert main(["ingest", "--results", str(results_file(tmp_path / "r.jsonl", corpus())), "--db", str(path)]) == 0
    return path


def test_ingest_summary_and_idempotence(tmp_path: Path, capsys):
    source = results_file(tmp_path / "r.jsonl", corpus())
    path = tmp_path / "x.db"
    assert main(["ingest", "--results", str(source), "--db", str(path)]) == 0
    assert capsys.readouterr().err.strip() == "ingested 4 articles (4 new, 0 unchanged, 0 duplicates), 2 events"
    assert main(["ingest", "--results", str(source), "--db", str(path)]) == 0
    assert capsys.readouterr().err.strip() == "ingested 4 articles (0 new, 4 unchanged, 0 duplicates), 2 events"


def test_bad_inputs_are_reported_and_the_good_ones_stored(tmp_path: Path, capsys):
    source = results_file(tmp_path / "r.jsonl", corpus()[:1])
    with source.open("a") as stream:
        stream.write("{not json\n")
        stream.write('{"article": {"id": "x"}, "events": []}\n')
    path = tmp_path / "bad.db"
    assert main(["ingest", "--results", str(source), str(tmp_path / "missing.jsonl"), "--db", str(path)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].startswith(f"Error: {source} line 2: is not JSON")
    assert lines[1] == f"Error: {source} line 3: has no article.text — extract it with --with-text"
    assert lines[2].startswith(f"Error: {tmp_path / 'missing.jsonl'}: cannot be read")
    assert lines[3] == "ingested 1 articles (1 new, 0 unchanged, 0 duplicates), 1 events"


def test_events_jsonl_has_sources_and_claims(db: Path, capsys):
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["sub_event_type"] for line in lines] == ["Attack", "Non-state actor overtakes territory"]
    bama = lines[1]
    assert [s["source"] for s in bama["sources"]] == ["Daily Trust", "HumAngle", "Premium Times"]
    assert bama["corroboration"] == 2 and bama["review_state"] == "unreviewed"
    assert [c["stance"] for c in bama["claims"]] == ["asserts", "asserts", "denies"]
    assert set(output.event_to_dict(event("x"))) <= set(bama)


def test_events_csv_uses_acled_columns_in_order(db: Path, capsys):
    assert main(["events", "--db", str(db), "--format", "csv", "--country", "NG", "--event-type", "Battles"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    header = rows[0]
    assert tuple(header[: len(output.ACLED_CSV_COLUMNS)]) == output.ACLED_CSV_COLUMNS
    assert header[-3:] == ["corroboration", "review_state", "event_sources"]
    assert len(rows) == 2
    row = dict(zip(header, rows[1]))
    assert (row["location"], row["fatalities"], row["source"], row["corroboration"]) == ("Bama", "12", "Daily Trust; HumAngle; Premium Times", "2")


def test_events_filters_and_status(db: Path, capsys):
    def count(*args):
        assert main(["events", "--db", str(db), "--format", "jsonl", *args]) == 0
        return len(capsys.readouterr().out.splitlines())
    assert count() == 2
    assert count("--from", "2023-03-05") == 1
    assert count("--to", "2023-03-05") == 1
    assert count("--actor", "boko") == 1
    assert count("--admin1", "Kano") == 0
    assert count("--status", "denied") == 0  # the denial is a claim of the Bama event, not an event
    assert count("--min-corroboration", "2") == 1


def test_events_geojson_and_parquet_files(db: Path, tmp_path: Path, capsys):
    target = tmp_path / "events.geojson"
    assert main(["events", "--db", str(db), "--format", "geojson", "--output", str(target)]) == 0
    assert capsys.readouterr().err.strip() == f"wrote 2 events to {target}"
    collection = json.loads(target.read_text())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    feature = collection["features"][1]
    assert feature["geometry"] == {"type": "Point", "coordinates": [13.6856, 11.5221]}
    assert feature["properties"]["corroboration"] == 2
    import pyarrow.parquet as pq

    parquet = tmp_path / "events.parquet"
    assert main(["events", "--db", str(db), "--format", "parquet", "-o", str(parquet)]) == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 2
    assert table.column("event_date").to_pylist() == [dt.date(2023, 3, 6), dt.date(2023, 3, 4)]
    assert json.loads(table.column("claims_json")[1].as_py())[2]["stance"] == "denies"
    assert not list(tmp_path.glob(".events*"))  # no temporary file left


def test_control_formats(db: Path, capsys):
    assert main(["control", "--db", str(db)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["level"], r["name"], r["state"]) for r in records] == [("ADM1", "Borno", "contested"), ("ADM2", "Bama", "controlled")]
    bama = records[1]
    assert (bama["controller"], bama["basis"], bama["date"]) == (ISWAP.name, "assessed", "2023-03-04")
    assert set(bama) >= {"geonameid", "name", "admin1", "country_iso", "date", "state", "controller", "basis", "event_ids", "sources"}
    assert main(["control", "--db", str(db), "--format", "csv", "--at", "2023-03-10"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == ["Borno", "Bama"]
    assert "Premium Times (denied, army spokesman)" in rows[1]["sources"]
    assert main(["control", "--db", str(db), "--format", "geojson", "--at", "2023-03-01"]) == 0
    assert json.loads(capsys.readouterr().out)["features"] == []


def test_exports_need_an_existing_database(tmp_path: Path, capsys):
    missing = tmp_path / "none.db"
    assert main(["events", "--db", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"Error: database {missing} does not exist — run `thucydides ingest … --db FILE` first"
    )
    assert not missing.exists()
    assert main(["control", "--db", str(missing)]) == 1


def test_export_to_an_unwritable_place(db: Path, tmp_path: Path, capsys):
    assert main(["events", "--db", str(db), "-o", str(tmp_path / "no" / "dir" / "x.csv"), "--format", "csv"]) == 1
    assert capsys.readouterr().err.startswith("Error: cannot write")


def test_cli_format_lists_match_the_store():
    from thucydides.cli import control, events
    from thucydides.store import export

    assert events.EVENT_FORMATS == export.EVENT_FORMATS
    assert control.CONTROL_FORMATS == export.CONTROL_FORMATS



def test_parquet_to_standard_output(db: Path, capsysbinary):
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert main(["events", "--db", str(db), "--format", "parquet"]) == 0
    table = pq.read_table(pa.BufferReader(capsysbinary.readouterr().out))
    assert table.num_rows == 2 and "corroboration" in table.column_names
