"""What every corpus store offers, the errors it raises, and the search request it answers.

``Store`` is a small protocol so that ingest, search and the exporters can run against the
SQLite store (:mod:`.sqlite`) or the in-memory fake (:mod:`.memory`) alike.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol, runtime_checkable

from ..errors import ConfigError, NewsintError
from ..model import Analysis

RELIABILITY_LABELS = ("low", "mixed", "high")


class StoreError(NewsintError):
    """A problem with the corpus database; the message names the file."""


class CorruptStoreError(StoreError):
    """The file is not a newsint corpus database (garbage, truncated, another program's)."""


class StoreVersionError(StoreError):
    """The database was written by a newer newsint than this one."""


class StoreFullError(StoreError):
    """The disk (or the database's size limit) is full; nothing of the last batch was kept."""


class StoreBusyError(StoreError):
    """Another process held the database lock for longer than the timeout."""


class ArticleNotFoundError(StoreError):
    """No article with this id is stored."""


@dataclass(frozen=True, slots=True)
class Near:
    """A circle on the globe: ``km`` kilometres around ``lat``, ``lon``."""

    lat: float
    lon: float
    km: float

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0) or not (-180.0 <= self.lon <= 180.0):
            raise ConfigError(f"--near needs lat in [-90, 90] and lon in [-180, 180], not {self}")
        if not (self.km > 0 and math.isfinite(self.km)):
            raise ConfigError(f"--km must be a positive number of kilometres, not {self.km}")

    @classmethod
    def parse(cls, text: str, km: float) -> Near:
        """``"36.2,37.1"`` -> ``Near(36.2, 37.1, km)``."""
        parts = text.replace(" ", "").split(",")
        try:
            lat, lon = (float(p) for p in parts)
        except ValueError as exc:
            raise ConfigError(f'--near must be "LAT,LON" in decimal degrees, not {text!r}') from exc
        if not (math.isfinite(lat) and math.isfinite(lon)):
            raise ConfigError(f'--near must be "LAT,LON" in decimal degrees, not {text!r}')
        return cls(lat, lon, km)


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchQuery:
    """Full-text words plus filters; every filter narrows the result (logical AND).

    ``text``: words that must all occur in the title or text ("quoted phrases" and
    ``prefix*`` allowed; everything else is taken literally). Empty or ``"*"``: no text
    condition. ``country``: an ISO code of a place or event in the article. ``near``: a
    place or located event within the circle. ``limit=None``: every match.
    """

    text: str = ""
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    near: Near | None = None
    event_type: str | None = None
    technique: str | None = None
    reliability: str | None = None
    limit: int | None = 20

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 1:
            raise ConfigError(f"--limit must be at least 1, not {self.limit}")
        if self.reliability is not None and self.reliability not in RELIABILITY_LABELS:
            choices = ", ".join(RELIABILITY_LABELS)
            raise ConfigError(f"--reliability must be one of {choices}, not {self.reliability!r}")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")

    @property
    def has_filters(self) -> bool:
        """Whether anything but ``limit`` narrows the result."""
        fields = (self.outlet, self.since, self.until, self.country, self.near)
        more = (self.event_type, self.technique, self.reliability)
        return bool(self.text.strip() not in ("", "*") or any(f is not None for f in fields + more))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article. ``score``: BM25 relevance (higher is better; None without words)."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    source: str | None
    score: float | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@runtime_checkable
class Store(Protocol):
    """A corpus of analyses, one per distinct article, with the paths each was seen at."""

    def add(self, analysis: Analysis, source: str | None = None) -> bool:
        """Store ``analysis`` unless its article is stored; record ``source``. True if new."""
        ...

    def add_many(self, items: Iterable[tuple[Analysis, Sequence[str]]]) -> int:
        """Store several analyses, each with its sources, atomically; the number new."""
        ...

    def add_source(self, article_id: str, source: str) -> None:
        """Record one more path at which a stored article was seen."""
        ...

    def has(self, article_id: str) -> bool: ...

    def get(self, article_id: str) -> Analysis:
        """The stored analysis; ``ArticleNotFoundError`` when absent."""
        ...

    def sources(self, article_id: str) -> list[str]: ...

    def search(self, query: SearchQuery) -> list[SearchHit]: ...

    def count(self) -> int: ...

    def iter_analyses(self, query: SearchQuery | None = None) -> Iterator[Analysis]:
        """Every stored analysis (or those matching ``query``, ignoring its limit)."""
        ...

    def close(self) -> None: ...


__all__ = [
    "RELIABILITY_LABELS",
    "ArticleNotFoundError",
    "CorruptStoreError",
    "Near",
    "SearchHit",
    "SearchQuery",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreFullError",
    "StoreVersionError",
]
