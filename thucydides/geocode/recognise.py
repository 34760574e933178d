"""Toponym recognition by gazetteer matching, without relying on NER labels.

The small spaCy model tags "Deh Saleh" PERSON and "Baghlan" ORG and misses "Pul-Hesar", so
place names are found here from the text itself:

1. ``tokenize``: words with their offsets ("Pul-Hesar" and "U.S." are one word; a possessive
   "'s" is cut off and remembered).
2. ``find_runs``: runs of capitalised words, joined by name connectors ("State of Mexico",
   "Santander de Quilichao"); a capitalised function word ("In" of a title-case headline) ends
   a run. Each run carries its context: the cue word before it ("in", "near", "north of"),
   a kind word before or after ("the province of Baghlan", "Bano district") and lists that
   share one kind word ("the districts of A, B and C").
3. ``Span``: a stretch of a run to look up; the geocoder matches spans against the
   gazetteer, longest first, and ``reject_reason`` applies the filters against person names,
   outlets, demonyms, months and common words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from thucydides.geocode.containers import region_before_town
from thucydides.geocode.lexicon import Lexicon, lexicon
from thucydides.geocode.normalise import name_key

# a word is letters with inner apostrophes ("Ma'arrat"), or initials ("U.S."); hyphenated words
# are cut at the hyphen ("Britain-based", "Asia-Pacific") and joined again by ``find_runs``
# when both parts belong to a name ("Pul-Hesar", "Guinea-Bissau", "Deir ez-Zor")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_ABBREVIATED_WORDS = frozenset({"st", "mt", "ft", "ste"})  # "St. Louis", "Mt. Kenya"
# "Washington, D.C.": the comma is part of the city's name
_NAME_AFTER_COMMA = frozenset({"D.C."})
_POSSESSIVE = ("'s", "’s")
_ELIDED_NAME = re.compile(r"(?:d|l|dell|dall|sull)['’][A-ZÀ-Ý]")
# words that join the parts of a name: "State of Mexico", "Ixtapan de la Sal", "Deh-e Salah"
CONNECTORS = frozenset(
    {"of", "de", "del", "della", "la", "le", "les", "des", "du", "da", "di", "do", "dos", "das",
     "al", "el", "ad", "ar", "as", "ash", "az", "at", "an", "ez", "es", "ed", "et", "er", "bin",
     "ibn", "y", "e", "i", "ye", "the", "on", "upon", "sur", "am", "im", "der", "den", "van", "von",
     "en", "ul", "sur", "lès", "les",
     # French "au"/"aux" (à le, à les): "Port-au-Prince", "Port-aux-Français"
     "au", "aux",
     # Spanish plural articles: "San Cristóbal de las Casas", "Santiago de los Caballeros"
     "los", "las",
     # Swahili's "of" (by noun class): "Mto wa Mbu", "Kambi ya Nyoka", "Bonde la Ufa"
     "wa", "ya", "za"}
)
_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "or", "but", "in", "at", "by", "for", "from", "to", "into", "with", "as",
     "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that",
     "these", "those", "he", "she", "they", "we", "his", "her", "their", "our", "not", "no", "after",
     "before", "over", "under", "about", "says", "say", "said", "will", "would", "can", "could",
     "who", "what", "when", "where", "why", "how", "if", "than", "then", "so", "up", "out", "off",
     "all", "more", "most", "some", "any", "each", "every", "amid", "against", "near", "via"}
)
_LEADING_CONNECTORS = frozenset({"the", "al", "el", "ad", "ar", "as", "an", "at", "ash", "ul", "la", "le", "les", "los", "las"})
_LIST_GLUE = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|&|/)\s*$")
# what lies before a word that opens a sentence: an end of sentence (with its closing quotes
# or brackets) and spaces, or an opening quote or bracket right before it; not mere spaces,
# and not a quote closed before the word ('"Fighting" went on')
_SENTENCE_END = re.compile(r"(?:[.!?:;\n][\"”’)\]]*\s*|[\"“(\[])$")
MAX_SPAN_TOKENS = 6


@dataclass(slots=True)
class Token:
    # not frozen: a frozen dataclass sets each field through object.__setattr__, and an article
    # makes some 400 tokens (their making was half of ``tokenize``'s time); nothing changes one
    text: str
    start: int
    end: int
    possessive: bool  # an "'s" followed it (and is not part of ``end``)
    sentence_start: bool
    line_start: bool = False  # a line break lies between it and the word before
    # read for every token by every rule: computed once
    lower: str = field(init=False)
    capitalised: bool = field(init=False)

    def __post_init__(self) -> None:
        self.lower = self.text.lower()
        # an elided French or Italian article glued to a name ("Villeneuve-d'Ascq", "Côte
        # d'Armor", "l'Aquila") is a word of the name: it had cut "Villeneuve-d'Ascq" in two
        # (the apostrophe first: most words have none, and are spared the pattern)
        self.capitalised = self.text[:1].isupper() or (
            ("'" in self.text or "’" in self.text) and _ELIDED_NAME.match(self.text) is not None)


@dataclass(slots=True)
class Run:
    """Consecutive capitalised tokens (indexes into the token list) and their context."""

    first: int
    last: int  # inclusive
    cue: str | None = None  # the lower-case word before it, when it is a place cue
    kind_before: str | None = None  # "province" in "the province of Baghlan"
    kind_after: str | None = None  # "district" in "Bano district"
    kind_capitalised: bool = False  # the kind word is part of the name ("Gezira State")
    kind_token: int | None = None  # index of the kind word (to extend a mention over it)
    list_kind: str | None = None  # kind word shared by a list the run is in
    inner_kinds: dict[int, str] = field(default_factory=dict)  # capitalised kind words inside ("Davao City Mayor")


@dataclass(slots=True)
class Span:
    """A stretch ``first..last`` of a run, its text and what the gazetteer knows of it."""

    run: Run
    first: int
    last: int
    start: int
    end: int
    text: str
    key: str
    hits: list[tuple[int, str]] = field(default_factory=list)  # (geonameid, how: name/alias/skeleton…)
    abbreviation: str | None = None  # ISO code when the span abbreviates a unit ("Va." → US: Virginia)
    demonym: str | None = None  # ISO code or region name when the span is a demonym
    notable: bool = False  # one of its hits is a country, region, province or city of 100,000+
    currency: bool = False  # it names money with the word after it ("Lebanese pounds", "US dollars")
    striking: bool = False  # it names the side striking ("Russians pound", "Israeli airstrikes")
    opener: bool = False  # one capitalised word opening a sentence before a lower-case word ("Bush fires")
    big_town: bool = False  # one of its hits is a town of 100,000+ ("Reading", "Phoenix")
    the_region: bool = False  # with the lower-case "the" before it, it is a region's name ("the Gulf")
    common_opener: bool = False  # a common word opening a sentence that is a city's name ("Reading will host …")
    agency_name: bool = False  # a small place's name before "news agency" ("the Saba news agency")

    @property
    def kind(self) -> str | None:
        """The unit kind the context gives this span (a kind word right next to it, or its list's)."""
        run = self.run
        if run.kind_after and (self.last == run.last or self.last + 1 == run.kind_token):
            return run.kind_after
        if self.last + 1 in run.inner_kinds:
            return run.inner_kinds[self.last + 1]
        if run.kind_before and self.first == run.first:
            return run.kind_before
        return run.list_kind


@lru_cache(maxsize=1)
def _dotted_abbreviations() -> frozenset[str]:
    return frozenset(a for a in lexicon().abbreviations if a.endswith("."))


@lru_cache(maxsize=1)
def _longer_tokens() -> tuple[dict[str, list[str]], dict[str, re.Pattern[str]]]:
    """Words that may open a longer token: a dotted abbreviation of a unit ("Va." → ["Va."],
    "W" → ["W.Va."]) and a kind word of several words ("local" → "Local Government Area")."""
    dotted: dict[str, list[str]] = {}
    for abbreviation in sorted(_dotted_abbreviations(), key=len, reverse=True):
        dotted.setdefault(abbreviation.split(".")[0], []).append(abbreviation)
    phrases: dict[str, list[str]] = {}
    for kind in sorted(lexicon().kind_words, key=len, reverse=True):
        if " " in kind:
            phrases.setdefault(kind.split()[0], []).append(r"\s+".join(map(re.escape, kind.split())))
    # keyed by the first word as written: "local", "Local", "LOCAL"
    return dotted, {form: re.compile(rf"(?:{'|'.join(p)})\b", re.IGNORECASE)
                    for first, p in phrases.items() for form in (first, first.title(), first.upper())}


# news style writes a unit's abbreviation after a comma, a bracket, a party letter's hyphen
# ("(D-Calif.)") or "in"; elsewhere "Miss." or "Mass." at a sentence's end is a word
_ABBREVIATION_BEFORE = (", ", "(", "-", " in ")


def _longer_token(text: str, start: int, word: str) -> int | None:
    """The end of a longer token opening with ``word`` at ``start`` ("Va.", "W.Va.", "Local Government Area")."""
    dotted, phrases = _longer_tokens()
    if word in dotted and text.endswith(_ABBREVIATION_BEFORE, 0, start):
        for abbreviation in dotted[word]:
            end = start + len(abbreviation)
            if text.startswith(abbreviation, start) and not text[end : end + 1].isalnum():
                return end
    phrase = phrases.get(word)
    match = phrase.match(text, start) if phrase is not None else None
    return match.end() if match else None


def tokenize(text: str) -> list[Token]:
    """Words with their offsets; a unit's dotted abbreviation keeps its dot ("Roanoke, Va."), and a
    kind word of several words is one token ("Bokkos Local Government Area")."""
    tokens: list[Token] = []
    previous_end = 0
    dotted, phrases = _longer_tokens()
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if start < previous_end:
            continue  # inside a longer token
        if word in dotted or word in phrases:
            longer = _longer_token(text, start, word)
            if longer is not None:
                word, end = text[start:longer], longer
        # "People's Republic of China", "New People's Army": no owner, part of the name
        possessive = word.endswith(_POSSESSIVE) and len(word) > 3 and word[:-2].lower() != "people"
        gap = text[previous_end:start]
        previous_end = end
        if possessive:
            word, end = word[:-2], end - 2
        # (a single space, the usual gap, ends no sentence: the search is spared)
        sentence_start = not tokens or (gap != " " and bool(_SENTENCE_END.search(gap)))
        tokens.append(Token(word, start, end, possessive, sentence_start, "\n" in gap))
    return tokens


# Arabic articles, written "al-Bara", "ez-Zor", "el-Fasher" or "Al Bab"
ARABIC_ARTICLES = _ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ez", "es", "ed", "et", "er", "en", "ul"})


_GLUED_ARTICLE_NAME = re.compile(r"\w\s+(?:" + "|".join(sorted(_ARTICLES)) + r")[-‐]\w", re.IGNORECASE)


def has_glued_article(name: str) -> bool:
    """Whether ``name`` is of two name words joined by a glued Arabic article ("Ras al-Ain",
    "Bab al-Hawa"): a transliterated name, so spelt otherwise in the gazetteer ("Ra's al 'Ayn")."""
    return bool(_GLUED_ARTICLE_NAME.search(name))


def _is_name_word(token: Token) -> bool:
    return token.capitalised and token.lower not in _FUNCTION_WORDS


def _joinable(text: str, left: Token, right: Token) -> bool:
    """Whether ``left`` and ``right`` may be parts of one name: only spaces or a hyphen between."""
    if left.possessive or (left.text.endswith(".") and left.text in _dotted_abbreviations()):
        return False
    gap = text[left.end : right.start]
    if gap == ", " and right.text in _NAME_AFTER_COMMA:
        return True
    if gap in (" ", "-", "‐", "\u00a0") or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2):
        return True
    return gap in (". ", ".") and left.lower in _ABBREVIATED_WORDS


