"""Ingest: read inputs, skip what is stored, analyse the rest, store in small transactions.

An article whose id (the hash of its text) is already stored is never analysed again: its
new source path is recorded and it is counted as present. That makes an interrupted ingest
resumable and a repeated one fast. Results are committed every ``commit_every`` articles,
so a killed process loses at most the batch in flight, and never leaves half an article.
"""

from __future__ import annotations

import csv
import glob
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import InputError, NewsintError
from ..ingest.sources import GLOB_CHARS, STDIN, SUFFIX_KINDS
from ..model import Analysis, Article
from ..pipeline.runner import AnalysisFailedError
from ..store.base import Store

Outcome = Literal["stored", "present", "duplicate", "rejected"]
Analyser = Callable[[Iterable[Article]], Iterable[Analysis | AnalysisFailedError]]
Progress = Callable[[Outcome], None]

#: inputs whose number of articles is only known after reading them
RECORD_KINDS = frozenset({"jsonl", "csv", "tsv"})
DEFAULT_COMMIT_EVERY = 16


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that was not stored: where it came from, the error class and why."""

    source: str
    error: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest run did. ``present``: stored before this run (not re-analysed);
    ``duplicates``: seen twice in this run (analysed once, both sources recorded)."""

    stored: int = 0
    present: int = 0
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the corpus now holds at least one of the inputs."""
        return self.stored + self.present + self.duplicates > 0


class Ingestor:
    """One ingest run into ``store``; ``report`` is up to date even after an exception."""

    def __init__(
        self,
        store: Store,
        analyse: Analyser,
        *,
        commit_every: int = DEFAULT_COMMIT_EVERY,
        progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.analyse = analyse
        self.commit_every = max(1, commit_every)
        self.progress = progress or (lambda outcome: None)
        self.report = IngestReport()
        self._in_flight: deque[Article] = deque()
        self._extra_sources: dict[str, list[str]] = {}  # by id of an article in flight
        self._batch: list[Analysis] = []

    def run(self, sources: Iterable[Article | InputError]) -> IngestReport:
        """Ingest every item of ``sources`` (what ``read_sources`` yields)."""
        articles = self._new_articles(sources)
        first = next(articles, None)
        if first is not None:  # the model is loaded only when something needs analysing
            for result in self.analyse(itertools.chain([first], articles)):
                self._take(result)
        self._flush()
        return self.report

    def _new_articles(self, sources: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in sources:
            if isinstance(item, InputError):
                self._reject(item.source, item)
                continue
            source = item.source or item.id
            if item.id in self._extra_sources:
                self._extra_sources[item.id].append(source)
                self.report.duplicates += 1
                self.progress("duplicate")
            elif self.store.has(item.id):
                self.store.add_source(item.id, source)
                self.report.present += 1
                self.progress("present")
            else:
                self._extra_sources[item.id] = []
                self._in_flight.append(item)
                yield item

    def _take(self, result: Analysis | AnalysisFailedError) -> None:
        # both engines yield in input order, so the oldest article in flight is this one
        article = self._in_flight[len(self._batch)]
        if isinstance(result, AnalysisFailedError):
            del self._in_flight[len(self._batch)]
            for source in [article.source or article.id, *self._extra_sources.pop(article.id)]:
                self._reject(source, result)
            return
        self._batch.append(result)
        if len(self._batch) >= self.commit_every:
            self._flush()

    def _flush(self) -> None:
        if not self._batch:
            return
        items = []
        for analysis in self._batch:
            article = self._in_flight.popleft()
            sources = [article.source or article.id, *self._extra_sources.pop(article.id)]
            items.append((analysis, sources))
        stored = self.store.add_many(items)
        self._batch = []
        self.report.stored += stored
        self.report.present += len(items) - stored  # stored by another process meanwhile
        for _ in range(stored):
            self.progress("stored")
        for _ in range(len(items) - stored):
            self.progress("present")

    def _reject(self, source: str, error: NewsintError) -> None:
        reason = getattr(error, "reason", None) or str(error)
        self.report.rejected.append(Rejected(source, type(error).__name__, reason))
        self.progress("rejected")


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many articles ``paths`` hold, when that is cheap to know: one per file.

    None when some input holds an unknown number of records (JSON Lines, CSV, stdin).
    Follows the walking rules of ``read_sources`` (hidden entries and unknown suffixes
    skipped); a missing input counts as one (it will be one rejection).
    """
    total = 0
    for item in paths:
        if item == STDIN:
            return None
        if os.path.isdir(item):
            files: list[str] = list(_walk(item))
        elif os.path.exists(item) or not any(c in item for c in GLOB_CHARS):
            files = [item]
        else:
            files = []
            for path in glob.glob(os.path.expanduser(item), recursive=True):
                files.extend(_walk(path) if os.path.isdir(path) else [path])
        if any(SUFFIX_KINDS.get(_suffix(f)) in RECORD_KINDS for f in files):
            return None
        total += max(len(files), 1)
    return total


def _walk(top: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and _suffix(name) in SUFFIX_KINDS:
                yield os.path.join(dirpath, name)


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def write_rejects(rejected: Sequence[Rejected], path: Path) -> None:
    """The rejected inputs as CSV: source, error, reason."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["source", "error", "reason"])
            writer.writerows([r.source, r.error, r.reason] for r in rejected)
    except OSError as exc:
        raise NewsintError(f"{path}: cannot write: {exc.strerror or exc}") from exc


__all__ = [
    "Analyser",
    "IngestReport",
    "Ingestor",
    "Rejected",
    "count_inputs",
    "write_rejects",
]
