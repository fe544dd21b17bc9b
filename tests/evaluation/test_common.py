"""Shared evaluation helpers: distances, P/R/F1 counts, tables, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from newsint.errors import NewsintError
from newsint.evaluation.common import (
    PRF,
    CorpusError,
    MetricTable,
    haversine_km,
    limited,
    mean,
    median,
    require_file,
    write_json,
    write_jsonl,
)

LONDON = (51.5074, -0.1278)
PARIS = (48.8566, 2.3522)
NEW_YORK = (40.7128, -74.0060)
SYDNEY = (-33.8688, 151.2093)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        (LONDON, PARIS, 343.9),
        (LONDON, NEW_YORK, 5570.2),
        (NEW_YORK, SYDNEY, 15988.8),
    ],
)
def test_haversine_known_city_pairs(
    a: tuple[float, float], b: tuple[float, float], km: float
) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, rel=2e-3)
    assert haversine_km(*b, *a) == pytest.approx(haversine_km(*a, *b))


def test_haversine_zero_and_antipodes() -> None:
    assert haversine_km(*PARIS, *PARIS) == 0.0
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.1, abs=0.1)
    assert haversine_km(90.0, 0.0, -90.0, 0.0) == pytest.approx(20015.1, abs=0.1)


def test_prf_values_and_sum() -> None:
    total = PRF(tp=3, fp=1, fn=2) + PRF(tp=1, fp=1, fn=0)
    assert total == PRF(4, 2, 2)
    assert total.precision == pytest.approx(4 / 6)
    assert total.recall == pytest.approx(4 / 6)
    assert total.f1 == pytest.approx(4 / 6)
    assert PRF(tp=1, fp=0, fn=3).f1 == pytest.approx(2 * 1 * 0.25 / 1.25)


def test_prf_degenerate_cases_are_zero() -> None:
    empty = PRF()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert PRF(tp=0, fp=5, fn=0).precision == 0.0
    assert PRF(tp=0, fp=0, fn=4).recall == 0.0
    assert PRF(2, 0, 0).as_dict()["f1"] == 1.0


def test_median_and_mean() -> None:
    assert median([]) is None and mean([]) is None
    assert median([5.0, 1.0, 3.0]) == 3.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert mean([1.0, 2.0, 6.0]) == 3.0


def test_metric_table_formats_cells() -> None:
    table = MetricTable(title="Scores", columns=["a", "b"])
    table.add("f1", 0.12345, None)
    table.section()
    table.add("count", 12345)
    table.add("error km", 1234.56, digits=0)
    console = Console(record=True, width=100)
    table.print(console)
    text = console.export_text()
    assert "0.123" in text and "–" in text and "12,345" in text and "1,235" in text
    with pytest.raises(ValueError):
        table.add("too many", 1, 2, 3)


def test_write_jsonl_and_json(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "preds.jsonl"
    assert write_jsonl(out, [{"a": 1}, {"b": "é"}]) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"a": 1}, {"b": "é"}]
    write_json(tmp_path / "m.json", {"f1": 0.5})
    assert json.loads((tmp_path / "m.json").read_text()) == {"f1": 0.5}


def test_write_into_a_file_path_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NewsintError, match="cannot write"):
        write_jsonl(blocker / "out.jsonl", [])


def test_require_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        require_file(tmp_path / "missing.xml", "corpus")
    with pytest.raises(CorpusError, match="not a file"):
        require_file(tmp_path, "corpus")


def test_limited() -> None:
    assert list(limited(range(10), 3)) == [0, 1, 2]
    assert list(limited(range(3), None)) == [0, 1, 2]
