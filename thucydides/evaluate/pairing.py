"""Which output line is which gold article.

By article id first. `thucydides extract examples/seed.txt` gives the seed its own stable id,
not the gold's "seed-000", so an output left unpaired is then paired by URL, then by text (when
written with --with-text), and a last single gold article with a last single output by
elimination; every pairing that is not by id is reported as a warning.
"""

from __future__ import annotations

import re
from typing import Sequence

from thucydides.evaluate.gold import GoldItem
from thucydides.evaluate.outputs import OutputArticle

# word-set Jaccard above which two texts are one article (cleaning drops a headline or a footer)
SAME_TEXT_JACCARD = 0.8
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def pair_articles(
    gold_items: Sequence[GoldItem], outputs: Sequence[OutputArticle]
) -> tuple[dict[str, OutputArticle], list[str]]:
    """Gold article id → its output, and warnings about how (or whether) they were paired."""
    warnings: list[str] = []
    by_id: dict[str, OutputArticle] = {}
    for output in outputs:
        if output.id in by_id:
            warnings.append(f"{output.origin}: article id {output.id!r} appears again; the first line is scored")
        else:
            by_id[output.id] = output
    paired: dict[str, OutputArticle] = {item.article_id: by_id.pop(item.article_id) for item in gold_items if item.article_id in by_id}
    unpaired = [item for item in gold_items if item.article_id not in paired]
    spare = list(by_id.values())

    for item in list(unpaired):
        match = next((o for o in spare if item.url and o.url == item.url), None)
        if match is None and any(o.text for o in spare):
            gold_words = _words(item.text)
            scored = [(_jaccard(gold_words, _words(o.text)), n) for n, o in enumerate(spare) if o.text]
            best, index = max(scored)
            match = spare[index] if best >= SAME_TEXT_JACCARD else None
        if match is not None:
            warnings.append(f"output article {match.id!r} paired with gold {item.article_id!r} by URL or text")
            paired[item.article_id] = match
            spare.remove(match)
            unpaired.remove(item)
    if len(unpaired) == 1 and len(spare) == 1:
        warnings.append(f"output article {spare[0].id!r} paired with gold {unpaired[0].article_id!r}: the only ones left")
        paired[unpaired[0].article_id] = spare.pop()
        unpaired.clear()
    if unpaired:
        names = ", ".join(item.article_id for item in unpaired[:5]) + (" …" if len(unpaired) > 5 else "")
        warnings.append(f"{len(unpaired)} gold article(s) have no output line, their events count as missed: {names}")
    if spare:
        names = ", ".join(o.id for o in spare[:5]) + (" …" if len(spare) > 5 else "")
        warnings.append(f"{len(spare)} output article(s) match no gold article and are not scored: {names}")
    return paired, warnings
