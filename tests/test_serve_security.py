"""Web security of the app (issue 8, item 5): security headers on every response, write endpoints
that refuse missing or wrong tokens, CSRF-safety (bearer header only, JSON only, no CORS), the
Host check against DNS rebinding, and the loopback default bind."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from test_serve_helpers import TOKEN, clash_article, populate
from thucydides.config import Settings, load_settings
from thucydides.errors import ConfigError
from thucydides.serve import create_app
from thucydides.serve.security import allowed_hosts_for, check_bearer, content_security_policy

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "events.db"
    populate(path, [clash_article()])
    return path


@pytest.fixture()
def client(db):
    with TestClient(create_app(db, Settings(token=TOKEN)), base_url="http://127.0.0.1") as client:
        yield client


def first_event_id(client) -> str:
    return client.get("/events").json()["events"][0]["id"]


# --- headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/", "/docs", "/events", "/events?format=csv", "/static/js/main.js", "/static/css/app.css",
     "/vendor/leaflet/leaflet.css", "/openapi.json", "/events/missing", "/nowhere"],
)
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp
    assert "img-src 'self' data: https://tile.openstreetmap.org" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_policy_names_only_this_origin_for_scripts_and_connections():
    directives = dict(part.split(" ", 1) for part in content_security_policy().split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["style-src"] == "'self'"


def test_no_cors_is_granted_to_other_origins(client):
    response = client.get("/events", headers={"Origin": "https://attacker.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/events/x/review",
        headers={"Origin": "https://attacker.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


# --- tokens -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "cookies", "status"),
    [
        ({}, {}, 401),
        ({"Authorization": TOKEN}, {}, 401),  # no scheme
        ({"Authorization": f"Basic {TOKEN}"}, {}, 401),
        ({"Authorization": "Bearer "}, {}, 401),
        ({}, {"token": TOKEN, "Authorization": f"Bearer {TOKEN}"}, 401),  # cookies are never read
        ({"Authorization": f"Bearer {TOKEN[:-1]}"}, {}, 403),
        ({"Authorization": f"Bearer {TOKEN}x"}, {}, 403),
        ({"Authorization": f"Bearer {TOKEN.upper()}"}, {}, 403),
    ],
)
def test_write_endpoints_refuse_missing_or_wrong_tokens(client, headers, cookies, status):
    event_id = first_event_id(client)
    client.cookies.clear()
    for name, value in cookies.items():
        client.cookies.set(name, value)
    for path, body in ((f"/events/{event_id}/review", {"action": "accept"}), ("/articles", {"text": "Rebels attacked a post."})):
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == status, (path, response.text)
    client.cookies.clear()
    assert client.get(f"/events/{event_id}").json()["review_state"] == "unreviewed"


def test_token_in_the_query_string_is_not_accepted(client):
    event_id = first_event_id(client)
    response = client.post(f"/events/{event_id}/review", params={"token": TOKEN}, json={"action": "accept"})
    assert response.status_code == 401


def test_a_cross_site_form_post_is_refused_even_with_the_token(client):
    """What a forged form can send: urlencoded or text/plain bodies. Both are refused."""
    event_id = first_event_id(client)
    for content_type in ("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"):
        response = client.post(
            f"/events/{event_id}/review", content='{"action": "accept"}', headers={**AUTH, "Content-Type": content_type}
        )
        assert response.status_code == 415, content_type
    assert client.get(f"/events/{event_id}").json()["review_state"] == "unreviewed"


def test_reads_need_no_token(client):
    event_id = first_event_id(client)
    for path in ("/events", f"/events/{event_id}", f"/events/{event_id}/audit", "/control", "/review-queue", "/deleted-events", "/articles/art-kidal-1"):
        assert client.get(path).status_code == 200, path


def test_without_a_configured_token_every_write_is_refused(db):
    with TestClient(create_app(db, Settings()), base_url="http://127.0.0.1") as client:
        event_id = first_event_id(client)
        for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer anything"}):
            response = client.post(f"/events/{event_id}/review", json={"action": "accept"}, headers=headers)
            # the real reason, whatever was sent: this server takes no writes at all
            assert response.status_code == 403 and response.json()["error"]["code"] == "writes_disabled"
        assert client.get(f"/events/{event_id}").json()["review_state"] == "unreviewed"


def test_token_from_the_environment_and_from_a_token_file(db, tmp_path):
    settings = load_settings(environ={"THUCYDIDES_TOKEN": "from-env"}, config_file=None)
    with TestClient(create_app(db, settings), base_url="http://127.0.0.1") as client:
        event_id = first_event_id(client)
        assert client.post(f"/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": "Bearer from-env"}).status_code == 200
    token_file = tmp_path / "token"
    token_file.write_text("from-file\n")
    with TestClient(create_app(db, Settings(token_file=str(token_file))), base_url="http://127.0.0.1") as client:
        assert client.post(f"/events/{event_id}/review", json={"action": "reject"}, headers={"Authorization": "Bearer from-file"}).status_code == 200


@pytest.mark.parametrize("content", [None, ""])
def test_a_missing_or_empty_token_file_is_a_config_error(db, tmp_path, content):
    token_file = tmp_path / "token"
    if content is not None:
        token_file.write_text(content)
    with pytest.raises(ConfigError) as error:
        create_app(db, Settings(token_file=str(token_file)))
    assert str(token_file) in str(error.value) and error.value.fix


def test_check_bearer_accepts_exactly_the_token():
    check_bearer(f"Bearer {TOKEN}", TOKEN)
    check_bearer(f"bearer {TOKEN}", TOKEN)  # the scheme is case-insensitive (RFC 7235)


# --- body size, host, bind --------------------------------------------------------------------


def test_a_chunked_body_over_the_limit_is_refused_while_reading(db):
    app = create_app(db, Settings(token=TOKEN, max_article_bytes=1000))

    def chunks():
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 100_000
        yield b'"}'

    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.post("/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST", "127.0.0.2:8000"])
def test_loopback_names_are_served(client, host):
    assert client.get("/events", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example", "localhost.attacker.example", "192.168.1.5:8000", ""]
)
def test_other_host_headers_are_refused_on_a_loopback_server(client, host):
    response = client.get("/events", headers={"Host": host})
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_host"


def test_binding_elsewhere_accepts_any_host_and_loopback_is_the_default():
    assert Settings().host == "127.0.0.1"
    assert allowed_hosts_for("127.0.0.1") is not None and allowed_hosts_for("::1") is not None
    assert allowed_hosts_for("0.0.0.0") is None


def test_serve_binds_loopback_by_default():
    from thucydides.cli.main import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert args.host is None  # so the setting's default, 127.0.0.1, applies
    assert Settings().replace(host=args.host).host == "127.0.0.1"
