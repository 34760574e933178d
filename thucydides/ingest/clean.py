"""Cleaning: the text every later stage reads, and every offset points into.

All functions here are pure and idempotent: ``clean_text(clean_text(x)) == clean_text(x)``
(tests/test_ingest_clean.py checks it with hypothesis), so re-ingesting an article's cleaned
text gives back the same text, the same id and the same offsets.

``compose_text(title, body)`` makes ``Article.text``: the title, a blank line, the body — the
headline stays searchable and every offset (title or body) is into one string.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.toml"

# Typographic characters → their ASCII equivalents, so that a curly and a straight apostrophe
# ("Baghlan’s" / "Baghlan's") are the same string for lexicons, the gazetteer and dedup.
_ASCII_EQUIVALENTS = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    "\u2026": "...",
    "\u2039": "'",
    "\u203a": "'",
}
# Invisible characters that only break words apart for a tokenizer: zero-width space, word
# joiner, BOM, soft hyphen and the bidirectional marks copied from right-to-left pages.
# ZWJ/ZWNJ (U+200C/D) are kept: in Persian and Arabic names they change the spelling.
_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e"
_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TRANSLATION = str.maketrans(
    {
        **_ASCII_EQUIVALENTS,
        **dict.fromkeys(_INVISIBLE, None),
        **dict.fromkeys(_LINE_BREAKS, "\n"),
        "\t": " ",
    }
)
# Unicode category Cc (C0 and C1 controls) but the newline, and Cs: lone surrogates (from bad
# JSON escapes), which no encoder accepts
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACE_RUN = re.compile(r"[^\S\n]+")  # whitespace other than newlines (every Unicode space)
_BLANK_LINE_RUN = re.compile(r"\n{3,}")
_SENTENCE_END = ".!?\"')]"
_TAIL_LINK_LIST_MAX_WORDS = 30
# a headline in a block of links: one short sentence, no full stop at its end, a capital first
_HEADLINE_MAX_WORDS = 20
_HEADLINE_BULLET = re.compile(r"^[-*\u2022\u00b7>]+\s*")
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+[\"'(]?[A-Z]")


def normalise_characters(text: str) -> str:
    """NFC; curly quotes, dashes and ellipses to ASCII; invisible and control characters out.

    CRLF and other line breaks become LF; every Unicode space becomes a plain space.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    text = text.translate(_TRANSLATION)
    text = _CONTROL.sub("", text)
    # Removing an invisible character can join a letter to its combining accent: compose again.
    return unicodedata.normalize("NFC", text)


def normalise_text(text: str) -> str:
    """Characters and whitespace normalised, no boilerplate rule: for a span to find in a cleaned text.

    A gold or lexicon string written with curly quotes is found in ``Article.text`` after this.
    """
    return normalise_whitespace(normalise_characters(text))


def normalise_whitespace(text: str) -> str:
    """One space between words, no spaces at line ends, at most one blank line in a row."""
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINE_RUN.sub("\n\n", "\n".join(lines)).strip()


@dataclass(frozen=True)
class BoilerplateRules:
    """The patterns of ``data/boilerplate.toml`` (see the comments there), one regex per section."""

    lines: re.Pattern[str]
    tail: re.Pattern[str]
    end: re.Pattern[str]
    block: re.Pattern[str]  # [block] and [tail] headers: the headlines right after them go too
    inline: re.Pattern[str]  # [block] inline: a header with its first headline, the next ones go too


@functools.cache
def boilerplate_rules(path: Path = BOILERPLATE_FILE) -> BoilerplateRules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))

    def either(section: str) -> str:
        return "|".join(f"(?:{pattern})" for pattern in data[section]["patterns"])

    return BoilerplateRules(
        lines=re.compile(either("lines"), re.IGNORECASE),
        tail=re.compile(either("tail"), re.IGNORECASE),
        end=re.compile(rf"(?<=[{re.escape(_SENTENCE_END)}])[ ]+(?:{either('end')})\W*\Z", re.IGNORECASE),
        block=re.compile(f"{either('block')}|{either('tail')}", re.IGNORECASE),
        inline=re.compile("|".join(f"(?:{pattern})" for pattern in data["block"]["inline"]), re.IGNORECASE),
    )


def remove_boilerplate(text: str, rules: BoilerplateRules | None = None) -> str:
    """Drop boilerplate lines, a trailing "more from us" block and a call to action at the end.

    ``text`` must already be whitespace-normalised (lines trimmed).
    """
    rules = rules or boilerplate_rules()
    while True:
        reduced = normalise_whitespace(_remove_boilerplate_once(text, rules))
        if reduced == text:
            return text
        # every round removes at least one character, so this ends
        text = reduced


def _remove_boilerplate_once(text: str, rules: BoilerplateRules) -> str:
    # the "more from us" header first: a header that is also a boilerplate line ("Related
    # articles:") would otherwise go alone and leave its list of headlines in the report
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line and rules.tail.fullmatch(line):
            if _looks_like_links([x for x in lines[index + 1 :] if not rules.lines.fullmatch(x)]):
                lines = lines[:index]
            break  # else the report goes on after it: the header is a block's, dropped below
    lines = _drop_link_blocks(lines, rules)
    lines = [line for line in lines if not (line and rules.lines.fullmatch(line))]
    return rules.end.sub("", "\n".join(lines))


