"""The corpus store: analyses of many articles in one SQLite file, searchable and exportable.

>>> from newsint.store import open_store, SearchQuery
>>> with open_store("corpus.db") as store:
...     store.add(analysis, source="article.txt")
...     hits = store.search(SearchQuery(text="Ash Shaddadi", country="SY"))

``Store`` is the protocol; ``SQLiteStore`` the real thing (``":memory:"`` works);
``MemoryStore`` a dict-backed fake for tests. Exports live in :mod:`newsint.store.export`.
"""

from __future__ import annotations

from .base import (
    RELIABILITY_LABELS,
    ArticleNotFoundError,
    CorruptStoreError,
    Near,
    SearchHit,
    SearchQuery,
    Store,
    StoreBusyError,
    StoreError,
    StoreFullError,
    StoreVersionError,
)
from .memory import MemoryStore
from .schema import SCHEMA_VERSION, TABLES
from .sqlite import SQLiteStore, open_store

__all__ = [
    "RELIABILITY_LABELS",
    "SCHEMA_VERSION",
    "TABLES",
    "ArticleNotFoundError",
    "CorruptStoreError",
    "MemoryStore",
    "Near",
    "SQLiteStore",
    "SearchHit",
    "SearchQuery",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreFullError",
    "StoreVersionError",
    "open_store",
]
