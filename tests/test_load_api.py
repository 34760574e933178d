"""A short, bounded run of benchmarks/load_test.py: a real server under steady load, no errors;
and the load generator itself, against a server whose speed the test sets.

Timing of the real server is reported, not asserted (the suite shares 2 cores); the full run and
its figures are in docs/reliability.md.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_test_module():
    spec = importlib.util.spec_from_file_location("load_test", ROOT / "benchmarks" / "load_test.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("load_test", module)
    spec.loader.exec_module(module)
    return module


load_test = _load_test_module()


def test_the_synthetic_store_holds_the_events_asked_for(tmp_path):
    assert load_test.build_store(tmp_path / "s.db", 120) == 120


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_a_short_load_run_on_two_workers_has_no_errors(tmp_path):
    (report,) = load_test.run_load_test(events=1_000, rate=100, duration=2, db=tmp_path / "load.db", workers=2)
    print("\n".join(report.lines()))
    assert report.events == 1_000 and report.workers == 2
    assert report.sent == 200
    assert report.errors == 0, report.error_samples
    assert report.completed == report.sent


class _OneAtATime(BaseHTTPRequestHandler):
    """Answers after ``pause`` seconds, one request at a time (a server of known capacity)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn
    lock = threading.Lock()
    pause = 0.05
    status = 200

    def do_GET(self):
        with self.lock:
            time.sleep(self.pause)
        body = b'{"ok":true}'
        self.send_response(self.status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(handler) -> tuple[ThreadingHTTPServer, load_test.Server]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, load_test.Server(f"http://127.0.0.1:{server.server_address[1]}", pid=0)


@pytest.mark.timeout(60)
def test_the_generator_counts_latency_from_when_a_request_was_due():
    """A server of 20 requests/s offered 40/s for 1 s over one connection: requests wait in the
    client for the connection, and the latency of the last ones is that wait (about 1 s), not the
    50 ms between sending and the answer (no coordinated omission)."""
    server, target = _serve(_OneAtATime)
    try:
        report = load_test.drive(target, rate=40, duration=1, timeout=10, connections=1)
    finally:
        server.shutdown()
    assert report.sent == report.completed == 40 and report.errors == 0
    assert report.p50_ms > 300 and report.max_ms > 700, report.lines()
    assert report.throughput < 30  # the server's pace shows, not the offered rate


@pytest.mark.timeout(60)
def test_the_generator_counts_errors():
    class Failing(_OneAtATime):
        pause, status = 0.0, 503

    server, target = _serve(Failing)
    try:
        report = load_test.drive(target, rate=50, duration=0.4, timeout=5)
    finally:
        server.shutdown()
    assert report.sent == 20 and report.errors == 20 and report.completed == 0
    assert "HTTP 503" in report.error_samples[0]
