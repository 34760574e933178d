"""The HTTP API in-process (FastAPI's TestClient) over real SQLite stores in tmp_path."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from starlette.responses import JSONResponse

from test_serve_helpers import (
    TOKEN,
    clash_article,
    hostile_article,
    make_event,
    populate,
    protest_article,
    takeover_article,
)
from thucydides.config import Settings
from thucydides.model import ArticleResult
from thucydides.serve import create_app
from thucydides.store import EventFilter, Store
from thucydides.store.event_json import summary_dict

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "events.db"
    populate(path, [clash_article(), protest_article(), takeover_article(), hostile_article()])
    return path


@pytest.fixture()
def client(db):
    with TestClient(create_app(db, Settings(token=TOKEN)), base_url="http://127.0.0.1") as client:
        yield client


def event_id_of(client, **filters) -> str:
    events = client.get("/events", params=filters).json()["events"]
    assert len(events) == 1, events
    return events[0]["id"]


# --- GET /events ------------------------------------------------------------------------------


def test_events_lists_every_event_newest_first_with_sources(client):
    body = client.get("/events").json()
    assert body["total"] == 5 and body["offset"] == 0 and body["next_offset"] is None
    dates = [event["date"]["value"] for event in body["events"]]
    assert dates == sorted(dates, reverse=True)
    first = body["events"][0]
    assert {"sources", "corroboration", "claims", "review_state", "evidence", "attribution"} <= set(first)
    assert first["sources"][0]["article_id"].startswith("art-")


def test_events_paginate_with_limit_offset_and_next_offset(client):
    seen = []
    offset = 0
    while offset is not None:
        page = client.get("/events", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == 5 and len(page["events"]) <= 2
        seen += [event["id"] for event in page["events"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"event_type": "Protests"}, {"Peaceful protest"}),
        ({"sub_event_type": "Air/drone strike"}, {"Air/drone strike"}),
        ({"country": "MM"}, {"Peaceful protest"}),
        ({"country": "Myanmar"}, {"Peaceful protest"}),
        ({"admin1": "Gao"}, {"Air/drone strike"}),
        ({"admin2": "Tessalit"}, {"Non-state actor overtakes territory"}),
        ({"actor": "jnim"}, {"Armed clash"}),
        ({"status": "claimed"}, {"Air/drone strike", "Non-state actor overtakes territory"}),
        ({"status": ["claimed", "reported"], "country": "MM"}, {"Peaceful protest"}),
        ({"date_from": "2023-10-02", "date_to": "2023-10-04"}, {"Air/drone strike", "Non-state actor overtakes territory"}),
        ({"bbox": "95,20,97,23"}, {"Peaceful protest"}),  # around Mandalay only
        ({"min_corroboration": 2}, set()),
        ({"review_state": "accepted"}, set()),
    ],
)
def test_events_filters(client, filters, expected):
    body = client.get("/events", params=filters).json()
    assert {event["sub_event_type"] for event in body["events"]} == expected
    assert body["total"] == len(body["events"])


def test_events_as_csv_have_acled_columns_and_one_row_per_event(client):
    response = client.get("/events", params={"format": "csv", "country": "ML"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == "4"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4
    assert list(rows[0])[:3] == ["event_id_cnty", "event_date", "year"]
    clash = next(row for row in rows if row["sub_event_type"] == "Armed clash")
    assert clash["fatalities"] == "9" and clash["country"] == "Mali" and clash["source"] == "Sahel Wire"
    assert clash["review_state"] == "unreviewed" and clash["corroboration"] == "1"


def test_events_as_geojson_are_points_lon_lat(client):
    response = client.get("/events", params={"format": "geojson", "event_type": "Protests"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 1
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [96.08, 21.97]}
    assert feature["properties"]["sources"][0]["source"] == "Irrawaddy Desk"


# --- one event, its article, control ----------------------------------------------------------


def test_event_has_sources_claims_attribution_and_evidence(client):
    event_id = event_id_of(client, sub_event_type="Armed clash")
    event = client.get(f"/events/{event_id}").json()
    assert event["attribution"] == [{"speaker": "the army", "role": "military", "channel": "statement", "via": None}]
    assert event["fatalities"]["count"] == 9
    assert event["evidence"][0]["text"] == "Soldiers clashed with JNIM fighters near Kidal"
    assert [claim["outlet"] for claim in event["claims"]] == ["Sahel Wire"]
    assert event["sources"][0]["url"] == "https://news.example.org/kidal-clash"
    assert event["corroboration"] == 1 and event["review_state"] == "unreviewed"


def test_article_returns_clean_text_and_evidence_spans_that_slice_it(client):
    body = client.get("/articles/art-kidal-1").json()
    text = body["article"]["text"]
    assert text.startswith("Fighting near Kidal kills nine")
    assert len(body["evidence"]) == 2 and len(body["event_ids"]) == 2
    for span in body["evidence"]:
        assert text[span["start"] : span["end"]] == span["text"]
        assert span["event_id"] in body["event_ids"]


def test_control_timeline_and_state_at_a_date(client):
    timeline = client.get("/control").json()
    district = next(record for record in timeline["records"] if record["level"] == "ADM2")
    assert district["name"] == "Tessalit" and district["state"] == "controlled" and district["basis"] == "claimed"
    assert district["controller"].startswith("CSP-PSD")
    assert district["sources"][0]["speaker"] == "a spokesman of the coalition"
    before = client.get("/control", params={"at": "2023-10-01"}).json()
    assert before == {"at": "2023-10-01", "records": []}
    after = client.get("/control", params={"at": "2023-10-20", "country": "ML"}).json()
    assert {record["name"] for record in after["records"]} >= {"Tessalit"}


def test_meta_says_whether_writes_are_possible(db):
    with TestClient(create_app(db, Settings()), base_url="http://127.0.0.1") as client:
        assert client.get("/meta").json()["writes_enabled"] is False
    with TestClient(create_app(db, Settings(token=TOKEN)), base_url="http://127.0.0.1") as client:
        meta = client.get("/meta").json()
        assert meta["writes_enabled"] is True and meta["tile_url"].startswith("https://tile.openstreetmap.org/")
    # the vocabularies for the page's filters and edit form
    types = {item["name"]: item["sub_event_types"] for item in meta["event_types"]}
    assert len(types) == 6 and sum(map(len, types.values())) == 25
    assert "Air/drone strike" in types["Explosions/Remote violence"]
    assert meta["statuses"] == ["reported", "claimed", "denied", "planned", "background"]
    assert meta["review_states"] == ["unreviewed", "accepted", "rejected", "edited"]


# --- reviews ----------------------------------------------------------------------------------


def test_accept_is_recorded_with_reviewer_in_the_audit_trail_and_leaves_the_queue(client, db):
    event_id = event_id_of(client, sub_event_type="Air/drone strike")
    assert event_id in [event["id"] for event in client.get("/review-queue").json()["events"]]
    response = client.post(f"/events/{event_id}/review", json={"action": "accept", "reviewer": "Dana", "note": "two calls"}, headers=AUTH)
    assert response.status_code == 200 and response.json()["review_state"] == "accepted"
    trail = client.get(f"/events/{event_id}/audit").json()["entries"]
    assert trail[0]["actor"] == "ingest"
    assert trail[-1]["actor"] == "reviewer:Dana" and trail[-1]["action"] == "accepted" and trail[-1]["note"] == "two calls"
    assert event_id not in [event["id"] for event in client.get("/review-queue").json()["events"]]
    # and the store itself says so
    from thucydides.store import Store

    with Store.open(db, readonly=True) as store:
        assert store.event(event_id).review_state == "accepted"


def test_edit_changes_fields_and_survives_re_extraction(client, db):
    event_id = event_id_of(client, sub_event_type="Armed clash")
    response = client.post(
        f"/events/{event_id}/review",
        json={"action": "edit", "changes": {"fatalities": 11, "sub_event_type": "Armed clash"}, "reviewer": "Dana"},
        headers=AUTH,
    )
    assert response.status_code == 200
    assert response.json()["fatalities"]["count"] == 11 and response.json()["review_state"] == "edited"
    # the same article comes in again with new wording and another count: the edit stands
    original = clash_article()
    article = replace(original.article, text=original.article.text.replace("killing nine", "killing ten"))
    clash = make_event(article, "Soldiers clashed with JNIM fighters near Kidal", event_id="art-kidal-1-e1", deaths=10,
                       date=dt.date(2023, 10, 1))
    from thucydides.store import Store

    with Store.open(db) as store:
        store.add_result(ArticleResult(article=article, events=(clash, original.events[1])))
    event = client.get(f"/events/{event_id}").json()
    assert event["fatalities"]["count"] == 11 and event["review_state"] == "edited"
    assert "edited" in [entry["action"] for entry in client.get(f"/events/{event_id}/audit").json()["entries"]]


def test_reject_hides_nothing_from_the_api_but_marks_the_event(client):
    event_id = event_id_of(client, event_type="Protests")
    assert client.post(f"/events/{event_id}/review", json={"action": "reject"}, headers=AUTH).json()["review_state"] == "rejected"
    assert event_id_of(client, review_state="rejected") == event_id


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"action": "approve"}, "action"),
        ({"action": "edit"}, "body"),  # an edit without changes
        ({"action": "accept", "changes": {"fatalities": 1}}, "body"),
        ({"action": "accept", "extra": 1}, "extra"),
    ],
)
def test_invalid_review_bodies_are_422_in_the_error_shape(client, body, where):
    event_id = event_id_of(client, event_type="Protests")
    response = client.post(f"/events/{event_id}/review", json=body, headers=AUTH)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error" and any(where in item["loc"] for item in error["detail"])


def test_an_edit_the_store_refuses_names_the_field(client):
    event_id = event_id_of(client, event_type="Protests")
    response = client.post(f"/events/{event_id}/review", json={"action": "edit", "changes": {"sub_event_type": "Skirmish"}}, headers=AUTH)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input" and "sub_event_type" in response.json()["error"]["message"]


def test_review_of_an_unknown_event_is_404(client):
    response = client.post("/events/ev-nothing/review", json={"action": "accept"}, headers=AUTH)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


# --- deleted events ---------------------------------------------------------------------------


def test_an_event_whose_article_drops_it_appears_in_the_deleted_feed(client, db):
    event_id = event_id_of(client, event_type="Protests")
    assert client.get("/deleted-events").json()["events"] == []
    original = protest_article()
    corrected = replace(original.article, text=original.article.text + " Organisers later said the march was called off.")
    from thucydides.store import Store

    with Store.open(db) as store:
        store.add_result(ArticleResult(article=corrected, events=()))
    feed = client.get("/deleted-events").json()["events"]
    assert [item["event_id"] for item in feed] == [event_id]
    assert client.get(f"/events/{event_id}").status_code == 404
    assert client.get("/deleted-events", params={"since": "2999-01-01"}).json()["events"] == []
    assert client.get(f"/events/{event_id}/audit").json()["entries"][-1]["action"] == "deleted"


# --- docs -------------------------------------------------------------------------------------


def test_openapi_lists_every_endpoint_and_the_docs_page_is_served(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/events", "/events/{event_id}", "/events/{event_id}/audit", "/events/{event_id}/review", "/articles",
        "/articles/{article_id}", "/control", "/review-queue", "/deleted-events",
    } <= set(paths)
    assert {"format", "bbox", "min_corroboration", "date_from", "limit", "offset"} <= {
        parameter["name"] for parameter in paths["/events"]["get"]["parameters"]
    }
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "<script>" not in docs.text  # no inline script: the CSP would block it


def test_the_page_and_its_modules_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/js/main.js">' in page.text
    script = client.get("/static/js/main.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]


def test_summary_view_leaves_out_the_per_source_detail(client):
    full = client.get("/events", params={"event_type": "Battles"}).json()["events"]
    summary = client.get("/events", params={"event_type": "Battles", "view": "summary"}).json()["events"]
    assert [event["id"] for event in summary] == [event["id"] for event in full]
    for short, long in zip(summary, full):
        assert not {"sources", "claims", "attribution", "evidence"} & set(short)
        assert short["source_count"] == len(long["sources"])
        assert {key: long[key] for key in ("location", "date", "fatalities", "review_state", "corroboration")} == {
            key: short[key] for key in ("location", "date", "fatalities", "review_state", "corroboration")
        }
    assert client.get("/events", params={"view": "brief"}).status_code == 422


# --- GET /events joins the events' stored JSON texts: byte for byte the dicts encoded at once ----


def encoded_at_once(db, event_filter: EventFilter, *, limit: int, offset: int, summary: bool) -> bytes:
    """The body as the app built it from the events' dicts, encoded in one go."""
    with Store.open(db, readonly=True) as store:
        total = store.count_events(event_filter)
        events = store.events(event_filter, limit=limit, offset=offset)
    next_offset = offset + len(events) if offset + len(events) < total else None
    shape = summary_dict if summary else lambda stored: stored.to_dict()
    body = {"total": total, "limit": limit, "offset": offset, "next_offset": next_offset, "events": [shape(e) for e in events]}
    return JSONResponse(body).body


