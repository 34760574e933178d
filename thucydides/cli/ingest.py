"""`thucydides ingest PATH... --db FILE` — analyse articles and store their events.

Articles already stored with the same content are not analysed again, so re-running after
an interruption only does what is left. One line ``Error: …`` per bad input on stderr (the
good ones are still stored; exit status 1), then a summary line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from thucydides.config import Settings
from thucydides.errors import ConfigError, InputError
from thucydides.model import Article, ArticleResult


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    from thucydides.cli.extract import add_input_arguments

    parser = subparsers.add_parser(
        "ingest",
        help="analyse articles and store their events in a database",
        description="Analyse news articles and store their events, reconciled across outlets, in a SQLite "
        "database (created on first use). Re-ingesting an article changes nothing; an updated one replaces its events.",
    )
    add_input_arguments(parser)
    parser.add_argument("--db", metavar="FILE", help="SQLite database file (default: the db setting, thucydides.db)")
    parser.add_argument(
        "--results",
        action="store_true",
        help="the PATHs are JSONL output of `thucydides extract --format jsonl --with-text --with-places`: "
        "store those results without analysing again",
    )
    parser.set_defaults(func=run)


class Tally:
    """What the run did, for the summary line."""

    def __init__(self) -> None:
        self.actions: Counter[str] = Counter()
        self.skipped = 0
        self.event_ids: dict[str, None] = {}

    def add(self, outcome) -> None:
        self.actions[outcome.action] += 1
        self.skipped += outcome.skipped is not None and outcome.action != "unchanged"
        self.event_ids.update(dict.fromkeys(outcome.event_ids))

    def summary(self) -> str:
        a = self.actions
        parts = [f"{a['new']} new"]
        if a["updated"]:
            parts.append(f"{a['updated']} updated")
        parts += [f"{a['unchanged']} unchanged", f"{a['duplicate']} duplicates"]
        if self.skipped:
            parts.append(f"{self.skipped} not analysed")
        return f"ingested {sum(a.values())} articles ({', '.join(parts)}), {len(self.event_ids)} events"


def read_results(paths: Iterable[str], errors) -> Iterator[ArticleResult]:
    """ArticleResults from extract's JSONL output; a bad line is reported and skipped."""
    from thucydides.store.codec import result_from_dict

    for path in paths:
        stream = sys.stdin if path == "-" else None
        try:
            lines = stream or open(path, encoding="utf-8")
        except OSError as error:
            errors.report(InputError(path, f"cannot be read ({error.strerror})", "check the path"))
            continue
        with lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                origin = f"{path} line {number}"
                try:
                    yield result_from_dict(json.loads(line), origin)
                except json.JSONDecodeError as error:
                    errors.report(InputError(origin, f"is not JSON ({error.msg})", "give one JSON object per line"))
                except InputError as error:
                    errors.report(error)


class _Errors:
    def __init__(self) -> None:
        self.count = 0

    def report(self, error: InputError) -> None:
        self.count += 1
        print(f"Error: {error}", file=sys.stderr, flush=True)

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.report(item)
            else:
                yield item


def run(args: argparse.Namespace, settings: Settings) -> int:
    from thucydides.store import Store

    if args.workers is not None and args.workers < 0:
        raise ConfigError(f"--workers {args.workers} is negative", "give 0 (one per core) or more")
    settings = settings.replace(db=args.db, workers=args.workers)
    errors, tally = _Errors(), Tally()
    with Store.open(Path(settings.db)) as store:
        if args.results:
            results: Iterable[ArticleResult] = read_results(args.paths, errors)
        else:
            from thucydides.ingest import read_inputs
            from thucydides.runner import process_stream

            def not_stored(articles: Iterable[Article]) -> Iterator[Article]:
                for article in articles:
                    known = store.unchanged(article)
                    if known is None:
                        yield article
                    else:
                        tally.add(known)

            articles = not_stored(errors.articles(read_inputs(args.paths, published=args.published, settings=settings)))
            results = process_stream(articles, settings=settings)
        for result in results:
            tally.add(store.add_result(result))
    print(tally.summary(), file=sys.stderr)
    return 1 if errors.count else 0
