"""What every request handler shares: the store workers, the caches and the settings."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Request

from ..store import SQLiteStore, StoreError
from ..store.search import fts_expression
from . import queries
from .corpus import ResultCache
from .db import StoreWorkers, Writer
from .filters import Filters

T = TypeVar("T")
DEFAULT_CAP = 2000


@dataclass
class WebState:
    """The app's shared objects (``app.state.newsint``)."""

    store_path: Path
    workers: StoreWorkers
    writer: Writer | None = None
    tiles_url: str | None = None
    corpus_cap: int = DEFAULT_CAP
    cache: ResultCache = field(default_factory=lambda: ResultCache(256))
    #: newest-first orders of filters: at most 4 million row numbers (32 MB) in all
    orders: ResultCache = field(
        default_factory=lambda: ResultCache(256, weight=len, budget=4_000_000)
    )

    @property
    def allow_analyze(self) -> bool:
        return self.writer is not None

    async def run(self, fn: Callable[[SQLiteStore], T]) -> T:
        return await self.workers.run(fn)

    async def cached(self, key: tuple[Any, ...], fn: Callable[[SQLiteStore], T]) -> T:
        """``fn(store)``, computed once per corpus version for this ``key``."""
        result: T = await self.workers.run(lambda s: self.cache.get(s, key, lambda: fn(s)))
        return result

    async def search(self, filters: Filters, page: int, per_page: int) -> queries.Page:
        """A page of the articles matching ``filters``.

        Without words, the matching articles are listed newest first; that order is kept
        per filter (until the corpus grows), so paging through a filter reads 20 rows.
        """
        query = filters.query()
        if fts_expression(query.text) is not None:
            return await self.run(
                lambda s: queries.search_page(s.connection, query, page, per_page)
            )
        key = ("newest", dataclasses.replace(filters, q=""))

        def browse(store: SQLiteStore) -> queries.Page:
            ordered = self.orders.get(
                store, key, lambda: queries.newest_first(store.connection, query)
            )
            return queries.browse_page(store.connection, ordered, page, per_page)

        return await self.run(browse)

    async def facets(self) -> dict[str, list[str]]:
        return await self.cached(("facets",), lambda s: queries.facets(s.connection))

    async def stats(self) -> dict[str, Any]:
        return await self.cached(("stats",), lambda s: queries.stats(s.connection))

    async def warm_up(self) -> None:
        """Compute the corpus-wide numbers every page needs before the first visitor does
        (a failure here is left for the first request to report)."""
        try:
            await self.facets()
            await self.stats()
            await self.search(Filters(), 1, 20)  # the unfiltered article list
        except StoreError:
            return

    def close(self) -> None:
        self.workers.close()
        if self.writer is not None:
            self.writer.close()


def web_state(request: Request) -> WebState:
    """FastAPI dependency: the shared state of the app serving ``request``."""
    state: WebState = request.app.state.newsint
    return state


__all__ = ["DEFAULT_CAP", "WebState", "web_state"]
