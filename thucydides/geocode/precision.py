"""ACLED's geo_precision for a resolved place (taxonomy.md).

1: a named town or city district, with its own coordinates;
2: near a town, or a small area (a district, ADM2) coded to a representative point;
3: a larger region (a province, ADM1, a natural feature such as a valley) coded to its centre.
"""

from __future__ import annotations

from thucydides.model import GazetteerEntry

_PRECISION_BY_FEATURE = {"ADM2": 2, "ADM3": 2, "ADM1": 3, "PCLI": None}


def geo_precision_of(entry: GazetteerEntry | None, *, near: bool = False) -> int | None:
    """Precision of an event placed at ``entry``; ``near`` when the text says "near/outside X".

    None for an unresolved place or a whole country (ACLED records no country-only event).
    """
    if entry is None:
        return None
    if entry.feature in _PRECISION_BY_FEATURE:
        return _PRECISION_BY_FEATURE[entry.feature]
    if entry.feature.startswith("PPL"):
        return 2 if near else 1
    return 3  # natural features: valleys, mountains, regions
