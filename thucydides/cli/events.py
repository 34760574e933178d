"""`thucydides events --db FILE --format csv|jsonl|geojson|parquet` — export stored events."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

from thucydides.config import Settings
from thucydides.errors import ConfigError

# the same as thucydides.store.export.EVENT_FORMATS (a test checks), named here so that
# `thucydides --help` does not import the store
EVENT_FORMATS = ("csv", "jsonl", "geojson", "parquet")
STATUS_CHOICES = ("current", "all", "reported", "claimed", "denied", "planned", "background")
# the statuses of a current event: denials, plans and background are kept in the store as
# context and claims, and exported only when asked for
CURRENT = ("reported", "claimed")


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "events",
        help="export the stored events",
        description="Export the events of a database: one line (or row, or feature) per event, with its sources.",
    )
    parser.add_argument("--db", metavar="FILE", help="SQLite database file (default: the db setting, thucydides.db)")
    parser.add_argument(
        "--format", choices=EVENT_FORMATS, default="jsonl", help="output format (default: jsonl); csv uses ACLED's columns"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--from", dest="date_from", type=parse_date, metavar="YYYY-MM-DD", help="events on or after this date")
    parser.add_argument("--to", dest="date_to", type=parse_date, metavar="YYYY-MM-DD", help="events on or before this date")
    parser.add_argument("--country", metavar="X", help="ISO alpha-2 code (AF) or country name")
    parser.add_argument("--admin1", metavar="X", help="province / state / region name")
    parser.add_argument("--event-type", metavar="X", help='ACLED event type, e.g. "Battles"')
    parser.add_argument("--sub-event-type", metavar="X", help='ACLED sub-event type, e.g. "Armed clash"')
    parser.add_argument("--actor", metavar="X", help="part of actor1's or actor2's name")
    parser.add_argument(
        "--status", choices=STATUS_CHOICES, default="current",
        help="current (reported or claimed: the default), all, or one status",
    )
    parser.add_argument("--min-corroboration", type=int, metavar="N", help="at least N independent outlets")
    parser.add_argument("--include-rejected", action="store_true", help="also events an analyst rejected")
    parser.set_defaults(func=run)


@contextlib.contextmanager
def output_stream(path: str | None, *, binary: bool = False) -> Iterator[IO]:
    """stdout, or a file written in full or not at all (a temporary file renamed at the end)."""
    if not path:
        if binary:
            import io

            buffer = io.BytesIO()  # Parquet needs a seekable file: write it whole at the end
            yield buffer
            sys.stdout.buffer.write(buffer.getvalue())
            sys.stdout.buffer.flush()
        else:
            yield sys.stdout
        return
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    except OSError as error:
        raise ConfigError(f"cannot write {path}: {error.strerror}", "choose a writable path") from None
    try:
        with os.fdopen(handle, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def event_filter(args: argparse.Namespace):
    from thucydides.store import EventFilter

    status = {"current": CURRENT, "all": None}.get(args.status, args.status)
    review_state = None if args.include_rejected else ("unreviewed", "accepted", "edited")
    return EventFilter(
        date_from=args.date_from,
        date_to=args.date_to,
        country=args.country,
        admin1=args.admin1,
        event_type=args.event_type,
        sub_event_type=args.sub_event_type,
        actor=args.actor,
        status=status,
        min_corroboration=args.min_corroboration,
        review_state=review_state,
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from thucydides.store import Store
    from thucydides.store.export import write_events

    settings = settings.replace(db=args.db)
    with Store.open(settings.db, readonly=True) as store:
        events = store.iter_events(event_filter(args))
        with output_stream(args.output, binary=args.format == "parquet") as stream:
            count = write_events(events, args.format, stream)
    if args.output:
        print(f"wrote {count} events to {args.output}", file=sys.stderr)
    return 0