def find_runs(text: str, tokens: list[Token], lex: Lexicon, names_with_and: frozenset[str] = frozenset()) -> list[Run]:
    """``names_with_and``: the gazetteer's names written with "and" ("trinidad and tobago"), the
    only ones across which a lower-case "and" joins a run."""
    runs: list[Run] = []
    i = 0
    n = len(tokens)
    while i < n:
        starts_name = _is_name_word(tokens[i]) or _opening_can(text, tokens, i) or (
            i + 1 < n
            and _is_name_word(tokens[i + 1])
            and (tokens[i].text == "The" or (tokens[i].lower in _ARTICLES and text[tokens[i].end : tokens[i + 1].start] in ("-", "‐")))
        )
        if not starts_name:
            i += 1
            continue
        last = i
        j = i + 1
        while j < n and _joinable(text, tokens[j - 1], tokens[j]):
            if tokens[j].lower in lex.calendar and j > last + 1:
                break  # "the village of Dankolo on Monday": a connector joins no date to a name
            if _is_name_word(tokens[j]) or _closing_an(text, tokens, j):
                last = j
            elif tokens[j].text == "and" and (end := _name_across_and(text, tokens, i, j, names_with_and)) is not None:
                last = j = end  # "Jammu and Kashmir", "Saint Vincent and the Grenadines": one name
            elif tokens[j].lower not in CONNECTORS:
                break
            j += 1
        # a run ends at a name word: drop trailing connectors ("Kabul and" → "Kabul")
        runs.append(Run(i, last))
        i = last + 1
    for run in runs:
        _add_context(text, tokens, run, lex)
    _share_list_kinds(text, tokens, runs, lex)
    return runs


