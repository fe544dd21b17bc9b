"""Corroboration end to end, in new processes with the real pipeline: two outlets report an
arrest into a corpus with ``newsint ingest``; a third article analysed against that corpus
names both in its brief, its ACLED ``source`` cell and its GeoJSON; ``newsint export`` does
the same for the stored articles unless ``--no-corroboration``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

OUTLETS = ("Levant Wire", "Orient Daily")
RECORDS = [
    {
        "title": "Police arrest three activists in Homs",
        "text": "Police arrest three activists in Homs\n\nSyrian police arrested three activists "
        "in Homs on March 3, 2019, the interior ministry said on Sunday.",
        "outlet": OUTLETS[0],
        "published": "2019-03-03",
    },
    {
        "title": "Three activists detained in Homs",
        "text": "Three activists detained in Homs\n\nSecurity forces arrested three activists in "
        "the city of Homs on Sunday, March 3, 2019, according to a rights group.",
        "outlet": OUTLETS[1],
        "published": "2019-03-04",
    },
]
THIRD = (
    "Activists held in Homs\n\nPolice arrested three activists in Homs on March 3, 2019, "
    "witnesses told reporters.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import run_cli

    folder = tmp_path_factory.mktemp("corroboration")
    records = folder / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    (folder / "third.txt").write_text(THIRD, encoding="utf-8")
    db = folder / "corpus.db"
    result = run_cli("ingest", str(records), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    return db


def test_brief_names_both_outlets_only_with_a_corpus(cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    third = str(corpus.parent / "third.txt")
    args = ("analyze", third, "--format", "md", "--published", "2019-03-04")
    result = cli(*args, "--db", str(corpus))
    assert result.returncode == 0, result.stderr
    section = result.stdout[result.stdout.index("## Corroboration") :]
    section = section[: section.index("\n## ")]
    for outlet in OUTLETS:
        assert f"**{outlet}**" in section
    assert "0.0 km" in section
    plain = cli(*args)
    assert plain.returncode == 0 and "Corroboration" not in plain.stdout


def test_csv_and_geojson_of_the_analysed_article(cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    third = str(corpus.parent / "third.txt")
    result = cli("analyze", third, "--format", "csv", "--db", str(corpus))
    assert result.returncode == 0, result.stderr
    sources = [row["source"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert any(s.split("; ")[1:] and set(s.split("; ")[1:]) == set(OUTLETS) for s in sources)
    geo = cli("analyze", third, "--format", "geojson", "--db", str(corpus))
    assert geo.returncode == 0, geo.stderr
    events = [
        f["properties"]
        for f in json.loads(geo.stdout)["features"]
        if f["properties"]["feature"] == "event"
    ]
    named = {m["outlet"] for e in events for m in e["corroborated_by"]}
    assert named == set(OUTLETS)


def test_json_output_is_unchanged_by_a_corpus(cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    third = str(corpus.parent / "third.txt")
    with_db = cli("analyze", third, "--format", "json", "--db", str(corpus))
    without = cli("analyze", third, "--format", "json")
    assert with_db.returncode == 0 and without.returncode == 0
    assert json.loads(with_db.stdout) == json.loads(without.stdout)


def test_a_missing_corpus_is_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(THIRD, encoding="utf-8")
    missing = tmp_path / "nowhere.db"
    result = cli("analyze", str(tmp_path / "a.txt"), "--format", "md", "--db", str(missing))
    assert result.returncode == 1
    assert "nowhere.db" in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()


def test_export_lists_corroborating_outlets_unless_told_not_to(cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    def sources(*flags: str) -> list[str]:
        result = cli("export", "--db", str(corpus), "--format", "csv", *flags)
        assert result.returncode == 0, result.stderr
        return [row["source"] for row in csv.DictReader(io.StringIO(result.stdout))]

    corroborated = sources()
    assert "Levant Wire; Orient Daily" in corroborated
    assert "Orient Daily; Levant Wire" in corroborated
    assert set(sources("--no-corroboration")) == set(OUTLETS)
