"""Memory of a long stream: does `process_stream` hold memory bounded whatever the input size?

Writes a JSONL file of ``--mb`` MiB to a temporary folder (real news text from ../shared: mostly
the general-news articles the prefilter skips, every ``--conflict-every``-th one a conflict
report that is parsed and analysed, so that a large file passes in minutes), streams it through
``ingest.read_inputs`` → ``runner.process_stream`` (the path of `thucydides extract`), drops the
results, and samples the RSS of the main process and of every worker each second. A bounded
stream shows the same peak RSS for a small and a large file.

    .venv/bin/python benchmarks/stream_memory.py --mb 50
    .venv/bin/python benchmarks/stream_memory.py --mb 500 --conflict-every 50
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import threading
import time
from pathlib import Path

import psutil

from thucydides.config import Settings
from thucydides.model import Article
from thucydides.prefilter import skip_reason
from thucydides.scale.corpus import find_shared_dir, read_gold_articles, write_jsonl


def synthetic_stream(shared: Path, mb: float, conflict_every: int):
    gold = [item.article for item in read_gold_articles(shared)]
    quiet = [article for article in gold if skip_reason(article)]
    conflict = [article for article in gold if not skip_reason(article)]
    size, number = 0, 0
    while size < mb * 2**20:
        pool = conflict if number % conflict_every == 0 else quiet
        article = pool[number % len(pool)]
        copy = dataclasses.replace(article, id=f"{article.id}~s{number}", url=None)
        size += len(copy.text.encode("utf-8"))
        number += 1
        yield copy


class Sampler(threading.Thread):
    """Peak RSS of this process and of its children, sampled every ``interval`` seconds."""

    def __init__(self, interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peaks: dict[str, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        main = psutil.Process()
        while not self.stop.wait(self.interval):
            processes = [("main", main)] + [(f"worker {child.pid}", child) for child in _workers(main)]
            for name, process in processes:
                try:
                    rss = process.memory_info().rss / 2**20
                except psutil.NoSuchProcess:
                    continue
                self.peaks[name] = max(self.peaks.get(name, 0.0), rss)


def _workers(main: psutil.Process) -> list[psutil.Process]:
    """The children of ``main`` but multiprocessing's resource tracker."""
    found = []
    for child in main.children():
        try:
            if "resource_tracker" not in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the JSONL file in MiB of text")
    parser.add_argument("--conflict-every", type=int, default=20, help="one parsed article in this many")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    shared = find_shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder: set THUCYDIDES_SHARED")
    from thucydides.ingest import read_inputs
    from thucydides.runner import process_stream

    settings = Settings(workers=args.workers)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "stream.jsonl"
        file_bytes = write_jsonl(synthetic_stream(shared, args.mb, args.conflict_every), path)
        sampler = Sampler()
        sampler.start()
        started = time.perf_counter()
        articles = (item for item in read_inputs([str(path)], settings=settings) if isinstance(item, Article))
        count = analysed = 0
        for result in process_stream(articles, settings=settings, progress=False):
            count += 1
            analysed += result.skipped is None
        seconds = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
    print(f"file {file_bytes / 2**20:.0f} MiB, {count} articles ({analysed} analysed) in {seconds:.0f} s")
    print("peak RSS: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in sorted(sampler.peaks.items())))


if __name__ == "__main__":
    main()
