"""`thucydides serve` as a user runs it: a real process on a free loopback port."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from test_serve_helpers import clash_article, free_port, populate

ROOT = Path(__file__).resolve().parent.parent


def start(db: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str, list[str]]:
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("THUCYDIDES_")}
    environment.update(env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "thucydides", "serve", "--db", str(db), "--port", str(port), *extra],
        cwd=db.parent, env=environment, stderr=subprocess.PIPE, text=True,
    )
    lines: list[str] = []
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if line:
            lines.append(line.rstrip())
        if line.startswith("Press Ctrl+C"):
            break
        if process.poll() is not None:
            raise AssertionError("serve exited: " + "\n".join(lines + [process.stderr.read()]))
    while time.monotonic() < deadline:  # the banner is printed just before uvicorn binds
        try:
            httpx.get(url + "/meta", timeout=1)
            return process, url, lines
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("serve did not answer: " + "\n".join(lines))


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - uvicorn ignores SIGTERM only when hung
        process.kill()


@pytest.mark.slow
def test_serve_prints_where_and_a_token_for_the_run_which_works(tmp_path):
    db = tmp_path / "events.db"
    populate(db, [clash_article()])
    process, url, lines = start(db)
    try:
        assert any(f"at {url}/" in line for line in lines), lines
        token = next(re.search(r"token for this run.*: (\S+)$", line).group(1) for line in lines if "token for this run" in line)
        event_id = httpx.get(url + "/events").json()["events"][0]["id"]
        assert httpx.post(f"{url}/events/{event_id}/review", json={"action": "accept"}).status_code == 401
        answer = httpx.post(f"{url}/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200 and answer.json()["review_state"] == "accepted"
        assert "server" not in answer.headers  # uvicorn's banner header is off
    finally:
        stop(process)


@pytest.mark.slow
def test_read_only_serve_refuses_writes_even_with_the_configured_token(tmp_path):
    db = tmp_path / "events.db"
    populate(db, [clash_article()])
    process, url, lines = start(db, "--read-only", env={"THUCYDIDES_TOKEN": "configured"})
    try:
        assert not any("token for this run" in line for line in lines)
        event_id = httpx.get(url + "/events").json()["events"][0]["id"]
        answer = httpx.post(f"{url}/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": "Bearer configured"})
        assert answer.status_code == 403 and answer.json()["error"]["code"] == "writes_disabled"
    finally:
        stop(process)


def test_serve_help_names_its_options():
    from thucydides.cli.main import build_parser

    help_text = build_parser()._subparsers._group_actions[0].choices["serve"].format_help()
    for option in ("--db", "--host", "--port", "--read-only", "--workers"):
        assert option in help_text


def test_a_port_out_of_range_is_a_config_error(tmp_path, capsys):
    from thucydides.cli.main import main

    assert main(["serve", "--db", str(tmp_path / "x.db"), "--port", "70000"]) == 1
    assert "port 70000" in capsys.readouterr().err


@pytest.mark.parametrize("workers", ["0", "65"])
def test_a_number_of_workers_out_of_range_is_a_config_error(tmp_path, capsys, workers):
    from thucydides.cli.main import main

    assert main(["serve", "--db", str(tmp_path / "x.db"), "--workers", workers]) == 1
    assert f"--workers {workers}" in capsys.readouterr().err


@pytest.mark.slow
def test_several_workers_share_the_port_the_database_and_the_token(tmp_path):
    db = tmp_path / "events.db"
    populate(db, [clash_article()])
    process, url, lines = start(db, "--workers", "2")
    try:
        token = next(re.search(r"token for this run.*: (\S+)$", line).group(1) for line in lines if "token for this run" in line)
        # new connections each time: the workers take turns accepting them
        answers = [httpx.get(url + "/events", headers={"Connection": "close"}) for _ in range(8)]
        assert {answer.status_code for answer in answers} == {200}
        assert len({answer.content for answer in answers}) == 1
        event_id = answers[0].json()["events"][0]["id"]
        accepted = httpx.post(f"{url}/events/{event_id}/review", json={"action": "accept"}, headers={"Authorization": f"Bearer {token}"})
        assert accepted.status_code == 200
        # every worker now reads the review (the database is shared)
        states = {httpx.get(f"{url}/events", headers={"Connection": "close"}).json()["events"][0]["review_state"] for _ in range(8)}
        assert states == {"accepted"}
    finally:
        stop(process)
