"""`thucydides score GOLD [OUTPUT]` — score extracted events against hand-coded gold."""

from __future__ import annotations

import argparse
import json
import sys

from thucydides.config import Settings
from thucydides.errors import ConfigError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score extracted events against gold (P/R/F1 and per-field accuracy)",
        description=(
            "Score events against gold files (shared/gold format) with seed.json's scoring rule. "
            "OUTPUT is the JSONL of `thucydides extract --format jsonl` (add --with-text and "
            "--with-places for the full check); without OUTPUT the pipeline runs on the gold texts. "
            "The text report's first line is the summary."
        ),
    )
    parser.add_argument("gold", metavar="GOLD", help="a gold .json file (one item or a list) or a folder of them")
    parser.add_argument("output", metavar="OUTPUT", nargs="?", help="extract JSONL to score (- for stdin); omitted: extract now")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    parser.add_argument("--save-output", metavar="FILE", help="when extracting, also write the JSONL scored to FILE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from thucydides.evaluate import load_gold, load_outputs, run_extract_on_gold, score_gold

    gold_items = load_gold(args.gold)
    if args.output is not None:
        if args.save_output:
            raise ConfigError("--save-output only applies when score runs the extraction", "drop OUTPUT or --save-output")
        outputs = load_outputs(args.output)
    else:
        outputs = run_extract_on_gold(gold_items, settings)
        if args.save_output:
            _save(outputs, args.save_output)
    report = score_gold(gold_items, outputs)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.format_text())
    sys.stdout.flush()
    return 0


def _save(results, path: str) -> None:
    from thucydides.output import result_to_dict, to_json_line

    try:
        with open(path, "w", encoding="utf-8") as out:
            for result in results:
                out.write(to_json_line(result_to_dict(result, with_text=True, with_places=True)) + "\n")
    except OSError as error:
        raise ConfigError(f"cannot write {path}: {error.strerror}", "choose a writable path") from None
