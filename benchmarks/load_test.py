"""Load test of the HTTP API: GET /events at a fixed request rate against a real server.

    python benchmarks/load_test.py                       # 10,000 events, 200 req/s for 10 s
    python benchmarks/load_test.py --events 1000 --rate 50 --duration 2 --json

It builds a store of synthetic events through the store's own API (``Store.add_result``, so
reconciliation, the control timeline and the indexes are those of a real ingest), starts
``thucydides serve --read-only`` on 127.0.0.1 on a free port, and drives ``GET /events`` with an
open-loop client: request *i* is sent at ``start + i / rate`` whether or not the earlier ones
have answered, so a slow server shows up as latency (measured from the time the request was
due, not from when it happened to be sent) instead of silently lowering the rate. It reports
throughput, latency percentiles and errors (any status other than 200, any failed connection).

Loopback only: the server binds 127.0.0.1 and the client talks to nothing else. The synthetic
store is made of invented places ("Load district 17") and invented actors: it measures the
server, it is no data.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent

# GET /events as clients ask for it: the first page, later pages, and the filters of the page
QUERIES = (
    "/events?limit={limit}",
    "/events?limit={limit}&offset={offset}",
    "/events?country={country}&limit={limit}",
    "/events?date_from={day}&limit={limit}",
    "/events?event_type=Battles&limit={limit}",
    "/events?admin1={admin1}&limit={limit}",
)
DEFAULT_LIMIT = 100  # the API's default page
COUNTRIES = ("ML", "NG", "SO", "CD", "MZ")
COUNTRY_NAMES = {"ML": "Mali", "NG": "Nigeria", "SO": "Somalia", "CD": "DR Congo", "MZ": "Mozambique"}
PROVINCES_PER_COUNTRY = 8
DISTRICTS_PER_PROVINCE = 6
FIRST_DAY = dt.date(2019, 1, 1)
DAYS = 5 * 365
# non-territorial sub-event types: a load store needs no control timeline
SUB_EVENTS = (
    ("Battles", "Armed clash", "FIGHT"),
    ("Violence against civilians", "Attack", "ASSAULT"),
    ("Explosions/Remote violence", "Air/drone strike", "FIGHT"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "FIGHT"),
    ("Protests", "Peaceful protest", "PROTEST"),
    ("Riots", "Violent demonstration", "PROTEST"),
)


@dataclass(frozen=True)
class LoadReport:
    events: int
    rate: float
    duration: float
    sent: int
    completed: int
    errors: int
    throughput: float  # answered requests per second of wall time
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    error_samples: tuple[str, ...] = ()
    limit: int = 100
    view: str | None = None

    def lines(self) -> list[str]:
        return [
            f"store: {self.events:,} events; GET /events pages of {self.limit} ({self.view or 'full'} view);"
            f" offered {self.rate:g} req/s for {self.duration:g} s",
            f"sent {self.sent}, answered {self.completed}, errors {self.errors}",
            f"throughput {self.throughput:.1f} req/s",
            f"latency p50 {self.p50_ms:.1f} ms, p90 {self.p90_ms:.1f} ms, p99 {self.p99_ms:.1f} ms, max {self.max_ms:.1f} ms",
            *(f"error: {sample}" for sample in self.error_samples),
        ]


# --- the store ------------------------------------------------------------------------------


def _places() -> list:
    """Invented districts on a grid: (country iso, province, district, geonameid, lat, lon)."""
    places = []
    for c, iso in enumerate(COUNTRIES):
        for p in range(PROVINCES_PER_COUNTRY):
            for d in range(DISTRICTS_PER_PROVINCE):
                gid = 90_000_000 + c * 10_000 + p * 100 + d
                lat, lon = -10 + c * 6 + p * 0.5, 10 + c * 5 + d * 0.4
                places.append((iso, f"Load province {c}-{p}", f"Load district {c}-{p}-{d}", gid, lat, lon))
    return places


def synthetic_results(n_events: int, *, per_article: int = 10, seed: int = 0) -> Iterator:
    """ArticleResults carrying ``n_events`` events in all, ``per_article`` each.

    Events of one article lie in different provinces on different days, so reconciliation keeps
    them apart (a real store has few merges too: most events have one source)."""
    from thucydides.model import (
        Actor, Article, ArticleResult, Event, EventDate, Evidence, Fatalities, GazetteerEntry, Location, PlaceMention, Plover,
    )

    rng = random.Random(seed)
    places = _places()
    actors = [Actor(f"Load armed group {i}", rng.choice((2, 3, 4)), f"group {i} fighters") for i in range(40)]
    forces = [Actor(f"Military Forces of {COUNTRY_NAMES[iso]}", 1, "troops") for iso in COUNTRIES]
    made = 0
    article_number = 0
    while made < n_events:
        count = min(per_article, n_events - made)
        sentences, spans, mentions, events = [], [], [], []
        offset = 0
        for k in range(count):
            number = made + k
            iso, province, district, gid, lat, lon = places[(number * 7) % len(places)]
            day = FIRST_DAY + dt.timedelta(days=(number * 13) % DAYS)
            event_type, sub_event, plover = SUB_EVENTS[number % len(SUB_EVENTS)]
            deaths = rng.choice((0, 0, 1, 2, 3, 5, 8, 12))
            sentence = f"On {day:%d %B %Y} fighting was reported in {district} of {province}, with {deaths} dead. "
            start = offset + sentence.index(district)
            entry = GazetteerEntry(gid, district, "ADM2", iso, COUNTRY_NAMES[iso], province, district, lat, lon, 1000, gid // 100 * 100, gid)
            mention = PlaceMention(district, start, start + len(district), entry, 0.9, "load test")
            mentions.append(mention)
            spans.append(Evidence(offset, offset + len(sentence) - 1, sentence[:-1]))
            sentences.append(sentence)
            offset += len(sentence)
            events.append((number, event_type, sub_event, plover, mention, day, deaths, iso))
        text = "".join(sentences).strip()
        article = Article(
            id=f"load-{article_number:06d}",
            text=text,
            title=f"Load report {article_number}",
            url=f"https://load.invalid/{article_number}",
            published=FIRST_DAY + dt.timedelta(days=(article_number * 13) % DAYS + 1),
            source=f"Load outlet {article_number % 25}",
        )
        built = tuple(
            Event(
                id=f"e{k}",
                event_type=event_type,
                sub_event_type=sub_event,
                plover=Plover(plover),
                status="reported",
                actor1=actors[number % len(actors)],
                actor2=forces[COUNTRIES.index(iso)] if number % 3 else None,
                location=Location.from_mention(mention, 2),
                date=EventDate(day, 1, f"{day:%d %B %Y}"),
                fatalities=Fatalities(deaths, deaths, deaths, f"{deaths} dead"),
                attribution=(),
                confidence=round(0.5 + rng.random() * 0.45, 2),
                evidence=(spans[k],),
            )
            for k, (number, event_type, sub_event, plover, mention, day, deaths, iso) in enumerate(events)
        )
        yield ArticleResult(article=article, events=built, places=tuple(mentions))
        made += count
        article_number += 1


def build_store(path: str | Path, n_events: int, *, seed: int = 0) -> int:
    """Create the store at ``path`` with ``n_events`` synthetic events; the number it holds."""
    from thucydides.store import Store

    with Store.open(path) as store:
        for result in synthetic_results(n_events, seed=seed):
            store.add_result(result)
        return store.count_events()


# --- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(db: str | Path, *, port: int | None = None, startup_seconds: float = 60.0) -> Iterator[str]:
    """``thucydides serve --read-only`` on 127.0.0.1 in a child process; its base URL."""
    import httpx

    port = port or free_port()
    log = tempfile.TemporaryFile()
    command = [sys.executable, "-m", "thucydides", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "--read-only"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            if server.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"the server exited with {server.returncode}: {log.read().decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(url + "/meta", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer on {url} within {startup_seconds:g} s")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


# --- the client -----------------------------------------------------------------------------


def request_paths(count: int, *, limit: int = DEFAULT_LIMIT, view: str | None = None, seed: int = 1) -> list[str]:
    """``count`` GET /events paths (a fixed mix of pages and filters); ``view`` adds ``&view=``
    (the page's list views ask for ``summary``)."""
    rng = random.Random(seed)
    places = _places()
    paths = []
    for _ in range(count):
        iso, province, *_ = rng.choice(places)
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        path = rng.choice(QUERIES).format(
            limit=limit, offset=rng.randrange(0, 9_000, 50), country=iso, day=day.isoformat(), admin1=province.replace(" ", "%20")
        )
        paths.append(path + (f"&view={view}" if view else ""))
    return paths


async def _drive(url: str, paths: list[str], rate: float, timeout: float) -> tuple[list[float], list[str], float]:
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:
        # warm the server's per-thread connections and caches; not counted
        await asyncio.gather(*(client.get("/events?limit=10") for _ in range(8)))
        loop = asyncio.get_running_loop()
        start = loop.time()

        async def one(index: int, path: str) -> None:
            due = start + index / rate
            await asyncio.sleep(max(0.0, due - loop.time()))
            try:
                response = await client.get(path)
                await response.aread()
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code} {response.text[:200]}")
                    return
            except httpx.HTTPError as error:
                errors.append(f"{path}: {type(error).__name__}: {error}")
                return
            latencies.append(loop.time() - due)

        await asyncio.gather(*(one(i, path) for i, path in enumerate(paths)))
        wall = loop.time() - start
    return latencies, errors, wall


