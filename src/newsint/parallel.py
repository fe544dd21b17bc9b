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


def _init_worker(config: Config) -> None:
    global _WORKER_PIPELINE
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
