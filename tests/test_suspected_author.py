"""The suspected author of a deed (story.suspected_authors): ACLED codes the group a report
suspects, blames or says the deed bore the marks of as actor1; a guess left open, denied, or a
group's record of similar deeds names no one. Invented snippets, through the whole pipeline."""

from __future__ import annotations

import pytest

from thucydides.model import without_period

LEAD = "A bomb killed four people at a bus station in Maiduguri on Sunday. "
GUNMEN = "Gunmen killed four people in a village near Maiduguri on Sunday. "
BOKO = "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"
UNKNOWN = "Unidentified Armed Group (Nigeria)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # named after the deed, in a sentence of its own
        (LEAD + "Officials blamed the attack on Boko Haram.", BOKO),
        (LEAD + "No group has claimed the attack, which authorities blamed on Boko Haram.", BOKO),
        (GUNMEN + "Residents said the attackers were Boko Haram fighters.", BOKO),
        (LEAD + "The army blamed Boko Haram.", BOKO),
        # not an author: a record of similar deeds, a denial, a guess denied
        (LEAD + "It was not immediately clear who was behind the attack, but Boko Haram has carried out similar bombings in the city.", UNKNOWN),
        (LEAD + "Boko Haram denied any involvement in the attack.", UNKNOWN),
        (GUNMEN + "Police said the attack was not carried out by Boko Haram.", UNKNOWN),
        (GUNMEN + "Police said the attackers were not Boko Haram fighters.", UNKNOWN),
        # a blame for something else than the deed told
        (GUNMEN + "Residents blamed the army for the insecurity in the area.", UNKNOWN),
        # a device laid by a group, a group's men "believed to be affiliated with" it
        ("A landmine laid by JNIM fighters killed two civilians near Douentza on Thursday.", "JNIM: Group for Support of Islam and Muslims"),
        (GUNMEN + "Residents blamed Boko Haram for the killings.", BOKO),
        # the speaker owns the deed; suspicion falling on a group with a record
        (LEAD + "Boko Haram said it was behind the blast.", BOKO),
        (LEAD + "Suspicion fell on Boko Haram, which has carried out similar attacks.", BOKO),
        (LEAD + "Boko Haram said it was not behind the blast.", UNKNOWN),
    ],
)
def test_the_suspected_author_acts(pipeline_events, text, actor1):
    events = pipeline_events({"text": text, "published": "2024-02-12"})
    assert events
    assert {without_period(e.actor1.name) for e in events} == {actor1}
