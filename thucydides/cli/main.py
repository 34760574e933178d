"""The `thucydides` command: a thin skin over the library, one module per sub-command.

Each module in COMMANDS defines ``add_parser(subparsers)`` (which sets ``func``) and a
``run(args, settings) -> int``. Errors of the ThucydidesError tree become one line
``Error: <what> — <what to do>`` and exit status 1; usage errors exit 2. Only this package prints.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from thucydides.errors import ThucydidesError

COMMANDS = ("extract", "ingest", "events", "control", "geocode", "gazetteer", "score", "serve", "bench")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thucydides",
        description="Turn news reports about armed conflict into sourced, geocoded events.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    parser.add_argument("--config", help="TOML settings file (default: ./thucydides.toml if present)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"thucydides.cli.{name}").add_parser(subparsers)
    return parser


def _configure_logging(verbosity: int) -> None:
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        from thucydides.config import load_settings

        settings = load_settings(config_file=args.config)
        return args.func(args, settings)
    except ThucydidesError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`| head`): not an error of ours
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
