"""Stage 3, extract: events from a parsed article and the places found in it.

``extract_events(article, doc, places)`` is the one entry point the pipeline calls; the modules
behind it are small rule sets over lexicons kept as data (``lexicons/*.toml``):
triggers (event cues), actors, attribution, status, dates, casualties, coding (ACLED/PLOVER
precedence), regions and mentions (clause by clause), events (the article as a whole).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thucydides.extract.events import extract_events

__all__ = ["extract_events"]


def __getattr__(name: str) -> Any:
    # imported on first use: `import thucydides.extract` stays light
    if name == "extract_events":
        from thucydides.extract.events import extract_events

        return extract_events
    raise AttributeError(name)
