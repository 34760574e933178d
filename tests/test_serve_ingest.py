"""POST /articles: one article in, cleaned by the ingest stage's reader, extracted (by the runner,
as `thucydides ingest` does), stored and reconciled, its events returned. The first tests replace
only the NLP step (spaCy + gazetteer) with a rule of their own, so they run in milliseconds; the
last runs the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from test_serve_helpers import GAO, TOKEN, make_event
from thucydides.config import Settings
from thucydides.model import Article, ArticleResult
from thucydides.serve import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = (
    "Mortar fire hits Gao\n\n"
    "  Mortar rounds struck the outskirts of Gao on Saturday, wounding two soldiers,\n"
    "the regional governor said.   "
)


def first_sentence_pipeline(article: Article) -> ArticleResult:
    """Stands in for spaCy + gazetteer + extractor: the body's first sentence is one shelling event."""
    body_start = article.text.index("Mortar rounds")
    sentence = article.text[body_start : article.text.index(",", body_start)]
    event = make_event(
        article, sentence, event_id="e1", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", actor1=None, actor2=("Military Forces of Mali", 1),
        place=GAO, date=article.published - dt.timedelta(days=1),
    )
    return ArticleResult(article=article, events=(event,))


@pytest.fixture()
def client(tmp_path, monkeypatch):
    import thucydides.runner

    def process_stream(articles, *, settings, progress=None):
        return (first_sentence_pipeline(article) for article in articles)

    monkeypatch.setattr(thucydides.runner, "process_stream", process_stream)
    with TestClient(create_app(tmp_path / "new.db", Settings(token=TOKEN)), base_url="http://127.0.0.1") as client:
        yield client


def test_post_article_stores_it_and_returns_its_events(client):
    body = {"title": "Mortar fire hits Gao", "text": REPORT, "published": "2023-10-08", "source": "Sahel Wire",
            "url": "https://news.example.org/gao-mortar"}
    response = client.post("/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["outcome"]["action"] == "new"
    [event] = data["events"]
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"
    assert event["sources"][0]["source"] == "Sahel Wire" and event["date"]["value"] == "2023-10-07"
    # the article as stored: cleaned text (whitespace normalised), evidence offsets into it
    article = client.get(f"/articles/{data['outcome']['article_id']}").json()
    text = article["article"]["text"]
    assert "  Mortar" not in text and text.rstrip() == text
    span = article["evidence"][0]
    assert text[span["start"] : span["end"]] == span["text"] == "Mortar rounds struck the outskirts of Gao on Saturday"
    assert client.get("/events", params={"admin1": "Gao"}).json()["total"] == 1


def test_posting_the_same_article_again_changes_nothing(client):
    body = {"text": REPORT, "published": "2023-10-08", "url": "https://news.example.org/gao-mortar"}
    first = client.post("/articles", json=body, headers=AUTH)
    again = client.post("/articles", json=body, headers=AUTH)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["outcome"]["action"] == "unchanged"
    assert [e["id"] for e in again.json()["events"]] == [e["id"] for e in first.json()["events"]]
    assert client.get("/events").json()["total"] == 1


def test_html_is_read_like_a_web_page(client):
    page = (
        "<html><head><title>Mortar fire hits Gao</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Mortar fire hits Gao</h1><p>{REPORT.split(chr(10), 2)[2]}</p></article></body></html>"
    )
    response = client.post("/articles", json={"html": page, "published": "2023-10-08"}, headers=AUTH)
    assert response.status_code == 201, response.text
    article = client.get(f"/articles/{response.json()['outcome']['article_id']}").json()["article"]
    assert "<p>" not in article["text"] and "Mortar rounds struck" in article["text"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "validation_error"),  # neither text nor html
        ({"text": "a", "html": "<p>a</p>"}, "validation_error"),
        ({"text": "   \n  "}, "invalid_input"),  # nothing left after cleaning
        ({"text": "Shots fired.", "published": "last week"}, "validation_error"),
        ({"text": "Shots fired.", "author": "x"}, "validation_error"),
    ],
)
def test_unreadable_articles_are_422_naming_the_problem(client, body, code):
    response = client.post("/articles", json=body, headers=AUTH)
    assert response.status_code == 422 and response.json()["error"]["code"] == code


@pytest.mark.slow
def test_post_article_with_the_real_pipeline(tmp_path, seed_text):
    """The seed report through the real spaCy model, gazetteer and extractor."""
    from thucydides.errors import GazetteerError, ModelError

    with TestClient(create_app(tmp_path / "seed.db", Settings(token=TOKEN)), base_url="http://127.0.0.1") as client:
        try:
            response = client.post("/articles", json={"text": seed_text, "published": "2021-08-20"}, headers=AUTH)
        except (ModelError, GazetteerError) as error:  # pragma: no cover - depends on the machine
            pytest.skip(f"the NLP resources are not installed here: {error}")
        if response.status_code == 503:
            pytest.skip(f"the NLP resources are not installed here: {response.json()['error']['message']}")
        assert response.status_code == 201, response.text
        events = response.json()["events"]
        assert events, "the seed report has events"
        article = client.get(f"/articles/{response.json()['outcome']['article_id']}").json()
        for span in article["evidence"]:
            assert article["article"]["text"][span["start"] : span["end"]] == span["text"]


def test_an_article_without_conflict_vocabulary_is_stored_as_skipped(tmp_path):
    """The runner's prefilter applies to the API as to `thucydides ingest`: no parse, no events,
    and the answer says why."""
    text = "Orchard growers expect a record apple harvest\n\nGrowers in the valley said rain came on time."
    with TestClient(create_app(tmp_path / "calm.db", Settings(token=TOKEN)), base_url="http://127.0.0.1") as client:
        response = client.post("/articles", json={"text": text, "published": "2023-10-08"}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["events"] == [] and "prefilter" in response.json()["outcome"]["skipped"]
