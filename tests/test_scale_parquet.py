"""Parquet partitions: every article (skipped ones with why), every event, the EVENT JSON kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq

from thucydides.model import (
    Actor,
    Article,
    ArticleResult,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    GazetteerEntry,
    Location,
    PlaceMention,
    Plover,
)
from thucydides.scale.parquet import write_partition

MOSUL = GazetteerEntry(99072, "Mosul", "PPLA", "IQ", "Iraq", "Nineveh", None, 36.34, 43.13, 1_739_800)


def sample_results() -> list[ArticleResult]:
    text = "Militants shelled a market in Mosul on Friday, killing three civilians."
    article = Article(id="iq-1", text=text, title="Shelling in Mosul", published=dt.date(2017, 3, 3), source="Wire")
    place = PlaceMention("Mosul", 29, 34, MOSUL, 0.9, "only IQ candidate")
    event = Event(
        id="ev-iq-1",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover=Plover("ASSAULT", "heavy-weapons"),
        status="reported",
        actor1=Actor("Islamic State (Iraq)", 2, "Militants"),
        actor2=Actor("Civilians (Iraq)", 7, "civilians"),
        location=Location.from_mention(place, 1),
        date=EventDate(dt.date(2017, 3, 3), 1, "on Friday"),
        fatalities=Fatalities(3, 3, 3, "three civilians"),
        attribution=(),
        confidence=0.75,
        evidence=(Evidence(0, 17, "Militants shelled"),),
    )
    quiet = Article(id="sport-1", text="The derby ended goalless.")
    return [
        ArticleResult(article=article, events=(event,), places=(place,)),
        ArticleResult(article=quiet, skipped="prefilter: no conflict vocabulary"),
    ]


def test_a_partition_holds_articles_and_events(tmp_path):
    articles_path, events_path = write_partition(sample_results(), tmp_path, 7)
    assert articles_path == tmp_path / "articles" / "part-000007.parquet"
    assert events_path == tmp_path / "events" / "part-000007.parquet"
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["part-000007.parquet"], "no temporary file left"

    articles = pq.read_table(articles_path).to_pylist()
    assert [row["article_id"] for row in articles] == ["iq-1", "sport-1"]
    assert articles[0]["published"] == dt.date(2017, 3, 3) and articles[0]["n_events"] == 1
    assert json.loads(articles[0]["places"])[0]["geonameid"] == 99072
    assert articles[1]["skipped"] == "prefilter: no conflict vocabulary"

    [event] = pq.read_table(events_path).to_pylist()
    assert (event["article_id"], event["event_id"], event["inter1"], event["inter2"]) == ("iq-1", "ev-iq-1", 2, 7)
    assert (event["location"], event["admin1"], event["geo_precision"]) == ("Mosul", "Nineveh", 1)
    assert event["event_date"] == dt.date(2017, 3, 3) and event["fatalities"] == 3
    assert json.loads(event["event"])["evidence"] == [{"start": 0, "end": 17, "text": "Militants shelled"}]


def test_a_partition_without_events_still_has_an_events_file_with_the_schema(tmp_path):
    _, events_path = write_partition(sample_results()[1:], tmp_path, 0)
    table = pq.read_table(events_path)
    assert table.num_rows == 0
    assert "event_type" in table.schema.names and "event" in table.schema.names


def test_output_dir_without_dask_is_a_usage_error(tmp_path, capsys):
    from thucydides.cli.main import main

    seed = Path(__file__).resolve().parent.parent / "examples" / "seed.txt"
    assert main(["extract", str(seed), "--output-dir", str(tmp_path / "pq")]) == 1
    assert "need --engine dask" in capsys.readouterr().err
