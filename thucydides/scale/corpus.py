"""The benchmark corpus: real news text assembled at run time from ../shared, never stored.

The texts of ``../shared`` are the publishers' (and ACLED's) copyright and may not be copied into
the repository, so the corpus is rebuilt on every run: the seed report, the hand-coded dev
reports, the ACLED event notes and the GeoWebNews articles, repeated and shuffled (with a fixed
seed) until the corpus holds ``min_bytes`` of UTF-8 text. A repeat gets its own id
(``<id>~r<n>``), no URL and a last line "[benchmark copy n]", so that the store does the work of
a new (near-duplicate) article instead of recognising the same text or URL and doing nothing.
"""

from __future__ import annotations

import json
import logging
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from thucydides.errors import GoldError
from thucydides.model import Article

log = logging.getLogger(__name__)

DEFAULT_MIN_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of the gold sets and how many gold events it carries (required or optional)."""

    article: Article
    n_events: int
    origin: str  # "…/dev/x.json", "…/acled/dev.json item 3"


def find_shared_dir(start: Path | None = None) -> Path | None:
    """``$THUCYDIDES_SHARED``, else the first ``shared/`` with a ``gold/`` beside a parent folder."""
    from_env = os.environ.get("THUCYDIDES_SHARED")
    if from_env:
        return Path(from_env) if (Path(from_env) / "gold").is_dir() else None
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents, *Path(__file__).resolve().parents):
        candidate = folder.parent / "shared"
        if (candidate / "gold").is_dir():
            return candidate
    return None


def read_gold_articles(shared: Path) -> list[GoldArticle]:
    """Every article of the gold sets under ``shared/gold`` (read by the scorer's gold reader)."""
    from thucydides.evaluate.gold import load_gold

    return [
        GoldArticle(
            article=Article(
                id=item.article_id,
                text=item.text,
                title=item.title,
                url=item.url,
                published=item.published,
                origin=item.origin,
            ),
            n_events=len(item.events),
            origin=item.origin,
        )
        for item in load_gold(shared / "gold")
    ]


def build_corpus(shared: Path, *, min_bytes: int = DEFAULT_MIN_BYTES, seed: int = 7) -> list[Article]:
    """The gold articles repeated and shuffled until their texts hold at least ``min_bytes``."""
    originals = [gold.article for gold in read_gold_articles(shared)]
    if not originals:
        raise GoldError(f"{shared / 'gold'}: no gold article to build the corpus from", "check the shared folder")
    rng = random.Random(seed)
    corpus: list[Article] = []
    size = 0
    repeat = 0
    while size < min_bytes:
        order = originals[:]
        rng.shuffle(order)
        for article in order:
            copy = article if repeat == 0 else _copy(article, repeat)
            corpus.append(copy)
            size += len(copy.text.encode("utf-8"))
            if size >= min_bytes:
                break
        repeat += 1
    log.info("benchmark corpus: %d articles, %d bytes, %d passes", len(corpus), size, repeat)
    return corpus


def _copy(article: Article, number: int) -> Article:
    return Article(
        id=f"{article.id}~r{number}",
        text=f"{article.text}\n\n[benchmark copy {number}]",
        title=article.title,
        url=None,
        published=article.published,
        source=article.source,
        language=article.language,
        origin=article.origin,
    )


def write_jsonl(articles: Iterable[Article], path: Path) -> int:
    """Write ``articles`` in the JSONL input format of ``shared/spec/output.md``; bytes written."""
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            record = {
                "id": article.id,
                "title": article.title,
                "text": article.text,
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "source": article.source,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def count_words(text: str) -> int:
    """Whitespace-separated words: the unit of the words/s rates (cheap, model-free)."""
    return len(text.split())
