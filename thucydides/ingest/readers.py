"""``read_inputs``: paths and stdin → Articles, with an InputError in line for each bad input.

A bad file, line or feed item never stops the others: the caller prints the error (one line)
and goes on. Nothing here raises for a bad input, and nothing prints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.ingest.articles import article_from_record, make_article, read_text_article
from thucydides.ingest.decode import check_size, decode_text
from thucydides.model import Article

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_NAME = "<stdin>"
FORMAT_OF_SUFFIX = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
}
_KNOWN = ", ".join(FORMAT_OF_SUFFIX)
_CHUNK = 1 << 16

Item = Article | InputError


def read_inputs(
    sources: Sequence[str],
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Articles of every source in input order, with an ``InputError`` in line for each bad input.

    ``sources`` are paths (a folder stands for its readable files, sorted) or "-" for JSONL on
    standard input (``stdin`` replaces ``sys.stdin`` in tests). ``published`` is the date of
    the articles whose input gives none.
    """
    settings = settings or Settings()
    for source in sources:
        for item in _guarded(source, lambda source=source: _read_source(source, settings, stdin)):
            if isinstance(item, Article) and item.published is None and published is not None:
                item = dataclasses.replace(item, published=published)
            yield item


def _guarded(source: str, read: Callable[[], Iterable[Item]]) -> Iterator[Item]:
    """``read()``'s items; whatever goes wrong becomes one InputError naming ``source``."""
    try:
        yield from read()
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(source, f"cannot be read ({error.strerror or error})", "check the path and its permissions")
    except RecursionError:
        yield InputError(source, "is nested too deeply to read", "give a flat JSON object per line")
    except Exception as error:  # a parser library's failure must not stop the other inputs
        log.debug("unexpected failure reading %s", source, exc_info=True)
        reason = " ".join(str(error).split())  # one line, whatever the library wrote
        yield InputError(source, f"cannot be read ({type(error).__name__}: {reason})", "check that it is a valid file of its type")


def _read_source(source: str, settings: Settings, stdin: BinaryIO | None) -> Iterator[Item]:
    if source == STDIN:
        yield from read_jsonl_stream(stdin or sys.stdin.buffer, STDIN_NAME, settings=settings)
        return
    path = Path(source)
    if path.is_dir():
        yield from _read_folder(source, path, settings)
        return
    if not path.exists():
        raise InputError(source, "does not exist", "check the path")
    yield from read_file(source, path, settings=settings)


def _read_folder(source: str, folder: Path, settings: Settings) -> Iterator[Item]:
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in FORMAT_OF_SUFFIX
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    if not files:
        raise InputError(source, f"is a folder without readable files ({_KNOWN})", "give the files to read")
    for path in files:
        yield from _guarded(str(path), lambda path=path: read_file(str(path), path, settings=settings))


def read_file(source: str, path: Path, *, settings: Settings) -> Iterator[Item]:
    """The articles of one file, by its extension."""
    kind = FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if kind is None:
        suffix = path.suffix or "no extension"
        raise InputError(source, f"has an unknown file type ({suffix})", f"give a file ending in {_KNOWN}")
    if kind == "jsonl":
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, source, settings=settings)
        return
    data = _read_capped(source, path, settings.max_article_bytes)
    if kind == "text":
        text = decode_text(source, data)
        yield read_text_article(text, origin=source)
    elif kind == "html":
        yield read_html_bytes(source, data)
    else:
        from thucydides.ingest.feeds import read_feed

        yield from read_feed(source, data, settings=settings)


def _read_capped(source: str, path: Path, max_bytes: int) -> bytes:
    """The file's bytes; refuses a file over ``max_bytes`` without reading it all.

    The size is checked on what is read, not only ``stat``: devices and pipes report 0.
    """
    check_size(source, path.stat().st_size, max_bytes)
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)
    check_size(source, len(data), max_bytes)
    return data


def read_html_bytes(source: str, data: bytes, *, url: str | None = None) -> Article:
    """The Article of one web page's bytes (main text and metadata through trafilatura)."""
    from thucydides.ingest.webpage import extract_page

    page = extract_page(source, decode_text(source, data, html=True), url=url)
    return make_article(
        page.body,
        title=page.title,
        source_name=source,
        url=page.url,
        published=page.published,
        source=page.source,
        origin=source,
    )


def read_jsonl_stream(stream: BinaryIO, source: str, *, settings: Settings) -> Iterator[Item]:
    """One Article per JSON line of ``stream``; a bad line is an InputError naming its number."""
    seen_any = False
    for number, line in _capped_lines(stream, settings.max_article_bytes):
        origin = f"{source} line {number}"
        if line is None:
            seen_any = True
            yield InputError(
                origin,
                f"is over the limit of {settings.max_article_bytes:,} bytes (max_article_bytes)",
                "split the article, or raise max_article_bytes",
            )
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            yield _record_article(line, origin, settings)
        except InputError as error:
            yield error
        except RecursionError:
            yield InputError(origin, "is nested too deeply to read", "give a flat JSON object per line")
    if not seen_any:
        raise InputError(source, "is empty", 'give one JSON object per line, e.g. {"text": "…"}')


def _record_article(line: bytes, origin: str, settings: Settings) -> Article:
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(origin, f"is not UTF-8 (byte 0x{line[error.start]:02x} at column {error.start + 1})", "save the file as UTF-8") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(origin, f"is not valid JSON ({error.msg.removesuffix(' at')} at column {error.colno})", "give one JSON object per line") from None
    return article_from_record(record, origin, max_bytes=settings.max_article_bytes)


def _capped_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; None instead of a line longer than ``max_bytes``.

    An oversized line is skipped chunk by chunk, never held in memory whole.
    """
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield number, None
        else:
            yield number, line
