"""Run the real pipeline over gold articles, as `thucydides extract` would run it over their texts."""

from __future__ import annotations

import dataclasses
import logging
from typing import Sequence

from thucydides.config import Settings
from thucydides.evaluate.gold import GoldItem
from thucydides.model import Article, ArticleResult

log = logging.getLogger(__name__)


def gold_article(item: GoldItem) -> Article:
    """The Article ingest makes of a gold item's text, keeping the gold id so outputs pair by id."""
    from thucydides.ingest.articles import read_text_article

    # without a title, ingest takes the first line as one (the .txt convention)
    article = read_text_article(item.text, title=item.title or None, url=item.url, published=item.published, origin=item.origin)
    return dataclasses.replace(article, id=item.article_id)


def run_extract_on_gold(gold_items: Sequence[GoldItem], settings: Settings) -> list[ArticleResult]:
    """Pipeline results for every gold item, in order (through thucydides.runner.process_stream)."""
    from thucydides.runner import process_stream

    articles = [gold_article(item) for item in gold_items]
    log.info("extracting events from %d gold articles", len(articles))
    results = list(process_stream(articles, settings=settings))
    if len(results) != len(articles):
        got = {result.article.id for result in results}
        lost = [article.id for article in articles if article.id not in got]
        log.warning("the pipeline returned no result for %d gold article(s): %s", len(lost), ", ".join(lost[:5]))
    return results
