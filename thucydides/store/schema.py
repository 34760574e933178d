"""Opening the SQLite file and applying the numbered migrations in ``migrations/``.

Each migration ``NNNN_name.sql`` runs in its own transaction (BEGIN IMMEDIATE, so two
processes opening a fresh file at once cannot both apply it) and is recorded in
``schema_migrations``; a failed migration leaves the file at the previous version.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from thucydides.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000  # a second writer waits this long for the lock before giving up
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migration files in version order; their numbers must run 1, 2, 3… without gaps."""
    migrations = []
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise StoreError(f"migration file {path.name} is not named NNNN_name.sql", "rename it")
        migrations.append(Migration(int(match[1]), match[2], path.read_text(encoding="utf-8")))
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise StoreError(f"migration {expected:04d} is missing (found {migration.version:04d})", "restore it")
    return migrations


def split_statements(sql: str) -> list[str]:
    """The SQL statements of a script (``executescript`` would commit our transaction)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().strip(";").strip() and not _only_comments(buffer):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not _only_comments(buffer):
        raise StoreError("a migration ends with an incomplete SQL statement", "end it with ';'")
    return statements


def _only_comments(sql: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in sql.splitlines())


def schema_version(connection: sqlite3.Connection) -> int:
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return 0
    return connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(connection: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[int]:
    """Apply the migrations the file lacks; returns the versions applied."""
    migrations = available_migrations() if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    current = schema_version(connection)
    if current > latest:
        raise StoreError(
            f"the database has schema version {current}, newer than this Thucydides knows ({latest})",
            "upgrade Thucydides or use another --db file",
        )
    applied = []
    for migration in migrations:
        if migration.version <= current:
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            # another process may have applied it while we waited for the lock
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            if schema_version(connection) >= migration.version:
                connection.execute("COMMIT")
                continue
            for statement in split_statements(migration.sql):
                connection.execute(statement)
            connection.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, dt.datetime.now(dt.timezone.utc).isoformat()),
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        log.info("applied migration %04d_%s", migration.version, migration.name)
        applied.append(migration.version)
    return applied


def fold(text: str | None) -> str | None:
    """Case- and accent-free text, for filters: "Baghlān" and "baghlan" are one province."""
    if text is None:
        return None
    return _fold(str(text))


@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    # each stored event folds its types, places and actors again whenever it is touched: the
    # same few thousand names, so their folded forms are kept
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold().strip()


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    path = Path(path)
    try:
        if readonly:
            if not path.exists():
                raise StoreError(f"database {path} does not exist", "run `thucydides ingest … --db FILE` first")
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        else:
            if path.parent and not path.parent.exists():
                raise StoreError(f"folder {path.parent} for database {path.name} does not exist", "create it first")
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.create_function("fold", 1, fold, deterministic=True)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                log.warning("database %s is in journal mode %s, not WAL", path, mode)
            # NORMAL in WAL mode: a killed process never corrupts the file or loses a commit;
            # only a power cut may lose the last few commits
            connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open database {path}: {error}", "give a Thucydides database file (or a new path)") from None
    return connection


def open_database(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connected, fully migrated database (read-only: checked to be at the latest version)."""
    connection = connect(path, readonly=readonly)
    try:
        if readonly:
            latest = available_migrations()[-1].version
            current = schema_version(connection)
            if current < latest:
                raise StoreError(
                    f"database {path} has schema version {current}, this Thucydides needs {latest}",
                    "open it once without read-only (e.g. run `thucydides ingest`) to migrate it",
                )
        else:
            migrate(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise StoreError(
            f"cannot migrate database {path}: {error}", "give a Thucydides database file (or a new path)"
        ) from None
    except BaseException:
        connection.close()
        raise
    return connection
