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
    client_cpu: float = 0.0  # the load generator's own CPU, in cores (1.0 = one core busy)
    server_cpu_ms: float | None = None  # the server's CPU per request (its workers included)
    workers: int = 1

    def lines(self) -> list[str]:
        return [
            f"store: {self.events:,} events; GET /events pages of {self.limit} ({self.view or 'full'} view);"
            f" offered {self.rate:g} req/s for {self.duration:g} s; server workers: {self.workers}",
            f"sent {self.sent}, answered {self.completed}, errors {self.errors}",
            f"throughput {self.throughput:.1f} req/s; CPU: server {self.server_cpu_ms or float('nan'):.1f} ms per request,"
            f" load generator {self.client_cpu:.0%} of a core",
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


def process_cpu_seconds(pid: int) -> float | None:
    """CPU seconds used so far by a process and its descendants (the server's workers), from
    /proc; None where there is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return own + sum(process_cpu_seconds(int(child)) or 0.0 for child in children)


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    workers: int = 1

    def cpu_seconds(self) -> float | None:
        return process_cpu_seconds(self.pid)


@contextlib.contextmanager
def running_server(db: str | Path, *, port: int | None = None, workers: int = 1, startup_seconds: float = 60.0) -> Iterator[Server]:
    """``thucydides serve --read-only [--workers N]`` on 127.0.0.1 in a child process."""
    import httpx

    port = port or free_port()
    log = tempfile.TemporaryFile()
    command = [sys.executable, "-m", "thucydides", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "--read-only"]
    if workers != 1:
        command += ["--workers", str(workers)]
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
        yield Server(url, server.pid, workers)
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


class _Connections:
    """Keep-alive connections to one server: an idle one is reused, a new one is opened while
    fewer than ``limit`` are in use, otherwise the request waits (and that wait is latency)."""

    # uvicorn closes a connection idle for 5 s; one idle for longer than this is not reused (its
    # close may be on the way), as browsers and HTTP libraries do
    MAX_IDLE_SECONDS = 2.0

    def __init__(self, host: str, port: int, limit: int) -> None:
        self.host, self.port = host, port
        self.idle: list[tuple[float, tuple[asyncio.StreamReader, asyncio.StreamWriter]]] = []
        self.slots = asyncio.Semaphore(limit)

    async def take(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        await self.slots.acquire()
        while self.idle:
            since, connection = self.idle.pop()
            if time.monotonic() - since < self.MAX_IDLE_SECONDS:
                return connection
            connection[1].close()
        try:
            return await asyncio.open_connection(self.host, self.port)
        except BaseException:
            self.slots.release()
            raise

    def give_back(self, connection: tuple[asyncio.StreamReader, asyncio.StreamWriter], *, reusable: bool) -> None:
        if reusable:
            self.idle.append((time.monotonic(), connection))
        else:
            connection[1].close()
        self.slots.release()

    def close(self) -> None:
        for _, (_, writer) in self.idle:
            writer.close()
        self.idle.clear()


async def _get(connection: tuple[asyncio.StreamReader, asyncio.StreamWriter], host: str, path: str) -> tuple[int, bool]:
    """One HTTP/1.1 GET on a keep-alive connection: (status, whether the connection stays open).
    The body is read whole (Content-Length or chunked) but not parsed: the client stays cheap."""
    reader, writer = connection
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1"))
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip().lower()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    else:
        raise ValueError("response without Content-Length or chunked encoding")
    return status, headers.get("connection") != "close"


async def _drive(
    url: str, paths: list[str], rate: float, timeout: float, connections: int = 256
) -> tuple[list[float], list[str], float, float]:
    """Open loop: request *i* is due at ``start + i / rate`` and its latency runs from then, so
    a server (or a connection pool) that falls behind shows as latency, never as a lower rate.
    Returns the latencies of the answered requests, the errors, the wall time and the client's
    own CPU seconds (to show that the generator did not starve the server)."""
    host, _, port = url.removeprefix("http://").partition(":")
    pool = _Connections(host, int(port), connections)
    authority = f"{host}:{port}"
    latencies: list[float] = []
    errors: list[str] = []
    loop = asyncio.get_running_loop()

    async def one(path: str, due: float | None) -> None:
        connection = None
        try:
            async with asyncio.timeout(timeout):
                connection = await pool.take()
                status, reusable = await _get(connection, authority, path)
            pool.give_back(connection, reusable=reusable)
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
            elif due is not None:
                latencies.append(loop.time() - due)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError) as error:
            if connection is not None:
                pool.give_back(connection, reusable=False)
            errors.append(f"{path}: {type(error).__name__}: {error}")

    # warm every worker's connections and caches, several requests at once; not counted
    await asyncio.gather(*(one(path, None) for path in paths[:16]))
    errors.clear()
    cpu = time.process_time()
    start = loop.time()
    tasks = []
    for index, path in enumerate(paths):
        due = start + index / rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(path, due)))
    await asyncio.gather(*tasks)
    wall = loop.time() - start
    pool.close()
    return latencies, errors, wall, time.process_time() - cpu


def drive(
    server: Server, *, rate: float, duration: float, events: int = 0, limit: int = DEFAULT_LIMIT, view: str | None = None,
    timeout: float = 30.0, connections: int = 256,
) -> LoadReport:
    """Send ``rate × duration`` GET /events requests to ``server`` at ``rate`` per second."""
    paths = request_paths(max(1, int(rate * duration)), limit=limit, view=view)
    server_cpu = server.cpu_seconds()
    latencies, errors, wall, client_cpu = asyncio.run(_drive(server.url, paths, rate, timeout, connections))
    if server_cpu is not None:
        server_cpu = (server.cpu_seconds() or 0.0) - server_cpu
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
        client_cpu=client_cpu / wall if wall > 0 else 0.0,
        workers=server.workers,
        server_cpu_ms=1000 * server_cpu / max(1, len(latencies) + len(errors)) if server_cpu is not None else None,
    )


def run_load_test(
    *, events: int, rate: float, duration: float, db: str | Path | None = None, limit: int = DEFAULT_LIMIT,
    view: str | None = None, workers: int = 1, runs: int = 1,
) -> list[LoadReport]:
    """Build (or reuse, when ``db`` exists) a store, serve it, drive it ``runs`` times; the reports."""
    with tempfile.TemporaryDirectory(prefix="thucydides-load-") as folder:
        path = Path(db) if db else Path(folder) / "load.db"
        if not path.exists():
            stored = build_store(path, events)
        else:
            from thucydides.store import Store

            with Store.open(path, readonly=True) as store:
                stored = store.count_events()
        with running_server(path, workers=workers) as server:
            return [drive(server, rate=rate, duration=duration, events=stored, limit=limit, view=view) for _ in range(runs)]


def median_report(reports: list[LoadReport]) -> dict[str, float]:
    """The median of each figure over several runs (each figure on its own)."""
    keys = ("throughput", "p50_ms", "p90_ms", "p99_ms", "max_ms", "errors", "client_cpu", "server_cpu_ms")
    return {key: statistics.median(getattr(report, key) or 0.0 for report in reports) for key in keys}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="events in the synthetic store (default 10,000)")
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second offered (default 200)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load (default 10)")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="events per page asked for (default 100, the API's)")
    parser.add_argument("--view", choices=("full", "summary"), help="ask for this view of each event (the page's lists use summary)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (thucydides serve --workers; default 1)")
    parser.add_argument("--runs", type=int, default=1, help="runs against the same server; the median is reported too (default 1)")
    parser.add_argument("--db", help="store to use; built there when it does not exist (kept)")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    reports = run_load_test(
        events=args.events, rate=args.rate, duration=args.duration, db=args.db, limit=args.limit, view=args.view,
        workers=args.workers, runs=args.runs,
    )
    if args.json:
        print(json.dumps({"runs": [asdict(report) for report in reports], "median": median_report(reports)}, indent=2))
    else:
        for number, report in enumerate(reports, start=1):
            print(f"run {number}:", *report.lines(), sep="\n  ")
        if len(reports) > 1:
            median = median_report(reports)
            print(
                f"median of {len(reports)} runs: throughput {median['throughput']:.1f} req/s, p50 {median['p50_ms']:.1f} ms,"
                f" p99 {median['p99_ms']:.1f} ms, errors {median['errors']:g}"
            )
        print(f"(whole run, store build included: {time.perf_counter() - started:.0f} s)")
    return 1 if any(report.errors for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
