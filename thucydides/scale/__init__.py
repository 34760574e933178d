"""Throughput: the worker code every engine shares, the local process pool, Dask scale-out,
Parquet output and the benchmark.

    worker.py       process_batch: one model load per process, nlp.pipe batches, outcomes
    pool.py         LocalPool: worker processes on this machine, ordered, bounded in memory
    dask_engine.py  run_dask: the same worker code on a Dask cluster (or a local one)
    parquet.py      results as Parquet partitions (articles/, events/)
    corpus.py       the benchmark corpus, assembled at run time from ../shared
    bench.py        measure throughput, latency and memory (``thucydides bench``)

``thucydides.runner.process_stream`` is the entry point of the commands; importing this
package loads neither spaCy nor Dask.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from thucydides.config import Settings
    from thucydides.model import Article, ArticleResult

__all__ = ["run_dask"]


def run_dask(
    articles: Iterable[Article],
    settings: Settings,
    scheduler: str | None = None,
    output_dir: str | Path | None = None,
    **options: Any,
) -> Iterator[ArticleResult]:
    """One ArticleResult per article, in input order, processed on Dask; see
    ``thucydides.scale.dask_engine.run_dask`` (Dask is imported only when this is called)."""
    from thucydides.scale import dask_engine

    return dask_engine.run_dask(articles, settings, scheduler, output_dir, **options)