def _name_across_and(text: str, tokens: list[Token], first: int, j: int, names_with_and: frozenset[str]) -> int | None:
    """The last token of a gazetteer name that reads across the "and" at ``j`` ("Trinidad and
    Tobago", "Sistan and Baluchestan"), or None: "Kabul and Kandahar" stays two names."""
    if not names_with_and:
        return None
    for end in range(min(j + MAX_SPAN_TOKENS - 1, len(tokens) - 1), j, -1):
        after = range(j + 1, end + 1)
        if not (_is_name_word(tokens[end]) and all(_joinable(text, tokens[k - 1], tokens[k]) for k in after)
                and all(_is_name_word(tokens[k]) or tokens[k].lower in CONNECTORS for k in after)):
            continue
        for start in range(max(first, j - MAX_SPAN_TOKENS + 1), j):
            if name_key(text[tokens[start].start : tokens[end].end]) in names_with_and:
                return end
    return None


def _opening_can(text: str, tokens: list[Token], i: int) -> bool:
    """A capitalised "Can" mid-sentence right before a name word opens a name ("Can Tho", "Can
    Gio": Vietnamese names), where English writes the verb lower-case; a title-case headline's
    "Who Can Stop Him" gives a run that matches nothing."""
    token = tokens[i]
    return (token.text == "Can" and not token.sentence_start and i + 1 < len(tokens)
            and _is_name_word(tokens[i + 1]) and _joinable(text, token, tokens[i + 1]))


