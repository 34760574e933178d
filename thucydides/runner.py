"""Runs the pipeline over a stream of articles: the entry point every command uses.

``process_stream`` yields one ArticleResult per input article, in input order.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from thucydides.config import Settings
from thucydides.model import Article, ArticleResult


def process_stream(articles: Iterable[Article], *, settings: Settings) -> Iterator[ArticleResult]:
    from thucydides import analyse, pipeline

    nlp = analyse.load_nlp(settings.model)
    yield from pipeline.process_articles(articles, nlp=nlp, batch_size=settings.batch_size)
