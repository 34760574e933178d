"""Bytes → text, refusing what is not text: empty, binary (NUL bytes) or undecodable input.

Every refusal is an ``InputError`` naming the input and saying what to do about it.
"""

from __future__ import annotations

import codecs
import re

from thucydides.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_SNIFF_BYTES = 4096
_FIX_ENCODING = "save it as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8`)"


def check_size(source: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            source,
            f"is {size:,} bytes, over the limit of {max_bytes:,} (max_article_bytes)",
            "split it, or raise max_article_bytes (THUCYDIDES_MAX_ARTICLE_BYTES)",
        )


def decode_text(source: str, data: bytes, *, html: bool = False) -> str:
    """``data`` as text: a BOM's encoding, else UTF-8, else (``html``) the page's declared charset."""
    if not data.strip():
        raise InputError(source, "is empty", "give a file with the report's text")
    text = _decode_with_bom(source, data)
    if text is None:
        if b"\x00" in data:
            raise InputError(source, "contains NUL bytes: it is binary, not text", "give a text, HTML, feed or JSONL file")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            declared = _declared_charset(data) if html else None
            text = _decode_declared(source, data, declared) if declared else None
            if text is None:
                raise InputError(
                    source,
                    f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})",
                    _FIX_ENCODING,
                ) from None
    if "\x00" in text:
        raise InputError(source, "contains NUL characters: it is binary, not text", "give a text, HTML, feed or JSONL file")
    if not text.strip():
        raise InputError(source, "is empty", "give a file with the report's text")
    return text


def _decode_with_bom(source: str, data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(source, f"is not valid {encoding.upper()} text ({error.reason})", _FIX_ENCODING) from None
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def _decode_declared(source: str, data: bytes, charset: str) -> str | None:
    try:
        codecs.lookup(charset)
    except LookupError:
        raise InputError(source, f"declares an unknown charset {charset!r}", _FIX_ENCODING) from None
    try:
        return data.decode(charset)
    except UnicodeDecodeError:
        return None
