"""One Article from one text, one JSON record or one web page: cleaning, title, id, date.

``Article.text`` is ``compose_text(title, body)``: the cleaned title, a blank line, the cleaned
body (without the headline repeated at its top). Every later offset points into it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any, Mapping

from thucydides.errors import InputError
from thucydides.ingest.clean import clean_title, compose_text, normalise_characters, normalise_whitespace, split_title
from thucydides.ingest.ids import article_id
from thucydides.model import Article


_DATE_READERS = (
    dt.date.fromisoformat,  # 2021-08-20
    lambda text: dt.datetime.fromisoformat(text).date(),  # 2021-08-20T10:00:00Z
    lambda text: email.utils.parsedate_to_datetime(text).date(),  # Fri, 20 Aug 2021 10:00:00 GMT (feeds)
)


def parse_published(value: object, *, source: str) -> dt.date | None:
    """A publication date from ``YYYY-MM-DD``, an ISO 8601 timestamp or an RFC 2822 date."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, str):
        for read_date in _DATE_READERS:
            try:
                return read_date(value.strip())
            except (TypeError, ValueError, IndexError, OverflowError):
                continue
    raise InputError(source, f"'published' is {_shown(value)}, not a date", "write it as YYYY-MM-DD")


def _shown(value: object, limit: int = 60) -> str:
    """A value for an error message: one line, and short even when the input is huge."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_text_size(text: str, source: str, max_bytes: int | None) -> None:
    if max_bytes is not None and len(text) > max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputError(
            source,
            f"is over the limit of {max_bytes:,} bytes of text (max_article_bytes)",
            "split it, or raise max_article_bytes (THUCYDIDES_MAX_ARTICLE_BYTES)",
        )


def make_article(
    body: str,
    *,
    title: str | None,
    source_name: str,
    given_id: str | int | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    origin: str | None = None,
) -> Article:
    """An Article from a raw body and title: cleaned, composed, given its stable id."""
    text = compose_text(title, body)
    if not text:
        raise InputError(source_name, "has no text left after cleaning", "give the report's text")
    url = (url.strip() or None) if url else None
    return Article(
        id=article_id(given=given_id, url=url, text=text),
        text=text,
        title=clean_title(title),
        url=url,
        published=published,
        source=clean_title(source),
        origin=origin or source_name,
    )


def read_text_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    origin: str | None = None,
    max_bytes: int | None = None,
) -> Article:
    """An Article from one plain text (a .txt file, or the HTTP API's POST /articles).

    Without ``title`` the text's first non-empty line is the title (the .txt convention).
    Raises ``InputError`` for an empty or oversized text.
    """
    name = origin or "text"
    if not isinstance(text, str):
        raise InputError(name, f"text is a {type(text).__name__}, not a string", "send the report as a string")
    _check_text_size(text, name, max_bytes)
    if title is None:
        # split before the boilerplate rules: they are for the body, the headline stays as it is
        title, text = split_title(normalise_whitespace(normalise_characters(text)))
    return make_article(text, title=title, source_name=name, url=url, published=published, source=source, origin=origin)


def _optional_string(record: Mapping[str, Any], field: str, source: str) -> str | None:
    value = record.get(field)
    if value is None or isinstance(value, str):
        return value
    raise InputError(source, f"'{field}' is a {type(value).__name__}, not a string", f"give '{field}' as a JSON string")


def article_from_record(
    record: Mapping[str, Any], origin: str, *, max_bytes: int | None = None
) -> Article:
    """An Article from one JSON object ``{"id","title","text"|"html","url","published","source"}``.

    ``text`` (plain text) or ``html`` (a web page, read like an .html file) is required; the
    record's own fields win over what the page's metadata says. Other keys are ignored.
    """
    if not isinstance(record, Mapping):
        raise InputError(origin, f"is a JSON {type(record).__name__}, not an object", 'give one {"text": …} object per line')
    given_id = record.get("id")
    if isinstance(given_id, bool) or not isinstance(given_id, (str, int, type(None))):
        raise InputError(origin, f"'id' is {_shown(given_id)}, not a string or number", "give 'id' as a JSON string")
    title, url, source = (_optional_string(record, field, origin) for field in ("title", "url", "source"))
    text, html = (_optional_string(record, field, origin) for field in ("text", "html"))
    published = parse_published(record.get("published"), source=origin)
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(origin, "has no 'text' or 'html'", 'give the report as "text" (or the page as "html")')
    _check_text_size(text or html or "", origin, max_bytes)
    if text and text.strip():
        body = text
    else:
        from thucydides.ingest.webpage import extract_page

        page = extract_page(origin, html or "", url=url)
        body, title = page.body, title or page.title
        url, published, source = url or page.url, published or page.published, source or page.source
    return make_article(
        body, title=title, source_name=origin, given_id=given_id, url=url, published=published, source=source, origin=origin
    )

