"""Data files of the output formats (ACLED regions)."""
