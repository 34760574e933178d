"""Pathological inputs, one by one and all together through `thucydides extract`.

Invalid UTF-8, a 50 MB page, HTML nested 10,000 levels deep, a 1 MB single line, empty
documents: each is read, refused or skipped quickly and in bounded memory, with one clear error
line naming it, and the other inputs of the same run are still processed.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.ingest import read_inputs
from thucydides.model import Article

ROOT = Path(__file__).resolve().parent.parent
MB = 1 << 20
REPORT = (
    "Gunmen kill four police officers in Diffa\n\n"
    "Gunmen attacked a police station in Diffa on Monday, killing four officers, the regional "
    "governor said. The attackers fled towards the border on motorbikes, residents said."
)
SENTENCE = "Militia fighters attacked the village of Djugu on Sunday, killing 11 civilians, a local official said."


def nested_html(levels: int = 10_000) -> str:
    return "<html><body>" + "<div>" * levels + f"<p>{SENTENCE}</p>" + "</div>" * levels + "</body></html>"


def write_big_page(path: Path, size: int = 50 * MB) -> Path:
    """A real HTML page of ``size`` bytes (a long run of paragraphs), written in chunks; for a
    .jsonl path, one JSON line ``{"html": page}`` of that size (a JSONL file is a stream of
    articles and may be any size: the limit is per line)."""
    jsonl = path.suffix == ".jsonl"
    head, tail = (b'{"html": "<html><body>', b'</body></html>"}\n') if jsonl else (b"<html><body>", b"</body></html>")
    paragraph = (f"<p>{SENTENCE}</p>" + ("" if jsonl else "\n")).encode() * 100
    with path.open("wb") as stream:
        stream.write(head)
        written = len(head)
        while written < size - len(paragraph):
            stream.write(paragraph)
            written += len(paragraph)
        stream.write(b"x" * (size - written - len(tail)) + tail)
    assert path.stat().st_size == size
    return path


def _read_measured(sources, **kwargs) -> tuple[list, float, int]:
    """Items, seconds, and peak bytes allocated by Python while reading."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        items = list(read_inputs([str(source) for source in sources], **kwargs))
        return items, time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- a 50 MB page ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".txt", ".xml", ".jsonl"])
def test_a_50_mb_page_is_refused_quickly_without_reading_it(tmp_path, suffix):
    path = write_big_page(tmp_path / f"huge{suffix}")
    [error], seconds, peak = _read_measured([path])
    assert isinstance(error, InputError) and error.source.startswith(str(path))
    assert "over the limit" in error.what and "max_article_bytes" in error.what
    assert seconds < 5, f"refusing took {seconds:.1f} s"
    # the default limit is 5 MB: a line is read up to the limit (the buffered reader may copy it
    # once more), the rest skipped in small chunks; the 50 MB are never held
    assert peak < 2.5 * Settings().max_article_bytes, f"{peak / MB:.1f} MB allocated"


def test_a_50_mb_line_on_stdin_is_refused_in_bounded_memory_and_the_next_line_read(tmp_path):
    path = tmp_path / "stdin.jsonl"
    with path.open("wb") as stream:
        stream.write(b'{"text": "' + b"a" * (50 * MB) + b'"}\n')
        stream.write(json.dumps({"text": REPORT}).encode() + b"\n")
    with path.open("rb") as stdin:
        items, seconds, peak = _read_measured(["-"], stdin=stdin)
    error, article = items
    assert isinstance(error, InputError) and error.source == "<stdin> line 1" and "max_article_bytes" in error.what
    assert isinstance(article, Article) and "Diffa" in article.text
    assert seconds < 10 and peak < 2.5 * Settings().max_article_bytes, f"{peak / MB:.1f} MB"


