"""`thucydides serve` — the analyst's web app and HTTP API over a database, with uvicorn."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import secrets
import sys

from thucydides.config import Settings
from thucydides.errors import ConfigError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the web page and HTTP API over a database",
        description=(
            "Serve the analyst's page (map, timeline, evidence, review queue) and the HTTP API "
            "(OpenAPI docs at /docs). Reads are open; writes need the token from THUCYDIDES_TOKEN "
            "or token_file; without one, a token for this run is made and printed."
        ),
    )
    parser.add_argument("--db", metavar="FILE", help="SQLite database (default: the db setting)")
    parser.add_argument("--host", metavar="ADDRESS", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, metavar="N", help="port to listen on (default: 8000)")
    parser.add_argument("--read-only", action="store_true", help="refuse every write, even with a token")
    parser.add_argument(
        "--workers", type=int, default=1, metavar="N",
        help="server processes sharing the port and the database (default 1; one per core for a shared deployment)",
    )
    parser.set_defaults(func=run)


# how the worker processes get the settings the command line made (they start from an import string)
_SETTINGS_VARIABLE = "THUCYDIDES_SERVE_SETTINGS"


def worker_app():
    """The app in one of ``--workers`` processes (uvicorn imports this factory in each)."""
    from thucydides.serve import create_app

    settings = Settings(**json.loads(os.environ[_SETTINGS_VARIABLE]))
    return create_app(settings.db, settings)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from thucydides.serve import create_app
    from thucydides.serve.security import is_loopback_host, load_token

    settings = settings.replace(db=args.db, host=args.host, port=args.port)
    if not 0 < settings.port < 65536:
        raise ConfigError(f"port {settings.port} is not a TCP port", "give --port between 1 and 65535")
    if not 1 <= args.workers <= 64:
        raise ConfigError(f"--workers {args.workers} is not a number of processes", "give --workers between 1 and 64")
    made_token = None
    if args.read_only:
        settings = settings.replace(token="", token_file="")
    elif load_token(settings) is None:
        # writes need a token; one made for this run beats a server that silently refuses reviews
        made_token = secrets.token_urlsafe(24)
        settings = settings.replace(token=made_token)

    app = create_app(settings.db, settings)
    url = f"http://{'[' + settings.host + ']' if ':' in settings.host else settings.host}:{settings.port}/"
    print(f"Thucydides: serving {settings.db} at {url}  (API docs: {url}docs)", file=sys.stderr)
    if made_token:
        print(f"Write token for this run (paste it under 'Set write token'): {made_token}", file=sys.stderr)
    elif args.read_only:
        print("Read-only: reviews and POST /articles are refused.", file=sys.stderr)
    if not is_loopback_host(settings.host):
        print(f"Warning: bound to {settings.host}, reachable from other machines; reads are open.", file=sys.stderr)
    print("Press Ctrl+C to stop.", file=sys.stderr)
    options = {"host": settings.host, "port": settings.port, "log_level": "warning", "server_header": False}
    if args.workers == 1:
        uvicorn.run(app, **options)
        return 0
    # the app above opened (and migrated) the database, so a bad --db fails here with one clear
    # line; each worker builds its own app from the same settings
    os.environ[_SETTINGS_VARIABLE] = json.dumps(dataclasses.asdict(settings))
    uvicorn.run("thucydides.cli.serve:worker_app", factory=True, workers=args.workers, **options)
    return 0