def _drop_link_blocks(lines: list[str], rules: BoilerplateRules) -> list[str]:
    """Each header of a block of links ("READ ALSO:") with the headlines right after it.

    The block ends at the first line that reads as the report's (a sentence with its full stop,
    a long paragraph, a caption's credit): the report around the block is kept whole.
    """
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not (line and (rules.block.fullmatch(line) or rules.inline.fullmatch(line))):
            kept.append(line)
            continue
        if rules.inline.fullmatch(line):
            kept.append(line)  # a [lines] one: it goes with them ("Read also: …")
        block: list[int] = []
        while index < len(lines) and (
            not lines[index] or rules.lines.fullmatch(lines[index]) or _looks_like_headline(lines[index])
        ):
            block.append(index)
            index += 1
        headlines = [i for i in block if lines[i] and not rules.lines.fullmatch(lines[i])]
        if headlines and index < len(lines) and _introduces(lines[headlines[-1]], lines[index]):
            # a sub-heading of the report set right after the block: it tells what follows
            kept.extend(lines[headlines[-1] : index])
    return kept


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_PLAIN_WORDS = frozenset({"that", "this", "with", "from", "have", "were", "their", "said", "after", "over",
                          "into", "about", "more", "what", "when", "where", "they", "will", "been", "than"})


def _introduces(heading: str, paragraph: str) -> bool:
    """A sub-heading and the paragraph right after it share a word ("Cattle taken to the border" /
    "… 40 head of cattle were driven …"): the heading is the report's, not a link to another story."""
    def stems(line: str) -> set[str]:
        return {word.lower()[:5] for word in _CONTENT_WORD.findall(line) if word.lower() not in _PLAIN_WORDS}

    # (what a sub-heading heads is a paragraph of sentences, not a caption)
    paragraph_like = len(paragraph.split()) >= 8 and paragraph.rstrip("\"')")[-1:] in ".!?"
    return paragraph_like and bool(stems(heading) & stems(paragraph))


def _looks_like_headline(line: str) -> bool:
    """A link's headline: short, one sentence, no full stop (nor caption credit) at its end, a capital first."""
    line = _HEADLINE_BULLET.sub("", line)
    words = line.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or _SENTENCE_BREAK.search(line):
        return False
    last = line.rstrip("\"'")[-1:]
    first = next((char for char in line if char.isalnum()), "")
    return bool(last) and last not in ".,;:)]" and (first.isupper() or first.isdigit())


def _looks_like_links(lines: list[str]) -> bool:
    """Headlines of other stories: short lines, most without a full stop (report paragraphs have one).

    A link's teaser sentence follows its headline, so two lines in a row ending with a full stop
    are the report going on after a block of links set in its middle: it is not cut.
    """
    lines = [line for line in lines if line]
    if any(len(line.split()) > _TAIL_LINK_LIST_MAX_WORDS for line in lines):
        return False
    ends = [line.endswith(".") for line in lines]
    if any(this and after for this, after in zip(ends, ends[1:])):
        return False
    return sum(ends) * 2 <= len(lines)


def clean_text(text: str) -> str:
    """The cleaned form of a text (idempotent)."""
    return remove_boilerplate(normalise_whitespace(normalise_characters(text)))


def clean_title(title: str | None) -> str | None:
    """A headline on one line, or None when nothing is left of it."""
    if title is None:
        return None
    flat = normalise_whitespace(normalise_characters(title).replace("\n", " "))
    return flat or None


_WORD = re.compile(r"\w+")


def headline_key(line: str) -> tuple[str, ...]:
    """The words of a line, case-folded: two renderings of one headline have the same key."""
    return tuple(_WORD.findall(normalise_characters(line).casefold()))


def drop_repeated_headline(title: str, body: str) -> str:
    """``body`` without the copies of ``title`` at its top (pages often print the headline twice)."""
    key = headline_key(title)
    if not key:
        return body
    paragraphs = body.split("\n")
    start = 0
    while start < len(paragraphs) and (not paragraphs[start] or headline_key(paragraphs[start]) == key):
        start += 1
    return "\n".join(paragraphs[start:]).strip()


def compose_text(title: str | None, body: str) -> str:
    """``Article.text``: the cleaned title, a blank line, the cleaned body without the headline again.

    Title and body are cleaned separately (boilerplate rules apply to the body only).
    """
    title = clean_title(title)
    body = clean_text(body)
    if not title:
        return body
    body = drop_repeated_headline(title, body)
    return f"{title}\n\n{body}" if body else title


def split_title(text: str, *, max_title_chars: int = 300) -> tuple[str | None, str]:
    """The .txt convention: the first non-empty line is the title, the rest the body.

    A first line longer than ``max_title_chars`` is a paragraph, not a headline: no title then.
    """
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if not first or len(first) > max_title_chars:
        return None, text
    return first, rest
