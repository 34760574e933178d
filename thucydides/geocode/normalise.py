"""Name keys: how a place name written one way finds the same name written another way.

Two keys, both pure functions of the name:

``name_key``  ascii-folded, lower case, punctuation-free: "Deh-e Şalāḩ" → "deh e salah",
              "U.S." → "us". Equal keys mean the same spelling up to diacritics and punctuation.
``skeleton``  a transliteration-tolerant key, for names written in Latin letters from Dari,
              Pashto, Arabic, Persian, Russian or Ukrainian, where the same name is spelt with
              different vowels and consonant digraphs: "Deh Saleh", "Deh-e Şalāḩ" and
              "Dih Salah" all give "dhsl"; "Pul-Hesar", "Pul-e Ḩişār", "Puli Hisar" give "plhsr".
              A skeleton collides often across the world, so the geocoder only uses it inside
              the article's own countries.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

# letters that unidecode leaves as something unhelpful, or that vanish in NFKD
_APOSTROPHES = "'’‘`´ʻʼʽʾʿˈ′"
_NON_WORD = re.compile(r"[^a-z0-9]+")

# generic words that name the kind of unit, not the unit ("Dih Salah District" = "Dih Salah").
# Not "city", "county", "valley": they are part of names ("Mexico City", "Orange County").
TYPE_WORDS: frozenset[str] = frozenset(
    {
        "district", "province", "governorate", "region", "oblast", "raion", "rayon",
        "municipality", "prefecture", "department", "state", "division",
        "territory", "wilaya", "wilayah", "velayat", "viloyati", "tumani",
        "welayaty", "lga", "woreda", "zone", "sub", "subdistrict", "subcounty", "township",
        "commune", "canton", "parish", "kray", "krai", "okrug", "voivodeship", "emirate",
    }
)

# Arabic articles written as a separate word ("al Bara", "Ad Dana", "el Fasher"), also
# assimilated with an e ("Deir ez-Zor", "Ras el-Ain" = "Ra's al 'Ayn", "Salah ed-Din"): dropped
# in the skeleton because writers keep, drop or assimilate them at will.
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ath", "adh", "aj", "ul",
                       "ez", "ed", "es", "er", "et", "esh"})

# Persian/Dari ezafe written as its own word: "Deh-e Salah", "Pul-i Khumri", "Dahana-ye Ghori".
_LINKING = frozenset({"e", "i", "ye", "yi", "y", "o", "wa", "va"})

# consonant digraphs and letters that stand for the same sound in different romanisations
# (upper-case results are placeholders, so that one replacement never feeds the next)
_DIGRAPHS = (
    ("dzh", "J"), ("kh", "K"), ("gh", "K"), ("sh", "S"), ("ch", "C"), ("zh", "J"), ("dj", "J"),
    ("dh", "D"), ("th", "T"), ("ph", "F"), ("ck", "K"), ("ts", "C"), ("tz", "C"), ("q", "K"),
    ("w", "V"), ("x", "KS"), ("c", "K"), ("j", "J"), ("k", "K"), ("g", "K"), ("s", "S"),
    ("d", "D"), ("t", "T"), ("f", "F"), ("v", "V"),
)
_VOWELS = re.compile(r"[aeiouy]")
_GLUED_ARTICLE = re.compile(r"^[ae]([dnrstz])(?=\1[aeiouy])")
_DOUBLES = re.compile(r"(.)\1+")
# the Arabic diphthong "aw" before a consonant is written "o" or "ou" as often ("al-Mawsil" =
# "Mosul", "Dayr az Zawr" = "Deir ez-Zor", "Hawr" = "Hor"): its w is a vowel's, not a consonant
_DIPHTHONG_W = re.compile(r"(?<=[aeiou])w(?![aeiouy])")
# Ukrainian/Russian adjectival endings: "-skyi", "-skiy", "-sky", "-ski", "-s'kyi"
_SKY_ENDING = re.compile(r"(sk|ck|tsk)(yi|iy|ii|yy|y|i|ij|yj)$")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Ascii letters, lower case, apostrophes removed, everything else kept."""
    text = unicodedata.normalize("NFC", text)
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    return unidecode(text).lower().replace("'", "")


_INITIAL_DOT = re.compile(r"\b([a-z])\.(?=[a-z]\b)")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Spelling key: folded, punctuation and hyphens as single spaces. "" if nothing is left.

    Initials keep together: "U.S." → "us", "D.C." → "dc".
    """
    return " ".join(_NON_WORD.sub(" ", _INITIAL_DOT.sub(r"\1", fold(name))).split())


def strip_type_words(key: str) -> str:
    """A name key without trailing generic words: "dih salah district" → "dih salah"."""
    words = key.split()
    while len(words) > 1 and words[-1] in TYPE_WORDS:
        words.pop()
    return " ".join(words)


def strip_article(key: str) -> str:
    """A name key without a leading Arabic article: "al basrah" → "basrah" (kept if too short)."""
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES and len(words[1]) >= 4:
        return " ".join(words[1:])
    return key


@lru_cache(maxsize=200_000)  # names share their words ("al", "north", "san"): each word's skeleton is made once
def _word_skeleton(word: str) -> str:
    word = _SKY_ENDING.sub(r"\1", word)
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]  # Arabic final -ah/-eh (ta marbuta) is written with or without h
    word = word[:1] + _DIPHTHONG_W.sub("", word[1:])
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    head, tail = word[:1], word[1:]
    if head in "aeiouy":
        head = "a"  # a leading vowel is kept (Idlib ≠ Dlb) but its quality varies (Ibdita/Abdita)
    return _DOUBLES.sub(r"\1", (head + _VOWELS.sub("", tail)).lower())


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Transliteration-tolerant key of a name (see the module docstring); "" if nothing is left."""
    words = strip_type_words(name_key(name)).split()
    words = [w for w in words if w not in _LINKING and not w.isdigit()]
    if len(words) > 1:  # "Maarat al-Numan" = "Ma'arrat an Nu'man": articles anywhere, assimilated or not
        words = [w for w in words if w not in _ARTICLES] or words
        # an assimilated article glued to a later word: "Deir Ezzour" = "Deir ez-Zor"
        words = words[:1] + [_GLUED_ARTICLE.sub("", w) for w in words[1:]]
    joined = "".join(_word_skeleton(w) for w in words)
    return _DOUBLES.sub(r"\1", joined)


# the abbreviations news writes for a name's opening word, and the gazetteer's full forms
# ("St Andrews" is filed "Saint Andrews", "Ft. Bragg" "Fort Bragg", "St Gallen" "Sankt Gallen");
# either way round, since the gazetteer files some names abbreviated ("St. Helier")
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "st": ("saint", "sainte", "sankt"), "ste": ("sainte",), "mt": ("mount", "mont"), "ft": ("fort",),
    "saint": ("st",), "sainte": ("ste",), "sankt": ("st",), "mount": ("mt",), "fort": ("ft",),
}


@lru_cache(maxsize=50_000)
def abbreviated_forms(key: str) -> tuple[str, ...]:
    """The other spellings of a name key whose words are written abbreviated or in full:
    "st andrews" → ("saint andrews", "sainte andrews", "sankt andrews"), "saint denis" →
    ("st denis",). Only a word before another (a last "st" is a street's) changes, one at a time."""
    words = key.split()
    forms: list[str] = []
    for i, word in enumerate(words[:-1]):
        for other in _SHORT_FORMS.get(word, ()):
            forms.append(" ".join([*words[:i], other, *words[i + 1:]]))
    return tuple(forms)
