"""Crash safety for real: `python -m thucydides ingest` killed with SIGKILL at random moments.

After every kill the file passes SQLite's integrity and foreign-key checks; re-running
completes the ingest, and the result equals an uninterrupted run's: nothing lost, nothing
twice. The corpus is generated here (extract-style JSONL, so no model is needed): several
outlets reporting overlapping events, wire copies, and updated articles.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_store_fixtures import ARMY_NG, BOKO, ISWAP, MILITIA, PLACES, article, event, result

from thucydides import output
from thucydides.store import Store

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "army fighters town district road convoy residents fled attack market police village council elders "
    "bridge checkpoint river night morning governor statement clashes patrol supplies camp displaced"
).split()
OUTLETS = ["Daily Trust", "HumAngle", "Premium Times", "Reuters", "AFP", "Sahara Reporters"]
PLACE_NAMES = [name for name in PLACES if name != "Borno"]
KILLS = 20
ARTICLES = 150


def generate_corpus(path: Path, n_articles: int, seed: int = 7) -> int:
    """Writes the corpus; returns how many distinct articles (URLs) it has."""
    rng = random.Random(seed)
    texts: list[str] = []
    urls: set[str] = set()
    with path.open("w", encoding="utf-8") as stream:
        for number in range(n_articles):
            if number % 15 == 14:  # a wire copy of an earlier article, lightly edited
                original = rng.randrange(len(texts))
                words = texts[original].split()
                words[rng.randrange(len(words))] = "reportedly"
                text, url = " ".join(words), f"https://copies.example/{number}"
            else:
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 140)))
                # every 25th article updates an earlier one: same URL, new text and events
                url = f"https://news.example/{number - 20 if number % 25 == 24 else number}"
            texts.append(text)
            urls.add(url)
            day = dt.date(2023, 3, 1) + dt.timedelta(days=rng.randrange(10))
            events = []
            for index in range(rng.randint(1, 3)):
                sub = rng.choice(["Non-state actor overtakes territory", "Armed clash", "Attack", "Government regains territory"])
                actor1, actor2 = rng.choice([(ISWAP, ARMY_NG), (BOKO, MILITIA), (ARMY_NG, ISWAP)])
                if sub == "Government regains territory":
                    actor1, actor2 = ARMY_NG, rng.choice([ISWAP, BOKO])
                status = rng.choice(["reported", "reported", "claimed", "denied", "background"])
                events.append(event(
                    f"e{index}", sub=sub, status=status, actor1=actor1, actor2=actor2, place=rng.choice(PLACE_NAMES),
                    day=day, deaths=rng.choice([0, 0, 3, 5, 12]), speaker="a spokesman" if status != "reported" else None,
                    confidence=round(rng.uniform(0.4, 0.9), 2), evidence=text.split()[index],
                ))
            art = article(f"art-{number:04d}", text, source=rng.choice(OUTLETS), url=url, published=day + dt.timedelta(days=1))
            stream.write(output.to_json_line(output.result_to_dict(result(art, *events), with_text=True, with_places=True)) + "\n")
    return len(urls)


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "thucydides", "ingest", "--results", str(corpus), "--db", str(db)]


def check_consistent(db: Path) -> None:
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "event_sources" not in tables:
            # killed before the first migration committed: an empty database, which the re-run migrates
            assert "events" not in tables
            return
        # every event has its row data; every source points at an existing event and article
        orphans = connection.execute(
            "SELECT count(*) FROM event_sources s LEFT JOIN events e ON e.id = s.event_id WHERE e.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        connection.close()


def snapshot(db: Path) -> dict:
    """Everything an ingest decides, without the clock's timestamps."""
    with Store.open(db, readonly=True) as store:
        events = []
        for stored in store.iter_events():
            data = stored.to_dict()
            del data["created_at"], data["updated_at"]
            events.append(data)
        control = [record.to_dict() for record in store.control()]
        deleted = [(d.event_id, d.reason, {k: v for k, v in d.last.items() if k != "created_at"}) for d in store.deleted_events()]
        connection = store.connection
        articles = connection.execute("SELECT id, content_hash, duplicate_of, skipped FROM articles ORDER BY id").fetchall()
        audit = connection.execute("SELECT event_id, actor, action, changes, note FROM audit ORDER BY id").fetchall()
    return {
        "events": sorted(events, key=lambda e: e["id"]),
        "control": control,
        "deleted": sorted(deleted, key=lambda d: d[0]),
        "articles": [tuple(row) for row in articles],
        "audit": [tuple(row) for row in audit],
    }


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_kill_minus_nine_at_random_moments(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    distinct = generate_corpus(corpus, ARTICLES)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}

    reference = tmp_path / "reference.db"
    started = time.monotonic()
    subprocess.run(ingest_command(corpus, reference), check=True, env=environment, capture_output=True, timeout=120)
    full_run = time.monotonic() - started
    print(f"uninterrupted run: {full_run:.2f} s for {ARTICLES} articles")
    expected = snapshot(reference)
    assert len(expected["articles"]) == distinct < ARTICLES  # updates replace, never add
    assert expected["deleted"] and any(row[2] for row in expected["articles"])  # the corpus exercises both

    rng = random.Random(11)
    crashed = tmp_path / "crashed.db"
    kills = completions = partial = 0
    while kills < KILLS:
        process = subprocess.Popen(ingest_command(corpus, crashed), env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.05, max(0.3, full_run * 0.9)))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
            if crashed.exists():
                check_consistent(crashed)
                with sqlite3.connect(crashed) as connection:
                    migrated = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone()
                    # killed before the first migration committed: nothing stored yet
                    stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0] if migrated else 0
                partial += 0 < stored < distinct
        else:
            assert process.returncode == 0, process.stderr.read().decode()
            assert snapshot(crashed) == expected
            completions += 1
            for path in (crashed, crashed.with_name(crashed.name + "-wal"), crashed.with_name(crashed.name + "-shm")):
                path.unlink(missing_ok=True)  # start over, to kill again early in a run
        process.stderr.close()

    print(f"{kills} kills ({partial} in the middle of the corpus), {completions} runs completed between them")
    assert partial >= KILLS // 2  # most kills hit a run half-way, not before its start or after its end
    finished = subprocess.run(ingest_command(corpus, crashed), env=environment, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    check_consistent(crashed)
    assert snapshot(crashed) == expected
    # and once more: a complete database stays as it is
    again = subprocess.run(ingest_command(corpus, crashed), env=environment, capture_output=True, text=True, timeout=120)
    assert f"ingested {ARTICLES} articles (0 new, {ARTICLES} unchanged, 0 duplicates)" in again.stderr
    assert snapshot(crashed) == expected
