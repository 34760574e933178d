"""Scale-out on Dask: the same worker code, sharded over a cluster (or a local one).

The client reads the input lazily and cuts it into shards of ``shard_size`` articles; each shard
is scattered to a worker and processed there by ``worker.process_batch`` (in batches of
``settings.batch_size``, exactly as the local pool does), optionally written as one Parquet
partition (``thucydides.scale.parquet``), and its outcomes come back so the caller gets every
ArticleResult in input order — ``thucydides ingest`` stores them from the client, the single
writer. A worker plugin loads the model and gazetteer once per Dask worker, also on workers
that join later. Only a few shards per worker are in flight, so the client's memory is bounded.

Dask runs tasks in worker threads; the per-article time limit holds there too (a watchdog
thread raises the timeout, see ``worker.time_limit``). Run workers with ``--nthreads 1`` (the
local cluster does): the parse is CPU-bound, so more threads per process only contend for the GIL.
"""

from __future__ import annotations

import logging
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from distributed import Client, LocalCluster, WorkerPlugin

from thucydides.config import Settings
from thucydides.errors import ThucydidesError
from thucydides.model import Article, ArticleResult
from thucydides.runner import BatchHook, batched, resolve_workers, with_progress
from thucydides.scale import worker
from thucydides.scale.worker import Analyse, BatchOutput

if TYPE_CHECKING:
    from distributed import Future

log = logging.getLogger(__name__)

# distributed sets its own loggers to INFO on import, and they reach our stderr handler: a user
# asked for a run, not for the scheduler's diary. -vv (DEBUG) lets them through again.
if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
    logging.getLogger("distributed").setLevel(logging.WARNING)

PLUGIN_NAME = "thucydides-model"
CONNECT_TIMEOUT = "30s"
SHARD_BATCHES = 2  # batches per shard: short tasks, so that no worker waits long at the end
# shards in flight per worker: results come back in input order, so a worker whose shards are
# done waits while the client waits for an older, slower one; a deeper queue keeps it busy
IN_FLIGHT_PER_WORKER = 4


class LoadModel(WorkerPlugin):
    """Loads the spaCy model and the gazetteer when a Dask worker starts (or joins later)."""

    def __init__(self, settings: Settings, *, gazetteer: bool = True) -> None:
        self.settings = settings
        self.gazetteer = gazetteer

    def setup(self, worker: object) -> None:  # noqa: ARG002 — the Dask worker itself is not needed
        _warm_up(self.settings, self.gazetteer)


def _warm_up(settings: Settings, gazetteer: bool) -> None:
    try:
        worker.warm_up(settings, gazetteer=gazetteer)
    except ThucydidesError as error:
        # the first shard meets the error again and carries it back to the client, readable
        log.error("cannot load the model on this Dask worker: %s", error)


def process_shard(
    articles: Sequence[Article],
    settings: Settings,
    index: int,
    output_dir: str | None = None,
    analyse: Analyse | None = None,
) -> BatchOutput:
    """Runs on a Dask worker: the shard's outcomes, and its Parquet partition when asked."""
    outcomes = []
    for batch in batched(articles, settings.batch_size):
        output = worker.process_batch(batch, settings, analyse=analyse)
        if output.error is not None:
            return output
        outcomes.extend(output.outcomes)
    if output_dir is not None:
        from thucydides.scale.parquet import write_partition

        write_partition([outcome.result_for(article) for article, outcome in zip(articles, outcomes)], output_dir, index)
    return BatchOutput(outcomes=tuple(outcomes), peak_rss_mb=worker.peak_rss_mb())


def connect(scheduler: str | None, settings: Settings, *, timeout: str = CONNECT_TIMEOUT) -> tuple[Client, LocalCluster | None]:
    """A client of the scheduler at ``scheduler``, or of a new local cluster of
    ``settings.workers`` single-threaded worker processes."""
    if scheduler:
        try:
            return Client(scheduler, timeout=timeout), None
        except (OSError, TimeoutError, ValueError) as error:
            raise ThucydidesError(
                f"cannot reach the Dask scheduler at {scheduler}: {error}",
                "check the address (tcp://HOST:8786) and that `dask scheduler` runs there",
            ) from None
    import dask

    # Dask's statistical profiler samples the task thread's stack every 10 ms: a cost on
    # pure-Python stages and nothing anyone reads here (the workers get the config at start)
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(
            n_workers=resolve_workers(settings.workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: several clusters (and users) on one machine
            silence_logs=logging.WARNING,
        )
    return Client(cluster), cluster


def run_dask(
    articles: Iterable[Article],
    settings: Settings,
    scheduler: str | None = None,
    output_dir: str | Path | None = None,
    *,
    shard_size: int | None = None,
    in_flight: int | None = None,
    progress: bool | None = None,
    total: int | None = None,
    on_batch: BatchHook | None = None,
    analyse: Analyse | None = None,
) -> Iterator[ArticleResult]:
    """One ArticleResult per article, in input order, processed on Dask workers.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); None starts a local
    cluster of ``settings.workers`` processes for the duration of the run. ``output_dir``: also
    write each shard as a Parquet partition there (a path every worker can reach).
    ``shard_size``: articles per task (default ``SHARD_BATCHES`` batches); ``in_flight``: shards
    submitted and not yet collected (default ``IN_FLIGHT_PER_WORKER`` per worker).
    ``progress``/``total``: a progress bar on stderr, as in ``runner.process_stream`` (None:
    when stderr is a terminal).
    """
    shard_size = shard_size or SHARD_BATCHES * settings.batch_size
    results = _run(articles, settings, scheduler, output_dir, shard_size, in_flight, on_batch, analyse)
    return with_progress(results, progress=progress, total=total)


def _run(
    articles: Iterable[Article],
    settings: Settings,
    scheduler: str | None,
    output_dir: str | Path | None,
    shard_size: int,
    in_flight: int | None,
    on_batch: BatchHook | None,
    analyse: Analyse | None,
) -> Iterator[ArticleResult]:
    target = str(output_dir) if output_dir is not None else None
    if scheduler is None and analyse is None:
        # local workers share this machine's index: build it once here rather than in each
        worker.prepare_gazetteer(settings)
    client, cluster = connect(scheduler, settings)
    try:
        client.register_plugin(LoadModel(settings, gazetteer=analyse is None), name=PLUGIN_NAME)
        in_flight = in_flight or IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        pending: deque[tuple[list[Article], Future]] = deque()
        for index, shard in enumerate(batched(articles, shard_size)):
            # the shard goes inside the task, not scattered ahead: a scattered shard waits on
            # the worker it was sent to, while a task is placed on whichever worker is free
            future = client.submit(process_shard, shard, settings, index, target, analyse, pure=False)
            pending.append((shard, future))
            if len(pending) >= in_flight:
                yield from _collect(*pending.popleft(), on_batch)
        while pending:
            yield from _collect(*pending.popleft(), on_batch)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(shard: list[Article], future: Future, on_batch: BatchHook | None) -> Iterator[ArticleResult]:
    from distributed.scheduler import KilledWorker

    try:
        output: BatchOutput = future.result()
    except KilledWorker:
        raise ThucydidesError(
            f"Dask workers died repeatedly on the shard of articles {shard[0].id} … {shard[-1].id}",
            "check the workers' memory limit, or run that part with `thucydides extract --workers 1`",
        ) from None
    finally:
        future.release()
    output.raise_error()
    if on_batch is not None:
        on_batch(shard, output)
    for article, outcome in zip(shard, output.outcomes, strict=True):
        yield outcome.result_for(article)
