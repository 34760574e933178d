"""Speakers told by where they live: the town, not how near it lies. Invented sentences."""

from __future__ import annotations

import pytest

from thucydides.extract.attribution import SpeakerMemory, statements_in
from thucydides.extract.sentences import sentences_of


@pytest.mark.parametrize("near", ["nearby", "neighbouring"])
def test_a_speaker_living_near_the_event_is_named_by_the_town_alone(nlp, near):
    text = f"Gunmen burned the market on Sunday, a resident in {near} Gorom town told reporters by phone."
    sentence = sentences_of(text, nlp(text), [])[0]
    (statement,) = statements_in(sentence, SpeakerMemory())
    assert statement.link.speaker == "resident in Gorom town"
    assert statement.link.channel == "phone"
