"""Store.add_results: several results in one transaction store exactly what a loop of
add_result stores, and a failing result leaves the ones before it stored (hand-built results)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from test_store_fixtures import ARMY_NG, BOKO, article, event, result

from thucydides.model import ArticleResult
from thucydides.store import Store, writer

NOW = dt.datetime(2024, 6, 1, 8, 30, tzinfo=dt.timezone.utc)
TEXT = (
    "Boko Haram fighters took Bama on Saturday after clashes with troops, residents said. The fighters "
    "arrived in trucks before dawn and attacked the garrison from two sides, according to a local official. "
    "Hundreds of families fled towards the state capital, where camps are already crowded. The army said "
    "reinforcements were on their way and that the town would be retaken within days."
)


def results() -> list[ArticleResult]:
    """New reports of one takeover, a near-duplicate copy, an update, another event, a re-run."""
    first = article("a", TEXT, source="Daily Trust", url="https://example.org/a")
    copy = article("b", TEXT + " Copied.", source="Copy Wire")
    other = article("c", "Troops retook Bama from Boko Haram, the army said on Monday. " * 3, source="Army")
    updated = article("a", TEXT + " Twelve soldiers died.", source="Daily Trust", url="https://example.org/a")
    takeover = event("e1", actor1=BOKO, evidence="Boko Haram fighters took Bama")
    retaken = event("e1", sub="Government regains territory", actor1=ARMY_NG, actor2=BOKO, evidence="Troops retook Bama")
    return [
        result(first, takeover),
        result(copy, takeover),
        result(other, retaken),
        result(updated, event("e1", actor1=BOKO, deaths=12, evidence="Boko Haram fighters took Bama")),
        result(first, takeover),  # an older version read again: unchanged
    ]


def contents(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = {
        table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in tables
        if table not in ("schema_migrations", "sqlite_sequence")
    }
    connection.close()
    return found


def test_one_transaction_stores_what_one_per_result_stores(tmp_path: Path):
    with Store.open(tmp_path / "loop.db") as store:
        looped = [store.add_result(r, ingested_at=NOW) for r in results()]
        loop_page = store.event_page().events_json
    with Store.open(tmp_path / "batch.db") as store:
        batched = store.add_results(results(), ingested_at=NOW)
        batch_page = store.event_page().events_json
    assert [o.action for o in batched] == ["new", "duplicate", "new", "updated", "unchanged"]
    assert batched == looped
    assert batch_page == loop_page
    assert contents(tmp_path / "batch.db") == contents(tmp_path / "loop.db")


def test_a_failing_result_is_raised_after_the_ones_before_it_are_stored(tmp_path: Path, monkeypatch):
    add_result = writer.add_result

    def failing(connection, result, **kwargs):
        if result.article.id == "c":
            raise RuntimeError("disk on fire")
        return add_result(connection, result, **kwargs)

    monkeypatch.setattr(writer, "add_result", failing)
    with Store.open(tmp_path / "store.db") as store:
        with pytest.raises(RuntimeError, match="disk on fire"):
            store.add_results(results()[:4], ingested_at=NOW)
        stored = [row[0] for row in store.connection.execute("SELECT id FROM articles ORDER BY rowid")]
        assert stored == ["a", "b"]
        monkeypatch.setattr(writer, "add_result", add_result)
        # the near-duplicate index forgot the rolled-back batch: "b" is still a copy of "a"
        again = store.add_results(results()[1:3], ingested_at=NOW)
    assert [(o.action, o.duplicate_of) for o in again] == [("unchanged", "a"), ("new", None)]
