"""The geocoder's tokens: which of them open a sentence, and what that decides (a capitalised
place cue counts only when it is capitalised because it opens a sentence)."""

from __future__ import annotations

from thucydides.geocode.lexicon import lexicon
from thucydides.geocode.recognise import find_runs, tokenize


def test_only_the_words_opening_a_sentence_are_sentence_starts():
    text = 'Troops entered Kobo on Monday. In Gondar, "Fighting" went on (Amhara); then calm.\nNear Dessie'
    opening = [t.text for t in tokenize(text) if t.sentence_start]
    assert opening == ["Troops", "In", "Fighting", "Amhara", "then", "Near"]


def _cue_of(text: str, name: str) -> str | None:
    tokens = tokenize(text)
    (run,) = [r for r in find_runs(text, tokens, lexicon()) if tokens[r.first].text == name]
    return run.cue


def test_a_capitalised_cue_counts_when_it_opens_a_sentence():
    assert _cue_of("Near Zorbaya, gunmen stopped a bus.", "Zorbaya") == "near"
    assert _cue_of("Gunmen stopped a bus near Zorbaya.", "Zorbaya") == "near"


def test_a_capitalised_cue_inside_a_title_case_line_is_no_cue():
    # every word of a title-case headline is capitalised: "Near" there is not opening a sentence
    assert _cue_of("Gunmen Stop Bus Near Zorbaya", "Zorbaya") is None
