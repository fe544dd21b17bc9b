"""``newsint ingest`` end to end with the real pipeline, in new processes: resuming after
kill -9, two ingests at once, bad inputs, a database path holding something else."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsint.cli.main import app as main_app

ROOT = Path(__file__).resolve().parents[2]
REGISTERED = {"ingest", "search"} <= {c.name for c in main_app.registered_commands}
# until ``ingest`` is registered in newsint.cli.main, run it through a small Typer app
WRAPPER = """
import sys, typer
from newsint.cli.ingest import ingest_command
from newsint.cli.main import app, main
if not any(c.name == "ingest" for c in app.registered_commands):
    app.command("ingest")(ingest_command)
sys.argv[0] = "newsint"
main()
"""
TOWNS = ("Aleppo", "Raqqa", "Idlib", "Hasakah", "Kobani", "Manbij", "Deir ez-Zor", "Homs")


def ingest_args(*args: str) -> list[str]:
    return [sys.executable, "-c", WRAPPER, "ingest", *args]


def run_ingest(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ingest_args(*args), capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Small distinct articles, one per file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        town = TOWNS[i % len(TOWNS)]
        path = folder / f"article-{i:04d}.txt"
        path.write_text(
            f"Clashes near {town}\n\nFighters attacked a checkpoint near {town} on March "
            f"{i % 28 + 1}, 2017, and {i % 40 + 2} people were detained, officials said in "
            f"report {i}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "analyses", "sources")
        }


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_ingest_reports_rejects_and_resumes(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_articles(inputs, 4)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (inputs / "copy.txt").write_text((inputs / "article-0000.txt").read_text(), encoding="utf-8")
    db, rejects = tmp_path / "corpus.db", tmp_path / "rejects.csv"
    first = run_ingest(str(inputs), "--db", str(db), "--rejects", str(rejects))
    assert first.returncode == 0, first.stderr
    assert "stored 4 new article(s); 0 already present; 1 duplicate(s)" in first.stderr
    assert "binary.txt" in first.stderr and "empty.txt" in first.stderr
    assert "Traceback" not in first.stderr
    lines = rejects.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "source,error,reason" and len(lines) == 3
    assert counts(db) == {"articles": 4, "analyses": 4, "sources": 5}

    again = run_ingest(str(inputs), "--db", str(db), "--quiet")
    assert again.returncode == 0, again.stderr
    assert "stored 0 new article(s); 5 already present" in again.stderr
    assert counts(db) == {"articles": 4, "analyses": 4, "sources": 5}


def test_nothing_readable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_ingest(
        str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "c.db")
    )
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "no input could be read" in result.stderr


def test_a_db_path_holding_another_file_is_never_overwritten(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    db = tmp_path / "corpus.db"
    db.write_bytes(os.urandom(8192))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = run_ingest(str(tmp_path / "in"), "--db", str(db))
    assert result.returncode == 1
    assert str(db) in result.stderr and "left unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_kill_9_then_resume_stores_every_article_once(tmp_path: Path) -> None:
    inputs, db = tmp_path / "in", tmp_path / "corpus.db"
    write_articles(inputs, 200)
    proc = subprocess.Popen(
        ingest_args(str(inputs), "--db", str(db), "--batch-size", "4", "--quiet"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored_at_kill = _wait_for_rows(db, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert 0 < stored_at_kill < 200, "the ingest finished before it could be killed"
    assert integrity(db) == "ok"
    after_kill = counts(db)
    assert after_kill["articles"] == after_kill["analyses"] == after_kill["sources"]

    resumed = run_ingest(str(inputs), "--db", str(db))
    assert resumed.returncode == 0, resumed.stderr
    present = after_kill["articles"]
    assert f"stored {200 - present} new article(s); {present} already present" in resumed.stderr
    assert counts(db) == {"articles": 200, "analyses": 200, "sources": 200}
    assert integrity(db) == "ok"


def _wait_for_rows(db: Path, proc: subprocess.Popen[bytes]) -> int:
    """Poll until the running ingest has committed some articles; how many it had."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                found = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            found = 0  # not created yet
        if found:
            return int(found)
        time.sleep(0.02)
    pytest.fail("the ingest stored nothing before it ended or timed out")


def test_two_ingests_at_once_store_each_article_once(tmp_path: Path) -> None:
    write_articles(tmp_path / "a", 30)
    write_articles(tmp_path / "b", 30, start=15)  # 15 articles in both folders
    db = tmp_path / "corpus.db"
    procs = [
        subprocess.Popen(
            ingest_args(str(tmp_path / name), "--db", str(db), "--batch-size", "4", "--quiet"),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert counts(db) == {"articles": 45, "analyses": 45, "sources": 60}
    assert integrity(db) == "ok"


def test_parallel_workers(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 8)
    db = tmp_path / "corpus.db"
    result = run_ingest(str(tmp_path / "in"), "--db", str(db), "-j", "2", "--batch-size", "2")
    assert result.returncode == 0, result.stderr
    assert counts(db) == {"articles": 8, "analyses": 8, "sources": 8}


@pytest.mark.skipif(not REGISTERED, reason="ingest is not registered in newsint.cli.main yet")
def test_python_m_newsint_ingest_and_search(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "corpus.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    ingest = subprocess.run(
        [sys.executable, "-m", "newsint", "ingest", str(tmp_path / "in"), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert ingest.returncode == 0, ingest.stderr
    search = subprocess.run(
        [sys.executable, "-m", "newsint", "search", "Raqqa", "--db", str(db), "-f", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert search.returncode == 0, search.stderr
    assert len(search.stdout.splitlines()) == 1
