"""Cheap checks before the full parse: skip articles that cannot hold a conflict event.

Parsing is nearly all of the pipeline's cost, and most of a news wire's flow (sport, business,
weather) has no conflict vocabulary at all. ``skip_reason`` looks for one word of the lexicon in
``prefilter.toml`` (tens of microseconds per kilobyte); an article without any is not parsed and
comes out of the runner with no events, no places and the reason recorded. The lexicon is broad
on purpose: a false hit costs one parse, a false skip costs events, and the recall test runs it
on every gold article that has events.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from thucydides.errors import ConfigError
from thucydides.model import Article

LEXICON_FILE = "prefilter.toml"
# the pipeline is built on an English model; other languages would give noise, not events
SUPPORTED_LANGUAGES = ("en",)
# words as the lexicon spells them: letters, with inner hyphens ("cease-fire", "sit-in")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The prefilter's terms, split by how they are matched."""

    words: frozenset[str]  # whole words ("war" matches "war", not "warm")
    stems: frozenset[str]  # word beginnings ("kill*" matches "killed", "killings")
    stem_lengths: tuple[int, ...]
    phrases: re.Pattern[str] | None  # terms of several words, matched with any spacing
    phrase_starts: frozenset[str]  # first words of the phrases: no phrase can match without one

    def match_word(self, word: str) -> bool:
        if word in self.words:
            return True
        size = len(word)
        return any(word[:length] in self.stems for length in self.stem_lengths if length <= size)


def _phrase_pattern(term: str) -> str:
    body = r"[\s\-]+".join(re.escape(word) for word in term.rstrip("*").split())
    return r"\b" + body + (r"\w*" if term.endswith("*") else r"\b")


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon of ``prefilter.toml``, read and compiled once per process."""
    raw = resources.files("thucydides").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    try:
        groups = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"the prefilter lexicon {LEXICON_FILE} is not valid TOML: {error}", "fix the file") from None
    terms = {term.strip().lower() for group in groups.values() for term in group.get("terms", ())}
    if not terms:
        raise ConfigError(f"the prefilter lexicon {LEXICON_FILE} has no terms", "add terms or disable the prefilter")
    single = {term for term in terms if " " not in term}
    stems = frozenset(term[:-1] for term in single if term.endswith("*"))
    phrases = sorted(terms - single, key=len, reverse=True)  # longest first: the fuller match is reported
    return Lexicon(
        words=frozenset(term for term in single if not term.endswith("*")),
        stems=stems,
        stem_lengths=tuple(sorted({len(stem) for stem in stems})),
        phrases=re.compile("|".join(map(_phrase_pattern, phrases)), re.IGNORECASE) if phrases else None,
        phrase_starts=frozenset(_WORD.findall(phrase)[0] for phrase in phrases),
    )


def first_conflict_term(text: str) -> str | None:
    """A word or phrase of the conflict lexicon found in ``text`` (lowercased), or None."""
    terms = lexicon()
    # each distinct word once, stopping at the first hit; a hyphenated compound is tried whole
    # and by its parts ("counter-attack" → "attack")
    seen: set[str] = set()
    for found in _WORD.finditer(text):
        word = found.group(0).lower()
        if word in seen:
            continue
        seen.add(word)
        if terms.match_word(word):
            return word
        if "-" in word:
            for part in word.split("-"):
                seen.add(part)
                if terms.match_word(part):
                    return part
    # the phrase search scans the whole text, so it runs only when a phrase could start here
    if terms.phrases is not None and not terms.phrase_starts.isdisjoint(seen):
        match = terms.phrases.search(text)
        if match:
            return match.group(0).lower()
    return None


def skip_reason(article: Article) -> str | None:
    """Why ``article`` need not be parsed, or None when it must be.

    The title counts as text: a headline "Clashes in X" over a body that never repeats the word
    still deserves a parse.
    """
    if not article.text.strip():
        return "prefilter: empty text"
    language = (article.language or "en").lower()
    if not language.startswith(SUPPORTED_LANGUAGES):
        return f"prefilter: language {language!r} is not supported (English only)"
    if first_conflict_term(article.text) is None and first_conflict_term(article.title or "") is None:
        return "prefilter: no conflict vocabulary"
    return None
