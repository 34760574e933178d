"""A pool of worker processes on one machine: ordered results, bounded memory.

Each worker loads the spaCy model and the gazetteer once (``worker.init_worker``) and then
processes whole batches (``worker.process_batch``). The caller's thread reads the input lazily
and keeps at most ``in_flight`` batches submitted, so a 5 GB JSONL file streams through in the
memory of a few batches, and it receives the results in input order.

Workers are started with ``spawn`` by default: a clean process that inherits nothing of the
caller (open SQLite connections, threads of a web server or of tqdm) and loads the model
itself. ``fork`` starts faster and shares the model's pages with the parent; the two are
measured side by side by ``benchmarks/throughput.py`` (numbers in docs/scale.md).
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from thucydides.config import Settings
from thucydides.errors import ConfigError, ThucydidesError
from thucydides.model import Article
from thucydides.scale import worker
from thucydides.scale.worker import Analyse, BatchOutput

log = logging.getLogger(__name__)

DEFAULT_START_METHOD = "spawn"
START_METHODS = ("spawn", "fork", "forkserver")

Item = TypeVar("Item")
Output = TypeVar("Output")


class LocalPool:
    """``workers`` processes running ``worker.process_batch``; use it as a context manager."""

    def __init__(
        self,
        settings: Settings,
        *,
        workers: int,
        start_method: str = DEFAULT_START_METHOD,
        analyse: Analyse | None = None,
        in_flight: int | None = None,
    ) -> None:
        if workers < 1:
            raise ConfigError(f"a pool needs at least one worker, not {workers}", "use --workers 1 or more")
        if start_method not in START_METHODS:
            raise ConfigError(f"unknown start method {start_method!r}", f"use one of {', '.join(START_METHODS)}")
        self.settings = settings
        self.workers = workers
        self.start_method = start_method
        # one batch running and one waiting per worker keeps every worker busy while the
        # caller reads input and writes results; more would only hold more memory
        self.in_flight = in_flight or 2 * workers
        self._analyse = analyse
        # the real pipeline needs the gazetteer index: built here once if missing, then every
        # worker opens it read-only (a stand-in analysis in tests needs none)
        self._gazetteer = analyse is None
        if self._gazetteer:
            worker.prepare_gazetteer(settings)
        log_level = logging.getLogger().getEffectiveLevel()
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(start_method),
            initializer=worker.init_worker,
            initargs=(settings, log_level, self._gazetteer),
        )

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers; batches not yet started are dropped, running ones finish."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def warm_up(self, *, timeout: float = 120.0, full_model: bool = False) -> set[int]:
        """Start every worker and wait until each has its model loaded (``full_model``: also
        with all its components, for the benchmark's bare parse); their process ids.

        A ready worker may take several of the warm-up tasks while another is still loading, so
        rounds of tasks are sent until every worker has answered one."""
        pids: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(pids) < self.workers and time.monotonic() < deadline:
            futures = [self._executor.submit(worker.ready, self.settings, self._gazetteer, full_model) for _ in range(self.workers)]
            pids.update(self._result(future, "warming up") for future in futures)
        return pids

    def process(self, batches: Iterable[Sequence[Article]]) -> Iterator[tuple[Sequence[Article], BatchOutput]]:
        """Each batch with its output, in input order; a worker's ThucydidesError is raised."""
        task = functools.partial(worker.process_batch, settings=self.settings, analyse=self._analyse)
        for batch, output in self.map(task, batches, describe=_describe_batch):
            output.raise_error()
            yield batch, output

    def parse_only(self, batches: Iterable[Sequence[str]], *, full: bool = True) -> Iterator[int]:
        """Bare spaCy parse of each batch of texts (see ``worker.parse_only``); token counts."""
        task = functools.partial(worker.parse_only, settings=self.settings, full=full)
        for _, tokens in self.map(task, batches, describe=lambda texts: f"{len(texts)} texts"):
            yield tokens

    def map(
        self,
        task: Callable[[Item], Output],
        items: Iterable[Item],
        *,
        describe: Callable[[Item], str] = repr,
    ) -> Iterator[tuple[Item, Output]]:
        """``(item, task(item))`` in input order, with at most ``in_flight`` items submitted."""
        pending: deque[tuple[Item, Future[Output]]] = deque()
        try:
            for item in items:
                pending.append((item, self._executor.submit(task, item)))
                if len(pending) >= self.in_flight:
                    done, future = pending.popleft()
                    yield done, self._result(future, describe(done))
            while pending:
                done, future = pending.popleft()
                yield done, self._result(future, describe(done))
        finally:
            # the caller stopped early (an error, Ctrl-C, `| head`): drop what has not started
            for _, future in pending:
                future.cancel()

    def _result(self, future: Future[Output], what: str) -> Output:
        try:
            return future.result()
        except BrokenProcessPool:
            raise ThucydidesError(
                f"a worker process died while processing {what}",
                "the machine may be out of memory: rerun with fewer --workers, or --workers 1 to see the article",
            ) from None


def _describe_batch(batch: Sequence[Article]) -> str:
    if not batch:
        return "an empty batch"
    return f"articles {batch[0].id} … {batch[-1].id}" if len(batch) > 1 else f"article {batch[0].id}"
