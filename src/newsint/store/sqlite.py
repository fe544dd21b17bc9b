"""The SQLite corpus store: one file, WAL journal, every article written in one transaction.

Why these settings: WAL lets searches read while an ingest writes, and lets two ingest
processes take turns (``BEGIN IMMEDIATE`` plus a generous ``busy_timeout``); each batch of
articles is one transaction, so a killed process leaves whole articles or none; foreign
keys are on, so no item row can point at a missing article. ``synchronous=NORMAL`` keeps
committed data through a process crash (only a power cut may lose the last commits).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model import Analysis
from .base import (
    ArticleNotFoundError,
    CorruptStoreError,
    SearchHit,
    SearchQuery,
    StoreBusyError,
    StoreError,
    StoreFullError,
)
from .migrations import check_version, migrate
from .rows import (
    ITEM_COLUMNS,
    analysis_from_json,
    analysis_json,
    article_row,
    clean,
    domain_of,
    facets,
    item_rows,
    outlet_of,
)
from .schema import MIGRATIONS, TABLES, Migration
from .search import facet_filters, fts_expression, haversine_km, ids_sql, search_sql

SQLITE_HEADER = b"SQLite format 3\x00"
MEMORY = ":memory:"
DEFAULT_TIMEOUT_S = 60.0
_FETCH = 500  # rows per fetch when streaming
CACHE_KIB = 65_536  # page cache per connection: searches revisit the same index pages
_INSERT_ARTICLE = (
    "INSERT OR IGNORE INTO articles (id, title, url, domain, outlet, author, published,"
    " language, source, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ITEMS = {
    table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    for table, cols in ITEM_COLUMNS.items()
}


def check_header(path: Path) -> None:
    """Refuse, without touching it, a file that is not an SQLite database.

    A missing or empty file is fine (a new database is created there).
    """
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a corpus database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    if head and (len(head) < 100 or not head.startswith(SQLITE_HEADER)):
        raise CorruptStoreError(
            f"{path}: not an SQLite database (corrupt, truncated, or another kind of file); "
            "it was left unchanged — give another --db path"
        )


def translate(exc: sqlite3.Error, label: str) -> StoreError:
    """An ``sqlite3`` error as the ``StoreError`` a user can act on."""
    name = getattr(exc, "sqlite_errorname", "")
    message = str(exc)
    if name == "SQLITE_FULL" or "disk is full" in message:
        return StoreFullError(
            f"{label}: the disk or the database size limit is full; the last batch was not "
            "stored and everything committed before it is intact — free space and run again"
        )
    if name.startswith("SQLITE_BUSY") or "database is locked" in message:
        return StoreBusyError(f"{label}: locked by another process for too long; try again")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in message:
        return CorruptStoreError(f"{label}: the database file is corrupt ({message})")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in message:
        return StoreError(f"{label}: cannot open the database ({message})")
    if name.startswith("SQLITE_READONLY") or "readonly" in message:
        return StoreError(f"{label}: the database is read-only ({message})")
    return StoreError(f"{label}: database error: {message}")


class SQLiteStore:
    """The corpus in one SQLite file (or ``":memory:"``, the fake used by tests).

    ``create=False`` refuses a path where no database exists (search and export must not
    leave an empty file behind a typo). Use as a context manager, or call ``close``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        timeout: float = DEFAULT_TIMEOUT_S,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        self.path = str(path)
        self.label = self.path
        self._selections = 0
        if self.path != MEMORY:
            check_header(Path(self.path))
            if not create and not Path(self.path).exists():
                raise StoreError(
                    f"{self.path}: no such corpus database; create it with newsint ingest"
                )
        with self._errors():
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            try:
                self._configure(timeout, migrations)
            except BaseException:
                self._conn.close()
                raise

    def _configure(self, timeout: float, migrations: Sequence[Migration]) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
        conn.create_function("haversine_km", 4, _haversine_or_none, deterministic=True)
        _ensure_math_functions(conn)
        check_version(conn, self.label, migrations)  # before anything writes to the file
        if self.path != MEMORY:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, self.label, migrations)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise translate(exc, self.label) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` .. ``COMMIT``; any failure rolls the whole batch back."""
        with self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    # --- writing ---------------------------------------------------------------------

    def add(self, analysis: Analysis, source: str | None = None) -> bool:
        return self.add_many([(analysis, [source] if source else [])]) == 1

    def add_many(self, items: Iterable[tuple[Analysis, Sequence[str]]]) -> int:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        added = 0
        with self._transaction() as conn:
            for analysis, sources in items:
                if self._insert(conn, analysis, now, sources[0] if sources else None):
                    added += 1
                conn.executemany(
                    "INSERT OR IGNORE INTO sources (article_id, source, seen_at) VALUES (?, ?, ?)",
                    [(analysis.article.id, clean(s), now) for s in sources],
                )
        return added

    def add_source(self, article_id: str, source: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._errors():
            self._conn.execute(
                "INSERT OR IGNORE INTO sources (article_id, source, seen_at) VALUES (?, ?, ?)",
                (article_id, clean(source), now),
            )

    def _insert(
        self, conn: sqlite3.Connection, analysis: Analysis, now: str, source: str | None
    ) -> bool:
        cursor = conn.execute(_INSERT_ARTICLE, article_row(analysis, now, source))
        if cursor.rowcount != 1:
            return False  # already stored: idempotent
        day = analysis.article.published
        published = day.isoformat() if day else None
        conn.executemany(
            "INSERT INTO article_facets (kind, value, seq, published) VALUES (?, ?, ?, ?)",
            [(kind, value, cursor.lastrowid, published) for kind, value in facets(analysis)],
        )
        info = analysis.pipeline
        conn.execute(
            "INSERT INTO analyses (article_id, newsint_version, model, components, json)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                analysis.article.id,
                info.newsint_version,
                info.model,
                ",".join(info.components),
                analysis_json(analysis),
            ),
        )
        for table, rows in item_rows(analysis).items():
            if rows:
                conn.executemany(_INSERT_ITEMS[table], rows)
        outlet = outlet_of(analysis)
        if outlet:
            conn.execute(
                "INSERT INTO outlets (name, domain, first_seen, articles) VALUES (?, ?, ?, 1)"
                " ON CONFLICT(name) DO UPDATE SET articles = articles + 1,"
                " domain = coalesce(domain, excluded.domain)",
                (outlet, domain_of(analysis.article.url), now),
            )
        return True

    # --- reading ---------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._errors():
            row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
            return row.fetchone() is not None

    def get(self, article_id: str) -> Analysis:
        with self._errors():
            row = self._conn.execute(
                "SELECT n.json, a.text FROM analyses n JOIN articles a ON a.id = n.article_id"
                " WHERE n.article_id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"{self.label}: no article with id {article_id!r}")
        return analysis_from_json(row[0], row[1])

    def sources(self, article_id: str) -> list[str]:
        with self._errors():
            rows = self._conn.execute(
                "SELECT source FROM sources WHERE article_id = ? ORDER BY seen_at, source",
                (article_id,),
            )
            return [r[0] for r in rows]

    def count(self) -> int:
        with self._errors():
            return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: SearchQuery) -> list[SearchHit]:
        with self._errors():
            sql, params = search_sql(query, limit=query.limit, driver=self._driver(query))
            rows = self._conn.execute(sql, params).fetchall()
        return [SearchHit(*row) for row in rows]

    def _driver(self, query: SearchQuery) -> tuple[str, str] | None:
        """The rarest facet filter of a query without words (None: no facet, or words)."""
        candidates = facet_filters(query)
        if fts_expression(query.text) is not None or not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        count = "SELECT count(*) FROM article_facets WHERE kind = ? AND value = ?"
        return min(candidates, key=lambda f: self._conn.execute(count, f).fetchone()[0])

    def iter_analyses(self, query: SearchQuery | None = None) -> Iterator[Analysis]:
        with self._selection(query) as join:
            cursor = self._conn.execute(
                "SELECT n.json, a.text FROM articles a JOIN analyses n ON n.article_id = a.id"
                f" {join} ORDER BY a.seq"
            )
            try:
                while batch := cursor.fetchmany(_FETCH):
                    for dumped, text in batch:
                        yield analysis_from_json(dumped, text)
            finally:
                cursor.close()  # before the selection table is dropped

    def iter_rows(
        self, table: str, query: SearchQuery | None = None, *, sql: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Rows of ``table`` (one of ``TABLES``) as dicts, for the matching articles only.

        ``sql`` replaces the plain ``SELECT t.* FROM table t``; it must alias the table ``t``
        and must be a constant of this package (never user text).
        """
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        key = "id" if table == "articles" else "article_id"
        select = sql or f"SELECT t.* FROM {table} t"
        with self._selection(query, column=f"t.{key}") as join:
            if table == "outlets":
                join = ""  # outlets are not per article: always the whole table
            cursor = self._conn.execute(f"{select} {join}")
            names = [d[0] for d in cursor.description]
            try:
                while batch := cursor.fetchmany(_FETCH):
                    for row in batch:
                        yield dict(zip(names, row, strict=True))
            finally:
                cursor.close()  # before the selection table is dropped

    def columns(self, table: str) -> list[tuple[str, str]]:
        """(name, declared type) of each column of ``table``."""
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        with self._errors():
            rows = self._conn.execute(f"PRAGMA table_info({table})").fetchall()
        return [(r[1], r[2]) for r in rows]

    @contextmanager
    def _selection(self, query: SearchQuery | None, column: str = "a.id") -> Iterator[str]:
        """A JOIN clause restricting rows to the articles matching ``query`` ('' for all).

        The matching ids go into a temporary table first, so the big scan that follows
        joins against an indexed set rather than re-running the search per row.
        """
        if query is None or not query.has_filters:
            with self._errors():
                yield ""
            return
        sql, params = ids_sql(query)
        self._selections += 1
        name = f"temp.selected_{self._selections}"  # one per iteration: they may nest
        with self._errors():
            self._conn.execute(f"CREATE TEMP TABLE {name} (id TEXT PRIMARY KEY) WITHOUT ROWID")
            try:
                self._conn.execute(f"INSERT OR IGNORE INTO {name} {sql}", params)
                yield f"JOIN {name} s ON s.id = {column}"
            finally:
                self._conn.execute(f"DROP TABLE IF EXISTS {name}")

    def integrity_check(self) -> str:
        """``ok``, or SQLite's description of the damage."""
        with self._errors():
            return "; ".join(r[0] for r in self._conn.execute("PRAGMA integrity_check"))

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only SQL of your own."""
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_MATH = {"sin": math.sin, "cos": math.cos, "asin": math.asin, "sqrt": math.sqrt, "pow": math.pow}


def _ensure_math_functions(conn: sqlite3.Connection) -> None:
    """Python stand-ins for the math functions of SQLite builds that lack them."""
    try:
        conn.execute("SELECT sin(0), cos(0), asin(0), sqrt(0), pow(2, 2)").fetchone()
        return
    except sqlite3.OperationalError:
        pass
    for name, function in _MATH.items():
        arity = 2 if name == "pow" else 1
        conn.create_function(name, arity, _null_safe(function), deterministic=True)


def _null_safe(function: Any) -> Any:
    def call(*args: Any) -> Any:
        return None if None in args else function(*(float(a) for a in args))

    return call


def _haversine_or_none(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> float | None:
    if None in (lat1, lon1, lat2, lon2):
        return None
    return haversine_km(float(lat1), float(lon1), float(lat2), float(lon2))


def open_store(path: str | os.PathLike[str], *, create: bool = True) -> SQLiteStore:
    """The corpus database at ``path`` (``":memory:"`` for a throwaway one)."""
    return SQLiteStore(path, create=create)


__all__ = ["SQLiteStore", "check_header", "open_store", "translate"]
