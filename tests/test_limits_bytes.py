"""``max_article_bytes`` is enforced by every reader, on stdin and on POST /articles, exactly
at the limit, and it is configurable from the environment and the TOML file.

The limit is on bytes: a whole .txt/.html/feed file, one JSONL line (a JSONL file is a stream
and may be of any size), and the UTF-8 bytes of a text given directly.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides.config import Settings, load_settings
from thucydides.errors import ConfigError, InputError
from thucydides.ingest import FORMAT_OF_SUFFIX, article_from_record, read_inputs, read_text_article
from thucydides.model import Article

LIMIT = 2_000
SENTENCE = "Rebels shelled the outskirts of Kidal on Friday, wounding three soldiers, the army said. "


def _sized(kind: str, size: int) -> bytes:
    """A valid input of ``kind`` of exactly ``size`` bytes (padding with spaces where it is
    harmless). For JSONL, ``size`` is the length of the line without its newline."""
    if kind == "text":
        head = b"Shelling near Kidal\n\n" + SENTENCE.encode()
        return head + b" " * (size - len(head))
    if kind == "html":
        head, tail = b"<html><body><article><p>" + SENTENCE.encode(), b"</p></article></body></html>"
        return head + b" " * (size - len(head) - len(tail)) + tail
    if kind == "feed":
        head = b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><item><title>Kidal</title><description>"
        tail = b"</description></item></channel></rss>"
        return head + SENTENCE.encode() + b" " * (size - len(head) - len(SENTENCE) - len(tail)) + tail
    head, tail = b'{"text": "' + SENTENCE.encode(), b'"}'
    return head + b" " * (size - len(head) - len(tail)) + tail


@pytest.mark.parametrize("suffix", sorted(FORMAT_OF_SUFFIX))
def test_every_reader_takes_an_input_at_the_limit_and_refuses_one_byte_more(tmp_path, suffix):
    kind = FORMAT_OF_SUFFIX[suffix]
    settings = Settings(max_article_bytes=LIMIT)
    at_limit, over = tmp_path / f"at{suffix}", tmp_path / f"over{suffix}"
    newline = b"\n" if kind == "jsonl" else b""
    at_limit.write_bytes(_sized(kind, LIMIT) + newline)
    over.write_bytes(_sized(kind, LIMIT + 1) + newline)

    [article] = list(read_inputs([str(at_limit)], settings=settings))
    assert isinstance(article, Article) and "Kidal" in article.text

    [error] = list(read_inputs([str(over)], settings=settings))
    assert isinstance(error, InputError) and error.source.startswith(str(over))
    assert "max_article_bytes" in error.what and f"{LIMIT:,}" in error.what
    assert "THUCYDIDES_MAX_ARTICLE_BYTES" in error.fix or "max_article_bytes" in error.fix


def test_stdin_takes_a_line_at_the_limit_and_refuses_one_byte_more_then_goes_on():
    settings = Settings(max_article_bytes=LIMIT)
    stdin = io.BytesIO(_sized("jsonl", LIMIT) + b"\n" + _sized("jsonl", LIMIT + 1) + b"\n" + _sized("jsonl", 300) + b"\n")
    first, error, last = list(read_inputs(["-"], settings=settings, stdin=stdin))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(error, InputError) and error.source == "<stdin> line 2" and "max_article_bytes" in error.what


def test_an_oversized_line_at_the_end_of_stdin_without_newline():
    stdin = io.BytesIO(_sized("jsonl", 300) + b"\n" + _sized("jsonl", LIMIT * 3))
    article, error = list(read_inputs(["-"], settings=Settings(max_article_bytes=LIMIT), stdin=stdin))
    assert isinstance(article, Article) and error.source == "<stdin> line 2"


def test_text_given_directly_is_limited_in_utf8_bytes_not_characters():
    three_bytes = "\u0f40"  # a Tibetan letter: 3 bytes in UTF-8
    fits = "Title\n\n" + three_bytes * ((LIMIT - 7) // 3)
    assert len(fits.encode()) <= LIMIT < len((fits + three_bytes).encode())
    assert read_text_article(fits, max_bytes=LIMIT).text
    with pytest.raises(InputError) as raised:
        read_text_article(fits + three_bytes, max_bytes=LIMIT, origin="api")
    assert raised.value.source == "api" and "max_article_bytes" in raised.value.what


@pytest.mark.parametrize("field", ["text", "html"])
def test_a_json_record_over_the_limit_is_refused(field):
    record = {field: "<p>" + "x" * LIMIT + "</p>"}
    with pytest.raises(InputError) as raised:
        article_from_record(record, "feed.jsonl line 9", max_bytes=LIMIT)
    assert raised.value.source == "feed.jsonl line 9" and "max_article_bytes" in raised.value.what


def test_post_articles_refuses_a_text_over_the_limit_inside_a_body_under_the_server_cap(tmp_path):
    """The server caps the body at the limit plus room for JSON; the text itself is then held to
    the limit by the same reader as a JSONL line, and the answer names the field and the limit."""
    from fastapi.testclient import TestClient

    from thucydides.serve import create_app

    app = create_app(tmp_path / "api.db", Settings(token="limits-token", max_article_bytes=LIMIT))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.post("/articles", json={"text": "Shelling in Kidal. " * 200}, headers={"Authorization": "Bearer limits-token"})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert "max_article_bytes" in error["message"] and "POST /articles" in error["message"]


# --- configuration ---------------------------------------------------------------------------


def test_the_limits_come_from_the_environment_and_the_config_file(tmp_path):
    config = tmp_path / "thucydides.toml"
    config.write_text("max_article_bytes = 1234\nmax_article_seconds = 2.5\n")
    from_file = load_settings(environ={}, config_file=config)
    assert (from_file.max_article_bytes, from_file.max_article_seconds) == (1234, 2.5)
    environ = {"THUCYDIDES_MAX_ARTICLE_BYTES": "999", "THUCYDIDES_MAX_ARTICLE_SECONDS": "0.5"}
    from_env = load_settings(environ=environ, config_file=config)
    assert (from_env.max_article_bytes, from_env.max_article_seconds) == (999, 0.5)
    with pytest.raises(ConfigError) as raised:
        load_settings(environ={"THUCYDIDES_MAX_ARTICLE_BYTES": "5MB"}, config_file=config)
    assert "THUCYDIDES_MAX_ARTICLE_BYTES" in str(raised.value)


def test_the_command_line_enforces_the_limit_set_in_the_environment(tmp_path):
    (tmp_path / "big.html").write_bytes(_sized("html", 1_500))
    env = {**os.environ, "THUCYDIDES_MAX_ARTICLE_BYTES": "1000"}
    command = [sys.executable, "-m", "thucydides", "extract", "big.html", "big.html", "--format", "jsonl", "--workers", "1"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "Error: big.html: is 1,500 bytes, over the limit of 1,000 (max_article_bytes) — "
        "split it, or raise max_article_bytes (THUCYDIDES_MAX_ARTICLE_BYTES)"
    ] * 2
    assert done.stdout == ""

    bad = subprocess.run(command, cwd=tmp_path, env={**env, "THUCYDIDES_MAX_ARTICLE_BYTES": "lots"}, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and bad.stderr.startswith("Error: setting 'max_article_bytes' from THUCYDIDES_MAX_ARTICLE_BYTES")
