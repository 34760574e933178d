"""Near-duplicate articles: MinHash over word 5-shingles, and an index that finds earlier copies.

The same wire report is republished by many outlets with another headline, a dateline or a
paragraph trimmed. Counting it once per outlet would count one event many times, so the store
sets ``Article.duplicate_of`` to the first copy it saw:

    index = NearDuplicateIndex(threshold=0.8)
    article.duplicate_of = index.add(article.id, signature(article.text))

The MinHash is our own (hashlib + numpy) rather than a library's, so that a signature stored
today stays comparable after any upgrade: the hash of a shingle is BLAKE2b, the 128 hash
functions are fixed affine maps whose coefficients come from SHA-256 of their number.
A signature is 128 little-endian uint32 values (512 bytes).
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Iterable

from thucydides.errors import InputError

if TYPE_CHECKING:
    import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.8
ROWS_PER_BAND = 4  # 32 bands of 4 rows: a pair with Jaccard 0.6 is a candidate 98% of the time
_PRIME = (1 << 32) - 5  # the largest prime below 2**32: (a * h) fits in uint64
_EMPTY = (1 << 32) - 1  # the value of every slot when a text has no words
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The text's runs of ``size`` consecutive words, case-folded (a shorter text is one run)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[start : start + size]) for start in range(len(words) - size + 1)}


def _coefficients(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    def number(label: str) -> int:
        return int.from_bytes(hashlib.sha256(label.encode()).digest()[:8], "little") % _PRIME

    a = np.array([number(f"thucydides-minhash-a-{i}") or 1 for i in range(num_perm)], dtype=np.uint64)
    b = np.array([number(f"thucydides-minhash-b-{i}") for i in range(num_perm)], dtype=np.uint64)
    return a, b


_COEFFICIENTS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def signature(text: str, *, num_perm: int = NUM_PERM) -> bytes:
    """The MinHash signature of ``text`` (``num_perm`` × 4 bytes); same text → same bytes."""
    import numpy as np

    if num_perm not in _COEFFICIENTS:
        _COEFFICIENTS[num_perm] = _coefficients(num_perm)
    a, b = _COEFFICIENTS[num_perm]
    grams = shingles(text)
    if not grams:
        return np.full(num_perm, _EMPTY, dtype="<u4").tobytes()
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(gram.encode("utf-8", "surrogatepass"), digest_size=4).digest(), "little") for gram in grams],
        dtype=np.uint64,
    )
    values = ((hashes[:, None] * a[None, :]) % _PRIME + b[None, :]) % _PRIME
    return values.min(axis=0).astype("<u4").tobytes()


def _values(sig: bytes, num_perm: int, name: str) -> np.ndarray:
    import numpy as np

    if not isinstance(sig, (bytes, bytearray, memoryview)) or len(sig) != num_perm * 4:
        size = len(sig) if isinstance(sig, (bytes, bytearray, memoryview)) else type(sig).__name__
        raise InputError(
            f"signature of {name}", f"is {size} bytes, not {num_perm * 4}", "recompute it with dedup.signature(article.text)"
        )
    return np.frombuffer(bytes(sig), dtype="<u4")


def similarity(first: bytes, second: bytes, *, num_perm: int = NUM_PERM) -> float:
    """The estimated Jaccard similarity of two texts' shingle sets, from their signatures."""
    import numpy as np

    return float(np.mean(_values(first, num_perm, "first") == _values(second, num_perm, "second")))


class NearDuplicateIndex:
    """Signatures of the articles seen so far, banded (LSH) so that a look-up is not a full scan.

    ``add`` returns the id of the earliest article whose estimated Jaccard similarity to the
    new one is at least ``threshold`` — always an original, never a copy of a copy — or None.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, *, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0 or num_perm % ROWS_PER_BAND:
            raise InputError(
                "near-duplicate index", f"threshold {threshold} / num_perm {num_perm} invalid",
                f"use 0 < threshold <= 1 and num_perm a multiple of {ROWS_PER_BAND}",
            )
        self.threshold = threshold
        self.num_perm = num_perm
        self._bands: list[dict[bytes, list[str]]] = [{} for _ in range(num_perm // ROWS_PER_BAND)]
        self._signatures: dict[str, bytes] = {}
        self._order: dict[str, int] = {}
        self._duplicate_of: dict[str, str | None] = {}

    @classmethod
    def from_signatures(
        cls, pairs: Iterable[tuple[str, bytes]], threshold: float = DEFAULT_THRESHOLD, *, num_perm: int = NUM_PERM
    ) -> NearDuplicateIndex:
        """The index rebuilt from stored (article id, signature) pairs, oldest first."""
        index = cls(threshold, num_perm=num_perm)
        for article_id, sig in pairs:
            index.add(article_id, sig)
        return index

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def _band_keys(self, sig: bytes) -> list[bytes]:
        step = ROWS_PER_BAND * 4
        return [sig[start : start + step] for start in range(0, len(sig), step)]

    def query(self, sig: bytes) -> list[tuple[str, float]]:
        """(article id, similarity) of the indexed articles at or over the threshold, oldest first."""
        values = _values(sig, self.num_perm, "the query")
        if bool((values == _EMPTY).all()):
            return []  # a text without words is like nothing
        import numpy as np

        candidates: set[str] = set()
        for band, key in zip(self._bands, self._band_keys(bytes(sig))):
            candidates.update(band.get(key, ()))
        if not candidates:
            return []
        ordered = sorted(candidates, key=self._order.__getitem__)
        # one vectorised comparison: a popular story can have thousands of candidates
        matrix = np.frombuffer(b"".join(self._signatures[other] for other in ordered), dtype="<u4")
        scores = (matrix.reshape(len(ordered), self.num_perm) == values).mean(axis=1)
        return [(other, float(score)) for other, score in zip(ordered, scores) if score >= self.threshold]

    def add(self, article_id: str, sig: bytes) -> str | None:
        """Index an article; the id of the earlier article it nearly duplicates, or None.

        Adding an id again changes nothing and returns the same answer as the first time.
        """
        if article_id in self._signatures:
            return self._duplicate_of[article_id]
        matches = self.query(sig)
        original = None
        if matches:
            first = matches[0][0]
            original = self._duplicate_of[first] or first
        sig = bytes(sig)
        self._signatures[article_id] = sig
        self._order[article_id] = len(self._order)
        self._duplicate_of[article_id] = original
        for band, key in zip(self._bands, self._band_keys(sig)):
            band.setdefault(key, []).append(article_id)
        return original
