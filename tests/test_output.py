"""The output shapes of shared/spec/output.md, on hand-built events."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from thucydides import output
from thucydides.model import (
    Actor, Article, ArticleResult, Attribution, Event, EventDate, Evidence, Fatalities,
    GazetteerEntry, Location, PlaceMention, Plover,
)

TEXT = "Rebels say they captured Kidal on Monday, a spokesman told a radio station."
ENTRY = GazetteerEntry(2455290, "Kidal", "PPLA", "ML", "Mali", "Kidal", "Kidal", 18.44, 1.41, 25617)
MENTION = PlaceMention("Kidal", 25, 30, ENTRY, 0.9, "only ML candidate")


def _event(**changes) -> Event:
    fields = dict(
        id="ev1",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        plover=Plover("ASSAULT", None, ("territory",)),
        status="claimed",
        actor1=Actor("Rebels (Mali)", 2, "Rebels"),
        actor2=Actor("Military Forces of Mali", 1, None),
        location=Location.from_mention(MENTION, 1),
        date=EventDate(dt.date(2023, 11, 13), 1, "on Monday"),
        fatalities=Fatalities(0, None, None, "heavy losses"),
        attribution=(Attribution("a spokesman", None, "radio", None),),
        confidence=0.8,
        evidence=(Evidence(0, 30, TEXT[0:30]),),
    )
    fields.update(changes)
    return Event(**fields)


def _result(*events: Event) -> ArticleResult:
    article = Article("a1", TEXT, "Rebels take Kidal", published=dt.date(2023, 11, 14), origin="t.txt")
    return ArticleResult(article, events, (MENTION,))


def test_jsonl_line_has_every_field_of_the_contract():
    data = json.loads(output.to_json_line(output.result_to_dict(_result(_event()), with_text=True, with_places=True)))
    assert set(data["article"]) == {"id", "title", "url", "published", "source", "language", "duplicate_of", "text", "places"}
    event = data["events"][0]
    assert set(event) == {
        "id", "event_type", "sub_event_type", "plover", "status", "actor1", "actor2", "location",
        "date", "fatalities", "attribution", "confidence", "evidence",
    }
    assert event["location"]["geo_precision"] == 1 and event["location"]["geonameid"] == 2455290
    assert event["date"] == {"value": "2023-11-13", "precision": 1, "text": "on Monday"}
    assert event["attribution"] == [{"speaker": "a spokesman", "role": None, "channel": "radio", "via": None}]
    span = event["evidence"][0]
    assert data["article"]["text"][span["start"]:span["end"]] == span["text"]
    assert data["article"]["places"][0]["text"] == "Kidal"


def test_unknown_values_are_null_never_empty_strings():
    event = output.event_to_dict(_event(actor2=None, location=None, date=EventDate(None, None)))
    assert event["actor2"] is None and event["location"] is None and event["date"]["value"] is None


def test_csv_uses_acled_columns_in_order_then_ours():
    stream = io.StringIO()
    output.write_csv([output.event_to_csv_row(_event())], stream)
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert tuple(rows[0]) == output.ACLED_CSV_COLUMNS + ("status", "confidence", "evidence", "attribution")
    row = dict(zip(rows[0], rows[1]))
    assert row["interaction"] == "12" and row["event_date"] == "2023-11-13" and row["fatalities"] == "0"
    assert row["disorder_type"] == "Political violence" and row["location"] == "Kidal"
    assert row["iso"] == "466" and row["region"] == "Western Africa"


@pytest.mark.parametrize(
    "alpha2, numeric, region",
    [("AF", 4, "South Asia"), ("IR", 364, "Middle East"), ("SY", 760, "Middle East"), ("GE", 268, "Caucasus and Central Asia"),
     ("UA", 804, "Europe"), ("MX", 484, "Central America"), ("SD", 729, "Northern Africa"), ("MM", 104, "Southeast Asia"),
     ("CD", 180, "Middle Africa"), ("CO", 170, "South America"), ("PG", 598, "Oceania")],
)
def test_country_codes_give_acled_iso_and_region(alpha2, numeric, region):
    assert output.country_codes()[alpha2] == (numeric, region)


def test_every_country_has_an_acled_region():
    assert [code for code, codes in output.country_codes().items() if not codes.acled_region] == []


def test_csv_row_without_a_place_leaves_iso_and_region_empty():
    row = output.event_to_csv_row(_event(location=None))
    assert row["iso"] == "" and row["region"] == ""


def test_interaction_codes_follow_acled():
    assert output.interaction_code(6, None) == 60
    assert output.interaction_code(3, 1) == 13
    assert output.interaction_code(None, 1) is None


def test_geojson_point_is_lon_lat_and_unplaced_events_have_null_geometry():
    feature = output.event_feature(_event())
    assert feature["geometry"] == {"type": "Point", "coordinates": [1.41, 18.44]}
    assert output.event_feature(_event(location=None))["geometry"] is None


def test_table_is_readable():
    table = output.format_table([_result(_event()), _result()])
    assert "Non-state actor overtakes territory" in table and "Kidal, ML" in table
    assert "(no events)" in table
