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
