"""ACLED's geo_precision for a resolved place (taxonomy.md).

1: a named town or city district, with its own coordinates;
2: near a town, or a small area (a district, ADM2) coded to a representative point;
3: a larger region (a province, ADM1, a natural feature such as a valley) coded to its centre.
None: no place, or a whole country, continent or ocean (ACLED records no event placed only there).
"""

from __future__ import annotations

from thucydides.model import GazetteerEntry

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
