"""Database access for the web server: a few threads, each with its own read-only store.

SQLite connections belong to the thread that opened them, and a query must not block the
event loop, so requests hand a function ``fn(store)`` to one of ``threads`` workers and
await its result. Each worker opens the corpus once, with an SQLite authorizer that refuses
every write to the corpus: the workbench cannot change it through them, whatever a request
asks. (Storing a
pasted text, with ``--allow-analyze``, goes through :class:`Writer` instead.)
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import queue
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..model import Analysis
from ..store import SQLiteStore, open_store

T = TypeVar("T")
Job = tuple[Callable[[SQLiteStore], Any], concurrent.futures.Future[Any]]


_WRITES = frozenset(
    getattr(sqlite3, name)
    for name in (
        "SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_CREATE_TABLE",
        "SQLITE_CREATE_INDEX", "SQLITE_CREATE_TRIGGER", "SQLITE_CREATE_VIEW",
        "SQLITE_CREATE_VTABLE", "SQLITE_DROP_TABLE", "SQLITE_DROP_INDEX", "SQLITE_DROP_TRIGGER",
        "SQLITE_DROP_VIEW", "SQLITE_DROP_VTABLE", "SQLITE_ALTER_TABLE", "SQLITE_REINDEX",
        "SQLITE_ANALYZE",
    )
)  # fmt: skip
_NEVER = frozenset({sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH})


def read_only(action: int, arg1: str | None, arg2: str | None, db: str | None, _: object) -> int:
    """SQLite authorizer: reads and temporary tables only.

    (``PRAGMA query_only`` would also refuse the temporary tables that the store's
    exports select through, so the rule is enforced statement by statement instead.)
    """
    if action in _NEVER:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
        # FTS5 asks this when it opens its index; SQLite itself refuses such an update
        # unless PRAGMA writable_schema is on, which the PRAGMA rule below refuses
        return sqlite3.SQLITE_OK
    if action in _WRITES and db != "temp":
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None:
        return sqlite3.SQLITE_DENY  # "PRAGMA name = value" changes settings
    return sqlite3.SQLITE_OK


def open_reader(path: str | os.PathLike[str]) -> SQLiteStore:
    """The corpus at ``path`` (it must exist) with writes refused by SQLite itself."""
    store = open_store(path, create=False)
    store.connection.set_authorizer(read_only)
    return store


class StoreWorkers:
    """``threads`` threads, each owning one read-only store; started on first use, and
    again after ``close`` (an app's lifespan may run more than once, as in tests)."""

    def __init__(self, path: str | os.PathLike[str], *, threads: int = 4) -> None:
        self.path = Path(path)
        self.size = max(1, threads)
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def _start(self) -> None:
        with self._lock:
            if self._threads:
                return
            started: list[threading.Thread] = []
            try:
                for i in range(self.size):
                    ready: concurrent.futures.Future[None] = concurrent.futures.Future()
                    thread = threading.Thread(
                        target=self._work, args=(ready,), name=f"newsint-web-db-{i}", daemon=True
                    )
                    thread.start()
                    ready.result()  # the store error of a worker that could not open
                    started.append(thread)
            except BaseException:
                for _ in started:
                    self._jobs.put(None)
                raise
            self._threads = started

    def _work(self, ready: concurrent.futures.Future[None]) -> None:
        try:
            store = open_reader(self.path)
        except BaseException as exc:  # noqa: BLE001 - re-raised by _start in the caller
            ready.set_exception(exc)
            return
        ready.set_result(None)
        try:
            while (job := self._jobs.get()) is not None:
                fn, future = job
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    future.set_result(fn(store))
                except BaseException as exc:  # noqa: BLE001 - re-raised in the awaiting request
                    future.set_exception(exc)
        finally:
            store.close()

    async def run(self, fn: Callable[[SQLiteStore], T]) -> T:
        """``fn(store)`` on a worker thread."""
        if not self._threads:
            await asyncio.to_thread(self._start)
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._jobs.put((fn, future))
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Finish queued work, then close every connection."""
        with self._lock:
            threads, self._threads = self._threads, []
        for _ in threads:
            self._jobs.put(None)
        for thread in threads:
            thread.join()


class Writer:
    """Analyses and stores pasted texts one at a time (the pipeline is loaded on first use)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._store: SQLiteStore | None = None

    def _analyse_and_store(self, text: str, meta: dict[str, str | None]) -> tuple[Analysis, bool]:
        from ..api import analyze

        analysis = analyze(text, **meta)
        if self._store is None:
            self._store = open_store(self.path)
        return analysis, self._store.add(analysis, source="web:analyze")

    async def analyse(self, text: str, meta: dict[str, str | None]) -> tuple[Analysis, bool]:
        """The analysis of ``text`` and whether it was new to the corpus."""
        if self._pool is None:
            self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsint-w")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, self._analyse_and_store, text, meta)

    def close(self) -> None:
        """Close the store on its own thread, then stop the thread."""
        pool, self._pool = self._pool, None
        if pool is None:
            return

        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        pool.submit(close_store).result()
        pool.shutdown()


__all__ = ["StoreWorkers", "Writer", "open_reader"]
