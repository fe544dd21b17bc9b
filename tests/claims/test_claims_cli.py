"""``newsint train claims`` and ``newsint eval claims`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsint.cli.eval_claims import eval_claims_command
from newsint.cli.train_claims import train_claims_command

from ..conftest import SHARED, shared_file
from .synthetic import write_clef_csv

app = typer.Typer()
app.command("train")(train_claims_command)
app.command("eval")(eval_claims_command)
runner = CliRunner()


@pytest.fixture
def tiny_model(tmp_path: Path) -> Path:
    pytest.importorskip("sklearn")
    train = write_clef_csv(tmp_path / "train.csv")
    model = tmp_path / "models" / "cw.json.gz"
    result = runner.invoke(app, ["train", "--data", str(train), "--output", str(model), "--folds",
                                 "3"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "cross-validated by debate (3 folds)" in result.stdout
    assert model.exists()
    return model


def test_train_then_eval_with_tsv_predictions(tmp_path: Path, tiny_model: Path) -> None:
    test = write_clef_csv(tmp_path / "test.csv", debates=2)
    preds, metrics = tmp_path / "out" / "preds.tsv", tmp_path / "metrics.json"
    result = runner.invoke(
        app,
        ["eval", "--test", str(test), "--model", str(tiny_model), "-p", str(preds),
         "--json-out", str(metrics)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "MAP" in result.stdout and "F1" in result.stdout
    lines = preds.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["file_name", "line_number", "score", "predicted", "label"]
    assert len(lines) == 1 + 2 * 14
    summary = json.loads(metrics.read_text(encoding="utf-8"))
    assert summary["debates"] == 2 and summary["sentences"] == 28 and summary["positives"] == 12
    assert 0.0 <= summary["map"] <= 1.0
    positive = summary["positive_class"]
    assert positive["tp"] + positive["fn"] == 12


def test_eval_jsonl_predictions_and_limit(tmp_path: Path, tiny_model: Path) -> None:
    test = write_clef_csv(tmp_path / "test.csv", debates=2)
    preds = tmp_path / "preds.jsonl"
    result = runner.invoke(
        app, ["eval", "-t", str(test), "-m", str(tiny_model), "-p", str(preds), "--limit", "5"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    for record in records:
        assert {"file_name", "line_number", "text", "score", "predicted", "label"} <= set(record)
        assert 0.0 <= record["score"] <= 1.0


def test_eval_with_the_shipped_model(tmp_path: Path) -> None:
    test = write_clef_csv(tmp_path / "test.csv", debates=1)
    result = runner.invoke(app, ["eval", "--test", str(test)])
    assert result.exit_code == 0, result.output
    assert "MAP" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("line_number,text\n1,hello\n", "missing column"),
        ("line_number,speaker,text,label,file_name\n1,A,hi,maybe,d.tsv\n", "integers"),
        ("line_number,speaker,text,label,file_name\n1,A,hi,7,d.tsv\n", "0 or 1"),
        ("line_number,speaker,text,label,file_name\n", "no sentences"),
    ],
)
def test_eval_rejects_bad_csv(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["eval", "--test", str(bad)])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_missing_files_are_one_line_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--test", str(tmp_path / "absent.csv")])
    assert result.exit_code == 1 and "not found" in result.output
    result = runner.invoke(app, ["train", "--data", str(tmp_path / "absent.csv"), "--output",
                                 str(tmp_path / "m.json.gz")])  # fmt: skip
    assert result.exit_code == 1 and "not found" in result.output
    assert not (tmp_path / "m.json.gz").exists()
    test = write_clef_csv(tmp_path / "test.csv", debates=1)
    result = runner.invoke(app, ["eval", "-t", str(test), "-m", str(tmp_path / "absent.json.gz")])
    assert result.exit_code == 1 and "newsint train claims" in result.output


@pytest.mark.slow
def test_real_eval_on_clef2019_test(tmp_path: Path) -> None:
    """The shipped model on the CLEF 2019 test debates (accuracy run, not a unit test)."""
    test = shared_file(SHARED / "data" / "claims" / "clef2019-checkworthy-test.csv")
    metrics = tmp_path / "metrics.json"
    result = runner.invoke(app, ["eval", "--test", str(test), "--json-out", str(metrics)])
    assert result.exit_code == 0, result.output
    summary = json.loads(metrics.read_text(encoding="utf-8"))
    assert summary["debates"] == 7 and summary["sentences"] == 7080
    # the shipped model reached MAP 0.149; far below would mean a broken model or scorer
    assert summary["map"] > 0.10
    assert summary["positive_class"]["f1"] > 0.08
