"""RSS and Atom feeds: one Article per item (feedparser, offline).

An item's text is its longest content (or its summary), HTML converted to text; its link is
the article's URL (and so its id, the same id the page gets when read from an .html or JSONL
input); its published (else updated) date its publication date; the feed's title its source.
With ``settings.fetch_enabled`` the linked page is fetched (``fetch.py``) and read instead.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from typing import Any, Callable, Iterator

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.ingest.articles import make_article
from thucydides.ingest.ids import short_hash
from thucydides.ingest.webpage import PageContent, html_fragment_to_text
from thucydides.model import Article

log = logging.getLogger(__name__)

# the linked page of a feed item, fetched and read: url → its content (raises InputError)
PageFetcher = Callable[[str], PageContent]
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def check_feed_bytes(source: str, data: bytes) -> None:
    """Refuse what cannot be a feed before parsing: empty or binary input."""
    if not data.strip():
        raise InputError(source, "is empty", "give an RSS or Atom feed")
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 XML has NULs between ASCII letters
    if b"\x00" in data and not utf16:
        raise InputError(source, "contains NUL bytes: it is binary, not a feed", "give an RSS or Atom feed")


def read_feed(
    source: str, data: bytes, *, settings: Settings, fetch_page: PageFetcher | None = None
) -> Iterator[Article | InputError]:
    """The items of the feed in ``data`` (bytes, so feedparser reads the XML's own encoding)."""
    import feedparser

    check_feed_bytes(source, data)
    try:
        # a BytesIO, never a str: feedparser treats a string as a URL or a path to open
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as error:  # its loose parser raises on some junk, e.g. chr() of "&#2000000;"
        reason = " ".join(str(error).split())
        raise InputError(source, f"is not a readable RSS or Atom feed ({type(error).__name__}: {reason})", "give a well-formed feed") from None
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = " ".join(str(parsed.get("bozo_exception")).split())
            raise InputError(source, f"is not a readable RSS or Atom feed ({reason})", "give a well-formed feed")
        raise InputError(source, "is a feed without items", "give a feed that lists reports")
    if parsed.get("bozo"):
        log.info("%s: feed is not well-formed (%s); reading what it holds", source, parsed.get("bozo_exception"))
    if settings.fetch_enabled and fetch_page is None:
        fetch_page = _default_page_fetcher(settings)
    feed_title = parsed.feed.get("title") if isinstance(parsed.feed.get("title"), str) else None
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{source} item {number}"
        try:
            yield item_article(entry, origin, feed_title=feed_title, fetch_page=fetch_page)
        except InputError as error:
            yield error


def item_article(
    entry: Any, origin: str, *, feed_title: str | None = None, fetch_page: PageFetcher | None = None
) -> Article:
    """The Article of one feed item (``entry`` as feedparser gives it)."""
    title = _plain(entry.get("title"), entry.get("title_detail"))
    link = _web_link(entry.get("link"))
    guid = entry.get("id") if isinstance(entry.get("id"), str) else None
    published = _entry_date(entry)
    body = _entry_text(entry)
    if fetch_page is not None and link:
        try:
            page = fetch_page(link)
        except InputError as error:
            if not body.strip():
                raise InputError(origin, f"has no text and its link could not be read: {error}", error.fix) from None
            log.warning("%s: using the item's own text: %s", origin, error)
        else:
            body, title = page.body, title or page.title
            published = published or page.published
    if not body.strip():
        raise InputError(origin, "has no text (no content or summary)", "enable fetching (fetch_enabled) to read its linked page")
    return make_article(
        body,
        title=title,
        source_name=origin,
        # no link: the guid is the item's identity, hashed like a URL would be
        given_id=None if link or not guid else short_hash(guid),
        url=link,
        published=published,
        source=feed_title,
        origin=origin,
    )


def _web_link(value: object) -> str | None:
    # feedparser offers an Atom entry's id as its link when it has none, even a "urn:uuid:"
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _plain(value: object, detail: object) -> str | None:
    if not isinstance(value, str):
        return None
    kind = detail.get("type", "") if isinstance(detail, dict) else ""
    return html_fragment_to_text(value) if kind in _HTML_TYPES else value


def _entry_text(entry: Any) -> str:
    """The longest of the item's contents and summary, as text."""
    candidates = []
    for content in entry.get("content") or []:
        if isinstance(content, dict):
            candidates.append(_plain(content.get("value"), content) or "")
    candidates.append(_plain(entry.get("summary"), entry.get("summary_detail")) or "")
    return max(candidates, key=lambda text: len(text.strip()))


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def _default_page_fetcher(settings: Settings) -> PageFetcher:
    from thucydides.ingest.fetch import decode_fetched, fetch_url
    from thucydides.ingest.webpage import extract_page

    def fetch_page(url: str) -> PageContent:
        page = fetch_url(url, settings=settings)
        return extract_page(url, decode_fetched(page), url=page.url)

    return fetch_page
