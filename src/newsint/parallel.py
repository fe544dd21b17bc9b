"""Analyse articles in worker processes, each loading the pipeline once, in input order."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from .config import Config
from .model import Analysis, Article
from .pipeline import AnalysisFailedError, Pipeline

_WORKER_PIPELINE: Pipeline | None = None


def one_native_thread() -> None:
    """Keep BLAS and OpenMP (numpy, scipy, scikit-learn, LightGBM) to one thread in this
    process: with one worker per core, their default of a thread per core oversubscribes
    the machine. A single process keeps the default and gains from it."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency of scikit-learn
        return
    global _THREAD_LIMITS
    _THREAD_LIMITS = threadpool_limits(limits=1)


_THREAD_LIMITS: object = None  # kept alive: the limit holds while this object lives


def _init_worker(config: Config) -> None:
    global _WORKER_PIPELINE
    one_native_thread()
    _WORKER_PIPELINE = Pipeline.load(config)


def _work(batch: list[Article]) -> list[Analysis | AnalysisFailedError]:
    assert _WORKER_PIPELINE is not None, "worker initialiser did not run"
    return list(_WORKER_PIPELINE.run(batch))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def run_parallel(
    articles: Iterable[Article], config: Config
) -> Iterator[Analysis | AnalysisFailedError]:
    """Like ``Pipeline.run`` over ``config.n_process`` processes, with bounded look-ahead."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        config.n_process, mp_context=context, initializer=_init_worker, initargs=(config,)
    ) as executor:
        pending: deque[Future[list[Analysis | AnalysisFailedError]]] = deque()
        for batch in _batches(articles, config.batch_size):
            pending.append(executor.submit(_work, batch))
            if len(pending) >= 2 * config.n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
