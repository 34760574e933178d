"""The shortcuts taken for speed give what the slow ways gave (docs/evaluate.md, "perf").

Each cache or shortcut is checked against the plain computation it replaces, on invented
inputs, and asked twice: a value read again from a cache is the first one.
"""

from __future__ import annotations

import pytest

from thucydides.extract import lexicon
from thucydides.extract.actors import is_group_name, is_group_term
from thucydides.extract.events import _in_group_name
from thucydides.extract.sentences import sentences_of
from thucydides.extract.triggers import _source_preposition
from thucydides.geocode.gazetteer import COUNTRY_FEATURES
from thucydides.geocode.resolve import _REGION_FEATURES, feature_class
from thucydides.model import GazetteerEntry, PlaceMention


def _plain_feature_class(entry: GazetteerEntry) -> str:
    """feature_class as it was written before its lookup was cached."""
    if entry.feature in COUNTRY_FEATURES:
        return "country"
    if entry.feature in _REGION_FEATURES and entry.country_iso is None:
        return "region"
    if entry.feature.startswith("PPL"):
        return "PPL"
    return entry.feature if entry.feature in ("ADM1", "ADM2", "ADM3") else "RGN"


@pytest.mark.parametrize("feature", [*sorted(COUNTRY_FEATURES), *sorted(_REGION_FEATURES), "PPL", "PPLA", "PPLC", "PPLX",
                                     "ADM1", "ADM2", "ADM3", "ADM4", "ISL", "MT", "STM", "AREA"])
@pytest.mark.parametrize("iso", ["KE", None])
def test_feature_class_is_the_plain_reading_twice(feature, iso):
    entry = GazetteerEntry(1, "Tarvo", feature, iso, None, None, None, 0.0, 0.0)
    assert feature_class(entry) == _plain_feature_class(entry)
    assert feature_class(entry) == _plain_feature_class(entry)  # from the cache


@pytest.mark.parametrize("words", [
    ["the", "Vorlan-Tessa", "Front"],
    ["Ka'ira's", "re-armed", "Brigade"],
    ["Dul", "’s", "men"],
    ["O’Barra", "Liberation", "Army", "ISWAP"],
    ["al-", "Marsa", "re-"],
])
def test_phrase_words_of_a_stretch_are_its_words_run_together(words):
    # (what _in_group_name relies on to read each word once)
    joined = lexicon.phrase_words(" ".join(words))
    assert joined == sum((lexicon.phrase_words(w) for w in words), ())
    assert lexicon.phrase_words(" ".join(words)) == joined  # from the cache


def test_a_place_in_a_group_name_is_found_with_the_words_read_once(monkeypatch):
    # an invented group added to the dictionary's term index: "Vorlan Valley Defence Front"
    term = lexicon.phrase_words("Vorlan Valley Defence Front")
    index = lexicon.actors().term_index
    monkeypatch.setitem(index, term[0], (*index.get(term[0], ()), (term, None)))
    assert is_group_term(term) and is_group_name("Vorlan Valley Defence Front")
    text = "Fighters of the Vorlan Valley Defence Front crossed the river at dawn."
    start = text.index("Valley")
    assert _in_group_name(text, PlaceMention("Valley", start, start + len("Valley")))
    other = "Fighters crossed the Vorlan river near Valley town at dawn."
    start = other.index("Valley")
    assert not _in_group_name(other, PlaceMention("Valley", start, start + len("Valley")))


def test_source_preposition_by_first_word(nlp):
    doc = nlp("According to residents, the market in Lodwar burned, a chief said according to custom.")
    flags = [t.lower_ for t in doc if _source_preposition(t)]
    assert flags == ["according", "according"]
    assert not any(_source_preposition(t) for t in nlp("The accord was signed to end the war."))


def test_sentence_doc_text_and_words(nlp):
    # the headline is parsed on its own with the dateline's lead (a piece of its own doc)
    text = "Gunmen Raid Lodwar Market\nLODWAR, Kenya (Reuters) - Gunmen raided a market after dark. Police said two men died."
    sentences = sentences_of(text, nlp(text), [])
    assert len({id(s.doc) for s in sentences}) > 1
    for sentence in sentences:
        assert sentence.doc_text == sentence.span.doc.text
        assert sentence.words == {t.lower_ for t in sentence.span}
    # one string for the sentences of one doc
    by_doc = {}
    for sentence in sentences:
        by_doc.setdefault(id(sentence.doc), sentence.doc_text)
        assert sentence.doc_text is by_doc[id(sentence.doc)]


def test_inside_of_a_sentence_is_the_plain_walk(nlp):
    from thucydides.extract.mentions import _CAUSE_WORDS, _inside, _inside_of

    text = ("Residents of Marobo fled after gunmen torched the market. Police arrested two men over the riot "
            "in Kelasi. Troops patrolled the town of Tavira on Monday.")
    for sentence in sentences_of(text, nlp(text), []):
        for words in (_CAUSE_WORDS, {"for", "over", "connection"}, {"with", "of", "for", "into", "over"}):
            for token in sentence.span:
                plain = _inside(token, words)
                assert _inside_of(sentence, token, words) == plain
