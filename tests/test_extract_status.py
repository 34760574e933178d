"""Status from the sources of an event: claims, unverifiable accounts, confirmations.

Texts written for the tests (Ukraine, Sudan, Mali); none is a gold article's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import extract_events, status
from thucydides.extract.attribution import Statement
from thucydides.model import Article, Attribution, GazetteerEntry, PlaceMention


def statement(speaker: str, kind: str = "say") -> Statement:
    return Statement(None, Attribution(speaker), kind, set(), set(), speaker.lower())  # type: ignore[arg-type]


def test_an_unverifiable_account_is_a_claim_unless_a_neutral_source_tells_it():
    relay = statement("regional information office")  # neither a party's word nor a witness's
    assert not relay.is_party and not relay.is_neutral
    assert status.report_status([[relay]], corroborated=False, article_unverified=True, self_claim=False) == "claimed"
    assert status.report_status([[relay]], corroborated=False, article_unverified=False, self_claim=False) == "reported"
    assert status.report_status([[statement("residents")]], corroborated=False, article_unverified=True, self_claim=False) == "reported"


def entry(name: str, iso: str) -> GazetteerEntry:
    return GazetteerEntry(geonameid=abs(hash(name)) % 10**7, name=name, feature="PPL", country_iso=iso, country=None, admin1=None, admin2=None, latitude=46.6, longitude=32.6)


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, place: str, iso: str):
        start = text.index(place)
        places = [PlaceMention(place, start, start + len(place), entry(place, iso))]
        return extract_events(Article(id="status-test", text=text, published=dt.date(2024, 5, 7)), nlp(text), places)

    return extract


def test_a_party_confirming_its_own_account_corroborates_nothing(run):
    text = (
        "Two people were killed in shelling of Oleshky on Monday, according to the regional information office.\n\n"
        "The Russian-installed governor confirmed the deaths.\n\n"
        "It was not possible to verify the claims independently."
    )
    (event,) = run(text, "Oleshky", "UA")
    assert event.status == "claimed"


def test_residents_confirming_it_make_it_reported(run):
    text = (
        "Two people were killed in shelling of Oleshky on Monday, according to the regional information office.\n\n"
        "Residents confirmed the deaths.\n\n"
        "It was not possible to verify the claims independently."
    )
    (event,) = run(text, "Oleshky", "UA")
    assert event.status == "reported"