def drive(
    url: str, *, rate: float, duration: float, events: int = 0, limit: int = DEFAULT_LIMIT, view: str | None = None, timeout: float = 30.0
) -> LoadReport:
    """Send ``rate × duration`` GET /events requests to ``url`` at ``rate`` per second."""
    paths = request_paths(max(1, int(rate * duration)), limit=limit, view=view)
    latencies, errors, wall = asyncio.run(_drive(url, paths, rate, timeout))
    sent = len(paths)
    ordered = sorted(latencies) or [float("nan")]

    def percentile(p: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    return LoadReport(
        events=events,
        rate=rate,
        duration=duration,
        sent=sent,
        completed=len(latencies),
        errors=len(errors),
        throughput=len(latencies) / wall if wall > 0 else 0.0,
        p50_ms=1000 * statistics.median(ordered),
        p90_ms=percentile(90),
        p99_ms=percentile(99),
        max_ms=1000 * ordered[-1],
        error_samples=tuple(errors[:5]),
        limit=limit,
        view=view,
    )


def run_load_test(
    *, events: int, rate: float, duration: float, db: str | Path | None = None, limit: int = DEFAULT_LIMIT, view: str | None = None
) -> LoadReport:
    """Build (or reuse, when ``db`` exists) a store, serve it, drive it; the report."""
    with tempfile.TemporaryDirectory(prefix="thucydides-load-") as folder:
        path = Path(db) if db else Path(folder) / "load.db"
        if not path.exists():
            stored = build_store(path, events)
        else:
            from thucydides.store import Store

            with Store.open(path, readonly=True) as store:
                stored = store.count_events()
        with running_server(path) as url:
            return drive(url, rate=rate, duration=duration, events=stored, limit=limit, view=view)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="events in the synthetic store (default 10,000)")
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second offered (default 200)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load (default 10)")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="events per page asked for (default 100, the API's)")
    parser.add_argument("--view", choices=("full", "summary"), help="ask for this view of each event (the page's lists use summary)")
    parser.add_argument("--db", help="store to use; built there when it does not exist (kept)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = run_load_test(events=args.events, rate=args.rate, duration=args.duration, db=args.db, limit=args.limit, view=args.view)
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print("\n".join(report.lines()))
        print(f"(whole run, store build included: {time.perf_counter() - started:.0f} s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
