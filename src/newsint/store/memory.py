"""An in-memory ``Store``: the reference model for tests, and a store for small scripts.

Filters and words mean what they mean in SQL (:mod:`.search`): words match whole and
case-insensitively (the full-text index also ignores diacritics, which this model does not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from ..model import Analysis, Place
from .base import ArticleNotFoundError, SearchHit, SearchQuery
from .rows import domain_of, outlet_of
from .search import _domain, fts_expression, haversine_km

_PHRASE = re.compile(r'"([^"]*)"(\*?)')


class MemoryStore:
    """Analyses in a dict, in insertion order, with the sources of each."""

    def __init__(self) -> None:
        self._analyses: dict[str, Analysis] = {}
        self._sources: dict[str, list[str]] = {}

    def add(self, analysis: Analysis, source: str | None = None) -> bool:
        return self.add_many([(analysis, [source] if source else [])]) == 1

    def add_many(self, items: Iterable[tuple[Analysis, Sequence[str]]]) -> int:
        added = 0
        for analysis, sources in items:
            key = analysis.article.id
            if key not in self._analyses:
                self._analyses[key] = analysis
                self._sources[key] = []
                added += 1
            for source in sources:
                self.add_source(key, source)
        return added

    def add_source(self, article_id: str, source: str) -> None:
        known = self._sources.setdefault(article_id, [])
        if source not in known:
            known.append(source)

    def has(self, article_id: str) -> bool:
        return article_id in self._analyses

    def get(self, article_id: str) -> Analysis:
        try:
            return self._analyses[article_id]
        except KeyError:
            raise ArticleNotFoundError(f"no article with id {article_id!r}") from None

    def sources(self, article_id: str) -> list[str]:
        return list(self._sources.get(article_id, []))

    def count(self) -> int:
        return len(self._analyses)

    def search(self, query: SearchQuery) -> list[SearchHit]:
        found = [a for a in self._analyses.values() if matches(a, query)]
        order = {key: i for i, key in enumerate(self._analyses)}
        found.sort(key=lambda a: order[a.article.id], reverse=True)
        found.sort(
            key=lambda a: a.article.published.isoformat() if a.article.published else "",
            reverse=True,
        )
        return [_hit(a, self._sources[a.article.id]) for a in found[: query.limit]]

    def iter_analyses(self, query: SearchQuery | None = None) -> Iterator[Analysis]:
        for analysis in list(self._analyses.values()):
            if query is None or matches(analysis, query):
                yield analysis

    def close(self) -> None:
        """Nothing to release."""


def matches(analysis: Analysis, query: SearchQuery) -> bool:
    """Whether ``analysis`` passes every condition of ``query`` (its words included)."""
    article = analysis.article
    published = article.published
    checks = (
        query.outlet is None or _outlet_matches(analysis, query.outlet),
        query.since is None or (published is not None and published >= query.since),
        query.until is None or (published is not None and published <= query.until),
        query.country is None or query.country.strip().upper() in _countries(analysis),
        query.near is None or any(_within(p, query) for p in _located(analysis)),
        query.event_type is None or any(_same(e.type, query.event_type) for e in analysis.events),
        query.technique is None
        or any(_same(t.technique, query.technique) for t in analysis.techniques),
        query.reliability is None
        or (analysis.reliability is not None and analysis.reliability.label == query.reliability),
    )
    return all(checks) and _words_match(analysis, query.text)


def _same(value: str, wanted: str) -> bool:
    return value.lower() == wanted.strip().lower()


def _outlet_matches(analysis: Analysis, outlet: str) -> bool:
    name = outlet_of(analysis)
    return (name is not None and name.lower() == outlet.strip().lower()) or (
        domain_of(analysis.article.url) == _domain(outlet)
    )


def _countries(analysis: Analysis) -> set[str]:
    codes = {p.country_code for p in analysis.places}
    codes |= {e.place.country_code for e in analysis.events if e.place is not None}
    return {c.strip().upper() for c in codes if c and c.strip()}


def _located(analysis: Analysis) -> list[Place]:
    return [*analysis.places, *(e.place for e in analysis.events if e.place is not None)]


def _within(place: Place, query: SearchQuery) -> bool:
    near = query.near
    if near is None or place.lat is None or place.lon is None:
        return False
    return haversine_km(place.lat, place.lon, near.lat, near.lon) <= near.km


def _words_match(analysis: Analysis, text: str) -> bool:
    expression = fts_expression(text)
    if expression is None:
        return True
    haystack = " " + " ".join(_words(f"{analysis.article.title or ''} {analysis.article.text}"))
    for phrase, prefix in _PHRASE.findall(expression):
        words = _words(phrase)
        needle = " " + " ".join(words) + ("" if prefix else " ")
        if words and needle not in haystack + " ":
            return False
    return True


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _hit(analysis: Analysis, sources: list[str]) -> SearchHit:
    a = analysis.article
    published = a.published.isoformat() if a.published else None
    source = a.source or (sources[0] if sources else None)
    return SearchHit(
        a.id, a.title, outlet_of(analysis), published, a.url, source, None, a.text[:160]
    )


__all__ = ["MemoryStore", "matches"]
