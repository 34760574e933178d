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


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Soldiers fired on the crowd, said one of the medics, a nurse.", "one of the medics", "nurse"),
        ("Two of the witnesses said soldiers fired at the crowd.", "Two of the witnesses", None),
    ],
)
def test_a_speaker_told_as_some_of_a_group_keeps_the_group(nlp, text, speaker, role):
    sentence = sentences_of(text, nlp(text), [])[0]
    (statement,) = statements_in(sentence, SpeakerMemory())
    assert (statement.link.speaker, statement.link.role) == (speaker, role)
