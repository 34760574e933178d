"""The worker side of every engine: batches of articles in, one outcome per article out.

The in-process runner, the local process pool and the Dask engine all call ``process_batch``,
so every engine makes the same decisions about the same article. A worker process loads the
spaCy model once (``analyse.load_nlp`` caches it per process) and parses a batch with
``nlp.pipe``; each article is then analysed by ``pipeline.analyse_parsed`` (places, events).

Decisions recorded as ``Outcome.skipped`` rather than raised, so that one bad article never
stops a news-wire stream: the prefilter, a text longer than spaCy's ``max_length``, the
per-article time limit, and an unexpected exception in a stage (logged with its traceback).
A ``ThucydidesError`` (model or gazetteer missing…) concerns every article and is carried back
to the caller, which raises it.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import os
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from thucydides import errors
from thucydides.config import Settings
from thucydides.model import Article, ArticleResult, Event, PlaceMention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from thucydides.geocode import Geocoder

log = logging.getLogger(__name__)

# Doc analysis after the parse: pipeline.analyse_parsed, or a stand-in in tests
Analyse = Callable[[Article, "Doc"], ArticleResult]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker made of one article; the caller joins it to the Article it already holds
    (sending the text back would double the traffic between processes)."""

    events: tuple[Event, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    skipped: str | None = None
    seconds: float = 0.0  # work time: its share of the batch's parse plus its own analysis

    def result_for(self, article: Article) -> ArticleResult:
        return ArticleResult(article=article, events=self.events, places=self.places, skipped=self.skipped)


@dataclass(frozen=True, slots=True)
class CarriedError:
    """A ThucydidesError raised in a worker, in a form that survives pickling (the exception's
    own pickling loses ``fix`` and breaks on InputError's signature)."""

    kind: str
    what: str
    fix: str | None
    source: str | None = None

    @classmethod
    def of(cls, error: errors.ThucydidesError) -> CarriedError:
        return cls(type(error).__name__, error.what, error.fix, getattr(error, "source", None))

    def rebuild(self) -> errors.ThucydidesError:
        kind = getattr(errors, self.kind, errors.ThucydidesError)
        if not (isinstance(kind, type) and issubclass(kind, errors.ThucydidesError)):
            kind = errors.ThucydidesError
        error = kind.__new__(kind)
        errors.ThucydidesError.__init__(error, self.what, self.fix)
        if self.source is not None:
            error.source = self.source
        return error


@dataclass(frozen=True, slots=True)
class BatchOutput:
    outcomes: tuple[Outcome, ...]
    pid: int = field(default_factory=os.getpid)
    peak_rss_mb: float = 0.0
    error: CarriedError | None = None

    def raise_error(self) -> None:
        if self.error is not None:
            raise self.error.rebuild()


class ArticleTimeout(Exception):
    """The analysis of one article ran over ``settings.max_article_seconds``."""


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB (Linux reports ru_maxrss in kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_geocoders: dict[Settings, Geocoder] = {}
_geocoders_lock = threading.Lock()


def _forget_after_fork() -> None:
    # a forked worker opens its own SQLite connections, never its parent's, and must not
    # inherit a lock another thread of the parent held at the moment of the fork
    global _geocoders_lock, _watchdog
    _geocoders.clear()
    _geocoders_lock = threading.Lock()
    _watchdog = _Watchdog()  # the parent's watchdog thread does not exist in the child


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


def geocoder_for(settings: Settings) -> Geocoder:
    """This process's Geocoder for ``settings`` (so a worker honours the caller's gazetteer
    setting, not only the environment's), made once; its index opens on first use."""
    with _geocoders_lock:
        if settings not in _geocoders:
            from thucydides.geocode import Geocoder

            _geocoders[settings] = Geocoder(settings=settings)
        return _geocoders[settings]


def pipeline_analyse(settings: Settings) -> Analyse:
    """``pipeline.analyse_parsed`` with this process's geocoder for ``settings``."""
    from thucydides import pipeline

    return functools.partial(pipeline.analyse_parsed, geocoder=geocoder_for(settings))


def prepare_gazetteer(settings: Settings) -> None:
    """Make sure the gazetteer index exists before workers start, so that they open it
    read-only instead of each building it at once (``ensure_gazetteer`` builds it if needed)."""
    from thucydides.geocode import ensure_gazetteer

    ensure_gazetteer(settings).close()


def warm_up(settings: Settings, *, gazetteer: bool = True, full_model: bool = False) -> int:
    """Load the model, and open the gazetteer index, before the first batch; the process id.
    ``full_model``: also the model with all its components (the benchmark's bare parse)."""
    from thucydides import analyse

    analyse.load_nlp(settings.model)
    if full_model:
        analyse.load_nlp(settings.model, full=True)
    if gazetteer:
        geocoder_for(settings).gazetteer  # noqa: B018 — the property opens the index
    return os.getpid()


def ready(settings: Settings, gazetteer: bool = True, full_model: bool = False) -> int:
    """A warm-up task: loads what ``warm_up`` loads and holds the worker a moment, so that the
    pool's other workers take the other warm-up tasks; the process id."""
    warm_up(settings, gazetteer=gazetteer, full_model=full_model)
    time.sleep(0.05)
    return os.getpid()


# after the limit, the timeout is raised again this often until the block is left: Python
# ignores an exception raised where it cannot propagate (a __del__ method, a gc callback), and a
# timeout raised there once would otherwise be lost and leave the article without a limit
_ALARM_REPEAT_SECONDS = 0.25


def _on_alarm(signum: int, frame: object) -> None:
    raise ArticleTimeout()


def time_limit(seconds: float) -> contextlib.AbstractContextManager[None]:
    """Interrupt the block after ``seconds`` with ArticleTimeout, in whichever thread it runs.

    In the main thread a SIGALRM does it (it also cuts a ``time.sleep`` or a blocking read
    short); in any other thread (a Dask worker's, a web server's thread pool) the process's
    watchdog thread raises the exception in the block's thread. Either way the exception comes
    between two Python instructions: a single long call into C code (one regular expression
    match) finishes first. The block must not ``yield`` (a suspended block is not running).
    """
    if seconds <= 0:
        return contextlib.nullcontext()
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return _WatchedBlock(seconds)
    return _alarm(seconds)


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, _ALARM_REPEAT_SECONDS)
    try:
        yield
    finally:
        _disarm(previous)


def _disarm(previous: object) -> None:
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            return
        except ArticleTimeout:  # the alarm went off once more on the way out: disarm again
            continue


def _raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> None:
    """Make ``exception`` pending in thread ``thread_id`` (None: withdraw a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None)


@dataclass(eq=False)
class _Limit:
    thread_id: int
    frame: FrameType  # the frame that runs the block
    deadline: float  # time.monotonic() of the next ArticleTimeout
    fired: bool = False

    def running(self) -> bool:
        """Whether the block's frame is still on its thread's stack: an ArticleTimeout that
        lands just as the block exits (at the entry of __exit__, before its disarm) would
        otherwise leave the limit armed and hit whatever the thread runs next."""
        frame = sys._current_frames().get(self.thread_id)
        while frame is not None:
            if frame is self.frame:
                return True
            frame = frame.f_back
        return False


class _WatchedBlock:
    """The limit of one block in a thread other than the main one (see ``time_limit``)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        self.limit = _watchdog.arm(self.seconds, sys._getframe(1))

    def __exit__(self, *exc_info: object) -> None:
        _watchdog.disarm(self.limit)


class _Watchdog:
    """One daemon thread per process that raises ArticleTimeout in each thread whose limit ran
    out, and again every _ALARM_REPEAT_SECONDS until that thread leaves its block."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._limits: set[_Limit] = set()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float, frame: FrameType) -> _Limit:
        limit = _Limit(threading.get_ident(), frame, time.monotonic() + seconds)
        with self._changed:
            self._limits.add(limit)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="thucydides-time-limit", daemon=True)
                self._thread.start()
            self._changed.notify()
        return limit

    def disarm(self, limit: _Limit) -> None:
        while True:
            try:
                with self._changed:  # the watchdog raises only while holding it
                    self._limits.discard(limit)
                    if limit.fired:
                        _raise_in_thread(limit.thread_id, None)  # one raised but not yet delivered
                return
            except ArticleTimeout:  # delivered on the way out: withdraw again
                continue

    def _watch(self) -> None:
        with self._changed:
            while True:
                now = time.monotonic()
                for limit in [limit for limit in self._limits if limit.deadline <= now]:
                    if not limit.running():
                        self._limits.discard(limit)  # left without its disarm (see _Limit.running)
                        continue
                    _raise_in_thread(limit.thread_id, ArticleTimeout)
                    limit.fired = True
                    limit.deadline = now + _ALARM_REPEAT_SECONDS
                next_deadline = min((limit.deadline for limit in self._limits), default=None)
                self._changed.wait(None if next_deadline is None else max(0.0, next_deadline - time.monotonic()))


_watchdog = _Watchdog()


def _skip_before_parse(article: Article, settings: Settings, nlp: Language) -> str | None:
    if settings.prefilter:
        from thucydides.prefilter import skip_reason

        reason = skip_reason(article)
        if reason:
            return reason
    if len(article.text) > nlp.max_length:
        # spaCy refuses it, and parsing it would need ~1 GB per 100,000 characters
        return f"text of {len(article.text):,} characters is over spaCy's max_length ({nlp.max_length:,})"
    return None


def _parse(nlp: Language, articles: Sequence[Article], batch_size: int, limit: float = 0.0) -> list[Doc | str]:
    """Docs in order; when the batch parse fails, each article alone, so one text cannot sink
    the others (the failing one gets the error's description instead of a Doc).

    ``limit`` (max_article_seconds) bounds the parse too: the batch gets ``limit`` seconds per
    article; over that, each article is parsed alone within ``limit`` and the one that runs
    over is skipped (a text spaCy accepts, up to its max_length, can take minutes to parse)."""
    texts = [article.text for article in articles]
    try:
        with time_limit(limit * len(articles)):
            return list(nlp.pipe(texts, batch_size=batch_size))
    except Exception:  # noqa: BLE001 — isolate the article that broke the batch (ArticleTimeout too)
        docs: list[Doc | str] = []
        for article in articles:
            try:
                with time_limit(limit):
                    docs.append(nlp(article.text))
            except ArticleTimeout:
                log.error("article %s: skipped, its parse ran over %g s", article.id, limit)
                docs.append(f"time limit: parse ran over {limit:g} s")
            except Exception as error:  # noqa: BLE001
                log.exception("article %s: the parse failed", article.id)
                docs.append(f"error in parse: {type(error).__name__}: {error}")
        return docs


def _analyse_one(article: Article, doc: Doc, analyse: Analyse, limit: float) -> tuple[Outcome, float]:
    started = time.perf_counter()
    try:
        with time_limit(limit):
            result = analyse(article, doc)
        outcome = Outcome(events=tuple(result.events), places=tuple(result.places), skipped=result.skipped)
    except ArticleTimeout:
        log.error("article %s: skipped, its analysis ran over %g s", article.id, limit)
        outcome = Outcome(skipped=f"time limit: analysis ran over {limit:g} s")
    except errors.ThucydidesError:
        raise
    except Exception as error:  # noqa: BLE001 — one article's bug must not stop the stream
        log.exception("article %s: skipped after an error in analysis", article.id)
        outcome = Outcome(skipped=f"error in analysis: {type(error).__name__}: {error}")
    return outcome, time.perf_counter() - started


def process_batch(
    articles: Sequence[Article], settings: Settings, *, analyse: Analyse | None = None
) -> BatchOutput:
    """One Outcome per article, in order; a ThucydidesError comes back in ``error``."""
    try:
        outcomes = _process_batch(articles, settings, analyse or pipeline_analyse(settings))
    except errors.ThucydidesError as error:
        return BatchOutput(outcomes=(), peak_rss_mb=peak_rss_mb(), error=CarriedError.of(error))
    return BatchOutput(outcomes=tuple(outcomes), peak_rss_mb=peak_rss_mb())


def _process_batch(articles: Sequence[Article], settings: Settings, analyse: Analyse) -> list[Outcome]:
    from thucydides import analyse as analysis

    nlp = analysis.load_nlp(settings.model)
    # spaCy's vocabulary keeps every new string it sees: over a long stream of news (names,
    # numbers, URLs) it grows without bound. Strings added inside a memory zone are freed when
    # it closes; nothing of the batch's Docs outlives it (outcomes hold plain Python values).
    with nlp.memory_zone():
        return _process_in_zone(articles, settings, analyse, nlp)


def _process_in_zone(articles: Sequence[Article], settings: Settings, analyse: Analyse, nlp: Language) -> list[Outcome]:
    outcomes: list[Outcome | None] = [None] * len(articles)
    to_parse: list[int] = []
    for index, article in enumerate(articles):
        reason = _skip_before_parse(article, settings, nlp)
        if reason:
            log.info("article %s: skipped, %s", article.id, reason)
            outcomes[index] = Outcome(skipped=reason)
        else:
            to_parse.append(index)

    started = time.perf_counter()
    docs = _parse(nlp, [articles[index] for index in to_parse], settings.batch_size, settings.max_article_seconds)
    parse_seconds = time.perf_counter() - started
    total_chars = sum(len(articles[index].text) for index in to_parse) or 1
    for index, doc in zip(to_parse, docs):
        article = articles[index]
        parse_share = parse_seconds * len(article.text) / total_chars
        if isinstance(doc, str):
            outcomes[index] = Outcome(skipped=doc, seconds=parse_share)
            continue
        outcome, seconds = _analyse_one(article, doc, analyse, settings.max_article_seconds)
        outcomes[index] = Outcome(outcome.events, outcome.places, outcome.skipped, parse_share + seconds)
    return outcomes  # type: ignore[return-value] — every index was filled above


def parse_only(texts: Sequence[str], settings: Settings, full: bool = True) -> int:
    """Bare spaCy parse of ``texts``, the number of tokens: with every component of the model
    (``full``, the benchmark's ceiling) or with only those the pipeline runs."""
    from thucydides import analyse

    nlp = analyse.load_nlp(settings.model, full=full)
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.batch_size))


def init_worker(settings: Settings, log_level: int, gazetteer: bool = True) -> None:
    """Set up a pool's worker process: its logging, Ctrl-C left to the parent (which stops the
    pool cleanly), the model and gazetteer loaded before the first batch."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a spawned worker starts without the parent's logging set-up; a forked one keeps it
    logging.basicConfig(level=log_level, stream=sys.stderr, format="%(levelname)s %(name)s[%(process)d]: %(message)s")
    logging.getLogger().setLevel(log_level)
    # an error here would break the whole pool without its message; the first batch meets it
    # again and carries it back to the caller instead
    with contextlib.suppress(errors.ThucydidesError):
        warm_up(settings, gazetteer=gazetteer)
