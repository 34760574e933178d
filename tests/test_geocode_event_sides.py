"""A side's demonym before what it strikes or sponsors with ("Israeli shelling", "Iranian-backed
militias") names who struck, often from abroad: an event told at a place no gazetteer knows is
not coded at that side's capital (issue #4). Invented sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "side"), [
    ("Israeli shelling hit the outskirts of Wadi Kfarsir on Tuesday, wounding two farmers.", "IL"),
    ("Unknown aircraft bombed positions of Iranian-backed militias in Hmeimat Saghir on Wednesday.", "IR"),
    ("Russian artillery pounded Staromlynivka Druha overnight, killing an elderly man.", "RU"),
])
def test_a_striking_side_is_no_home_country(pipeline_events, text, side):
    events = pipeline_events({"text": text, "published": "2024-03-12"})
    assert events
    assert not [e for e in events if e.location is not None and e.location.country_iso == side]