# --- deep nesting, long lines, empty and undecodable documents --------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("nested.html", nested_html()),
        ("nested.jsonl", json.dumps({"html": nested_html()}) + "\n"),
        (
            "nested.xml",
            "<?xml version='1.0'?><rss version='2.0'><channel><item><title>Attack</title><description>"
            + nested_html().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</description></item></channel></rss>",
        ),
        (
            "nested-elements.xml",
            "<?xml version='1.0'?><rss version='2.0'><channel>" + "<x>" * 10_000 + "</x>" * 10_000
            + f"<item><description>{SENTENCE}</description></item></channel></rss>",
        ),
    ],
)
def test_html_and_xml_nested_10000_levels(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [item], seconds, _ = _read_measured([path])
    assert seconds < 15
    # the page's text survives the depth; were it refused, the error would have to name it
    if isinstance(item, InputError):
        assert item.source.startswith(str(path)) and "\n" not in str(item)
    else:
        assert "Djugu" in item.text


def test_a_1_mb_single_line_is_read_and_then_skipped_not_parsed(tmp_path, nlp):
    from thucydides.runner import process_stream

    line = (SENTENCE + " ") * (MB // (len(SENTENCE) + 1) + 1)
    path = tmp_path / "one-line.txt"
    path.write_text(line[:MB], encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert len(article.text) > 0.99 * MB and "\n" not in article.text.strip()
    started = time.perf_counter()
    [result] = list(process_stream([article], settings=Settings(workers=1), progress=False))
    assert time.perf_counter() - started < 30
    assert result.skipped and "max_length" in result.skipped and not result.events


@pytest.mark.parametrize("suffix", [".txt", ".html", ".xml", ".jsonl"])
@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf", "\u200b\u2028".encode()])
def test_empty_documents_get_one_error_naming_them(tmp_path, suffix, content):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(content)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError) and error.source.startswith(str(path)), error
    assert "\n" not in str(error) and error.fix


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_invalid_utf8_gets_one_error_naming_the_input_and_byte(tmp_path, suffix):
    body = "Affrontements à Ménaka: trois morts".encode("latin-1")
    data = json.dumps({"text": "x"}).encode()[:-2] + body + b'"}' if suffix == ".jsonl" else body
    path = tmp_path / f"latin1{suffix}"
    path.write_bytes(data)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError) and error.source.startswith(str(path))
    assert "UTF-8" in error.what and "0xe0" in error.what


def test_invalid_utf8_on_stdin_names_the_line():
    stdin = io.BytesIO(json.dumps({"text": REPORT}).encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    article, error = list(read_inputs(["-"], stdin=stdin))
    assert isinstance(article, Article)
    assert isinstance(error, InputError) and error.source == "<stdin> line 2" and "UTF-8" in error.what


# --- all of it through the command line ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_extract_command_reports_each_bad_input_on_one_line_and_processes_the_rest(tmp_path):
    files = {
        "report.txt": REPORT.encode(),
        "empty.txt": b"",
        "blank.html": b"  \n ",
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)),
        "latin1.txt": "Affrontements à Ménaka".encode("latin-1"),
        "nested.html": nested_html().encode(),
        "lines.jsonl": b"\n".join(
            [json.dumps({"id": "ok-1", "text": REPORT}).encode(), b'{"text": "unterminated', b'{"text": "caf\xe9"}', b"[[[[1]]]]"]
        ),
        "one-line.txt": ((SENTENCE + " ") * (MB // len(SENTENCE) + 1)).encode()[:MB],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    write_big_page(tmp_path / "huge.html")
    order = ["report.txt", "empty.txt", "blank.html", "binary.txt", "latin1.txt", "huge.html", "nested.html", "lines.jsonl", "missing.txt", "one-line.txt"]
    command = [sys.executable, "-m", "thucydides", "extract", *order, "--format", "jsonl", "--workers", "1", "--published", "2023-05-02"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=200, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error: ")]
    bad = ["empty.txt", "blank.html", "binary.txt", "latin1.txt", "huge.html", "lines.jsonl line 2", "lines.jsonl line 3", "lines.jsonl line 4", "missing.txt"]
    assert [line.split(":")[1].strip() for line in errors] == bad, done.stderr
    for line in errors:
        assert " — " in line, f"no fix in: {line}"
    assert "max_article_bytes" in errors[4]

    outputs = [json.loads(line) for line in done.stdout.splitlines()]
    read = [out["article"]["title"] or out["article"]["id"] for out in outputs]
    assert len(outputs) == 4, read  # report.txt, nested.html, lines.jsonl line 1, one-line.txt
    assert outputs[0]["article"]["title"] == "Gunmen kill four police officers in Diffa"
    assert outputs[2]["article"]["id"] == "ok-1"
    assert seconds < 180
