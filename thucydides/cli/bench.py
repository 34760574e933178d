"""`thucydides bench` — throughput of the whole pipeline beside spaCy's bare parse.

Runs ingest → analyse → geocode → extract → store (a temporary SQLite file) over a corpus,
``--runs`` times, and prints the medians: articles/s, words/s, the ratios to the bare parse
measured in the same run (by spaCy's full small pipeline, and by the components the pipeline
runs), latency per article (median, p95) and peak RSS per process. The default corpus is
assembled at run time from ../shared (see docs/scale.md).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from thucydides.config import Settings


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure throughput, latency and memory of the whole pipeline",
        description=__doc__.split("\n\n")[1].replace("\n", " "),
    )
    parser.add_argument("--corpus", action="append", metavar="PATH", help="articles to use (any ingest input; repeatable); default: built from ../shared")
    parser.add_argument("--shared", metavar="DIR", help="the shared folder to build the corpus from (default: $THUCYDIDES_SHARED or ../shared)")
    parser.add_argument("--min-mb", type=float, default=2.0, metavar="MB", help="size of the built corpus in MiB of text (default 2)")
    parser.add_argument("--workers", type=int, metavar="N", help="worker processes (default: the workers setting; 0 = one per core)")
    parser.add_argument("--runs", type=int, default=3, metavar="K", help="timed runs; medians are reported (default 3)")
    parser.add_argument(
        "--engine", choices=("local", "dask", "both"), default="local",
        help="local process pool, a local Dask cluster, or both side by side in each run",
    )
    parser.add_argument("--start-method", choices=("spawn", "fork", "forkserver"), default="spawn", help="how the local pool starts its workers")
    parser.add_argument("--no-prefilter", action="store_true", help="parse every article, even without conflict vocabulary")
    parser.add_argument("--latency-sample", type=int, default=40, metavar="N", help="articles sent alone to a worker to time latency (default 40)")
    parser.add_argument("--json", metavar="FILE", help="also write the full measurements as JSON to FILE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from thucydides.errors import InputError
    from thucydides.scale.bench import run_bench

    if args.runs < 1:
        raise InputError("--runs", f"is {args.runs}", "give at least 1")
    settings = settings.replace(workers=args.workers, prefilter=False if args.no_prefilter else None)
    report = run_bench(
        settings=settings,
        corpus_paths=args.corpus or (),
        shared=Path(args.shared) if args.shared else None,
        min_bytes=int(args.min_mb * 2**20),
        runs=args.runs,
        engine=args.engine,
        start_method=args.start_method,
        alone_sample=args.latency_sample,
        report=lambda line: print(line, file=sys.stderr, flush=True),
    )
    print(format_report(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), indent=2, default=str) + "\n", encoding="utf-8")
    return 0


def _dask_lines(report) -> list[str]:
    if report.dask_rate is None:
        return []
    return [
        f"pipeline on Dask  {report.dask_rate:8.1f} articles/s  (same runs; the line above is the local pool's)",
        f"Dask / local      {report.dask_over_local:.0%} (median of the runs' ratios)",
    ]


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value * 1000:.0f} ms"


def format_report(report) -> str:
    from thucydides.scale.bench import quantiles

    runs = len(report.pipeline_runs)
    last = report.pipeline_runs[-1]
    work = quantiles(report.work_seconds)
    alone = quantiles(report.alone_seconds)
    lines = [
        f"corpus            {report.corpus_articles} articles, {report.corpus_bytes / 1e6:.2f} MB, {report.corpus_words} words",
        f"                  {report.corpus}",
        f"set-up            engine {report.engine}, {report.workers} workers ({report.start_method}), batch {report.batch_size}, "
        f"prefilter {'on' if report.prefilter else 'off'}; medians of {runs} runs",
        f"worker start-up   {report.startup_seconds:.1f} s (one model load per worker, not in the rates)",
        f"bare spaCy parse  {report.parse_rate:8.1f} articles/s  {report.parse_words_rate:8.0f} words/s  (spaCy's full small pipeline)",
        f"  components used {report.components_parse_rate:8.1f} articles/s"
        "  (bare parse by only the components the pipeline runs)",
        f"full pipeline     {report.pipeline_rate:8.1f} articles/s  {report.pipeline_words_rate:8.0f} words/s",
        f"ratio             {report.ratio:.0%} of the full small pipeline's bare parse (the issue's ratio; median of the runs' ratios)",
        f"                  {report.components_ratio:.0%} of the bare parse by the components used (the cost of the analysis after it)",
        *_dask_lines(report),
        f"articles          {last.analysed} analysed, {last.skipped} skipped, {last.events} events, {last.input_errors} inputs refused (last run)",
        f"store             {statistics.median(r.store_seconds for r in report.pipeline_runs):.1f} s of each run in Store.add_results",
        f"latency           in a batch: median {_ms(work['median'])}, p95 {_ms(work['p95'])}; "
        f"sent alone: median {_ms(alone['median'])}, p95 {_ms(alone['p95'])}",
        "peak RSS          " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in sorted(report.peak_rss_mb.items())),
        "(timings on a shared machine are noisy: compare runs made side by side)",
    ]
    return "\n".join(lines)

