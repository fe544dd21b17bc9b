"""``newsint ingest --engine dask``: the command-line side of the Dask engine.

``run_dask_ingest`` analyses the inputs on a Dask cluster into partitioned Parquet
(see ``newsint.corpus.dask_engine`` for the layout and for running on a real cluster),
shows progress by partition on stderr and reports each bad input on one line. The
caller (``newsint ingest``) then loads the Parquet into its store with
``load_parquet_into_store``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..config import Config
from ..corpus.dask_engine import DaskIngestSummary, PartitionResult, ingest_to_parquet
from ..errors import NewsintError
from .output import stderr


def run_dask_ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    out_dir: str | os.PathLike[str],
    scheduler: str | None = None,
    n_workers: int = 2,
    config: Config,
    quiet: bool = False,
) -> DaskIngestSummary:
    """Analyse ``paths`` on Dask into Parquet under ``out_dir``; problems go to stderr.

    ``scheduler``: ``tcp://host:8786`` of a running cluster; without it a LocalCluster
    of ``n_workers`` processes runs on this machine.
    """
    progress = _PartitionProgress(enabled=not quiet)
    with progress:
        summary = ingest_to_parquet(
            paths,
            out_dir=out_dir,
            scheduler=scheduler,
            n_workers=n_workers,
            config=config,
            on_partition=progress.advance,
        )
    for problem in summary.problems:
        stderr.print(f"[bold red]error:[/] {' '.join(problem.split())}")
    if not quiet:
        stderr.print(
            f"analysed {summary.articles} article(s) in {summary.partitions} partition(s) "
            f"into {Path(summary.out_dir)}"
        )
    if summary.articles == 0:
        raise NewsintError(
            "no input could be analysed" if summary.problems else "no articles found"
        )
    return summary


class _PartitionProgress:
    """A bar that counts finished partitions and articles, or nothing."""

    def __init__(self, *, enabled: bool) -> None:
        self.bar: Progress | None = None
        if enabled:
            self.bar = Progress(
                TextColumn("dask"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("partitions, {task.fields[articles]} articles"),
                TimeElapsedColumn(),
                console=stderr,
            )
            self.task = self.bar.add_task("partitions", total=None, articles=0)
        self.articles = 0

    def __enter__(self) -> _PartitionProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, result: PartitionResult) -> None:
        self.articles += result.articles
        if self.bar is not None:
            self.bar.update(self.task, advance=1, articles=self.articles)
