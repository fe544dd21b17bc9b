"""Story clusters: articles about the same event or development, across outlets.

An article is represented by the embedding of its title and first three sentences
(the lede carries the story; later paragraphs drift into background), from
``wordllama`` static embeddings (about 30,000 sentences/s on one core, loaded from
the installed package with downloads off). Articles are taken in order of
publication; each joins the existing story whose centroid is most similar (cosine)
when that similarity reaches ``threshold`` and the article was published within
``window_days`` of the story's first..last dates (undated articles or stories have
no date constraint), or else starts a new story. Stories whose last date falls out
of the window are retired, so the cost grows with the stories active at one time,
not with the corpus. Near-duplicate groups (``find_duplicates``, computed here unless
given) enter as one unit, so copies share a story even when boilerplate or
truncation changed their first sentences.

The default threshold 0.70 comes from ``python bench/dedup_bench.py --stories`` on the
409 PTC train + dev articles (``bench/results/dedup.json``, ``stories``), many of which
cover the same few stories from different outlets (Ebola in the Congo, the Kavanaugh
hearings, a pardoned sailor suing Comey). Judged by hand from their titles, of 16
random pairs per band of lede similarity, the same story were: 16 at >= 0.80, 14 at
0.75-0.80 (the misses: raids by ICE in different cities), about 12 at 0.70-0.75 and 8
at 0.60-0.70, where pairs share a topic (plague, the Pope) rather than a story. The
PTC articles carry no dates, so this is the worst case: in a dated corpus the
+-3-day window separates most topic-only pairs. At 0.70, 28 % of the PTC articles
share a story with another, 0.17 % of all pairs are above the threshold, and every
near-duplicate group lies inside one story (85 % when copies are not grouped first).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError
from ..model import Analysis, Article
from .dedup import DocumentRef, DuplicateGroup, find_duplicates

DEFAULT_STORY_THRESHOLD = 0.70
DEFAULT_WINDOW_DAYS = 3
LEDE_SENTENCES = 3
LEDE_MAX_CHARS = 1_500

Embedder = Callable[[Sequence[str]], NDArray[np.float32]]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*\n|\n(?=\S)")
_HEADLINE_MAX_CHARS = 200
_ENDS = (".", "!", "?", ":", ";", ",")
_MODEL_LOCK = threading.Lock()
_MODEL: list[object] = []


def lede(article: Article, sentences: int = LEDE_SENTENCES) -> str:
    """The title and the first ``sentences`` sentences of the text.

    Without ``article.title``, a short first line with no closing punctuation (how
    plain-text articles carry their headline) is taken as the title.
    """
    text = article.text.strip()
    title = (article.title or "").strip()
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    elif not title:
        first, _, rest = text.partition("\n")
        if (
            rest.strip()
            and len(first) <= _HEADLINE_MAX_CHARS
            and not first.rstrip().endswith(_ENDS)
        ):
            title, text = first.strip(), rest.strip()
    parts = [p.strip() for p in _SENTENCE_END.split(text[: LEDE_MAX_CHARS * 2]) if p.strip()]
    body = " ".join(parts[:sentences])
    return f"{title}. {body}"[:LEDE_MAX_CHARS] if title else body[:LEDE_MAX_CHARS]


def wordllama_embedder() -> Embedder:
    """Embeds texts with the installed wordllama model (loaded once per process)."""
    with _MODEL_LOCK:
        if not _MODEL:
            import wordllama
            from wordllama import WordLlama

            _MODEL.append(
                WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
            )
    model = _MODEL[0]

    def embed(texts: Sequence[str]) -> NDArray[np.float32]:
        vectors = np.asarray(model.embed(list(texts)), dtype=np.float32)  # type: ignore[attr-defined]
        return _unit_rows(vectors)

    return embed


def _unit_rows(vectors: NDArray[np.float32]) -> NDArray[np.float32]:
    """Rows scaled to length 1; empty texts (zero or NaN rows) stay zero: similar to nothing."""
    vectors = np.nan_to_num(np.asarray(vectors, dtype=np.float32), nan=0.0, posinf=0.0, neginf=0.0)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one story, in order of publication (undated ones last)."""

    story_id: int
    members: tuple[DocumentRef, ...]
    first_published: dt.date | None
    last_published: dt.date | None

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(m.article_id for m in self.members)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.outlet for m in self.members if m.outlet))

    @property
    def headline(self) -> str | None:
        """The first member's title, as a label."""
        return next((m.title for m in self.members if m.title), None)


@dataclass
class _Unit:
    """One article, or one near-duplicate group, entering the clustering together."""

    indices: list[int]
    vector: NDArray[np.float32]
    first: dt.date | None
    last: dt.date | None


@dataclass
class _Cluster:
    units: list[int] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None


def _dates(documents: Sequence[DocumentRef], indices: Sequence[int]) -> list[dt.date]:
    return sorted(d for i in indices if (d := documents[i].published) is not None)


