"""Writing results and problems: stdout/--out for data, stderr for everything else."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rich.console import Console

from ..errors import NewsintError

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def report_problem(problem: NewsintError) -> None:
    """One line naming the input and the reason; never a traceback."""
    stderr.print(f"[bold red]error:[/] {_one_line(str(problem))}", markup=True)


def _one_line(message: str) -> str:
    return " ".join(message.split())


@contextmanager
def open_output(out: Path | None) -> Iterator[TextIO]:
    """``out`` opened for writing (parents created), or stdout."""
    if out is None:
        yield sys.stdout
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = out.open("w", encoding="utf-8")
    except OSError as exc:
        raise NewsintError(f"{out}: cannot write: {exc.strerror or exc}") from exc
    with handle:
        yield handle


class ArticleProgress:
    """A progress bar of articles on stderr, with the rate (and an ETA when the total is
    known), or nothing when disabled. A context manager; ``advance`` takes any arguments so
    it can be handed to code that reports an outcome per article."""

    def __init__(self, label: str, total: int | None = None, *, enabled: bool = True) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar: Progress | None = None
        if not enabled:
            return
        columns: list[ProgressColumn | str] = [
            SpinnerColumn(),
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeElapsedColumn(),
        ]
        if total is not None:
            columns += [TextColumn("ETA"), TimeRemainingColumn()]
        self._bar = Progress(*columns, console=stderr)
        self._task = self._bar.add_task(label, total=total, rate="–")

    def __enter__(self) -> ArticleProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, *_: object) -> None:
        if self._bar is None:
            return
        self._bar.advance(self._task)
        task = self._bar.tasks[0]
        if task.elapsed:
            self._bar.update(self._task, rate=f"{task.completed / task.elapsed:.1f}")
