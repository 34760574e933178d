"""`thucydides control --db FILE [--at DATE]` — the district control timeline."""

from __future__ import annotations

import argparse
import sys

from thucydides.cli.events import output_stream, parse_date
from thucydides.config import Settings

CONTROL_FORMATS = ("jsonl", "csv", "geojson")  # thucydides.store.export's (a test checks)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "control",
        help="export who controls which district, over time",
        description="Export the control timeline of each district (ADM2) and province (ADM1): controlled by X, "
        "contested or unknown, assessed or claimed, with the events and sources behind each state.",
    )
    parser.add_argument("--db", metavar="FILE", help="SQLite database file (default: the db setting, thucydides.db)")
    parser.add_argument(
        "--at", type=parse_date, metavar="YYYY-MM-DD", help="each unit's state on this date (default: the whole timeline)"
    )
    parser.add_argument("--country", metavar="ISO2", help="only units of this country (ISO alpha-2 code)")
    parser.add_argument("--admin1", metavar="X", help="only units of this province")
    parser.add_argument("--format", choices=CONTROL_FORMATS, default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from thucydides.store import Store
    from thucydides.store.export import write_control

    settings = settings.replace(db=args.db)
    with Store.open(settings.db, readonly=True) as store:
        records = store.control(at=args.at, country=args.country, admin1=args.admin1)
    with output_stream(args.output) as stream:
        count = write_control(records, args.format, stream)
    if args.output:
        print(f"wrote {count} control records to {args.output}", file=sys.stderr)
    return 0
