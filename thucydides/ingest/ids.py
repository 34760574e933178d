"""Stable article ids: the same input gives the same id in every run and on every machine."""

from __future__ import annotations

import hashlib

ID_HEX_CHARS = 16


def short_hash(value: str) -> str:
    """The first 16 hex characters of the SHA-256 of ``value`` (64 bits: collisions are remote)."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HEX_CHARS]


def canonical_url(url: str) -> str:
    """The URL as identity: trimmed, without its #fragment (a fragment is a place in one page)."""
    return url.strip().split("#", 1)[0]


def article_id(*, given: str | int | None = None, url: str | None = None, text: str = "") -> str:
    """The input's own id when it has one, else a hash of its URL, else a hash of its cleaned text.

    Hashing the URL (not the text) keeps one id for a page whose text is re-extracted
    differently; hashing the cleaned text keeps one id for a file re-saved with other bytes.
    """
    if given is not None and str(given).strip():
        return str(given).strip()
    if url and canonical_url(url):
        return short_hash(canonical_url(url))
    return short_hash(text)
