"""ACLED's criminal violence in Latin America and the Caribbean: unnamed gangs, cartels, hitmen,
drug traffickers, drive-by shooters, bodies left with a criminal group's message are
"Unidentified Gang (Country)" there, not an unidentified armed group ("Unidentified Gang
and/or Police Militia" in Brazil's state of Rio de Janeiro, where militias of policemen act as
gangs do). The suspects the police fight, and the owners of the drugs or contraband they seize,
are that gang, not civilians. Elsewhere, and for violence told with no criminal word, the
unidentified armed group stays (`[gangs]` of actors.toml).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from thucydides.extract import lexicon
from thucydides.extract.actors import NOTE_LENGTH, country_name
from thucydides.model import Actor

# the sides the police fight or take things from, coded as the gang in a criminal setting
_FOUGHT = {"Armed clash", "Arrests", "Looting/property destruction", "Disrupted weapons use"}


@dataclass(frozen=True, slots=True)
class GangRules:
    countries: frozenset[str]
    name: str  # "Unidentified Gang ({short})"
    heads: frozenset[str]  # words of a generic actor that are a gang ("drug traffickers")
    cue: re.Pattern[str]  # words of a text that make its violence criminal
    regions: dict[tuple[str, str], str]  # (country, admin1 lower case) → the name there


@functools.cache
def rules() -> GangRules:
    spec = lexicon.actors_section("gangs")
    cues = sorted(spec.get("cues", ()), key=len, reverse=True)
    return GangRules(
        countries=frozenset(spec.get("countries", ())),
        name=spec.get("name", "Unidentified Gang ({short})"),
        heads=frozenset(spec.get("heads", ())),
        cue=re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")", re.IGNORECASE) if cues else re.compile(r"(?!)"),
        regions={(r["country"], admin1.lower()): r["name"] for r in spec.get("region", ()) for admin1 in r["admin1"]},
    )


def _is_gang_text(actor: Actor) -> bool:
    words = (actor.text or "").lower().split()
    heads = rules().heads
    return bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads)


def _unidentified(actor: Actor | None, short: str) -> bool:
    return actor is not None and actor.name == f"Unidentified Armed Group ({short})"


def texts_of(article_text: str, sentences: list[str]) -> list[str]:
    """The texts whose words tell the event: a short note whole, else the event's sentences."""
    return [article_text] if len(article_text) <= NOTE_LENGTH else sentences


def criminal_actors(
    actor1: Actor | None, actor2: Actor | None, sub_event_type: str, *, texts: list[str], country: str | None, admin1: str | None
) -> tuple[Actor | None, Actor | None]:
    """The actors with the unidentified perpetrators of criminal violence named as ACLED names
    them in Latin America and the Caribbean; ``texts`` are the event's sentences (the whole
    text when it is a short note)."""
    gang_rules = rules()
    short = country_name(country, short=True)
    if country not in gang_rules.countries or short is None:
        return actor1, actor2
    name = gang_rules.regions.get((country, (admin1 or "").lower()), gang_rules.name.format(short=short))
    criminal = any(gang_rules.cue.search(text) for text in texts)

    def gang(actor: Actor | None) -> Actor:
        return Actor(name, 3, actor.text if actor else None)

    if _unidentified(actor1, short) and (criminal or _is_gang_text(actor1)):
        actor1 = gang(actor1)
    state = actor1 is not None and actor1.inter in {1, 8}
    if _unidentified(actor2, short) and (criminal or _is_gang_text(actor2)):
        actor2 = gang(actor2)
    elif state and sub_event_type in _FOUGHT and (actor2 is None or actor2.inter == 7):
        # "police seized two tons of marijuana", "police arrested 40 alleged gang members": the
        # police's other side is a gang (not a man they shot in a shoot-out misread)
        named = actor2 is not None and _is_gang_text(actor2)
        if named or criminal and (sub_event_type != "Armed clash" or actor2 is None):
            actor2 = gang(actor2)
    return actor1, actor2
