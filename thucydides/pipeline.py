"""The pipeline as one library call: Article → parse → places → events.

The CLI, the HTTP API, the multi-process runner and the Dask engine all call these functions,
so every entry point extracts exactly the same events from the same article.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Iterable, Iterator

from thucydides import analyse
from thucydides.model import Article, ArticleResult

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from thucydides.geocode import Geocoder

log = logging.getLogger(__name__)


def analyse_parsed(article: Article, doc: Doc, *, geocoder: Geocoder | None = None) -> ArticleResult:
    """Places and events of an article whose text is already parsed into ``doc``."""
    from thucydides.extract import extract_events
    from thucydides.geocode import default_geocoder

    geocoder = geocoder or default_geocoder()
    places = geocoder.find_places(article.text, doc)
    events = extract_events(article, doc, places)
    return ArticleResult(article=article, events=tuple(events), places=tuple(places))


def process_article(
    article: Article, *, nlp: Language | None = None, geocoder: Geocoder | None = None
) -> ArticleResult:
    return analyse_parsed(article, analyse.parse(article.text, nlp=nlp), geocoder=geocoder)


def process_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    geocoder: Geocoder | None = None,
    batch_size: int = 32,
) -> Iterator[ArticleResult]:
    """Results in input order, streaming; spaCy parses the texts in batches."""
    nlp = nlp or analyse.load_nlp()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analyse_parsed(article, doc, geocoder=geocoder)
