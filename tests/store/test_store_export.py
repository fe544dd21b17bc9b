"""Exports read back: JSON Lines, ACLED CSV, CSV of any table, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsint.errors import MissingExtraError
from newsint.events.acled import event_to_acled
from newsint.model import Analysis, Event, Quantity
from newsint.store import TABLES, SearchQuery, SQLiteStore
from newsint.store import export as exports

from .factories import make_analysis, numbered

ALEPPO = ("Aleppo", 36.2, 37.16, "SY")


def _with_events(analysis: Analysis) -> Analysis:
    """Add a negated and a hypothetical event beside the one ``make_analysis`` made."""
    (event,) = analysis.events
    killed = Event(
        event.type,
        event.text,
        event.start,
        event.end,
        mode="kill",
        count=Quantity(event.text, event.start, event.end, 12.0, "people"),
        place=event.place,
        hedged=True,
    )
    negated = Event("PROTEST", event.text, event.start, event.end, negated=True)
    hypothetical = Event("AID", event.text, event.start, event.end, hypothetical=True)
    return Analysis(
        analysis.article,
        analysis.pipeline,
        entities=analysis.entities,
        places=analysis.places,
        events=(killed, negated, hypothetical),
        techniques=analysis.techniques,
        reliability=analysis.reliability,
    )


SYRIA = _with_events(
    make_analysis(
        "Aleppo: twelve people were killed in shelling, the observatory said.",
        outlet="Reuters",
        url="https://www.reuters.com/a",
        published=dt.date(2017, 9, 25),
        place=ALEPPO,
        event_type="ASSAULT",
        technique="Loaded_Language",
        reliability="high",
    )
)
OTHERS = [numbered(i, published=dt.date(2018, 1, 1 + i)) for i in range(5)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "corpus.db") as db:
        db.add(SYRIA, "syria.txt")
        for analysis in OTHERS:
            db.add(analysis, "other.txt")
        yield db


def test_jsonl_holds_every_analysis_unchanged(store: SQLiteStore) -> None:
    stream = io.StringIO()
    assert exports.write_jsonl(store, None, stream) == 6
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0] == SYRIA.to_dict()
    assert [Analysis.from_dict(d).to_dict() for d in lines[1:]] == [a.to_dict() for a in OTHERS]


def test_jsonl_respects_filters(store: SQLiteStore) -> None:
    stream = io.StringIO()
    assert exports.write_jsonl(store, SearchQuery(country="SY"), stream) == 1
    assert json.loads(stream.getvalue())["article"]["id"] == SYRIA.article.id


def test_events_csv_has_the_acled_columns(store: SQLiteStore) -> None:
    stream = io.StringIO()
    assert exports.write_csv(store, None, stream) == 1  # negated and hypothetical left out
    reader = csv.DictReader(io.StringIO(stream.getvalue()))
    assert tuple(reader.fieldnames or ()) == exports.ACLED_COLUMNS
    (row,) = list(reader)
    assert row["event_date"] == "2017-09-25"  # no event date: the publication date
    assert row["country"] == "Syria"
    assert row["location"] == "Aleppo"
    assert float(row["latitude"]) == 36.2 and float(row["longitude"]) == 37.16
    assert row["geo_precision"] == "1"
    assert row["fatalities"] == "12"
    assert row["source"] == "Reuters"
    assert row["notes"].startswith("Aleppo") and row["notes"].endswith("[hedged]")
    # the same mapping as ``newsint analyze --format csv`` (rules + the shipped classifier)
    (event,) = [e for e in SYRIA.events if not (e.negated or e.hypothetical)]
    assert (row["event_type"], row["sub_event_type"]) == event_to_acled(event)


@pytest.mark.parametrize("table", ["places", "techniques", "articles", "sources", "entities"])
def test_csv_of_any_table_reads_back(store: SQLiteStore, table: str) -> None:
    stream = io.StringIO()
    count = exports.write_csv(store, None, stream, table)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == count
    expected = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert count == expected > 0
    assert list(rows[0]) == [name for name, _ in store.columns(table)]


def test_geojson_has_the_located_places_and_events(store: SQLiteStore) -> None:
    stream = io.StringIO()
    assert exports.write_geojson(store, None, stream) == 6
    data = json.loads(stream.getvalue())
    assert data["type"] == "FeatureCollection"
    kinds = sorted(f["properties"]["feature"] for f in data["features"])
    assert kinds == ["event", "place"]  # only the killing event has a place
    assert all(f["geometry"]["coordinates"] == [37.16, 36.2] for f in data["features"])


def test_parquet_of_every_table_has_the_row_counts(store: SQLiteStore, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "parquet"
    counts = exports.write_parquet(store, None, out)
    assert set(counts) == set(TABLES)
    for table in TABLES:
        expected = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        read = pq.read_table(out / f"{table}.parquet")
        assert read.num_rows == counts[table] == expected, table
        assert read.column_names == [name for name, _ in store.columns(table)]


def test_parquet_of_one_table_with_filters(store: SQLiteStore, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    counts = exports.write_parquet(store, SearchQuery(text="killed"), out, ["events"])
    assert counts == {"events": 3}
    table = pq.read_table(out)
    assert table.column("type").to_pylist() == ["ASSAULT", "PROTEST", "AID"]
    assert str(table.schema.field("lat").type) == "double"


def test_parquet_without_pyarrow_names_the_extra(
    store: SQLiteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'newsint\[parquet\]'"):
        exports.write_parquet(store, None, tmp_path / "x")
