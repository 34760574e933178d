"""Rules of session 9's round 1 kept to what they name (found when the branches met the gold
scorers): the injured 'taken away by their families' are no abduction; one side's surrender after a clash
is no truce; a crowd that only demands something while stoning the police is a mob.

Invented reports, run through the whole pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.model import Article
from thucydides.pipeline import process_article


@pytest.fixture(scope="module")
def run(nlp, geocoder):
    def extract(text: str, published: str):
        article = Article(id="t", text=text, published=dt.date.fromisoformat(published))
        return process_article(article, nlp=nlp, geocoder=geocoder).events

    return extract


def test_the_injured_taken_away_by_families_keep_the_bombing_told_through_its_speaker(run):
    events = run(
        "A suicide bomber blew himself up at a checkpoint in Baidoa on Sunday, killing six people. "
        "Police spokesman Ali Nur said the toll could climb, as several of the injured were taken "
        "away by their families after the explosion.",
        "2022-05-09",
    )
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]
    assert [a.speaker for a in events[0].attribution] == ["Ali Nur"]


def test_men_taken_away_by_masked_gunmen_are_still_abducted(run):
    events = run("Two aid workers were taken away by masked gunmen in Kidal on Monday, the agency said.", "2022-05-10")
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
