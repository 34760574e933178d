"""Runs the pipeline over a stream of articles: the entry point every command uses.

``process_stream`` yields one ArticleResult per input article, in input order, streaming:

- articles are read lazily and grouped in batches of ``settings.batch_size`` (one spaCy
  ``nlp.pipe`` call each);
- with ``settings.workers`` > 1 (0 = one per CPU core) the batches go to a pool of worker
  processes (``thucydides.scale.pool``), each loading the model and gazetteer once, with only a
  few batches in flight, so memory stays bounded whatever the input's size; an input of fewer
  than two full batches is processed in this process, which is faster than starting workers;
- the prefilter (``settings.prefilter``) skips articles without conflict vocabulary before the
  parse; a skipped article still comes out, with ``skipped`` saying why;
- the caller is the single writer: it consumes the ordered results (``thucydides ingest``
  stores them from the main process);
- on a terminal, a progress bar with rate (and ETA when the total is known) goes to stderr.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
from typing import Callable, Iterable, Iterator, Sequence, Sized

from thucydides.config import Settings
from thucydides.errors import ConfigError
from thucydides.model import Article, ArticleResult
from thucydides.scale import worker
from thucydides.scale.pool import DEFAULT_START_METHOD, LocalPool
from thucydides.scale.worker import Analyse, BatchOutput

log = logging.getLogger(__name__)

# called with each batch and its output, in order: the benchmark's measuring hook
BatchHook = Callable[[Sequence[Article], BatchOutput], None]


def available_cores() -> int:
    """CPU cores this process may run on (respects taskset and container CPU sets)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def resolve_workers(workers: int) -> int:
    """The number of worker processes ``settings.workers`` asks for (0 means one per core)."""
    if workers < 0:
        raise ConfigError(f"workers is {workers}", "use 0 (one per CPU core) or a positive number")
    return workers or available_cores()


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    if size < 1:
        raise ConfigError(f"batch_size is {size}", "use a positive number of articles per batch")
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def process_stream(
    articles: Iterable[Article],
    *,
    settings: Settings,
    progress: bool | None = None,
    total: int | None = None,
    on_batch: BatchHook | None = None,
    start_method: str = DEFAULT_START_METHOD,
    pool: LocalPool | None = None,
    analyse: Analyse | None = None,
) -> Iterator[ArticleResult]:
    """One ArticleResult per article of ``articles``, in input order.

    ``progress``: show a progress bar on stderr (None: only when stderr is a terminal);
    ``total``: the number of articles, for the bar's ETA (taken from ``len(articles)`` when it
    has one). ``pool``: a running LocalPool to use (a long-lived service keeps its workers
    warm between calls) instead of starting one. ``on_batch``, ``start_method`` and ``analyse``
    are for benchmarks and tests.
    """
    if total is None and isinstance(articles, Sized):
        total = len(articles)
    results = _results(articles, settings, on_batch=on_batch, start_method=start_method, pool=pool, analyse=analyse)
    yield from with_progress(results, progress=progress, total=total)


def run_batches(
    articles: Iterable[Article],
    settings: Settings,
    *,
    start_method: str = DEFAULT_START_METHOD,
    pool: LocalPool | None = None,
    analyse: Analyse | None = None,
) -> Iterator[tuple[Sequence[Article], BatchOutput]]:
    """Each batch of ``articles`` with the workers' output for it, in input order."""
    batches = batched(articles, settings.batch_size)
    if pool is not None:
        yield from pool.process(batches)
        return
    workers = resolve_workers(settings.workers)
    head = list(itertools.islice(batches, 2))
    # starting workers costs a model load each (~1.5 s): not worth it for a short input
    small = len(head) < 2 or len(head[1]) < settings.batch_size
    if workers == 1 or small:
        if analyse is None and head:
            # load the model and open (on first use: build) the gazetteer before the first
            # article's time limit starts: a 15 s index build is not the article's fault
            worker.warm_up(settings)
        for batch in itertools.chain(head, batches):
            output = worker.process_batch(batch, settings, analyse=analyse)
            output.raise_error()
            yield batch, output
        return
    log.info("processing with %d worker processes (%s)", workers, start_method)
    with LocalPool(settings, workers=workers, start_method=start_method, analyse=analyse) as pool:
        yield from pool.process(itertools.chain(head, batches))


def _results(
    articles: Iterable[Article],
    settings: Settings,
    *,
    on_batch: BatchHook | None,
    start_method: str,
    pool: LocalPool | None,
    analyse: Analyse | None,
) -> Iterator[ArticleResult]:
    for batch, output in run_batches(articles, settings, start_method=start_method, pool=pool, analyse=analyse):
        if on_batch is not None:
            on_batch(batch, output)
        for article, outcome in zip(batch, output.outcomes, strict=True):
            yield outcome.result_for(article)


def with_progress(results: Iterator[ArticleResult], *, progress: bool | None, total: int | None) -> Iterator[ArticleResult]:
    """``results``, with a progress bar on stderr when ``progress`` (None: when it is a terminal)."""
    show = sys.stderr.isatty() if progress is None else progress
    return _with_progress_bar(results, total) if show else results


def _with_progress_bar(results: Iterator[ArticleResult], total: int | None) -> Iterator[ArticleResult]:
    from tqdm import tqdm

    with tqdm(results, total=total, unit=" articles", file=sys.stderr, mininterval=0.5, smoothing=0.05) as bar:
        yield from bar
