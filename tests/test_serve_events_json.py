"""GET /events joins the events' stored JSON texts: the body must be byte for byte the one the
app encoded from each event's dict before (JSONResponse over StoredEvent.to_dict()), for every
filter and view, and must follow reviews at once."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from starlette.responses import JSONResponse

from test_serve_helpers import TOKEN, clash_article, hostile_article, populate, protest_article, takeover_article
from thucydides.config import Settings
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
