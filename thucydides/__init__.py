"""Thucydides: news reports about armed conflict → structured, sourced, geocoded events.

Importing this package loads no model and no gazetteer; those load on first use.
"""

from thucydides.errors import ThucydidesError
from thucydides.model import (
    Actor,
    Article,
    ArticleResult,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    GazetteerEntry,
    Location,
    PlaceMention,
    Plover,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleResult",
    "Attribution",
    "Event",
    "EventDate",
    "Evidence",
    "Fatalities",
    "GazetteerEntry",
    "Location",
    "PlaceMention",
    "Plover",
    "ThucydidesError",
    "__version__",
]