def _closing_an(text: str, tokens: list[Token], j: int) -> bool:
    """A capitalised "An" mid-sentence that no name word follows is the last word of a name
    ("Hoi An, Vietnam", "Long An province": Vietnamese names), not the article that a title-case
    headline capitalises ("Floods Hit An Island") nor a sentence's first word."""
    token = tokens[j]
    if token.text != "An" or token.sentence_start:
        return False
    return j + 1 == len(tokens) or not (_joinable(text, token, tokens[j + 1]) and _is_name_word(tokens[j + 1]))


def _word_after_name(tokens: list[Token], start: int) -> str:
    """The lower-case word after the name that opens at ``start`` ("district" of "Bano district")."""
    i = start
    while i < len(tokens) and (tokens[i].capitalised or tokens[i].lower in CONNECTORS) and not tokens[i].possessive:
        i += 1
    return tokens[i].lower if i < len(tokens) else ""


def _add_context(text: str, tokens: list[Token], run: Run, lex: Lexicon) -> None:
    first, last = run.first, run.last
    # "Bano district", "Gezira State": a kind word right after the name
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if last + 3 < len(tokens) and region_before_town(text, tokens[last].end, tokens[last + 3].start):
        run.kind_after = "UNIT"  # "the Idlib town of Saraqib": the region the town lies in
    elif following is not None and _joinable(text, tokens[last], following) and following.lower in lex.kind_words:
        run.kind_after, run.kind_token = lex.kind_words[following.lower], last + 1
        run.kind_capitalised = following.capitalised
    # the last word of the run itself may be the kind word ("Panjshir Valley", "Davao City")
    elif last > first and tokens[last].lower in lex.kind_words:
        run.kind_after, run.kind_token = lex.kind_words[tokens[last].lower], last
        run.kind_capitalised = True
    for i in range(first + 1, last + 1):
        if tokens[i].lower in lex.kind_words:
            run.inner_kinds[i] = lex.kind_words[tokens[i].lower]
    # "Baghlan's Bano district": a name in the possessive before a unit's name is a unit that
    # contains it; before another name it may as well be a city ("Kabul's Dasht-e-Barchi",
    # "Rio de Janeiro's Maré": the city, not the province of its name, as the reader takes it)
    if (tokens[last].possessive and following is not None and following.capitalised and run.kind_after is None
            and lex.kind_words.get(_word_after_name(tokens, last + 1)) in ("ADM1", "ADM2")):
        run.kind_after = "UNIT"
    # "the province of Baghlan", "State of Mexico", "village of Timba"
    before = [t.lower for t in tokens[max(0, first - 3) : first]]
    if len(before) >= 2 and before[-1] == "of" and before[-2] in lex.kind_words:
        run.kind_before = lex.kind_words[before[-2]]
    elif tokens[first].lower in lex.kind_words and first + 1 <= last and tokens[first + 1].lower == "of":
        run.kind_before = lex.kind_words[tokens[first].lower]
    elif len(before) == 3 and before[1:] == ["such", "as"] and before[0] in lex.kind_words:
        run.kind_before = lex.kind_words[before[0]]  # "states such as Ohio or Washington"
    elif opens_locality(tokens, run, lex):
        run.kind_before = "PPL"  # "Colonia Las Flores", "Sitio Malinao"
    if _is_dateline(text, tokens, run):
        run.cue = "dateline"
    elif first > 0 and (not tokens[first - 1].capitalised or tokens[first - 1].sentence_start):
        word = tokens[first - 1].lower  # "In Kobo, …", "Near Idlib, …" open a sentence
        if word in lex.place_cues:
            run.cue = word
        elif word == "of" and first > 1 and tokens[first - 2].lower in lex.place_cues:
            run.cue = tokens[first - 2].lower  # "north of Kobo", "outskirts of Kabul"


_DATELINE_AFTER = re.compile(r"^\s*(?::|\(|—|–|-\s)")


def _is_dateline(text: str, tokens: list[Token], run: Run) -> bool:
    """"KABUL: …", "MEXICO CITY (AP) —": a place name opening a line, then a colon, bracket or dash."""
    start = tokens[run.first].start
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(_DATELINE_AFTER.match(text[tokens[run.last].end : tokens[run.last].end + 3]))


