"""``newsint search`` and ``newsint export`` through their Typer commands."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsint.cli.export import export_command
from newsint.cli.search import search_command
from newsint.store import CorruptStoreError, SQLiteStore, StoreError
from newsint.store.export import ACLED_COLUMNS

from .factories import make_analysis, numbered

ALEPPO = ("Aleppo", 36.2, 37.16, "SY")


def cli_app() -> typer.Typer:
    app = typer.Typer()
    app.command("search")(search_command)
    app.command("export")(export_command)
    return app


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    with SQLiteStore(path) as store:
        store.add(
            make_analysis(
                "Aleppo: militants shelled the old city, the observatory said.",
                title="Shelling [in] Aleppo",
                outlet="Reuters",
                published=dt.date(2017, 9, 25),
                place=ALEPPO,
                event_type="ASSAULT",
                technique="Loaded_Language",
                reliability="high",
            ),
            "aleppo.txt",
        )
        for i in range(3):
            store.add(numbered(i, published=dt.date(2018, 1, 1 + i)), f"n{i}.txt")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli_app(), list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_search_table_shows_the_hit(db: Path) -> None:
    code, out, _ = run("search", "observatory", "--db", str(db))
    assert code == 0
    assert "Shelling [in] Aleppo" in out  # brackets in data are not taken as markup
    assert "2017-09-25" in out


def test_search_json_with_every_filter(db: Path) -> None:
    args = ["--db", str(db), "--outlet", "reuters", "--since", "2017-01-01"]
    args += ["--until", "2017-12-31", "--country", "SY", "--near", "36.3,37.2", "--km", "30"]
    args += ["--event-type", "assault", "--technique", "Loaded_Language", "--reliability", "HIGH"]
    code, out, _ = run("search", "militants", *args, "--format", "json")
    assert code == 0
    (hit,) = json.loads(out)
    assert hit["title"] == "Shelling [in] Aleppo" and hit["source"] == "aleppo.txt"
    code, out, _ = run("search", "militants", *args[:-1], "low", "--format", "json")
    assert json.loads(out) == []


def test_search_without_words_lists_newest_first(db: Path) -> None:
    code, out, _ = run("search", "--db", str(db), "--format", "jsonl", "--limit", "2")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["published"] for r in rows] == ["2018-01-03", "2018-01-02"]
    code, out, _ = run("search", "*", "--db", str(db), "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 4


def test_search_geojson_and_parquet(db: Path, tmp_path: Path) -> None:
    code, out, _ = run("search", "Aleppo", "--db", str(db), "--format", "geojson")
    assert code == 0
    assert {f["properties"]["feature"] for f in json.loads(out)["features"]} == {"place", "event"}
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "hits.parquet"
    code, _, _ = run("search", "militants", "--db", str(db), "-f", "parquet", "--out", str(target))
    assert code == 0
    assert pq.read_table(target).num_rows == 4


def test_search_refuses_a_missing_database_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no such corpus database"):
        run("search", "x", "--db", str(missing))
    assert not missing.exists()


def test_search_refuses_a_corrupt_file(tmp_path: Path) -> None:
    bad = tmp_path / "corpus.db"
    bad.write_bytes(b"not a database at all" * 20)
    with pytest.raises(CorruptStoreError):
        run("search", "x", "--db", str(bad))
    assert bad.read_bytes() == b"not a database at all" * 20


def test_bad_options_are_config_errors(db: Path) -> None:
    from newsint.errors import ConfigError

    for args in (["--near", "x,y"], ["--since", "yesterday"], ["--reliability", "meh"]):
        with pytest.raises(ConfigError):
            run("search", "x", "--db", str(db), *args)


def test_export_csv_events_in_acled_columns(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    code, _, err = run("export", "--db", str(db), "--format", "csv", "--out", str(target))
    assert code == 0 and "1 rows written" in err
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert tuple(rows[0]) == ACLED_COLUMNS and rows[0]["country"] == "Syria"


def test_export_jsonl_with_filters_to_stdout(db: Path) -> None:
    code, out, _ = run("export", "--db", str(db), "--query", "report", "--since", "2018-01-02")
    assert code == 0
    ids = [json.loads(line)["article"]["id"] for line in out.splitlines()]
    assert ids == [numbered(1).article.id, numbered(2).article.id]


def test_export_geojson_and_table_csv(db: Path) -> None:
    code, out, _ = run("export", "--db", str(db), "--format", "geojson")
    assert code == 0 and len(json.loads(out)["features"]) == 2
    code, out, _ = run("export", "--db", str(db), "-f", "csv", "--table", "sources")
    assert code == 0
    assert {r["source"] for r in csv.DictReader(io.StringIO(out))} == {
        "aleppo.txt",
        "n0.txt",
        "n1.txt",
        "n2.txt",
    }


def test_export_parquet_folder(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "pq"
    code, _, err = run("export", "--db", str(db), "-f", "parquet", "--out", str(out))
    assert code == 0 and "articles 4" in err
    assert pq.read_table(out / "entities.parquet").num_rows == 4


def test_export_option_errors(db: Path) -> None:
    from newsint.errors import ConfigError

    for args in (["-f", "parquet"], ["--table", "nope", "-f", "csv"], ["--table", "places"]):
        with pytest.raises(ConfigError):
            run("export", "--db", str(db), *args)
