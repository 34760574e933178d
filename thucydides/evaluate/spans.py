"""Finding gold passages and output evidence in an article's text, and whether they overlap.

Gold passages are quoted from the publisher's text, while output offsets point into the cleaned
text (curly quotes straightened, runs of spaces and the duplicated headline possibly removed).
Passages are therefore searched with a character-for-character normalisation (offsets survive)
and any run of whitespace matching any other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from thucydides.evaluate.outputs import OutputSpan

Span = tuple[int, int]

# one character for one character, so offsets in the normalised text are offsets in the original
_SAME_LENGTH = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)


def normalise(text: str) -> str:
    """Lower case, straight quotes, plain hyphens; the same length as ``text``."""
    text = text.translate(_SAME_LENGTH)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # a few characters ("İ") lower to two: lower the others one by one
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def squeeze(text: str) -> str:
    """``normalise`` and single spaces: for comparing passages whose offsets do not matter."""
    return " ".join(normalise(text).split())


@lru_cache(maxsize=4096)
def _pattern(passage: str) -> re.Pattern[str] | None:
    words = normalise(passage).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def find_passage(passage: str, text: str) -> list[Span]:
    """Every place ``passage`` occurs in ``text``, ignoring case, quote style and spacing."""
    pattern = _pattern(passage)
    if pattern is None:
        return []
    return [(found.start(), found.end()) for found in pattern.finditer(normalise(text))]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate_evidence(span: OutputSpan, text: str | None) -> Span | None:
    """Where an evidence span lies in ``text``: its offsets when they hold, else its words."""
    if text is None:
        return None
    start, end = span.start, span.end
    offsets_hold = start is not None and end is not None and 0 <= start < end <= len(text)
    if offsets_hold and (span.text is None or squeeze(text[start:end]) == squeeze(span.text)):
        return (start, end)
    if not span.text:
        return None
    found = find_passage(span.text, text)
    if not found:
        return None
    # the same words may occur twice: take the occurrence nearest to the offsets given
    return min(found, key=lambda s: abs(s[0] - (start or 0)))
