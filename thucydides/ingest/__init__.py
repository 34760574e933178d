"""Stage 1, ingest: files, feeds and stdin → cleaned ``Article``s with stable ids.

    read_inputs(sources, published=, settings=)   paths / "-" → Article | InputError, in order
    read_text_article(text, title=, url=, …)      one text given directly (POST /articles)
    article_from_record(record, origin)           one JSON object {"text"|"html", …}
    clean_text(text), compose_text(title, body)   the cleaning every offset depends on
    normalise_text(span)                          a phrase made comparable with cleaned text
    signature(text), NearDuplicateIndex           near-duplicate detection for the store
    fetch_url / fetch_article (ingest.fetch)      guarded network fetching, off by default

Importing this package loads neither trafilatura nor feedparser nor numpy: readers import
them when they first need them. See docs/ingest.md.
"""

from thucydides.ingest.articles import article_from_record, parse_published, read_text_article
from thucydides.ingest.clean import clean_text, clean_title, compose_text, normalise_text
from thucydides.ingest.dedup import NearDuplicateIndex, signature, similarity
from thucydides.ingest.ids import article_id
from thucydides.ingest.readers import FORMAT_OF_SUFFIX, read_inputs

__all__ = [
    "FORMAT_OF_SUFFIX",
    "NearDuplicateIndex",
    "article_from_record",
    "article_id",
    "clean_text",
    "clean_title",
    "compose_text",
    "parse_published",
    "normalise_text",
    "read_inputs",
    "read_text_article",
    "signature",
    "similarity",
]
