"""Command-line interface; see ``thucydides.cli.main``."""