def _share_list_kinds(text: str, tokens: list[Token], runs: list[Run], lex: Lexicon) -> None:
    """"the districts of A, B and C" / "A, B and C districts": every name of the list gets the kind."""
    for index, run in enumerate(runs):
        kind = run.kind_before if run.kind_before else None
        if kind:
            for other in runs[index + 1 :]:
                previous = runs[runs.index(other) - 1]
                if not _LIST_GLUE.match(text[tokens[previous.last].end : tokens[other.first].start]):
                    break
                other.list_kind = other.list_kind or kind
                other.cue = other.cue or run.cue or "list"
        kind = run.kind_after if run.kind_after and run.kind_token is not None and (
            not run.kind_capitalised or _plural_kind(tokens[run.kind_token])) else None
        # "Anka and Bukkuyum LGAs of Zamfara": the plural kind inside a run joined by "of"
        kind = kind or next((run.inner_kinds[i] for i in sorted(run.inner_kinds)
                             if i > run.first and _plural_kind(tokens[i])), None)
        if kind:
            for other in reversed(runs[:index]):
                following = runs[runs.index(other) + 1]
                if not _LIST_GLUE.match(text[tokens[other.last].end : tokens[following.first].start]):
                    break
                other.list_kind = other.list_kind or kind
                other.cue = other.cue or "list"


def _plural_kind(token: Token) -> bool:
    """ "Maru, Anka and Bukkuyum LGAs", "the Kunar and Nuristan Provinces": a capitalised plural kind
    word after a list is the list's kind, not a word of the last name (as "City" of "Davao City"
    is); not "States" ("Canada and the United States")."""
    return token.lower.endswith("s") and token.lower != "states"


def spans_of(text: str, tokens: list[Token], run: Run, abbreviations: Mapping[str, tuple[str, str]] | None = None) -> list[Span]:
    """Every stretch of ``run`` that may be a name: at most MAX_SPAN_TOKENS, no edge connector.

    An abbreviation of a unit ("Va.", "Herts") is looked up under the unit's name.
    """
    spans = []
    for index in range(run.first, run.last + 1):
        token = tokens[index]
        if abbreviations and token.text in abbreviations:
            iso, name = abbreviations[token.text]
            spans.append(Span(run, index, index, token.start, token.end, token.text, name_key(name), abbreviation=iso))
    spans.extend(_stretches(text, tokens, run, {s.first for s in spans}))
    return spans


def _stretches(text: str, tokens: list[Token], run: Run, abbreviated: set[int]) -> list[Span]:
    spans = []
    for first in range(run.first, run.last + 1):
        # a connector never starts a name, except "The Hague" and an Arabic article ("Al Bab")
        token = tokens[first]
        glued_article = token.lower in _ARTICLES and first < run.last and text[token.end : tokens[first + 1].start] in ("-", "‐")
        if (token.lower in CONNECTORS and not (token.capitalised and token.lower in _LEADING_CONNECTORS) and not glued_article) or token.text == "and":
            continue
        for last in range(first, min(run.last, first + MAX_SPAN_TOKENS - 1) + 1):
            if ((tokens[last].lower in CONNECTORS and not (last == run.last and last > first and tokens[last].text == "An")) or tokens[last].text == "and"
                    or (first == last and first in abbreviated)):
                continue  # a name ends at a name word, or at the "An" that closes it ("Hoi An")
            start, end = tokens[first].start, tokens[last].end
            words = text[start:end]
            spans.append(Span(run, first, last, start, end, words, name_key(words)))
    return spans


def _notable(span: Span) -> bool:
    """Whether the name matched a country's or a province's own name (not just any village)."""
    return any(how in ("name", "alias", "exonym") for _, how in span.hits) and span.notable


def opens_locality(tokens: list[Token], run: Run, lex: Lexicon) -> bool:
    """Whether the run is a neighbourhood's or hamlet's name opened by its kind ("Colonia Las Flores")."""
    return run.last > run.first and tokens[run.first].lower in lex.locality_prefixes


def locality_end(tokens: list[Token], run: Run) -> int:
    """The last token of the locality's name that opens ``run``: "Colonia Centro" of "Colonia Centro of Tijuana"."""
    for index in range(run.first + 1, run.last + 1):
        if tokens[index].lower == "of":
            return index - 1
    return run.last


# cues after which a group's name is still a town's ("in Fano"); not "clashes between Fano and the army"
_LOCATING_CUES = frozenset({"in", "near", "outside", "at", "into", "around", "across", "toward", "towards",
                            "through", "dateline"})


