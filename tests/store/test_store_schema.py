"""Schema versions and migrations; files that are not newsint databases are never touched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from newsint.store import (
    SCHEMA_VERSION,
    TABLES,
    CorruptStoreError,
    SQLiteStore,
    StoreError,
    StoreVersionError,
)
from newsint.store.schema import MIGRATIONS, Migration

from .factories import numbered


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0])


def test_new_database_gets_every_table_and_the_latest_version(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with SQLiteStore(db) as store:
        names = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
        journal = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
        foreign = store.connection.execute("PRAGMA foreign_keys").fetchone()[0]
    assert set(TABLES) | {"meta", "articles_fts"} <= names
    assert journal == "wal" and foreign == 1
    assert _version(db) == SCHEMA_VERSION


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with SQLiteStore(db) as store:
        store.add(numbered(1), "a.txt")
    with SQLiteStore(db) as store:
        assert store.count() == 1
        assert store.get(numbered(1).article.id).to_dict() == numbered(1).to_dict()


def test_a_new_migration_is_applied_to_an_old_database(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with SQLiteStore(db) as store:
        store.add(numbered(1))
    step = Migration(SCHEMA_VERSION + 1, "notes", ("ALTER TABLE articles ADD COLUMN notes TEXT",))
    with SQLiteStore(db, migrations=(*MIGRATIONS, step)) as store:
        columns = [name for name, _ in store.columns("articles")]
        assert "notes" in columns
        assert store.count() == 1
    assert _version(db) == SCHEMA_VERSION + 1


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with SQLiteStore(db) as store:
        store.add(numbered(1))
    broken = Migration(
        SCHEMA_VERSION + 1,
        "half done",
        ("CREATE TABLE extra (x INTEGER)", "ALTER TABLE no_such_table ADD COLUMN y TEXT"),
    )
    with pytest.raises(StoreError):
        SQLiteStore(db, migrations=(*MIGRATIONS, broken))
    assert _version(db) == SCHEMA_VERSION
    with sqlite3.connect(db) as conn:
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None
        )


def test_a_database_from_a_newer_newsint_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    SQLiteStore(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION + 5,)
        )
    before = _digest(db)
    with pytest.raises(StoreVersionError, match=r"newer newsint.*upgrade"):
        SQLiteStore(db)
    assert _digest(db) == before


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xffgarbage bytes, not a database" * 50,
        b"SQLite format 3\x00 but then it stops",
        b"id,title\n1,hello\n",
    ],
    ids=["garbage", "truncated-header", "csv"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_unchanged(
    tmp_path: Path, content: bytes
) -> None:
    db = tmp_path / "corpus.db"
    db.write_bytes(content)
    with pytest.raises(CorruptStoreError, match=str(db)):
        SQLiteStore(db)
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.db"]


def test_a_corrupted_database_page_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with SQLiteStore(db) as store:
        for i in range(50):
            store.add(numbered(i))
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[4096 : 4096 * 3] = b"\xa5" * (4096 * 2)  # scribble over the first pages after the header
    db.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError, match=str(db)), SQLiteStore(db) as store:
        store.count()
        list(store.iter_analyses())


def test_another_programs_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
        conn.execute("INSERT INTO customers VALUES ('x')")
    before = _digest(db)
    with pytest.raises(CorruptStoreError, match="another program"):
        SQLiteStore(db)
    assert _digest(db) == before


def test_opening_for_reading_does_not_create_a_file(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no such corpus database"):
        SQLiteStore(db, create=False)
    assert not db.exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        SQLiteStore(tmp_path)


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    db.write_bytes(b"")
    with SQLiteStore(db) as store:
        assert store.count() == 0


def test_version_2_fills_the_facets_of_a_version_1_database(tmp_path: Path) -> None:
    from newsint.store import SearchQuery

    from .factories import make_analysis

    db = tmp_path / "corpus.db"
    kilis = make_analysis(
        "Kilis: refugees crossed the border.",
        place=("Kilis", 36.72, 37.12, "tr"),
        event_type="Mobilize",
        technique="Doubt",
        reliability="low",
    )
    with SQLiteStore(db) as store:
        store.add(kilis)
        store.add(numbered(1))
    with sqlite3.connect(db) as conn:  # back to what version 1 had
        conn.execute("DROP TABLE article_facets")
        conn.execute("DROP INDEX articles_lookup")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with SQLiteStore(db, migrations=MIGRATIONS[:1]) as store:
        assert store.count() == 2  # version 1 code still reads it
    with SQLiteStore(db) as store:
        rows = store.connection.execute(
            "SELECT kind, value FROM article_facets ORDER BY kind"
        ).fetchall()
        assert rows == [
            ("country", "TR"),
            ("event_type", "mobilize"),
            ("reliability", "low"),
            ("technique", "doubt"),
        ]
        for query in (
            SearchQuery(country="TR"),
            SearchQuery(event_type="MOBILIZE", technique="doubt"),
            SearchQuery(reliability="low", text="refugees"),
        ):
            assert [h.article_id for h in store.search(query)] == [kilis.article.id]
    assert _version(db) == SCHEMA_VERSION