def _units(
    documents: Sequence[DocumentRef],
    vectors: NDArray[np.float32],
    groups: Sequence[Sequence[int]],
) -> list[_Unit]:
    grouped: set[int] = set()
    units = []
    for group in groups:
        members = [i for i in group if i not in grouped]
        if not members:
            continue
        grouped.update(members)
        dates = _dates(documents, members)
        mean = vectors[members].mean(axis=0)
        units.append(
            _Unit(members, mean, dates[0] if dates else None, dates[-1] if dates else None)
        )
    for i, document in enumerate(documents):
        if i not in grouped:
            units.append(_Unit([i], vectors[i], document.published, document.published))
    units.sort(key=lambda u: (u.first is None, u.first or dt.date.min, min(u.indices)))
    return units


class _Clusterer:
    """Greedy centroid clustering over units in date order, with a date window."""

    def __init__(self, dim: int, threshold: float, window: dt.timedelta) -> None:
        self.threshold = threshold
        self.window = window
        self.clusters: list[_Cluster] = []
        self.sums = np.zeros((64, dim), dtype=np.float64)
        self.active: list[int] = []

    def add(self, unit: _Unit, index: int) -> None:
        candidates = self._candidates(unit)
        best = -1
        if candidates:
            sums = self.sums[candidates]
            norms = np.linalg.norm(sums, axis=1)
            norms[norms == 0] = 1.0
            unit_norm = float(np.linalg.norm(unit.vector)) or 1.0
            similarity = sums @ unit.vector / norms / unit_norm
            top = int(np.argmax(similarity))
            if similarity[top] >= self.threshold:
                best = candidates[top]
        if best < 0:
            best = self._new_cluster()
        self._join(best, unit, index)

    def _candidates(self, unit: _Unit) -> list[int]:
        if unit.first is None:
            return list(range(len(self.clusters)))
        start = unit.first - self.window
        # dated units come in date order: a story that ended before the window never returns
        self.active = [
            c for c in self.active if (last := self.clusters[c].last) is None or last >= start
        ]
        end = (unit.last or unit.first) + self.window
        return [c for c in self.active if (first := self.clusters[c].first) is None or first <= end]

    def _new_cluster(self) -> int:
        index = len(self.clusters)
        if index >= len(self.sums):
            self.sums = np.concatenate((self.sums, np.zeros_like(self.sums)))
        self.clusters.append(_Cluster())
        self.active.append(index)
        return index

    def _join(self, cluster_index: int, unit: _Unit, unit_index: int) -> None:
        cluster = self.clusters[cluster_index]
        cluster.units.append(unit_index)
        self.sums[cluster_index] += unit.vector
        dates = [d for d in (cluster.first, cluster.last, unit.first, unit.last) if d is not None]
        if dates:
            cluster.first, cluster.last = min(dates), max(dates)


def cluster_stories(
    items: Iterable[Analysis | Article],
    *,
    threshold: float = DEFAULT_STORY_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
    duplicate_groups: Iterable[DuplicateGroup] | None = None,
    embedder: Embedder | None = None,
) -> list[Story]:
    """Every article in exactly one story; stories ordered by their first publication.

    ``duplicate_groups`` (matched by article id) keeps copies together; by default they
    are found here with ``find_duplicates`` (pass ``()`` to cluster copies freely).
    ``embedder`` maps texts to unit row vectors; the default is wordllama.
    """
    if not -1.0 <= threshold <= 1.0:
        raise ConfigError(f"threshold must be a cosine in [-1, 1], not {threshold}")
    if window_days < 0:
        raise ConfigError(f"window_days must not be negative, not {window_days}")
    articles = [item.article if isinstance(item, Analysis) else item for item in items]
    if not articles:
        return []
    documents = [DocumentRef.of(a) for a in articles]
    if duplicate_groups is None:
        duplicate_groups = find_duplicates(articles).groups
    vectors = _unit_rows((embedder or wordllama_embedder())([lede(a) for a in articles]))
    units = _units(
        documents,
        np.asarray(vectors, dtype=np.float32),
        _group_indices(documents, duplicate_groups),
    )
    clusterer = _Clusterer(vectors.shape[1], threshold, dt.timedelta(days=window_days))
    for index, unit in enumerate(units):
        clusterer.add(unit, index)
    return _stories(documents, units, clusterer.clusters)


def _group_indices(
    documents: Sequence[DocumentRef], groups: Iterable[DuplicateGroup] | None
) -> list[list[int]]:
    if groups is None:
        return []
    positions: dict[str, list[int]] = {}
    for i, document in enumerate(documents):
        positions.setdefault(document.article_id, []).append(i)
    result = []
    for group in groups:
        indices = sorted({i for aid in group.article_ids for i in positions.get(aid, [])})
        if len(indices) > 1:
            result.append(indices)
    return result


def _stories(
    documents: Sequence[DocumentRef], units: Sequence[_Unit], clusters: Sequence[_Cluster]
) -> list[Story]:
    stories = []
    for cluster in clusters:
        indices = sorted(
            (i for u in cluster.units for i in units[u].indices),
            key=lambda i: (
                documents[i].published is None,
                documents[i].published or dt.date.min,
                i,
            ),
        )
        members = tuple(documents[i] for i in indices)
        stories.append((indices[0], members, cluster.first, cluster.last))
    stories.sort(key=lambda s: (s[2] is None, s[2] or dt.date.min, s[0]))
    return [
        Story(n, members, first, last) for n, (_, members, first, last) in enumerate(stories, 1)
    ]


__all__ = [
    "DEFAULT_STORY_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "Embedder",
    "Story",
    "cluster_stories",
    "lede",
    "wordllama_embedder",
]
