"""Bugs found reading the session's change: each test failed before its fix.

Invented reports; places given by hand (see test_extract_events.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.model import Event

from test_extract_events import entry, events_in

TOWNS = {"Gao": entry("Gao", iso="ML")}


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str) -> list[Event]:
        return events_in(nlp, text, TOWNS, dt.date(2022, 3, 10))

    return extract


def test_a_word_of_another_story_late_in_the_sentence_does_not_make_it_one(run):
    # "unrelated" describes the dispute; the sentence still tells of the attack's dead
    text = ("On 8 March 2022, gunmen attacked a police post in Gao. "
            "Two officers, who had been posted there over an unrelated dispute, died in the attack.")
    (event,) = run(text)
    assert event.fatalities.count == 2
