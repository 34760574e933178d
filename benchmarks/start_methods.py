"""Compare how the local pool starts its workers: spawn, fork (after loading the model in the
parent) and forkserver. Prints, per method, the time until every worker has its model loaded
(for fork, the parent's own model load included), the bare parse rate over a slice of the
benchmark corpus, and each worker's memory: RSS, and USS/PSS (memory it does not share / its
fair share of shared pages) — fork's pages of the parent's model are shared copy-on-write,
which RSS does not show.

    .venv/bin/python benchmarks/start_methods.py [--mb 0.5] [--workers 2]
"""

from __future__ import annotations

import argparse
import statistics
import time

import psutil

from thucydides.config import Settings
from thucydides.runner import batched
from thucydides.scale.corpus import build_corpus, count_words, find_shared_dir
from thucydides.scale.pool import LocalPool


def measure(method: str, texts: list[str], settings: Settings, workers: int) -> dict:
    started = time.perf_counter()
    if method == "fork":
        from thucydides import analyse

        analyse.load_nlp(settings.model)  # fork after load: the children inherit the model
    with LocalPool(settings, workers=workers, start_method=method) as pool:
        pids = pool.warm_up()
        startup = time.perf_counter() - started
        started = time.perf_counter()
        for _ in pool.parse_only(batched(texts, settings.batch_size)):
            pass
        seconds = time.perf_counter() - started
        memory = [psutil.Process(pid).memory_full_info() for pid in pids]
    words = sum(count_words(text) for text in texts)
    return {
        "method": method,
        "startup_s": startup,
        "words_per_s": words / seconds,
        "rss_mb": statistics.mean(m.rss for m in memory) / 2**20,
        "uss_mb": statistics.mean(m.uss for m in memory) / 2**20,
        "pss_mb": statistics.mean(m.pss for m in memory) / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=0.5, help="MiB of corpus text to parse")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    shared = find_shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder: set THUCYDIDES_SHARED")
    texts = [article.text for article in build_corpus(shared, min_bytes=int(args.mb * 2**20))]
    settings = Settings(workers=args.workers)
    print("| start method | workers ready | bare parse | RSS / worker | USS / worker | PSS / worker |")
    print("|---|---|---|---|---|---|")
    # spawn and forkserver first: fork loads the model into this process
    for method in ("spawn", "forkserver", "fork"):
        row = measure(method, texts, settings, args.workers)
        print(
            f"| {row['method']} | {row['startup_s']:.1f} s | {row['words_per_s']:.0f} words/s | "
            f"{row['rss_mb']:.0f} MB | {row['uss_mb']:.0f} MB | {row['pss_mb']:.0f} MB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
