"""The API keeps answering while an ingest writes (issue 8, item 3): a separate process adds
articles to the store as fast as it can while threads read every endpoint and post reviews over
loopback; no request fails and no "database is locked" reaches a user."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
import threading
import time

import httpx
import pytest

from test_serve_helpers import GAO, KIDAL, MANDALAY, MOPTI, TOKEN, LiveServer, make_event, populate, protest_article
from thucydides.config import Settings
from thucydides.errors import StoreError
from thucydides.model import Article, ArticleResult
from thucydides.serve import create_app
from thucydides.serve.access import StoreAccess

ARTICLES = 120
PLACES = (KIDAL, GAO, MOPTI, MANDALAY)
WORDS = "convoy checkpoint market bridge village ridge airfield depot river camp school clinic".split()


def generated_article(number: int) -> ArticleResult:
    """Distinct reports (dates, places, wording differ) so none merges with or copies another."""
    place = PLACES[number % len(PLACES)]
    published = dt.date(2022, 1, 1) + dt.timedelta(days=number)
    detail = " ".join(WORDS[(number * k) % len(WORDS)] for k in range(1, 7))
    text = (
        f"Report {number} from {place.name}\n\n"
        f"Gunmen attacked a {WORDS[number % len(WORDS)]} near {place.name} on report day {number}, "
        f"killing {number % 7} people. Witnesses mentioned the {detail} area, item {number * 7919}."
    )
    article = Article(id=f"gen-{number}", text=text, title=f"Report {number} from {place.name}",
                      url=f"https://news.example.org/gen/{number}", published=published, source=f"Outlet {number % 5}")
    event = make_event(article, f"Gunmen attacked a {WORDS[number % len(WORDS)]} near {place.name}",
                       event_id=f"gen-{number}-e1", event_type="Violence against civilians", sub_event_type="Attack",
                       actor1=("Unidentified Armed Group", 3), actor2=("Civilians", 7), place=place,
                       date=published, deaths=number % 7)
    return ArticleResult(article=article, events=(event,))


def ingest_many(path: str, count: int) -> None:
    """The writer: what `thucydides ingest` does to the store, one transaction per article."""
    from thucydides.store import Store

    with Store.open(path) as store:
        for number in range(count):
            store.add_result(generated_article(number))


@pytest.mark.slow
def test_reads_and_reviews_while_another_process_ingests(tmp_path):
    path = tmp_path / "busy.db"
    seeded = populate(path, [protest_article()])
    app = create_app(path, Settings(token=TOKEN))
    problems: list[str] = []
    counts = {"requests": 0}
    writer = multiprocessing.get_context("spawn").Process(target=ingest_many, args=(str(path), ARTICLES))

    with LiveServer(app) as server:
        writer.start()
        stop = time.monotonic() + 90  # bounded even if the writer hangs

        lock = threading.Lock()

        def record(response: httpx.Response) -> None:
            with lock:
                counts["requests"] += 1
            if response.status_code != 200 or "locked" in response.text.lower():
                problems.append(f"{response.request.method} {response.request.url.path}: {response.status_code} {response.text[:200]}")

        def reader(paths: list[str]) -> None:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                while writer.is_alive() and time.monotonic() < stop:
                    for item in paths:
                        record(client.get(item))

        def reviewer() -> None:
            # writes from the API compete with the ingest process for SQLite's one write lock
            with httpx.Client(base_url=server.url, timeout=60, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
                actions = ("accept", "reject")
                n = 0
                while writer.is_alive() and time.monotonic() < stop:
                    record(client.post(f"/events/{seeded[0]}/review", json={"action": actions[n % 2], "reviewer": "load"}))
                    n += 1

        threads = [
            threading.Thread(target=reader, args=(["/events?limit=50", "/events?country=ML&limit=20", f"/events/{seeded[0]}"],)),
            threading.Thread(target=reader, args=(["/review-queue", "/control", "/events?format=geojson&limit=20"],)),
            threading.Thread(target=reader, args=(["/events?actor=gunmen&limit=10", "/articles/art-mandalay-1", "/deleted-events"],)),
            threading.Thread(target=reviewer),
        ]
        for thread in threads:
            thread.start()
        writer.join(timeout=120)
        for thread in threads:
            thread.join(timeout=60)
        assert writer.exitcode == 0, "the ingest process failed"
        with httpx.Client(base_url=server.url) as client:
            total = client.get("/events").json()["total"]

    print("requests during ingest:", counts)
    assert not problems, problems[:5]
    assert counts["requests"] >= 20, counts  # the readers really ran alongside the writer
    assert total == 1 + ARTICLES


def test_a_busy_database_is_retried_not_reported(tmp_path):
    access = StoreAccess(tmp_path / "retry.db", retry_seconds=5)
    calls = {"n": 0}

    def flaky(store):
        calls["n"] += 1
        if calls["n"] < 3:
            raise sqlite3.OperationalError("database is locked")
        return "answer"

    assert access.read(flaky) == "answer" and calls["n"] == 3
    access.close()


def test_a_database_busy_for_too_long_is_a_clear_store_error(tmp_path):
    access = StoreAccess(tmp_path / "retry.db", retry_seconds=0.3)

    def always_busy(store):
        raise StoreError("cannot write to x.db: database is locked", "wait")

    with pytest.raises(StoreError) as error:
        access.write(always_busy)
    assert "busy" in error.value.what and error.value.fix == "retry in a moment"
    access.close()


def test_other_store_errors_are_not_retried(tmp_path):
    access = StoreAccess(tmp_path / "retry.db", retry_seconds=5)
    calls = {"n": 0}

    def broken(store):
        calls["n"] += 1
        raise StoreError("file is not a database", "give a Thucydides database")

    with pytest.raises(StoreError):
        access.read(broken)
    assert calls["n"] == 1
    access.close()
