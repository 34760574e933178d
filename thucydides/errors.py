"""One exception tree for the whole project.

    ThucydidesError            anything the user can act on; the CLI prints "Error: <what> — <fix>"
    ├── InputError             an input file, line or item cannot be read (names it)
    ├── ConfigError            a setting is missing or invalid
    ├── ModelError             the spaCy model cannot be loaded
    ├── GazetteerError         the gazetteer index is missing, corrupt or cannot be built
    ├── StoreError             the database cannot be opened, migrated or written
    ├── GoldError              a gold or output file for scoring is malformed
    └── NotFoundError          an event, article or other record asked for does not exist

Library code raises these and never prints; ``thucydides.cli`` turns them into one line and
exit status 1, ``thucydides.serve`` into the API's JSON error shape.
"""

from __future__ import annotations


class ThucydidesError(Exception):
    """Base of every error the project raises on purpose.

    ``what`` says what went wrong, ``fix`` what the user can do about it.
    """

    def __init__(self, what: str, fix: str | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.what} — {self.fix}" if self.fix else self.what


class InputError(ThucydidesError):
    """An input (file, stdin line, feed item) cannot be read; ``source`` names it."""

    def __init__(self, source: str, what: str, fix: str | None = None) -> None:
        super().__init__(f"{source}: {what}", fix)
        self.source = source


class ConfigError(ThucydidesError):
    pass


class ModelError(ThucydidesError):
    pass


class GazetteerError(ThucydidesError):
    pass


class StoreError(ThucydidesError):
    pass


class GoldError(ThucydidesError):
    pass


class NotFoundError(ThucydidesError):
    pass
