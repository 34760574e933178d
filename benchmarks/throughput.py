"""The throughput matrix of docs/scale.md: the bench in several set-ups, side by side.

For each set-up it runs ``thucydides.scale.bench.run_bench`` (the code of ``thucydides bench``)
on the same corpus and prints one markdown row: medians of the runs, the bare spaCy parse rate
measured in the same runs, their ratio, latency and peak RSS per worker.

    .venv/bin/python benchmarks/throughput.py                      # the default matrix, 3 runs
    .venv/bin/python benchmarks/throughput.py --runs 5 --mb 2 --json-dir /tmp/bench
    .venv/bin/python benchmarks/throughput.py --only local-2 dask-2

The corpus is assembled at run time from ../shared (docs/scale.md says how); nothing of it is
written into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from thucydides.config import Settings
from thucydides.scale.bench import BenchReport, quantiles, run_bench

# name: (engine, workers, start method, prefilter)
SETUPS = {
    "local-1": ("local", 1, "spawn", True),
    "local-2": ("local", 2, "spawn", True),
    "local-2-fork": ("local", 2, "fork", True),
    "local-2-noprefilter": ("local", 2, "spawn", False),
    "dask-2": ("dask", 2, "spawn", True),
}


def row(name: str, report: BenchReport) -> str:
    work, alone = quantiles(report.work_seconds), quantiles(report.alone_seconds)
    workers_rss = max((mb for key, mb in report.peak_rss_mb.items() if key.startswith("worker")), default=0.0)
    skipped = report.pipeline_runs[-1].skipped
    return (
        f"| {name} | {report.pipeline_rate:.1f} | {report.pipeline_words_rate:.0f} | {report.parse_rate:.1f} | "
        f"{report.parse_words_rate:.0f} | {report.ratio:.0%} | {skipped} | {work['median'] * 1000:.0f} / {work['p95'] * 1000:.0f} | "
        f"{alone['median'] * 1000:.0f} / {alone['p95'] * 1000:.0f} | {workers_rss:.0f} | {report.peak_rss_mb['main']:.0f} | "
        f"{report.startup_seconds:.1f} |"
    )


HEADER = (
    "| set-up | pipeline articles/s | pipeline words/s | bare parse articles/s | bare parse words/s | ratio | "
    "skipped | latency in batch ms (median / p95) | latency alone ms (median / p95) | peak RSS per worker MB | "
    "peak RSS main MB | start-up s |\n|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mb", type=float, default=2.0, help="MiB of corpus text")
    parser.add_argument("--only", nargs="+", choices=sorted(SETUPS), help="run only these set-ups")
    parser.add_argument("--json-dir", type=Path, help="write each set-up's full measurements there")
    args = parser.parse_args()
    print(HEADER, flush=True)
    for name in args.only or SETUPS:
        engine, workers, start_method, prefilter = SETUPS[name]
        report = run_bench(
            settings=Settings(workers=workers, prefilter=prefilter),
            min_bytes=int(args.mb * 2**20),
            runs=args.runs,
            engine=engine,
            start_method=start_method,
            report=lambda line, name=name: print(f"[{name}] {line}", file=sys.stderr, flush=True),
        )
        print(row(name, report), flush=True)
        if args.json_dir:
            args.json_dir.mkdir(parents=True, exist_ok=True)
            (args.json_dir / f"{name}.json").write_text(json.dumps(report.to_dict(), indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