def names_money(span: Span, tokens: list[Token], lex: Lexicon, text: str) -> bool:
    """"The Lebanese pound", "90 US dollars": a country or its adjective right before a currency
    word names the money, not a place. A verb-like one ("pounds") counts only after an adjective
    ("Egyptian pounds"), not a country or a people ("Israel pounds Gaza", "Russians pound")."""
    if span.last + 1 >= len(tokens) or tokens[span.last].possessive:
        return False
    right = tokens[span.last + 1]
    if right.lower not in lex.currencies or text[span.end : right.start].strip():
        return False
    if right.lower in lex.currency_verbs:
        plural_people = span.key.endswith("s") and span.key[:-1] in lex.demonyms
        return span.demonym is not None and not plural_people
    return True


def names_striker(span: Span, tokens: list[Token], lex: Lexicon, text: str) -> bool:
    """"Russians pound Kupiansk", "Russia shelled", "Israeli airstrikes": a country or a people
    right before a word of striking names the side that strikes, not where it strikes."""
    if span.last + 1 >= len(tokens) or tokens[span.last].possessive:
        return False
    right = tokens[span.last + 1]
    return right.lower in lex.strike_words and not text[span.end : right.start].strip() and not right.capitalised


def names_group(span: Span, lex: Lexicon) -> bool:
    """An armed group's name ("Fano gunmen", "al-Shabab said"), with no locating cue or kind word."""
    return span.key in lex.group_names and span.run.cue not in _LOCATING_CUES and not span.kind


def _group_around(span: Span, tokens: list[Token], lex: Lexicon) -> str | None:
    """The name of an armed group that the span's run holds around the span ("Security Belt"
    around "Belt"), with a lower-case word after the run ("Security Belt forces") read too."""
    run = span.run
    last = run.last + 1 if run.last + 1 < len(tokens) and tokens[run.last + 1].lower in lex.force_heads else run.last
    # a name holding the span holds a word next to it: none of a group's words there, no name
    if not any(run.first <= i <= last and name_key(tokens[i].text) in lex.group_words for i in (span.first - 1, span.last + 1)):
        return None
    # a name is a few words: only that far around the span (a run may be a whole capitalised text)
    for first in range(max(run.first, span.last + 1 - MAX_SPAN_TOKENS), span.first + 1):
        for end in range(min(last, first + MAX_SPAN_TOKENS - 1), span.last - 1, -1):
            if (first, end) == (span.first, span.last):
                continue
            words = tokens[first : end + 1]
            if name_key(" ".join(t.text for t in words)) in lex.group_names:
                return " ".join(t.text for t in words)
    return None


def _storm_name(run: Run, tokens: list[Token], lex: Lexicon) -> int | None:
    """The index of a storm's name in a run opened by a storm's words ("Hurricane Florence")."""
    i = run.first
    while i <= run.last and tokens[i].lower in lex.storm_words:
        i += 1
    if i > run.last or not any(tokens[j].lower in lex.storm_heads for j in range(run.first, i)):
        return None
    return i


@lru_cache(maxsize=1)
def _state_names() -> tuple[str, ...]:
    """The states and provinces written after a town: "Va." and "Virginia" of "Roanoke, Va."."""
    table = lexicon().abbreviations
    return tuple(sorted(set(table) | {name for _, name in table.values()}, key=len, reverse=True))


def _before_state(text: str, end: int) -> bool:
    """Whether a state or province follows after a comma: "Mobile, Ala.", "Reading, Pennsylvania"
    name towns, however common the word."""
    if not text.startswith(", ", end):
        return False
    rest = text[end + 2 : end + 40]
    return any(rest.startswith(name) and (name.endswith(".") or not rest[len(name) : len(name) + 1].isalpha())
               for name in _state_names())


# the cues after which a common word written with a capital mid-sentence is a city's name
# (and the parts of a town before "of": "the medina of Fez", "the outskirts of Bath")
_TOWN_CUES = _LOCATING_CUES - {"dateline"} | {"from", "to", "outskirts", "suburbs", "medina", "medinas", "souk", "souks",
                                              "kasbah", "streets", "centre", "center"}
# what may lie between a work's word and its title: "the film Casablanca", 'the band "Boston"'
_BEFORE_TITLE = frozenset({" ", ' "', " “", " '", " ‘"})


_CHAIN = re.compile(r"[A-Z][^,()]*(?:, [A-Z][^,()]*)*")
_NAME_END = re.compile(r"[A-Z][\w'’.-]*$")


