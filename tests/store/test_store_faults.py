"""Faults: a full disk, and two processes writing the same database at once."""

from __future__ import annotations

import contextlib
import os
import random
import string
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsint.store import SQLiteStore, StoreFullError

from .factories import make_analysis, numbered

ROOT = Path(__file__).resolve().parents[2]


def _noise(seed: int, size: int) -> str:
    """Text of random words: it compresses badly and fills the full-text index."""
    rng = random.Random(seed)
    words = (
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 10))) for _ in range(size)
    )
    return "Aleppo " + " ".join(words)


def _fill_until_full(store: SQLiteStore, *, limit: int = 10_000) -> list[str]:
    """Add big articles until the store is full; the ids of those stored."""
    stored: list[str] = []
    with pytest.raises(StoreFullError, match="full"):
        for i in range(limit):
            analysis = make_analysis(_noise(i, 3_000), source=f"big{i}.txt")
            store.add(analysis, f"big{i}.txt")
            stored.append(analysis.article.id)
    return stored


def _check_intact(db: Path, stored: list[str]) -> None:
    with SQLiteStore(db) as store:
        assert store.integrity_check() == "ok"
        assert store.count() == len(stored)
        counts = store.connection.execute(
            "SELECT (SELECT count(*) FROM analyses), (SELECT count(*) FROM entities)"
        ).fetchone()
        assert counts == (len(stored), len(stored))
        for article_id in stored:
            assert store.get(article_id).article.id == article_id
        fts = store.connection.execute(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
        )
        fts.close()


def test_size_limit_reached_keeps_the_database_valid(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with SQLiteStore(db) as store:
        store.add(numbered(0))
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages + 60}")
        stored = [numbered(0).article.id, *_fill_until_full(store)]
        assert len(stored) > 2
    _check_intact(db, stored)


@contextlib.contextmanager
def _small_disk(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill (needs root): {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs is Linux only")
def test_a_full_disk_is_a_clear_error_and_keeps_the_database_valid(tmp_path: Path) -> None:
    with _small_disk(tmp_path / "disk", "2m") as disk:
        db = disk / "corpus.db"
        with SQLiteStore(db) as store:
            stored = _fill_until_full(store)
        assert stored, "the disk filled before the first article"
        _check_intact(db, stored)


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from newsint.store import SQLiteStore
    from tests.store.factories import numbered
    db, first, last, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    with SQLiteStore(db) as store:
        batch = []
        for i in range(first, last):
            batch.append((numbered(i), [f"{{name}}/{{i}}.txt"]))
            if len(batch) == 5:
                store.add_many(batch)
                batch = []
        store.add_many(batch)
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    script = WRITER.format(root=str(ROOT))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db), "0", "300", "one"], env=env),
        subprocess.Popen([sys.executable, "-c", script, str(db), "150", "450", "two"], env=env),
    ]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    with SQLiteStore(db) as store:
        assert store.integrity_check() == "ok"
        assert store.count() == 450
        ids = [numbered(i).article.id for i in (0, 200, 449)]
        assert store.sources(ids[0]) == ["one/0.txt"]
        assert sorted(store.sources(ids[1])) == ["one/200.txt", "two/200.txt"]
        assert store.sources(ids[2]) == ["two/449.txt"]
        rows = store.connection.execute(
            "SELECT (SELECT count(*) FROM analyses), (SELECT count(*) FROM entities),"
            " (SELECT count(*) FROM sources)"
        ).fetchone()
        assert rows == (450, 450, 600)
