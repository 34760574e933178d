"""Near-duplicate articles for the store: the ingest stage's MinHash index, kept in step with
the committed rows.

The index lives in memory, rebuilt from the stored signatures (oldest first) on first use,
and after any write that did not commit (so it never remembers an article that is not in the
file) or that replaced an article's text (whose old signature must go).
"""

from __future__ import annotations

import sqlite3

from thucydides.ingest.dedup import NearDuplicateIndex, signature


class DuplicateFinder:
    def __init__(self) -> None:
        self._index: NearDuplicateIndex | None = None

    def invalidate(self) -> None:
        self._index = None

    def _built(self, connection: sqlite3.Connection, *, leave_out: str | None = None) -> NearDuplicateIndex:
        if self._index is None or leave_out is not None:
            rows = connection.execute(
                "SELECT id, signature FROM articles WHERE signature IS NOT NULL ORDER BY rowid"
            ).fetchall()
            self._index = NearDuplicateIndex.from_signatures(
                (row[0], row[1]) for row in rows if row[0] != leave_out
            )
        return self._index

    def find(
        self, connection: sqlite3.Connection, article_id: str, text: str, *, replacing: bool = False
    ) -> tuple[bytes, str | None]:
        """The article's signature and the earlier article it nearly duplicates (or None).

        ``replacing``: the article is stored already with other text, whose signature is
        left out. Call ``invalidate`` if the transaction does not commit.
        """
        sig = signature(text)
        index = self._built(connection, leave_out=article_id if replacing else None)
        original = index.add(article_id, sig)
        return sig, (original if original != article_id else None)
