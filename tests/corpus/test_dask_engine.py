"""The Dask engine: partitions, Parquet round trips, and a real LocalCluster run that must give
the same analyses as the local pipeline."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsint.config import Config
from newsint.corpus.dask_engine import (
    expand_inputs,
    ingest_to_parquet,
    iter_parquet_analyses,
    load_parquet_into_store,
    partition_files,
    partition_path,
    require_dask,
    write_partition,
)
from newsint.errors import ConfigError, MissingExtraError, NewsintError
from newsint.model import Analysis, Article, DateMention, Event, PipelineInfo, Place

pq = pytest.importorskip("pyarrow.parquet")

INFO = PipelineInfo("0.1.0", "en_test-0", ("ner",))
ARTICLES = [
    "ISIS militants fled from Raqqa to Tall Tamr on 3 May 2017, residents said.",
    "Turkish troops crossed the border near Ras al-Ain on Wednesday.",
    "Protesters gathered in Damascus on Friday to demand the release of 40 detainees.",
    "The United Nations said 12,000 people left Deir ez-Zor in August.",
    "Kurdish forces took control of Al-Hasakah after heavy fighting last week.",
    "Officials in Ankara denied the reports on Monday.",
    "Aid convoys reached Aleppo and Idlib in early September 2017.",
    "A car bomb killed 5 people in Qamishli, the interior ministry said.",
]


class ListStore:
    """The smallest store: keeps what it is given."""

    def __init__(self) -> None:
        self.added: list[Analysis] = []

    def add(self, analysis: Analysis) -> None:
        self.added.append(analysis)


def sample_analysis(aid: str) -> Analysis:
    place = Place(
        text="Raqqa", start=0, end=5, name="Ar Raqqah", geonameid=172955, lat=35.95, lon=39.0
    )
    date = DateMention(
        text="3 May", start=6, end=11, value="2017-05-03", end_value=None, granularity="day"
    )
    event = Event(
        type="ASSAULT", text="fled", start=12, end=16, place=place, date=date, confidence=0.5
    )
    article = Article(
        id=aid, text="Raqqa 3 May fled", outlet="x.com", published=dt.date(2017, 5, 4)
    )
    return Analysis(article=article, pipeline=INFO, places=(place,), events=(event,))


def write_inputs(folder: Path) -> Path:
    folder.mkdir()
    for i, text in enumerate(ARTICLES[:6]):
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    records = [{"text": t, "outlet": "wire.example", "published": "2017-09-0" + str(n + 1)}
               for n, t in enumerate(ARTICLES[6:])]  # fmt: skip
    (folder / "records.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden.txt").write_text("not read", encoding="utf-8")
    return folder


# --- without a cluster -------------------------------------------------------------------------


def test_expand_inputs_walks_folders_and_globs(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "in")
    files, problems = expand_inputs([folder, str(tmp_path / "in" / "0[01].txt"), tmp_path / "nope"])
    names = [Path(f).name for f in files]
    assert names[:8] == [
        "00.txt",
        "01.txt",
        "02.txt",
        "03.txt",
        "04.txt",
        "05.txt",
        "empty.txt",
        "records.jsonl",
    ]
    assert names[8:] == ["00.txt", "01.txt"]
    assert len(problems) == 1 and "nope" in problems[0]
    with pytest.raises(ConfigError):
        expand_inputs(["-"])


def test_partitions_keep_order_and_size(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "in")
    files, _ = expand_inputs([folder])
    parts = partition_files(files, partition_bytes=150)
    assert [f for part in parts for f in part] == files
    assert len(parts) > 2
    assert partition_files(files, partition_bytes=10**9) == [files]


def test_parquet_round_trip_and_flat_tables(tmp_path: Path) -> None:
    analyses = [sample_analysis("a1"), sample_analysis("a2")]
    write_partition(tmp_path, 0, analyses[:1])
    write_partition(tmp_path, 1, analyses[1:])
    write_partition(tmp_path, 2, [])
    assert list(iter_parquet_analyses(tmp_path)) == analyses
    events = pq.read_table(partition_path(tmp_path, "events", 1)).to_pylist()
    assert events[0]["article_id"] == "a2" and events[0]["event_index"] == 0
    assert (events[0]["type"], events[0]["lat"], events[0]["date_value"]) == (
        "ASSAULT",
        35.95,
        "2017-05-03",
    )
    places = pq.read_table(partition_path(tmp_path, "places", 0)).to_pylist()
    assert places[0]["geonameid"] == 172955 and places[0]["name"] == "Ar Raqqah"
    rows = pq.read_table(partition_path(tmp_path, "analyses", 0)).to_pylist()
    assert rows[0]["published"] == dt.date(2017, 5, 4) and rows[0]["outlet"] == "x.com"
    store = ListStore()
    assert load_parquet_into_store(tmp_path, store) == 2
    assert store.added == analyses


def test_reading_a_folder_without_output_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NewsintError, match="no analyses dataset"):
        list(iter_parquet_analyses(tmp_path))


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtraError, match=r"newsint\[dask\]"):
        require_dask()
    with pytest.raises(MissingExtraError):
        ingest_to_parquet(["x"], out_dir="y")


# --- on a LocalCluster ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def local_analyses(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Analysis]]:
    from newsint.api import get_pipeline
    from newsint.ingest import read_sources

    folder = write_inputs(tmp_path_factory.mktemp("inputs") / "in")
    articles = [a for a in read_sources([folder]) if isinstance(a, Article)]
    results = list(get_pipeline(Config()).run(articles))
    assert all(isinstance(r, Analysis) for r in results)
    return folder, results  # type: ignore[return-value]


def test_cluster_writes_parquet_equal_to_the_local_pipeline(
    scheduler: str, local_analyses: tuple[Path, list[Analysis]], tmp_path: Path
) -> None:
    folder, expected = local_analyses
    seen = []
    summary = ingest_to_parquet(
        [folder], out_dir=tmp_path / "out", scheduler=scheduler, config=Config(),
        partition_bytes=150, on_partition=seen.append,
    )  # fmt: skip
    assert summary.partitions > 2 and len(seen) == summary.partitions
    assert summary.articles == len(expected) == 8
    assert len(summary.problems) == 1 and "empty.txt" in summary.problems[0]
    parts = sorted((tmp_path / "out" / "analyses").glob("part-*.parquet"))
    assert len(parts) == summary.partitions
    assert list(iter_parquet_analyses(tmp_path / "out")) == expected
    places = [row for p in sorted((tmp_path / "out" / "places").glob("*.parquet"))
              for row in pq.read_table(p).to_pylist()]  # fmt: skip
    assert len(places) == sum(len(a.places) for a in expected) > 0


def test_cli_runner_reports_and_loads(
    scheduler: str, local_analyses: tuple[Path, list[Analysis]], tmp_path: Path
) -> None:
    from newsint.cli.dask_ingest import run_dask_ingest

    folder, expected = local_analyses
    summary = run_dask_ingest(
        [folder], out_dir=tmp_path / "out", scheduler=scheduler, config=Config(), quiet=True
    )
    assert summary.partitions == 1 and summary.articles == 8
    store = ListStore()
    load_parquet_into_store(tmp_path / "out", store)
    assert store.added == expected
    with pytest.raises(NewsintError):
        run_dask_ingest([tmp_path / "missing"], out_dir=tmp_path / "o2", scheduler=scheduler,
                        config=Config(), quiet=True)  # fmt: skip


def test_without_a_scheduler_a_local_cluster_is_started(
    local_analyses: tuple[Path, list[Analysis]], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    folder, expected = local_analyses
    summary = ingest_to_parquet(
        [folder], out_dir=tmp_path / "out", n_workers=2, config=Config(), partition_bytes=300
    )
    assert summary.articles == 8
    assert list(iter_parquet_analyses(tmp_path / "out")) == expected


def test_ingest_command_with_the_dask_engine_fills_the_store_once(
    scheduler: str, local_analyses: tuple[Path, list[Analysis]], tmp_path: Path
) -> None:
    """``newsint ingest --engine dask --scheduler``: Parquet written, the store holds every
    article once, a second run adds nothing, and the bad input is named."""
    import subprocess

    from newsint.store import open_store

    folder, expected = local_analyses
    db, parquet = tmp_path / "corpus.db", tmp_path / "parts"
    args = [sys.executable, "-m", "newsint", "ingest", "--engine", "dask", "--scheduler",
            scheduler, "--parquet", str(parquet), "--db", str(db), "--quiet",
            str(folder)]  # fmt: skip
    first = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "empty.txt" in first.stderr and "stored 8 new article(s)" in first.stderr
    assert sorted(p.name for p in (parquet / "analyses").glob("*.parquet")) == [
        "part-00000.parquet"
    ]
    second = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0 and "stored 0 new article(s); 8 already present" in second.stderr
    with open_store(db) as store:
        stored = {a.article.id: a for a in (store.get(e.article.id) for e in expected)}
    assert set(stored) == {a.article.id for a in expected}
    wrong = subprocess.run([*args[:-1], "--published", "2017-01-01", str(folder)],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert wrong.returncode != 0 and "--published" in wrong.stderr