@pytest.mark.parametrize(
    "params, event_filter",
    [
        ({}, EventFilter()),
        ({"limit": 2}, EventFilter()),
        ({"limit": 2, "offset": 2}, EventFilter()),
        ({"limit": 2, "offset": 4}, EventFilter()),
        ({"offset": 50}, EventFilter()),
        ({"country": "NG"}, EventFilter(country="NG")),
        ({"event_type": "battles"}, EventFilter(event_type="battles")),
        ({"actor": "<script>"}, EventFilter(actor="<script>")),
        (
            {"date_from": "2023-03-01", "status": ["reported", "claimed"]},
            EventFilter(date_from=dt.date(2023, 3, 1), status=("reported", "claimed")),
        ),
    ],
)
@pytest.mark.parametrize("view", ["full", "summary"])
def test_a_page_is_byte_for_byte_the_dicts_encoded_at_once(client, db, params, event_filter, view):
    limit, offset = params.get("limit", 100), params.get("offset", 0)
    response = client.get("/events", params={**params, "view": view})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    expected = encoded_at_once(db, event_filter, limit=limit, offset=offset, summary=view == "summary")
    assert response.content == expected
    assert response.headers["x-total-count"] == str(response.json()["total"])


def test_a_review_shows_in_the_next_page(client):
    first = client.get("/events", params={"limit": 1}).json()["events"][0]
    changed = client.post(
        f"/events/{first['id']}/review",
        json={"action": "edit", "changes": {"fatalities": 41}, "reviewer": "ana"},
        headers=AUTH,
    )
    assert changed.status_code == 200
    after = client.get("/events", params={"limit": 1}).json()["events"][0]
    assert after["id"] == first["id"]
    assert after["fatalities"]["count"] == 41 and after["review_state"] == "edited"
    assert after == client.get(f"/events/{first['id']}").json()
    summary = client.get("/events", params={"limit": 1, "view": "summary"}).json()["events"][0]
    assert summary["fatalities"]["count"] == 41 and summary["review_state"] == "edited"
