"""Bring a corpus database up to the schema this code knows, or refuse it clearly.

The version lives in ``meta.schema_version``. Pending steps run in one ``BEGIN IMMEDIATE``
transaction, so two processes opening a new database at once cannot both apply them, and a
failing step leaves the database exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from .base import CorruptStoreError, StoreVersionError
from .schema import MIGRATIONS, Migration

APPLICATION = "newsint"
META_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"
)


def schema_version(conn: sqlite3.Connection, label: str) -> int:
    """The version recorded in ``meta``; 0 for an empty database.

    Raises ``CorruptStoreError`` for a database that another program made (tables but no
    newsint ``meta``), so that it is never altered.
    """
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if "meta" not in names:
        if any(not name.startswith("sqlite_") for name in names):
            raise CorruptStoreError(
                f"{label}: an SQLite database of another program (no newsint meta table); "
                "it was left unchanged — give another --db path"
            )
        return 0
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", _KEYS).fetchall())
    if rows.get("application") != APPLICATION or not str(rows.get("schema_version", "")).isdigit():
        raise CorruptStoreError(
            f"{label}: not a newsint corpus database (its meta table is not newsint's); "
            "it was left unchanged"
        )
    return int(rows["schema_version"])


_KEYS = ("application", "schema_version")


def migrate(
    conn: sqlite3.Connection, label: str, migrations: Sequence[Migration] = MIGRATIONS
) -> int:
    """Apply the pending ``migrations``; the resulting schema version.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    latest = migrations[-1].version
    current = check_version(conn, label, migrations)
    if current == latest:
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn, label)  # another process may have migrated meanwhile
        _check_not_newer(current, latest, label)
        conn.execute(META_DDL)
        for step in migrations:
            if step.version > current:
                for statement in step.statements:
                    conn.execute(statement)
        conn.executemany(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            [("application", APPLICATION), ("schema_version", str(latest))],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return latest


def check_version(
    conn: sqlite3.Connection, label: str, migrations: Sequence[Migration] = MIGRATIONS
) -> int:
    """The schema version, after checking (reading only) that this code can open it."""
    current = schema_version(conn, label)
    _check_not_newer(current, migrations[-1].version, label)
    return current


def _check_not_newer(current: int, latest: int, label: str) -> None:
    if current > latest:
        raise StoreVersionError(
            f"{label}: schema version {current} was written by a newer newsint; this one "
            f"reads up to version {latest} — upgrade newsint (pip install -U newsint)"
        )


__all__ = ["APPLICATION", "check_version", "migrate", "schema_version"]
