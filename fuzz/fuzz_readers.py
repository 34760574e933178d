"""Fuzz target: every reader, through the public entry point ``thucydides.ingest.read_inputs``.

    .venv/bin/python fuzz/fuzz_readers.py -runs=2000            # a bounded run
    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=3600 corpus/   # a campaign

The first byte of each input picks the reader (.txt, .html, .xml, .jsonl, or JSONL on stdin);
the rest is written to a temporary file of that suffix (or given as standard input). Whatever
the bytes, reading must give Articles and InputErrors that name the input in one line — any
other exception, or a broken invariant (``invariants.check_reader_items``), is a crash, saved by
libFuzzer as ``crash-<hash>`` (reproduce: ``python fuzz/fuzz_readers.py crash-<hash>``).
Without a corpus folder the target starts from ``seeds.READER_SEEDS``.
"""

from __future__ import annotations

import atexit
import io
import os
import shutil
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["thucydides"]):
    from thucydides.config import Settings
    from thucydides.ingest import feeds, readers, webpage  # noqa: F401 — instrumented for coverage
    from thucydides.ingest.readers import read_inputs

import invariants
import seeds

SUFFIXES = (".txt", ".html", ".xml", ".jsonl", "-")
# small enough that the fuzzer's longer inputs also exercise the size limit
SETTINGS = Settings(max_article_bytes=8_192)
FOLDER = tempfile.mkdtemp(prefix="thucydides-fuzz-readers-")
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)


def test_one_input(data: bytes) -> None:
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
    body = data[1:]
    if suffix == "-":
        items = read_inputs(["-"], settings=SETTINGS, stdin=io.BytesIO(body))
        invariants.check_reader_items(items, "<stdin>")
        return
    path = os.path.join(FOLDER, "input" + suffix)
    with open(path, "wb") as stream:
        stream.write(body)
    invariants.check_reader_items(read_inputs([path], settings=SETTINGS), path)


def main() -> None:
    # warm the lazily imported parsers (trafilatura, feedparser) before the clock starts
    for data in seeds.READER_SEEDS.values():
        test_one_input(data)
    atheris.Setup(seeds.corpus_arguments(sys.argv, seeds.READER_SEEDS), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
