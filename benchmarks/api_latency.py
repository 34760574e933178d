"""Latency of GET /events on a store of 10,000 events: median and p99, per kind of query.

    python benchmarks/api_latency.py                        # 10,000 events, 300 requests per query
    python benchmarks/api_latency.py --events 2000 --requests 50 --json

The store is built through the store's own API (``Store.add_result``) from the synthetic reports
of ``benchmarks/load_test.py`` (invented districts and groups: it measures the server, it is no
data), or reused when ``--db`` names one that already holds the events. Requests go one after the
other (closed loop, so each number is the time one analyst waits), twice:

- in-process: FastAPI's TestClient calling the app directly (the cost of the app and the store);
- loopback: uvicorn on 127.0.0.1 in a thread, an HTTP keep-alive client (adds HTTP and the
  event loop; what the page sees on the analyst's own machine).

For throughput under a fixed request rate, see ``benchmarks/load_test.py``.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_test import build_store  # noqa: E402  (a sibling script: the same synthetic store)

# what the page and API clients ask for: the first page, a deep page, filters, the exports
QUERIES = {
    "first page (limit 100)": "/events?limit=100",
    "deep page (offset 9000)": "/events?limit=100&offset=9000",
    "country filter": "/events?country=ML&limit=100",
    "date range": "/events?date_from=2021-01-01&date_to=2021-06-30&limit=100",
    "type + bbox": "/events?event_type=Battles&bbox=10,-10,30,20&limit=100",
    "actor substring": "/events?actor=group%2017&limit=100",
    "page of 1000, full": "/events?limit=1000",
    "page of 1000, summary": "/events?limit=1000&view=summary",  # what the page loads
    "geojson 100": "/events?format=geojson&limit=100",
    "csv 100": "/events?format=csv&limit=100",
    "one event": "/events/{event_id}",
}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(get, path: str, requests: int) -> dict[str, float]:
    for _ in range(min(5, requests)):  # warm caches and the connection
        assert get(path).status_code == 200, path
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = get(path)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code} {response.text[:200]}")
    return {"median_ms": statistics.median(times), "p99_ms": percentile(times, 0.99), "max_ms": max(times)}


def ensure_store(db: Path, events: int) -> int:
    from thucydides.store import Store

    if db.exists():
        with Store.open(db, readonly=True) as store:
            held = store.count_events()
        if held >= events:
            return held
        raise SystemExit(f"{db} holds {held} events, fewer than {events}: give another --db")
    started = time.perf_counter()
    held = build_store(db, events)
    print(f"built {db} with {held} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return held


def measure(db: Path, requests: int) -> dict[str, dict[str, dict[str, float]]]:
    import httpx
    import uvicorn
    from fastapi.testclient import TestClient

    from thucydides.config import Settings
    from thucydides.serve import create_app
    from thucydides.store import Store

    with Store.open(db, readonly=True) as store:
        event_id = store.events(limit=1)[0].id
    paths = {name: path.format(event_id=event_id) for name, path in QUERIES.items()}
    results: dict[str, dict[str, dict[str, float]]] = {"in-process": {}, "loopback": {}}

    with TestClient(create_app(db, Settings()), base_url="http://127.0.0.1") as client:
        for name, path in paths.items():
            results["in-process"][name] = timed(client.get, path, requests)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, Settings()), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, path in paths.items():
                results["loopback"][name] = timed(client.get, path, requests)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="events in the store (default 10,000)")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per query (default 300)")
    parser.add_argument("--db", type=Path, help="store to reuse or create (default: a temporary file)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "latency.db"
        held = ensure_store(db, args.events)
        results = measure(db, args.requests)
    if args.json:
        print(json.dumps({"events": held, "requests": args.requests, "results": results}, indent=2))
        return 0
    print(f"GET /events latency, store of {held:,} events, {args.requests} sequential requests per query")
    for mode, rows in results.items():
        print(f"\n{mode:<26}{'median ms':>10}{'p99 ms':>10}{'max ms':>10}")
        for name, row in rows.items():
            print(f"{name:<26}{row['median_ms']:>10.1f}{row['p99_ms']:>10.1f}{row['max_ms']:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
