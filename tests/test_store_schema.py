"""Opening the database: numbered migrations in transactions, WAL, foreign keys, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.store import Store
from thucydides.store.schema import Migration, available_migrations, connect, migrate, schema_version, split_statements

TABLES = {
    "articles", "events", "event_sources", "attributions", "evidence", "places", "control_states",
    "audit", "deleted_events", "schema_migrations", "article_versions",
}


def test_first_open_creates_and_migrates(tmp_path: Path):
    path = tmp_path / "new.db"
    with Store.open(path) as store:
        tables = {row[0] for row in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert TABLES <= tables
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        versions = [row[0] for row in store.connection.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m.version for m in available_migrations()]
    with Store.open(path) as store:  # a second open applies nothing twice
        assert store.connection.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(versions)


def test_migration_files_are_numbered_without_gaps():
    migrations = available_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path):
    connection = connect(tmp_path / "x.db")
    good = available_migrations()
    bad = Migration(len(good) + 1, "broken", "CREATE TABLE extra (x INTEGER);\nINSERT INTO no_such_table VALUES (1);")
    with pytest.raises(sqlite3.OperationalError):
        migrate(connection, [*good, bad])
    assert schema_version(connection) == len(good)
    # the half-applied statement was rolled back with its migration
    assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0


def test_a_newer_database_is_refused(tmp_path: Path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2100-01-01')")
    with pytest.raises(StoreError, match="newer than this Thucydides"):
        Store.open(path)


def test_not_a_database_is_a_store_error(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the droids\n" * 100)
    with pytest.raises(StoreError, match="cannot open database") as error:
        Store.open(path)
    assert error.value.fix


def test_readonly_needs_an_existing_database(tmp_path: Path):
    with pytest.raises(StoreError, match="does not exist") as error:
        Store.open(tmp_path / "missing.db", readonly=True)
    assert "thucydides ingest" in error.value.fix
    assert not (tmp_path / "missing.db").exists()


def test_readonly_refuses_writes(tmp_path: Path):
    from test_store_fixtures import article, event, result

    path = tmp_path / "r.db"
    Store.open(path).close()
    with Store.open(path, readonly=True) as store:
        assert store.count_events() == 0
        with pytest.raises(StoreError, match="read-only"):
            store.add_result(result(article("a"), event("e")))


def test_missing_folder_is_a_store_error(tmp_path: Path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "folder.db")


def test_closed_store_says_so(tmp_path: Path):
    store = Store.open(tmp_path / "c.db")
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.count_events()


def test_split_statements_keeps_statements_whole():
    sql = "-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b');\n\nCREATE INDEX i ON a(x);\n-- end\n"
    assert split_statements(sql) == ["-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b');", "CREATE INDEX i ON a(x);"]


def test_a_version_1_database_is_migrated_with_its_data(tmp_path: Path):
    path = tmp_path / "old.db"
    connection = connect(path)
    migrate(connection, available_migrations()[:1])
    connection.execute(
        "INSERT INTO articles (id, content_hash, text, ingested_at, updated_at) VALUES ('a', 'h1', 'text', 't0', 't0')"
    )
    connection.close()
    with Store.open(path) as store:
        rows = store.connection.execute("SELECT article_id, content_hash, seen_at FROM article_versions").fetchall()
        assert [tuple(row) for row in rows] == [("a", "h1", "t0")]
        assert schema_version(store.connection) == len(available_migrations())
