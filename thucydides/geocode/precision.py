"""ACLED's geo_precision for a resolved place (taxonomy.md).

1: a named town or city district, with its own coordinates;
2: near a town, or a small area (a district, ADM2) coded to a representative point;
3: a larger region (a province, ADM1, a natural feature such as a valley) coded to its centre.
None: no place, or a whole country, continent or ocean (ACLED records no event placed only there).
"""

from __future__ import annotations

from thucydides.model import GazetteerEntry, PlaceMention

CAPITAL_WHY = "the national capital"  # an event told of a whole country, coded at its capital

_PRECISION_BY_FEATURE = {"ADM2": 2, "ADM3": 2, "ADM4": 1, "ADM1": 3}
# countries (current and historical), continents, oceans: too large to place an event
_TOO_LARGE = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCLH", "PCL", "TERR", "CONT", "OCN"})


def geo_precision_of(entry: GazetteerEntry | None, *, near: bool = False) -> int | None:
    """Precision of an event placed at ``entry``; ``near`` when the text says "near/outside X".

    None for an unresolved place, a whole country, a continent or an ocean.
    """
    if entry is None or entry.feature in _TOO_LARGE:
        return None
    if entry.feature in _PRECISION_BY_FEATURE:
        return _PRECISION_BY_FEATURE[entry.feature]
    if entry.feature.startswith("PPL"):
        return 2 if near else 1
    return 3  # natural features and regions: valleys, mountains, seas, "the Sahel"


def national_capital(iso: str | None) -> PlaceMention | None:
    """Where ACLED codes an event told of a whole country (a government releasing prisoners,
    troops withdrawn from a country, arrests "in different cities"): its capital, precision 3.

    A mention of no text of the article (start = end = 0), for the event's location only.
    """
    if not iso:
        return None
    from thucydides.geocode import default_geocoder

    entry = default_geocoder().gazetteer.capital(iso)
    if entry is None:
        return None
    return PlaceMention(entry.name, 0, 0, entry, confidence=0.3, why=f"{CAPITAL_WHY} of {entry.country or iso}: "
                        "the text names no place in the country")
