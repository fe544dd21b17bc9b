"""The ingest loop with a fake analyser: skipping, duplicates, rejects, commits, counting."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import newsint.api
from newsint.corpus.ingest import Ingestor, Rejected, count_inputs, write_rejects
from newsint.errors import EmptyInputError, InputError
from newsint.ingest import article_from_text, read_sources
from newsint.model import Analysis, Article, Entity
from newsint.pipeline import AnalysisFailedError
from newsint.store import MemoryStore, SQLiteStore, Store
from tests.store.factories import INFO


class FakeAnalyser:
    """Analyses instantly; fails articles containing FAIL; crashes after ``crash_after``."""

    def __init__(self, crash_after: int | None = None) -> None:
        self.seen: list[str] = []
        self.calls = 0
        self.crash_after = crash_after

    def __call__(self, articles: Iterable[Article]) -> Iterator[Analysis | AnalysisFailedError]:
        self.calls += 1
        for article in articles:
            if self.crash_after is not None and len(self.seen) >= self.crash_after:
                raise RuntimeError("killed")
            self.seen.append(article.source or "")
            if "FAIL" in article.text:
                yield AnalysisFailedError(article.source or article.id, "boom")
            else:
                word = article.text.split()[0]
                yield Analysis(article, INFO, entities=(Entity(word, 0, len(word), "GPE"),))


def art(text: str, source: str) -> Article:
    return article_from_text(text, source=source)


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    db: Store = SQLiteStore(":memory:") if request.param == "sqlite" else MemoryStore()
    yield db
    db.close()


def test_new_articles_are_stored_with_their_sources(store: Store) -> None:
    analyser = FakeAnalyser()
    items = [art("Aleppo one", "a.txt"), art("Raqqa two", "b.txt"), art("Aleppo one", "c.txt")]
    report = Ingestor(store, analyser).run(items)
    assert (report.stored, report.present, report.duplicates) == (2, 0, 1)
    assert analyser.seen == ["a.txt", "b.txt"]  # the duplicate is not analysed again
    assert store.count() == 2
    assert store.sources(items[0].id) == ["a.txt", "c.txt"]


def test_stored_articles_are_skipped_before_analysis(store: Store) -> None:
    Ingestor(store, FakeAnalyser()).run([art("Aleppo one", "a.txt")])
    analyser = FakeAnalyser()
    items = [art("Aleppo one", "copy/a.txt"), art("Idlib three", "d.txt")]
    report = Ingestor(store, analyser).run(items)
    assert analyser.seen == ["d.txt"]
    assert (report.stored, report.present) == (1, 1)
    assert sorted(store.sources(items[0].id)) == ["a.txt", "copy/a.txt"]


def test_nothing_new_means_the_analyser_is_never_started(store: Store) -> None:
    Ingestor(store, FakeAnalyser()).run([art("Aleppo one", "a.txt")])
    analyser = FakeAnalyser()
    report = Ingestor(store, analyser).run([art("Aleppo one", "a.txt")])
    assert analyser.calls == 0
    assert report.ok and report.present == 1


def test_bad_inputs_and_failed_analyses_are_rejected_and_the_rest_goes_on(store: Store) -> None:
    items: list[Article | InputError] = [
        EmptyInputError("empty.txt", "empty input (0 bytes)"),
        art("FAIL this one", "fail.txt"),
        art("FAIL this one", "fail-copy.txt"),
        art("Aleppo fine", "ok.txt"),
    ]
    report = Ingestor(store, FakeAnalyser()).run(items)
    assert report.stored == 1 and store.count() == 1
    assert report.rejected == [
        Rejected("empty.txt", "EmptyInputError", "empty input (0 bytes)"),
        Rejected("fail.txt", "AnalysisFailedError", "boom"),
        Rejected("fail-copy.txt", "AnalysisFailedError", "boom"),
    ]


def test_only_bad_inputs_is_not_ok(store: Store) -> None:
    report = Ingestor(store, FakeAnalyser()).run([EmptyInputError("e.txt", "empty")])
    assert not report.ok and store.count() == 0


def test_a_crash_keeps_every_committed_batch_whole(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    items = [art(f"Aleppo report {i}", f"{i}.txt") for i in range(10)]
    with SQLiteStore(db) as store:
        ingestor = Ingestor(store, FakeAnalyser(crash_after=7), commit_every=3)
        with pytest.raises(RuntimeError):
            ingestor.run(items)
        assert ingestor.report.stored == 6
    with SQLiteStore(db) as store:
        assert store.count() == 6
        rows = store.connection.execute(
            "SELECT (SELECT count(*) FROM analyses), (SELECT count(*) FROM entities)"
        ).fetchone()
        assert rows == (6, 6)
        analyser = FakeAnalyser()
        report = Ingestor(store, analyser).run(items)
        assert (report.stored, report.present) == (4, 6)
        assert analyser.seen == [f"{i}.txt" for i in range(6, 10)]


def test_progress_reports_every_input(store: Store) -> None:
    outcomes: list[str] = []
    items: list[Article | InputError] = [
        art("Aleppo one", "a.txt"),
        art("Aleppo one", "b.txt"),
        EmptyInputError("e.txt", "empty"),
        art("Raqqa two", "c.txt"),
    ]
    Ingestor(store, FakeAnalyser(), progress=outcomes.append).run(items)
    assert sorted(outcomes) == ["duplicate", "rejected", "stored", "stored"]


def test_real_sources_with_a_jsonl_file(tmp_path: Path, store: Store) -> None:
    (tmp_path / "one.txt").write_text("Aleppo was shelled.", encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        '{"text": "Raqqa was quiet."}\nnot json\n{"text": "Aleppo was shelled."}\n',
        encoding="utf-8",
    )
    report = Ingestor(store, FakeAnalyser()).run(read_sources([tmp_path]))
    assert (report.stored, report.duplicates, len(report.rejected)) == (2, 1, 1)
    assert report.rejected[0].source.endswith("records.jsonl:2")


def test_count_inputs(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", ".hidden.txt", "notes.pdf", "sub/c.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 3
    assert count_inputs([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 2
    assert count_inputs([str(tmp_path / "*.txt")]) == 1
    assert count_inputs(["-"]) is None
    (tmp_path / "records.jsonl").write_text("{}", encoding="utf-8")
    assert count_inputs([str(tmp_path)]) is None


def test_write_rejects(tmp_path: Path) -> None:
    target = tmp_path / "out" / "rejects.csv"
    write_rejects([Rejected("a, b.txt", "EmptyInputError", 'empty "really"')], target)
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows == [
        ["source", "error", "reason"],
        ["a, b.txt", "EmptyInputError", 'empty "really"'],
    ]


def test_cli_disk_full_is_one_clear_error_and_keeps_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command, in process, with the fake analyser standing in for spaCy (fast)."""
    import random
    import subprocess
    import sys

    import typer
    from typer.testing import CliRunner

    from newsint.cli import ingest as cli_ingest
    from newsint.store import StoreFullError

    if sys.platform != "linux":
        pytest.skip("tmpfs is Linux only")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs (needs root): {mounted.stderr.decode().strip()}")
    try:
        inputs = tmp_path / "in"
        inputs.mkdir()
        rng = random.Random(3)
        for i in range(120):
            words = ("".join(rng.choices("abcdefghij", k=8)) for _ in range(500))
            (inputs / f"{i:02d}.txt").write_text("Aleppo " + " ".join(words), encoding="utf-8")
        monkeypatch.setattr(
            newsint.api, "run_articles", lambda articles, config: FakeAnalyser()(articles)
        )
        app = typer.Typer()
        app.command()(cli_ingest.ingest_command)
        result = CliRunner().invoke(app, [str(inputs), "--db", str(disk / "corpus.db")])
        assert isinstance(result.exception, StoreFullError), result.output
        assert "full" in str(result.exception) and str(disk / "corpus.db") in str(result.exception)
        assert "stored" in result.stderr  # the summary of what was kept
        with SQLiteStore(disk / "corpus.db") as store:
            assert store.integrity_check() == "ok"
            kept = store.count()
            assert kept > 0
            assert store.connection.execute("SELECT count(*) FROM analyses").fetchone()[0] == kept
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
