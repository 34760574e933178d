"""Web pages and HTML fragments → text, offline.

A whole page goes through trafilatura (main text without navigation, comments and footer,
plus title, date, URL and site name from its metadata). A fragment — a feed item's HTML
summary — is too short for trafilatura's main-text detection, so it is converted to text
directly (``html_fragment_to_text``). Neither ever fetches anything or runs a script.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from html.parser import HTMLParser

from thucydides.errors import InputError

log = logging.getLogger(__name__)

# Blocks that end a paragraph, and elements whose content is never the report's text.
_BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre tr table section article hr "
    "figcaption figure header main address center tbody thead".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template iframe object embed svg math head nav footer aside form button select".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


@dataclass(frozen=True, slots=True)
class PageContent:
    """What a web page yields: its main text (paragraphs separated by blank lines) and metadata."""

    body: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS and tag not in _VOID_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS and self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # inside a paragraph, a source line break is just a space
            self.parts.append(data.replace("\n", " "))


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment: entities decoded, block elements as paragraphs, scripts dropped."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "".join(collector.parts)


def extract_page(source: str, html: str, *, url: str | None = None) -> PageContent:
    """The main text and metadata of a web page; ``InputError`` when it holds no text."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # only dates the page states as its own (meta tags, URL, <time>), never a date that
            # merely appears in the report's text: that would be the event's date, not publication
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # a third-party parser's failure on one page must not end the run
        reason = " ".join(str(error).split())
        raise InputError(source, f"cannot be read as HTML ({type(error).__name__}: {reason})", "check that it is a web page") from None
    body = ""
    if document is not None and document.text:
        # trafilatura puts one paragraph per line; a blank line keeps paragraphs apart for spaCy
        body = "\n\n".join(document.text.split("\n"))
    if not body.strip():
        log.info("%s: trafilatura found no main text, reading the whole page", source)
        body = html_fragment_to_text(html)
    if not body.strip():
        raise InputError(source, "has no article text in its HTML", "give the report's page, not an index or an empty page")
    if document is None:
        return PageContent(body=body, url=url)
    return PageContent(
        body=body,
        title=document.title or None,
        url=document.url or url,
        published=_page_date(source, document.date),
        source=document.sitename or document.hostname or None,
    )


def _page_date(source: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        log.info("%s: ignoring the page's unreadable date %r", source, value)
        return None
