"""One JSON error shape for every error the API can give, pinned here:

    {"error": {"code": str, "message": str, "detail": any}}

with the HTTP status, JSON content type and the security headers — for 400, 401, 403, 404, 405,
413, 415, 422, 500 and 503 alike."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from test_serve_helpers import TOKEN, clash_article, populate
from thucydides.cli.main import main as cli_main
from thucydides.config import Settings
from thucydides.errors import StoreError
from thucydides.serve import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def app(tmp_path):
    path = tmp_path / "events.db"
    populate(path, [clash_article()])
    return create_app(path, Settings(token=TOKEN, max_article_bytes=1000))


@pytest.fixture()
def client(app):
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "detail"}
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert "content-security-policy" in response.headers and response.headers["x-content-type-options"] == "nosniff"
    return error


def test_unknown_event_is_404(client):
    error = assert_error(client.get("/events/ev-0000"), 404, "not_found")
    assert "ev-0000" in error["message"]


def test_unknown_article_is_404(client):
    assert_error(client.get("/articles/no-such-article"), 404, "not_found")


def test_unknown_path_is_404(client):
    assert_error(client.get("/no/such/path"), 404, "not_found")


def test_missing_static_file_is_404(client):
    assert_error(client.get("/static/js/nothing.js"), 404, "not_found")


def test_wrong_method_is_405(client):
    assert_error(client.get("/events/x/review"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "yesterday"},
        {"limit": 0},
        {"limit": 100_000},
        {"offset": -1},
        {"format": "xml"},
        {"bbox": "1,2,3"},
        {"bbox": "10,0,5,1"},
        {"status": "rumoured"},
        {"review_state": "maybe"},
        {"min_corroboration": -2},
        {"date_from": "2023-10-05", "date_to": "2023-10-01"},
    ],
)
def test_bad_query_parameters_are_422(client, params):
    error = assert_error(client.get("/events", params=params), 422, "validation_error")
    assert error["detail"]


def test_validation_detail_names_the_parameter_without_echoing_input(client):
    error = assert_error(client.get("/control", params={"at": "<script>"}), 422, "validation_error")
    assert error["detail"][0]["loc"] == ["query", "at"]
    assert "<script>" not in str(error)


def test_missing_token_is_401_with_a_bearer_challenge(client):
    response = client.post("/events/x/review", json={"action": "accept"})
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_wrong_token_is_403(client):
    assert_error(client.post("/events/x/review", json={"action": "accept"}, headers={"Authorization": "Bearer nope"}), 403, "forbidden")


def test_non_json_body_is_415(client):
    response = client.post("/events/x/review", content="action=accept", headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    assert_error(response, 415, "unsupported_media_type")


def test_oversized_body_is_413(client):
    body = '{"text": "' + "x" * 2_100_000 + '"}'
    response = client.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert_error(response, 413, "payload_too_large")


def test_malformed_json_is_422(client):
    response = client.post("/events/x/review", content="{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert_error(response, 422, "validation_error")


def test_foreign_host_header_is_400(client):
    assert_error(client.get("/events", headers={"Host": "attacker.example"}), 400, "invalid_host")


def test_a_crash_is_500_without_the_internals(app, client, monkeypatch):
    def crash(function):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app.state.access, "read", crash)
    error = assert_error(client.get("/events"), 500, "internal_error")
    assert "secret" not in str(error) and "passwd" not in str(error)


def test_a_store_failure_is_503(app, client, monkeypatch):
    def fail(function):
        raise StoreError("the database disk image is malformed", "restore a backup")

    monkeypatch.setattr(app.state.access, "read", fail)
    error = assert_error(client.get("/review-queue"), 503, "store_unavailable")
    assert error["detail"] == "restore a backup"


def test_serve_on_a_file_that_is_not_a_database_is_one_cli_error_line(tmp_path, capsys):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not SQLite, just notes " * 100)
    assert cli_main(["serve", "--db", str(bogus), "--port", "8765"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ") and "notes.db" in err[0]
