"""Helpers shared by every ``newsint eval <task>``: metrics, tables, files, the pipeline run.

Everything here is independent of the task: precision/recall/F1 counts, great-circle
distance, a Rich table of metrics, JSON/JSONL writers, a timer, and a robust way to run the
real article pipeline over a corpus (a failing article is reported, the others go on).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..errors import NewsintError
from ..metrics import PRF
from ..model import Analysis, Article

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

Cell = str | int | float | None


class CorpusError(NewsintError):
    """An evaluation corpus is missing or cannot be read."""


# --- options every eval command shares ----------------------------------------------------

LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", "-n", min=1, help="Evaluate only the first N articles (quick runs)."),
]
PredictionsOpt = Annotated[
    Path | None,
    typer.Option("--predictions", "-p", help="Write per-article predictions here as JSON Lines."),
]
JsonOutOpt = Annotated[
    Path | None, typer.Option("--json-out", help="Write the metrics here as one JSON object.")
]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per nlp.pipe batch.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


# --- pure metrics -------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def median(values: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def mean(values: Sequence[float]) -> float | None:
    """The arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


# --- a table of metrics -------------------------------------------------------------------


@dataclass
class MetricTable:
    """Rows of metrics under named columns, printed as one Rich table.

    ``add(label, *values)`` adds a row; floats print with ``digits`` decimals, ``None`` as
    an en dash. ``section()`` draws a rule before the next row.
    """

    title: str
    columns: Sequence[str]
    digits: int = 3
    caption: str | None = None
    rows: list[tuple[str, tuple[Cell, ...], bool, int]] = field(default_factory=list)
    _rule_next: bool = False

    def section(self) -> None:
        self._rule_next = True

    def add(self, label: str, *values: Cell, digits: int | None = None) -> None:
        """One row; ``digits`` overrides the table's decimals for its floats."""
        if len(values) > len(self.columns):
            raise ValueError(f"row {label!r} has {len(values)} values for {len(self.columns)}")
        places = self.digits if digits is None else digits
        self.rows.append((label, values, self._rule_next, places))
        self._rule_next = False

    def format(self, value: Cell, digits: int | None = None) -> str:
        if value is None:
            return "–"
        if isinstance(value, float):
            return f"{value:,.{self.digits if digits is None else digits}f}"
        if isinstance(value, int):
            return f"{value:,}"
        return value

    def render(self) -> Table:
        table = Table(title=self.title, caption=self.caption, title_justify="left")
        table.add_column("metric", style="bold")
        for name in self.columns:
            table.add_column(name, justify="right")
        for label, values, rule, digits in self.rows:
            if rule and table.row_count:
                table.add_section()
            cells = [self.format(v, digits) for v in values]
            table.add_row(label, *cells, *[""] * (len(self.columns) - len(cells)))
        return table

    def print(self, console: Console | None = None) -> None:
        (console or Console(highlight=False)).print(self.render())


# --- files ----------------------------------------------------------------------------------


def require_file(path: Path, what: str, hint: str = "") -> Path:
    """``path`` if it is a readable file, else a ``CorpusError`` saying what is missing."""
    if not path.exists():
        raise CorpusError(f"{path}: {what} not found{hint}")
    if not path.is_file():
        raise CorpusError(f"{path}: {what} is not a file{hint}")
    return path


def _open_for_writing(path: Path) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise NewsintError(f"{path}: cannot write: {exc.strerror or exc}") from exc


class JsonlWriter:
    """Writes one JSON object a line to ``path``; with ``path=None`` it writes nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.count = 0
        self._handle = _open_for_writing(path) if path is not None else None

    def write(self, record: dict[str, Any]) -> None:
        if self._handle is not None:
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.count += 1

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write ``records`` as JSON Lines (parents created); returns how many were written."""
    with JsonlWriter(path) as writer:
        for record in records:
            writer.write(record)
        return writer.count


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented JSON (parents created)."""
    with _open_for_writing(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")


# --- running the pipeline -------------------------------------------------------------------


class Timer:
    """Wall-clock seconds between ``start()`` and ``stop()`` (or now)."""

    def __init__(self) -> None:
        self._start = time.perf_counter()
        self._stop: float | None = None

    def start(self) -> Timer:
        self._start, self._stop = time.perf_counter(), None
        return self

    def stop(self) -> float:
        self._stop = time.perf_counter()
        return self.seconds

    @property
    def seconds(self) -> float:
        end = self._stop if self._stop is not None else time.perf_counter()
        return end - self._start

    def rate(self, count: int) -> float | None:
        """``count`` per second, or None when no time has passed."""
        return count / self.seconds if self.seconds > 0 else None


def warm_pipeline(batch_size: int = 32, jobs: int = 1, *, demonym_places: bool = False) -> None:
    """Load the spaCy model now, so that timings measure analysis and not loading."""
    if jobs == 1:
        from ..api import get_pipeline
        from ..config import Config

        get_pipeline(Config.from_env(batch_size=batch_size, demonym_places=demonym_places))


def run_pipeline(
    articles: Iterable[Article],
    *,
    batch_size: int = 32,
    jobs: int = 1,
    demonym_places: bool = False,
) -> Iterator[Analysis | NewsintError]:
    """The real article pipeline over ``articles``, one result per article in input order.

    Unlike ``newsint.analyze_many`` a failing article yields its error instead of ending
    the run, so one bad article costs one article of an evaluation, not all of it.
    """
    from ..api import run_articles
    from ..config import Config

    config = Config.from_env(batch_size=batch_size, n_process=jobs, demonym_places=demonym_places)
    yield from run_articles(articles, config)


@contextmanager
def progress_bar(
    total: int | None, *, label: str = "evaluating", enabled: bool = True
) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr; yields the function that advances it by one article."""
    if not enabled:
        yield lambda: None
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task(label, total=total)
    with bar:
        yield lambda: bar.advance(task)


def limited(items: Iterable[Any], limit: int | None) -> Iterator[Any]:
    """The first ``limit`` items (all of them for None)."""
    for index, item in enumerate(items):
        if limit is not None and index >= limit:
            return
        yield item


__all__ = [
    "EARTH_RADIUS_KM",
    "PRF",
    "BatchOpt",
    "CorpusError",
    "JobsOpt",
    "JsonOutOpt",
    "JsonlWriter",
    "LimitOpt",
    "MetricTable",
    "PredictionsOpt",
    "QuietOpt",
    "Timer",
    "haversine_km",
    "limited",
    "mean",
    "median",
    "progress_bar",
    "require_file",
    "run_pipeline",
    "warm_pipeline",
    "write_json",
    "write_jsonl",
]