def in_admin_chain(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one of the names of an admin chain in brackets after a place's
    name, as ACLED notes write them: "Leer (Unity)", "Kumbo (Bui, Nord-Ouest)". There each
    name is a unit's, not a common word ("Unity" is South Sudan's state)."""
    opening = text.rfind("(", 0, start)
    closing = text.find(")", end)
    if opening < 0 or closing < 0 or ")" in text[opening:start] or "(" in text[end:closing]:
        return False
    return bool(_CHAIN.fullmatch(text[opening + 1 : closing].strip()) and _NAME_END.search(text[:opening].rstrip()))


def _after_town_cue(span: Span, tokens: list[Token]) -> bool:
    """Whether a locating cue comes right before ``span`` ("in Fez"), or a town's part and "of"
    ("the medina of Fez", "the outskirts of Bath")."""
    run = span.run
    return span.first == run.first and (run.cue in _TOWN_CUES or (
        run.cue == "of" and span.first > 1 and tokens[span.first - 2].lower in _TOWN_CUES))


def _city_after_cue(span: Span, tokens: list[Token]) -> bool:
    """"Police in Bath said", "118 degrees in Phoenix": a common word alone, capitalised in the
    middle of a sentence after a locating cue, that is the name of a city of 100,000+."""
    run = span.run
    return (span.big_town and span.first == span.last == run.first == run.last and _after_town_cue(span, tokens)
            and not tokens[span.first].sentence_start)


def _team_city(span: Span, tokens: list[Token], lex: Lexicon) -> bool:
    """"The Phoenix Suns", "the Reading Royals": a common word that is a city of 100,000+, after
    a lower-case "the" and before one capitalised plural (or a team's singular nickname: "the
    Phoenix Mercury") that ends the name, is a team's city
    (GeoWebNews marks it); "the Orange Revolution", "the Independence Party" stay words."""
    run = span.run
    if not (span.big_town and span.first == span.last == run.first and run.last == span.last + 1 and span.first > 0):
        return False
    before, nickname = tokens[span.first - 1], tokens[run.last]
    plural = nickname.text.endswith("s") and not nickname.text.endswith("ss")
    return (before.text == "the" and (plural or nickname.lower in lex.team_words)
            and nickname.lower not in lex.common and nickname.lower not in lex.kind_words and not nickname.possessive)


def names_work(span: Span, tokens: list[Token], lex: Lexicon, text: str) -> bool:
    """"The film Casablanca", "the band Chicago", "the musical Hamilton": a place's name that is
    the whole title right after a lower-case word naming a work is the title, not a place. A
    place inside a longer title ("the cooking series Taste of the Mediterranean") is still named, as in
    an organisation's name (GeoWebNews counts it)."""
    run = span.run
    if run.first == 0 or (span.first, span.last) != (run.first, run.last):
        return False
    before = tokens[run.first - 1]
    return (before.lower in lex.work_words and not before.capitalised
            and text[before.end : tokens[run.first].start] in _BEFORE_TITLE)


HALF_OF_LONGER = "the second half of a longer name"  # (its words stay for the longer name: geocoder)


def _glued_article(text: str, tokens: list[Token], run: Run, article: int) -> bool:
    """Whether token ``article`` is an Arabic article inside ``run`` that joins the name word
    before it (a space) to the one after it (a hyphen): "Aita al-Shaab", "Bab al-Hawa"."""
    return (run.first < article < run.last and tokens[article].lower in _ARTICLES
            and text[tokens[article].end : tokens[article + 1].start] in ("-", "‐")
            and text[tokens[article - 1].end : tokens[article].start] == " "
            and _is_name_word(tokens[article - 1]) and _is_name_word(tokens[article + 1]))


def _article_half(text: str, tokens: list[Token], span: Span) -> bool:
    """"Aita al-Shaab", "Bab al-Hawa": a name of two words joined by a glued Arabic article that
    the gazetteer lacks whole. Either half alone is some other village ("Sha'ab" in Israel, "Bab"
    in Slovakia), not the place meant. A notable first half stays: "Baghdad al-Jadida" is a
    district of Baghdad; the second half never does ("Ras al-Ain" is not Al Ain)."""
    run = span.run
    before = span.first if tokens[span.first].lower in _ARTICLES else span.first - 1  # "al-Shaab", "Shaab"
    return _glued_article(text, tokens, run, before) or (not span.notable and _glued_article(text, tokens, run, span.last + 1))


def _surname_of_a_person_object(span: Span, tokens: list[Token], lex: Lexicon) -> bool:
    """"Police arrested Musa Bello", "gunmen kidnapped Garba Lima": two capitalised words right
    after a verb whose object is a person are a first name and surname, and the one-word match
    on the second is no town abroad. A match opening the run ("arrested Kano residents") or
    spanning it is left to the other rules."""
    run = span.run
    if run.first == 0 or run.last - run.first != 1 or span.demonym:
        return False
    if (span.first, span.last) != (run.last, run.last):
        return False
    return tokens[run.first - 1].lower in lex.person_object_verbs and not tokens[run.first].possessive


def reject_reason(span: Span, tokens: list[Token], lex: Lexicon, person_words: set[str], text: str = "") -> str | None:
    """Why ``span`` is not a place mention in spite of matching a name, or None."""
    run = span.run
    first_token = tokens[span.first]
    words = span.key.split()
    if (span.first == span.last and (first_token.lower in lex.common or first_token.lower in lex.calendar)
            and not (span.the_region and not _group_around(span, tokens, lex))  # "the Gulf", not "the Gulf Cartel"
            and not _before_state(text, span.end)
            and not (first_token.lower not in lex.calendar and _city_after_cue(span, tokens))
            and not _team_city(span, tokens, lex)
            and not span.common_opener
            and not (first_token.lower not in lex.place_cues and in_admin_chain(text, span.start, span.end))):
        return f"'{first_token.text}' is a common word here"
    if names_work(span, tokens, lex, text):
        return f"a work's title: '{tokens[run.first - 1].text} {' '.join(t.text for t in tokens[run.first : run.last + 1])}'"
    if names_group(span, lex):
        return f"'{span.text}' names an armed group"
    if span.agency_name:
        return f"an outlet's name: '{span.text} {tokens[span.last + 1].text}'"
    storm = _storm_name(run, tokens, lex)
    if storm is not None and span.last <= storm:
        return f"a storm's name: '{' '.join(t.text for t in tokens[run.first : storm + 1])}'"
    group = _group_around(span, tokens, lex)
    hyphened = (span.first > run.first and text[tokens[span.first - 1].end : span.start] in ("-", "‐")) or (
        span.last < run.last and text[span.end : tokens[span.last + 1].start] in ("-", "‐"))
    if group and hyphened and not span.demonym:
        # "Anti-Balaka": a hyphen glues the place's name into the group's, even a district's
        return f"part of an armed group's name: '{group}'"
    if not _notable(span) and not span.demonym:
        # "Security Belt": a word of a force's name is no small place of that name somewhere
        if group:
            return f"part of an armed group's name: '{group}'"
        if span.last < run.last and tokens[span.last + 1].lower in lex.force_heads:
            return f"part of a force's name: '{span.text} {tokens[span.last + 1].text}'"
    if (len(span.text) <= 3 and span.text.istitle() and any(how in ("alias", "exonym") for _, how in span.hits)
            and not (run.kind_before and run.cue == "of")
            and not ((span.notable or any(how == "name" for _, how in span.hits))
                     and _after_town_cue(span, tokens) and not first_token.sentence_start)):
        # "Car bomb" is no CAR; "the old city of Fez" names a place (its exonym) all the same, and
        # so do "police in Fez", "the medina of Fez": a big place's alias after a locating cue,
        # and "fishermen in Urk", a town's own name after one (its alias is some abbreviation)
        return f"'{span.text}' is a word, not the abbreviation {span.text.upper()}"
    if (span.first == run.first and span.last > span.first and first_token.lower in lex.person_openers
            # notable only by a county's name without its kind word ("Prince William" of Prince
            # William County) is still the royal
            and (not _notable(span) or all(how == "alias" for _, how in span.hits)) and run.cue in (None, "of") and not span.kind and not first_token.text.isupper()
            and text[span.end : span.end + 2] not in (", ", " (")):
        # "a portrait of Queen Victoria" is no village in Mauritius; "Prince George, B.C." is a town
        return f"a person's name: '{span.text}'"
    if _surname_of_a_person_object(span, tokens, lex):
        return f"a person's name after '{tokens[run.first - 1].text}': '{tokens[run.first].text} {span.text}'"
    if span.first > run.first:
        left = tokens[span.first - 1]
        if left.lower in lex.titles:
            return f"a person's name: after '{left.text}'"
        if span.first == span.last and first_token.lower in lex.media_words:
            return f"an outlet's name: '{left.text} {first_token.text}'"  # "African Herald" is no town Herald
    if span.first == span.last and span.last < run.last and first_token.lower in lex.titles and not span.demonym:
        return f"a title or first name before another name: '{first_token.text} {tokens[span.last + 1].text}'"
    if span.last < run.last:
        right = tokens[span.last + 1]
        if right.lower in lex.media_words and not _notable(span) and not span.demonym:  # "African Herald" is Africa's
            return f"part of an outlet's name: '{span.text} {right.text}'"

    if span.first == run.first and span.first > 0 and not first_token.line_start:
        left = tokens[span.first - 1]  # ("… Ahmed⏎⏎NAIROBI —": a headline's last word is no title)
        # a comma between them: "the Chairman, Niger Delta Peace Forum" is a
        # title of the body named next, not a person's name (a bracket still abbreviates the
        # title: "the District Commissioner (DC)")
        apposed = text[left.end:first_token.start].lstrip().startswith(",")
        if left.capitalised and left.lower in lex.titles and not left.possessive and not apposed:
            return f"a person's name: after '{left.text}'"
    if _article_half(text, tokens, span):
        return f"{HALF_OF_LONGER}: '{span.text}'"
    if len(words) == 1 and words[0] in person_words:
        return f"'{span.text}' names a person elsewhere in the text"
    if first_token.text.isupper() and len(first_token.text) <= 3 and span.first == span.last and not span.hits:
        return "an abbreviation"
    return None
