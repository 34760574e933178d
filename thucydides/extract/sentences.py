"""Sentences of an article, each with its tokens, paragraph and the place mentions inside it.

spaCy's small model runs a headline into the first sentence and joins lines that are separate
paragraphs ("World News\\n2024-06-06 | 05:00\\nSudan's RSF kills…"), which also wrecks the
dependency parse of both. A sentence that spans a line break is therefore parsed again line by
line; the tokens of such a sentence belong to that small parse, so every offset here is
``Sentence.offset + token.idx`` into the article text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Sequence

from thucydides.extract import lexicon
from thucydides.model import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# a line break between two non-blank characters of one spaCy sentence
_LINE_BREAK = re.compile(r"\S[ \t]*\n\s*\S")
# a dateline opening a report: "BEIRUT (Reuters) –", "DAVAO CITY, Philippines—", "UAGADOUGOU:",
# with the day it was filed ("PORT SUDAN, June 5 (Reuters) -", "GAZA/CAIRO, Aug 13 -": the day of
# the report, no event's)
_DATELINE = re.compile(
    r"^[A-Z][A-Z'./\- ]{2,}?(?:,\s*[A-Z][A-Za-z .]+?)?"
    r"(?:,?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?))?"
    # (not the hyphen inside a city's name: "PORT-AU-PRINCE, Haiti (AP) -")
    r"\s*(?:\([A-Za-z .]+\))?\s*[-—–:]\s*(?=[A-Z\d\"“])(?!(?<=[A-Z]-)[A-Z]{2,}[-,\s])"
    # a city in title case only with its day: "Niamey, May 14 (ANP) -"
    # (or its country, and the day first: "Pemba, Mozambique, 20 May 2025 (Lusa) -")
    r"|^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?,\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?)"
    r"\s*(?:\([A-Za-z .]+\))?\s*[-—–:]\s*(?=[A-Z\d\"“])"
    # a city in title case with a state agency's name in capitals, at the head of each item of a
    # roundup ("Daraa, SANA – …", "Herat, BNA – …"): the agency is no place and no actor
    r"|^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?,\s*[A-Z]{2,6}\s+[-—–]\s+(?=[A-Z\d\"“])"
)


def only_a_dateline(text: str) -> bool:
    """A sentence that is nothing but a report's dateline, cut off its lead ("ANKARA (AA) -",
    "BEIRUT (Reuters) –"): the agency in it is the outlet, no actor of the report. (The pattern
    looks ahead for the lead's first capital, so one is lent to it.)"""
    stripped = text.strip()
    match = _DATELINE.match(stripped + " A")
    return bool(stripped) and match is not None and match.end() >= len(stripped)


def dateline_of(text: str) -> str | None:
    """The dateline opening one of the report's first lines ("NIAMEY, March 10 (Reuters) -"), if any."""
    for line in [line for line in text.split("\n") if line.strip()][:3]:
        match = _DATELINE.match(line.strip())
        if match:
            return match.group(0)
    return None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention located in a sentence: its tokens (indices into the sentence's doc)."""

    mention: PlaceMention
    first: int
    last: int  # inclusive

    @property
    def country_only(self) -> bool:
        entry = self.mention.entry
        return entry is not None and (entry.feature or "").startswith("PCL")

    @property
    def tokens(self) -> range:
        return range(self.first, self.last + 1)


@dataclass(eq=False)
class Sentence:
    index: int
    span: Span
    offset: int  # article offset of the character where span.doc starts
    paragraph: int
    places: list[Place] = field(default_factory=list)

    @property
    def doc(self) -> Doc:
        return self.span.doc

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    @functools.cached_property
    def text(self) -> str:
        # spaCy joins the span's tokens anew on each call, and the rules ask for it often
        return self.span.text

    @functools.cached_property
    def doc_text(self) -> str:
        """The text of the doc the span is of (the article's, or a piece parsed on its own): spaCy
        joins every token of the doc anew on each read of ``Doc.text``; ``sentences_of`` gives
        the sentences of one doc one string."""
        return self.span.doc.text

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Its tokens' lower-case forms: a rule that needs one of a few words (which the walks up
        the parse of ``mentions._inside`` look for) is spared where none stands in the sentence;
        the parse keeps each word's heads inside its sentence."""
        return frozenset(token.lower_ for token in self.span)

    @functools.cached_property
    def is_headline(self) -> bool:
        """The first line of the text when it is a line of its own, with no final full stop (the
        title ingest keeps on top)."""
        return self.index == 0 and _own_line(self.span)

    @functools.cached_property
    def is_caption(self) -> bool:
        """The sentence lies in a line opening as a photo caption ("Photo: …", "(File photo: …")."""
        text = self.doc.text
        start = text.rfind("\n", 0, self.span.start_char) + 1
        match = _CAPTION_OPENING.match(text, start)
        return match is not None and match.group(1).lower() in lexicon.status_words()["caption_openers"]

    @functools.cached_property
    def is_subheading(self) -> bool:
        """A short line of its own inside the report ("Executions", "Friday protests"), with no
        final stop and no place: the label of the section after it, not a telling of its own."""
        if self.index == 0 or self.places or not _own_line(self.span):
            return False
        text = self.doc.text
        if self.span.start_char > 0 and text[self.span.start_char - 1] != "\n":
            return False
        return sum(1 for t in self.span if t.is_alpha) <= _SUBHEADING_WORDS

    def __iter__(self) -> Iterator[Token]:
        return iter(self.span)

    def char(self, token: Token) -> int:
        return self.offset + token.idx

    def char_end(self, token: Token) -> int:
        return self.offset + token.idx + len(token.text)

    def contains(self, i: int) -> bool:
        return self.span.start <= i < self.span.end

    def place_at(self, i: int) -> Place | None:
        return next((place for place in self.places if place.first <= i <= place.last), None)


# the most words of a section's label ("Friday protests", "Reaction")
_SUBHEADING_WORDS = 4

# a line's first words before a colon or bar, read against the caption openers of status.toml
_CAPTION_OPENING = re.compile(r"[ \t(\[]*([A-Za-z]+(?: [A-Za-z]+)?)\s*[:|]")


def _own_line(span: Span) -> bool:
    """A line of its own with no final full stop."""
    rest = span.doc.text[span.end_char : span.end_char + 2]
    return not span.text.rstrip().endswith((".", '"', "”")) and (rest.startswith("\n") or rest == "")


def bare_participle(verb: Token) -> bool:
    """ "Soldiers killed in ambush", "Five policemen killed in attack": a headline drops the
    auxiliary of a passive, so a past participle with no auxiliary and no object of its own, as
    the sentence's root or hung on its root noun, is a passive: its noun suffered the deed."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        # only in a headline: the tagger also takes a body's past tense for one ("fought")
        return verb.sent.start == 0 and _own_line(verb.sent) and any(c.dep_ == "nsubj" for c in verb.children)
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"}


def _reparse(text: str, pieces: Sequence[tuple[int, int]]) -> list[tuple[int, Span]]:
    """(offset, sentence span) for each sentence of the pieces, parsed on their own."""
    from thucydides.analyse import load_nlp

    nlp = load_nlp()
    out: list[tuple[int, Span]] = []
    for (start, end), doc in zip(pieces, nlp.pipe(text[start:end] for start, end in pieces)):
        out.extend((start, sent) for sent in doc.sents)
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    position = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            first = position + line.index(stripped[0])
            pieces.append((first, first + len(stripped)))
        position += len(line) + 1
    return pieces


def _without_dateline(text: str, piece: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = piece
    dateline = _DATELINE.match(text[start:end])
    if dateline is None or start + dateline.end() >= end:
        return [piece]
    return [(start, start + dateline.end()), (start + dateline.end(), end)]


# "said in a post on X. Search operations went on": the network's one-letter name ends a
# sentence the parser runs on into the next
_MISSED_STOP = re.compile(r"\b(?:on|via|to) X\.(?=\s+[A-Z\"“])")


def _at_missed_stops(sent: Span) -> list[tuple[int, int]]:
    cuts = [sent.start_char + m.end() for m in _MISSED_STOP.finditer(sent.text)]
    bounds = [sent.start_char, *cuts, sent.end_char]
    text = sent.doc.text
    pieces = []
    for a, b in zip(bounds, bounds[1:]):
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            pieces.append((a, b))
    return pieces


def split_sentences(text: str, doc: Doc) -> list[tuple[int, Span]]:
    """(offset, span) per sentence, lines of multi-line spaCy sentences parsed on their own."""
    found: list[tuple[int, Span]] = []
    pending: list[tuple[int, int]] = []
    for sent in doc.sents:
        if _MISSED_STOP.search(sent.text) and not _LINE_BREAK.search(sent.text):
            pending.extend(_at_missed_stops(sent))
            continue
        if _LINE_BREAK.search(sent.text):
            # a headline run into the dateline of the lead: the lead's dateline is cut off too
            pending.extend(piece for line in _lines(text, sent.start_char, sent.end_char) for piece in _without_dateline(text, line))
            continue
        dateline = _DATELINE.match(sent.text)
        if dateline:
            # the dateline runs into the first sentence and spoils its parse: each on its own
            cut = sent.start_char + dateline.end()
            pending.extend([(sent.start_char, cut), (cut, sent.end_char)])
            continue
        if pending:
            found.extend(_reparse(text, pending))
            pending = []
        if sent.text.strip():
            found.append((0, sent))
    if pending:
        found.extend(_reparse(text, pending))
    return found


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def _locate(places: Sequence[PlaceMention], sentence: Sentence) -> list[Place]:
    located: list[Place] = []
    for mention in places:
        if mention.start < sentence.start or mention.end > sentence.end:
            continue
        tokens = [t.i for t in sentence.span if sentence.char(t) < mention.end and sentence.char_end(t) > mention.start]
        if tokens:
            located.append(Place(mention, tokens[0], tokens[-1]))
    return sorted(located, key=lambda place: place.first)


def sentences_of(text: str, doc: Doc, places: Sequence[PlaceMention]) -> list[Sentence]:
    """The article's sentences in order, with paragraph numbers and their place mentions."""
    starts = _paragraph_starts(text)
    sentences: list[Sentence] = []
    paragraph = 0
    doc_texts: dict[int, str] = {}  # by id of the doc (all alive here): each joined once
    for index, (offset, span) in enumerate(split_sentences(text, doc)):
        begin = offset + span.start_char
        while paragraph + 1 < len(starts) and starts[paragraph + 1] <= begin:
            paragraph += 1
        sentence = Sentence(index, span, offset, paragraph)
        if id(span.doc) not in doc_texts:
            doc_texts[id(span.doc)] = span.doc.text
        sentence.doc_text = doc_texts[id(span.doc)]
        sentence.places = _locate(places, sentence)
        sentences.append(sentence)
    return sentences
