"""Each event's stored public JSON (migration 0004, thucydides.store.event_json): always what the
code would build now, whatever changed the event, its sources or their articles, and whichever
code wrote it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from test_store_fixtures import BOKO, article, event, result

from thucydides.store import EventFilter, Store, event_json, reader
from thucydides.store.duplicates import DuplicateFinder
from thucydides.store.schema import available_migrations, connect, migrate
from thucydides.store.writer import add_result

ROOT = Path(__file__).resolve().parent.parent
WIRE = (
    "KIDAL, Mali (Wire) — Fighters of an armed coalition entered the town of Bama after a night of "
    "clashes with soldiers, two local officials said. Eleven soldiers died, one official said, and "
    "families left for the hills before dawn while the garrison's fate was still unclear."
)


def takeover(article_id: str, source: str, *, text: str | None = None, url: str | None = None, **kwargs):
    art = article(article_id, text or f"{source} report {article_id}: fighters took Bama. " * 3, source=source, url=url)
    return result(art, event(f"{article_id}-e1", evidence="fighters took Bama", **kwargs))


def stale(store: Store) -> list[str]:
    """Events whose stored texts differ from the ones built from their rows now."""
    fresh = {stored.id: event_json.texts(stored) for stored in store.events(limit=None)}
    rows = store.connection.execute("SELECT id, json, summary_json FROM events").fetchall()
    assert {row["id"] for row in rows} == set(fresh)
    return [row["id"] for row in rows if (row["json"], row["summary_json"]) != fresh[row["id"]]]


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.db") as opened:
        yield opened


def test_every_write_leaves_every_text_current(store: Store):
    url = "https://example.org/bama"
    store.add_result(takeover("a", "Wire", text=WIRE, url=url, deaths=11))
    assert stale(store) == []
    store.add_result(takeover("b", "Daily", status="claimed", deaths=20, speaker="a coalition statement"))
    store.add_result(takeover("c", "Courier", status="denied", speaker="an army spokesman"))
    assert store.add_result(takeover("d", "Reprint", text=WIRE, url="https://reprint.example/1")).action == "duplicate"
    assert stale(store) == []
    (merged,) = store.events()
    assert len(merged.sources) == 4
    # an update of the wire story: its source changes its figures, the others stay
    store.add_result(takeover("a", "Wire", text="Update: " + WIRE, url=url, deaths=14))
    assert stale(store) == []
    two = article("g", "Gunmen attacked Gwoza; separately fighters took Bama.", source="Courier", url="https://example.org/g")
    outcome = store.add_result(result(two, event("g1", sub="Attack", place="Gwoza", actor1=BOKO, actor2=None), event("g2")))
    assert stale(store) == []
    gwoza = next(event_id for event_id in outcome.event_ids if store.event(event_id).event.sub_event_type == "Attack")
    store.add_result(result(replace(two, text="Correction: only fighters took Bama."), event("g2")))  # deletes Gwoza
    assert gwoza not in {stored.id for stored in store.events(limit=None)}
    assert stale(store) == []
    bama = store.events()[0].id
    store.review(bama, "edit", reviewer="ana", changes={"fatalities": 13}, note="per the UN")
    assert stale(store) == []
    store.review(bama, "reject", reviewer="ana")
    assert stale(store) == []
    assert store.connection.execute("SELECT count(*) FROM events WHERE json IS NULL").fetchone()[0] == 0


# the sources of articles a and b (the Kidal clash of article k must keep its text)
_SOURCES_AB = "(SELECT id FROM event_sources WHERE article_id IN ('a', 'b'))"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events SET corroboration = corroboration + 1 WHERE id IN (SELECT event_id FROM event_sources WHERE article_id = 'a')",
        "UPDATE articles SET source = 'Renamed outlet' WHERE id = 'b'",
        "UPDATE articles SET duplicate_of = 'a' WHERE id = 'b'",
        "UPDATE event_sources SET status = 'claimed' WHERE article_id = 'b'",
        "DELETE FROM event_sources WHERE article_id = 'b'",
        f"UPDATE attributions SET speaker = 'another speaker' WHERE event_source_id IN {_SOURCES_AB}",
        f"DELETE FROM attributions WHERE event_source_id IN {_SOURCES_AB}",
        f"UPDATE evidence SET text = 'other words' WHERE event_source_id IN {_SOURCES_AB}",
        f"DELETE FROM evidence WHERE event_source_id IN {_SOURCES_AB}",
        f"INSERT INTO evidence (event_source_id, position, start, \"end\", text) SELECT id, 9, 0, 3, 'new' FROM event_sources WHERE id IN {_SOURCES_AB}",
    ],
)
def test_any_change_to_what_an_event_shows_marks_its_text_to_build(store: Store, statement: str):
    store.add_result(takeover("a", "Wire", text=WIRE, speaker="an official"))
    store.add_result(takeover("b", "Daily", speaker="a resident"))
    other = article("k", "Soldiers clashed with gunmen near Kidal town.", source="Courier")
    store.add_result(result(other, event("k1", sub="Armed clash", place="Kidal", actor1=BOKO)))
    connection = store.connection
    (bama,) = {row[0] for row in connection.execute("SELECT event_id FROM event_sources WHERE article_id IN ('a', 'b')")}
    connection.execute(statement)  # no writer code: the triggers alone must notice
    to_build = {row[0] for row in connection.execute("SELECT id FROM events WHERE json IS NULL")}
    assert to_build == {bama}
    # a reader builds what is missing: the page is what the rows say now
    page = store.event_page(limit=10)
    assert page.events_json == [event_json.texts(stored)[0] for stored in store.events(limit=10)]
    with store._write():  # the next write transaction builds it before it commits
        pass
    assert stale(store) == []


def test_texts_of_other_code_are_never_served_and_are_rebuilt_on_open(tmp_path: Path):
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.add_result(takeover("a", "Wire", text=WIRE))
        store.add_result(takeover("b", "Daily", status="claimed", deaths=3))
        expected = [event_json.texts(stored) for stored in store.events()]
        # what an older release would have left: its own texts, under its own code version
        store.connection.execute("UPDATE events SET json = '{\"old\":1}', summary_json = '{\"old\":1}'")
        store.connection.execute("UPDATE store_meta SET value = 'older code' WHERE key = ?", (event_json.META_KEY,))
    with Store.open(path, readonly=True) as reading:
        assert reading.event_page().events_json == [full for full, _ in expected]
        assert reading.event_page(summary=True).events_json == [summary for _, summary in expected]
    with Store.open(path) as store:  # a writable open rebuilds them all
        assert event_json.stored_version(store.connection) == event_json.code_version()
        assert stale(store) == []


def test_a_store_written_before_migration_0004_gets_its_texts_on_open(tmp_path: Path):
    path = tmp_path / "old.db"
    connection = connect(path)
    connection.row_factory = sqlite3.Row  # as the Store sets it
    migrate(connection, available_migrations()[:3])  # the previous release's schema
    duplicates = DuplicateFinder()
    for outcome in (takeover("a", "Wire", text=WIRE), takeover("b", "Daily", status="claimed", deaths=3)):
        connection.execute("BEGIN IMMEDIATE")
        add_result(connection, outcome, now=dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc), duplicates=duplicates)
        connection.execute("COMMIT")
    connection.close()
    with Store.open(path) as store:
        assert store.count_events() == 1
        assert stale(store) == []


def test_a_page_of_current_texts_decodes_no_event(store: Store, monkeypatch):
    for number in range(5):
        store.add_result(takeover(f"a{number}", f"Outlet {number}", place="Kidal" if number % 2 else "Bama", day=dt.date(2023, 3, number + 1)))
    expected = [event_json.texts(stored)[1] for stored in store.events(EventFilter(country="ML"))]

    def no_decoding(*args, **kwargs):
        raise AssertionError("a page of current texts was decoded and built again")

    monkeypatch.setattr(reader, "stored_events", no_decoding)
    page = store.event_page(EventFilter(country="ML"), summary=True)
    assert page.total == len(expected) and page.events_json == expected


def test_a_failed_write_builds_nothing_and_leaves_the_old_texts(store: Store, monkeypatch):
    store.add_result(takeover("a", "Wire", text=WIRE))
    before = store.connection.execute("SELECT json FROM events").fetchall()

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(event_json, "build_missing", broken)
    with pytest.raises(Exception, match="disk I/O error"):
        store.add_result(takeover("b", "Daily", status="claimed"))
    assert store.connection.execute("SELECT json FROM events").fetchall() == before
    assert store.counts()["articles"] == 1


def test_the_code_version_covers_every_function_that_builds_the_texts(tmp_path: Path):
    """Every function of the package that runs while texts are built (in a fresh process, so the
    rule files are read too) lives in a file the code version hashes: a change anywhere else
    cannot change a text."""
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.add_result(takeover("a", "Wire", text=WIRE, speaker="an official"))
        store.add_result(takeover("b", "Daily", status="claimed", deaths=3))
    probe = (
        "import json, sys\n"
        "from thucydides.store import Store, event_json\n"
        f"store = Store.open({str(path)!r}, readonly=True)\n"
        "rows = store.connection.execute('SELECT id, NULL AS json FROM events').fetchall()\n"
        "ran = set()\n"
        "sys.setprofile(lambda frame, what, arg: ran.add(frame.f_code.co_filename) if what == 'call' else None)\n"
        "texts = event_json.page_texts(store.connection, rows, summary=False)\n"
        "sys.setprofile(None)\n"
        "assert texts\n"
        "print(json.dumps(sorted(ran)))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    package = ROOT / "thucydides"
    ran = {Path(file).resolve() for file in json.loads(run.stdout) if Path(file).resolve().is_relative_to(package)}
    hashed = {file.resolve() for file in event_json.shaping_files()}
    assert package / "output.py" in ran and package / "store" / "codec.py" in ran
    assert ran <= hashed, sorted(str(file) for file in ran - hashed)
