"""`thucydides extract PATH...` — articles in, events out (no database)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Iterable, Iterator, TextIO

from thucydides.config import Settings
from thucydides.errors import ConfigError, InputError
from thucydides.model import Article, ArticleResult

FORMATS = ("table", "jsonl", "csv", "geojson")


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments shared by every command that reads articles."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html, .xml/.rss/.atom, .jsonl files, or - for JSONL on stdin")
    parser.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD", help="publication date for inputs that lack one")
    parser.add_argument("--workers", type=int, metavar="N", help="worker processes (default: one per core)")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract events from articles and print them",
        description="Extract sourced, geocoded events from news articles (nothing is stored).",
    )
    add_input_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--with-text", action="store_true", help="jsonl: add article.text, the cleaned text offsets point into")
    parser.add_argument("--with-places", action="store_true", help="jsonl: add article.places, every place mention found")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster)")
    parser.add_argument("--output-dir", metavar="DIR", help="with --engine dask: also write Parquet partitions (articles/, events/) here")
    parser.set_defaults(func=run)


class InputErrors:
    """Passes articles through, printing one line per bad input as the stream reaches it."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.count = 0
        self.stream = stream  # None: sys.stderr as it is when an error is printed


    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.count += 1
                print(f"Error: {item}", file=self.stream or sys.stderr, flush=True)
            else:
                yield item


def results_for(args: argparse.Namespace, settings: Settings, errors: InputErrors) -> Iterator[ArticleResult]:
    from thucydides.ingest import read_inputs

    articles = errors.articles(read_inputs(args.paths, published=args.published, settings=settings))
    if args.engine == "dask":
        from thucydides.scale import run_dask

        return iter(run_dask(articles, settings, scheduler=args.scheduler, output_dir=args.output_dir))
    if args.scheduler or args.output_dir:
        raise ConfigError("--scheduler and --output-dir need --engine dask", "add --engine dask or drop them")
    from thucydides.runner import process_stream

    return process_stream(articles, settings=settings)


def write_results(results: Iterable[ArticleResult], out: TextIO, args: argparse.Namespace) -> None:
    from thucydides import output

    if args.format == "jsonl":
        for result in results:
            data = output.result_to_dict(result, with_text=args.with_text, with_places=args.with_places)
            out.write(output.to_json_line(data) + "\n")
            out.flush()
    elif args.format == "csv":
        rows = (output.event_to_csv_row(e, article=r.article) for r in results for e in r.events)
        output.write_csv(rows, out)
    elif args.format == "geojson":
        features = (
            output.event_feature(e, article_id=r.article.id, article_title=r.article.title)
            for r in results
            for e in r.events
        )
        import json

        json.dump(output.feature_collection(features), out, ensure_ascii=False)
        out.write("\n")
    else:
        for result in results:
            out.write(output.format_table([result]) + "\n\n")
            out.flush()


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.workers is not None:
        if args.workers < 0:
            raise ConfigError(f"--workers {args.workers} is negative", "give 0 (one per core) or more")
        settings = settings.replace(workers=args.workers)
    errors = InputErrors()
    results = results_for(args, settings, errors)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                write_results(results, out, args)
        except OSError as error:
            raise ConfigError(f"cannot write {args.output}: {error.strerror}", "choose a writable path") from None
    else:
        write_results(results, sys.stdout, args)
    return 1 if errors.count else 0
