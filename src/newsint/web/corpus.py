"""Corpus analyses for the workbench, sized for a request.

The corpus functions (:mod:`newsint.corpus`) work on whole collections. A page needs
answers about one article, or about the articles of a filter, so:

- near-duplicates of one article: candidates are the stored texts sharing any of a few
  word 5-grams with it (one FTS query), then ``find_duplicates`` with the exact check;
- corroboration of one article's events: :mod:`newsint.corpus.store_corroboration`
  (candidates by SQL, then ``corroborate``, copies excluded);
- stories and the outlet republication graph: over the ``cap`` most recent articles of the
  filter (the page says so), cached until the corpus grows.

Each function takes the store and runs on a database worker thread.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from ..corpus.corroborate import DEFAULT_MAX_DAYS, DEFAULT_MAX_KM
from ..corpus.dedup import DocumentRef, find_duplicates, republication_edges
from ..corpus.store_corroboration import store_corroboration
from ..corpus.stories import cluster_stories
from ..model import Event
from ..store import ArticleNotFoundError, SearchQuery, SQLiteStore
from . import queries

DUPLICATE_THRESHOLD = 0.8
DUPLICATE_CANDIDATES = 50
CORROBORATION_CANDIDATES = 200
MAX_STORIES = 300
TOP_GROUPS = 20


class ResultCache:
    """A small LRU of computed results, keyed by what was asked and the corpus version.

    ``size`` bounds the number of results; with ``weight`` (a function of a result), the
    sum of their weights is bounded by ``budget`` too (the newest result is always kept).
    """

    def __init__(
        self,
        size: int = 64,
        *,
        weight: Callable[[Any], int] | None = None,
        budget: int = 0,
    ) -> None:
        self.size = size
        self.weight = weight
        self.budget = budget
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()

    def get(self, store: SQLiteStore, key: Hashable, compute: Callable[[], Any]) -> Any:
        full = (key, queries.version(store.connection))
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = compute()
        with self._lock:
            if full not in self._items:
                self._items[full] = value
                self._total += self._weigh(value)
            self._evict()
        return value

    def _weigh(self, value: Any) -> int:
        return self.weight(value) if self.weight is not None else 0

    def _evict(self) -> None:
        while len(self._items) > 1 and (
            len(self._items) > self.size or (self.weight and self._total > self.budget)
        ):
            _, dropped = self._items.popitem(last=False)
            self._total -= self._weigh(dropped)


def article_duplicates(store: SQLiteStore, article_id: str) -> dict[str, Any]:
    """The near-duplicate group of one article (None when it has no copy stored)."""
    found = queries.articles_by_id(store.connection, [article_id])
    if not found:
        raise ArticleNotFoundError(f"no article with id {article_id!r}")
    article = found[0]
    candidates = queries.duplicate_candidates(store.connection, article, DUPLICATE_CANDIDATES)
    group = None
    if candidates:
        result = find_duplicates([article, *candidates], threshold=DUPLICATE_THRESHOLD, exact=True)
        group = next((g for g in result.groups if article_id in g.article_ids), None)
    return {
        "article_id": article_id,
        "threshold": DUPLICATE_THRESHOLD,
        "candidates_checked": len(candidates),
        "group": group.to_dict() if group is not None else None,
    }


def _event_summary(event: Event, index: int) -> dict[str, Any]:
    return {
        "index": index,
        "type": event.type,
        "mode": event.mode,
        "place": event.place.name if event.place else None,
        "date": event.date.value if event.date else None,
        "text": event.text,
        "start": event.start,
        "end": event.end,
    }


def article_corroboration(
    store: SQLiteStore,
    article_id: str,
    *,
    max_km: float = DEFAULT_MAX_KM,
    max_days: int = DEFAULT_MAX_DAYS,
) -> dict[str, Any]:
    """For each of the article's events, the matching events of other outlets."""
    analysis = store.get(article_id)
    found = store_corroboration(
        store, analysis, max_km=max_km, max_days=max_days, limit=CORROBORATION_CANDIDATES
    )
    events: list[dict[str, Any]] = []
    for index, matches in found.matches.items():
        summary = _event_summary(analysis.events[index], index)
        summary["corroborated_by"] = [
            {
                "article_id": m.article_id,
                "title": m.title,
                "outlet": m.outlet,
                "published": m.published.isoformat() if m.published else None,
                "event": _event_summary(m.event, m.event_index),
                "distance_km": round(m.distance_km, 1),
                "days_apart": m.days_apart,
            }
            for m in matches
        ]
        events.append(summary)
    return {
        "article_id": article_id,
        "max_km": max_km,
        "max_days": max_days,
        "candidates_checked": found.candidates_checked,
        "events": events,
    }


def _story_dict(story: Any) -> dict[str, Any]:
    return {
        "story": story.story_id,
        "headline": story.headline,
        "size": len(story.members),
        "first_published": story.first_published.isoformat() if story.first_published else None,
        "last_published": story.last_published.isoformat() if story.last_published else None,
        "outlets": list(story.outlets),
        "members": [m.to_dict() for m in story.members],
    }


def stories(store: SQLiteStore, query: SearchQuery | None, cap: int) -> dict[str, Any]:
    """Story clusters of the ``cap`` most recent matching articles, biggest first."""
    articles, matching = queries.recent_articles(store.connection, query, cap)
    clusters = []
    if articles:
        groups = find_duplicates(articles, threshold=DUPLICATE_THRESHOLD).groups
        clusters = cluster_stories(articles, duplicate_groups=groups)
    clusters.sort(key=lambda s: (-len(s.members), s.story_id))
    return {
        "computed_over": len(articles),
        "matching": matching,
        "stories_total": len(clusters),
        "multi_article": sum(len(s.members) > 1 for s in clusters),
        "stories": [_story_dict(s) for s in clusters[:MAX_STORIES]],
    }


def outlet_graph(store: SQLiteStore, query: SearchQuery | None, cap: int) -> dict[str, Any]:
    """Who republished whose texts, over the ``cap`` most recent matching articles."""
    articles, matching = queries.recent_articles(store.connection, query, cap)
    result = find_duplicates(articles, threshold=DUPLICATE_THRESHOLD)
    edges = republication_edges(result.groups)
    published = Counter(a.outlet for a in articles if a.outlet)
    originals = Counter(g.original.outlet for g in result.groups if g.original.outlet)
    copies = Counter(o for g in result.groups for o in g.republished_by)
    names = sorted({name for e in edges for name in (e.source, e.target)})
    return {
        "computed_over": len(articles),
        "matching": matching,
        "duplicate_groups": len(result.groups),
        "nodes": [
            {
                "id": name,
                "articles": published[name],
                "originals": originals[name],
                "republished": copies[name],
            }
            for name in names
        ],
        "edges": [{"source": e.source, "target": e.target, "weight": e.weight} for e in edges],
        "largest_groups": [
            _group_summary(g.original, len(g.members), g.outlets)
            for g in sorted(result.groups, key=lambda g: -len(g.members))[:TOP_GROUPS]
        ],
    }


def _group_summary(original: DocumentRef, size: int, outlets: tuple[str, ...]) -> dict[str, Any]:
    return {"original": original.to_dict(), "size": size, "outlets": list(outlets)}


__all__ = [
    "ResultCache",
    "article_corroboration",
    "article_duplicates",
    "outlet_graph",
    "stories",
]
