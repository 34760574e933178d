"""How the app reaches the store from many request threads, with an ingest writing alongside.

FastAPI runs the (synchronous) endpoints in a thread pool, and SQLite connections belong to the
thread that opened them, so each thread gets its own ``Store``: a read-only one for reads and,
when needed, a writable one. In WAL mode readers never wait for a writer, but two writers (a
review here, ``thucydides ingest`` in another process) queue for the one write lock; if that
wait outlasts SQLite's busy timeout the call is retried with back-off, so the analyst sees a
slower answer, never "database is locked".

An app built around a ``Store`` object instead of a path (tests, embedding) cannot open more
connections, so every call is serialised on that one object.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from thucydides.errors import StoreError

if TYPE_CHECKING:
    from thucydides.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")

# how long a call keeps retrying a busy database before it gives up with a 503
RETRY_SECONDS = 30.0


def _is_busy(error: BaseException) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


class StoreAccess:
    """Runs functions against a Store: ``access.read(lambda store: store.event(id))``."""

    def __init__(self, store_or_path: Store | str | Path, *, retry_seconds: float = RETRY_SECONDS) -> None:
        from thucydides.store import Store

        self.retry_seconds = retry_seconds
        self._local = threading.local()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()
        if isinstance(store_or_path, Store):
            self.path: Path | None = None
            self._shared: Store | None = store_or_path
            self._shared_lock = threading.RLock()
        else:
            self.path = Path(store_or_path)
            self._shared = None
            # create and migrate the database once, up front, so readers can open it read-only
            with Store.open(self.path):
                pass

    def _thread_store(self, *, readonly: bool) -> Store:
        from thucydides.store import Store

        name = "reader" if readonly else "writer"
        store = getattr(self._local, name, None)
        if store is None:
            store = Store.open(self.path, readonly=readonly)
            setattr(self._local, name, store)
            with self._opened_lock:
                self._opened.append(store)
        return store

    def read(self, function: Callable[[Store], T]) -> T:
        return self._call(function, readonly=True)

    def write(self, function: Callable[[Store], T]) -> T:
        return self._call(function, readonly=False)

    def _call(self, function: Callable[[Store], T], *, readonly: bool) -> T:
        deadline = time.monotonic() + self.retry_seconds
        pause = 0.05
        while True:
            try:
                if self._shared is not None:
                    with self._shared_lock:
                        return function(self._shared)
                return function(self._thread_store(readonly=readonly))
            except (StoreError, sqlite3.OperationalError) as error:
                if not _is_busy(error) or time.monotonic() + pause > deadline:
                    if _is_busy(error):
                        raise StoreError(
                            "the database stayed busy (another process is writing) for too long",
                            "retry in a moment",
                        ) from error
                    raise
                log.info("database busy, retrying in %.2fs: %s", pause, error)
                time.sleep(pause)
                pause = min(pause * 2, 1.0)

    def close(self) -> None:
        """Close the connections this access opened (not a Store it was given)."""
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except sqlite3.ProgrammingError:
                # a connection of another thread: SQLite refuses to close it from here; it is
                # closed when that thread's pool ends with the process
                log.debug("left a connection of another thread open at shutdown")
