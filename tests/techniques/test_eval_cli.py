"""``newsint eval techniques`` on a tiny synthetic corpus, through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsint.cli.eval_techniques import eval_techniques_command
from newsint.techniques.data import TECHNIQUES, read_labels

from ..conftest import PTC, shared_file
from .corpus import write_corpus

runner = CliRunner()
app = typer.Typer()
app.command("techniques")(eval_techniques_command)
app.command("other")(lambda: None)  # two commands, so "techniques" is a subcommand


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["techniques", *args])


def test_eval_writes_official_files_and_prints_scores(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "ptc", "dev", range(3))
    out, metrics = tmp_path / "preds", tmp_path / "m.json"
    labels = root / "dev-task-flc-tc.labels"
    result = invoke(
        "--articles", str(root / "dev-articles"), "--labels", str(labels),
        "--predictions-dir", str(out), "--json-out", str(metrics), "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "SI spans" in result.stdout and "TC micro" in result.stdout
    assert "articles/s" in result.stdout and "TC per technique" in result.stdout
    gold = read_labels(labels)
    predicted_tc = read_labels(out / "tc.txt")
    assert [(s.article_id, s.start, s.end) for s in predicted_tc] == [
        (s.article_id, s.start, s.end) for s in gold
    ]
    assert all(s.technique in TECHNIQUES for s in predicted_tc)
    texts = {p.stem[7:]: p.read_text() for p in (root / "dev-articles").iterdir()}
    for span in read_labels(out / "si.txt"):
        assert span.technique is None
        assert 0 <= span.start < span.end <= len(texts[span.article_id])
    summary = json.loads(metrics.read_text())
    assert summary["articles"] == 3
    assert 0.0 <= summary["si"]["f1"] <= 1.0 and 0.0 <= summary["tc"]["micro_f1"] <= 1.0
    assert summary["tc"]["gold"] == len(gold)


def test_si_labels_give_si_scores_only(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "ptc", "dev", range(2))
    out = tmp_path / "preds"
    result = invoke(
        "-a", str(root / "dev-articles"), "-l", str(root / "dev-task-si.labels"),
        "-p", str(out), "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "SI spans" in result.stdout and "TC micro" not in result.stdout
    assert (out / "si.txt").exists() and not (out / "tc.txt").exists()


@pytest.mark.parametrize("missing", ["articles", "labels"])
def test_missing_paths_are_one_line_and_exit_1(tmp_path: Path, missing: str) -> None:
    root = write_corpus(tmp_path / "ptc", "dev", range(1))
    articles = root / "dev-articles" if missing != "articles" else tmp_path / "no-articles"
    labels = root / "dev-task-si.labels" if missing != "labels" else tmp_path / "no.labels"
    result = invoke("--articles", str(articles), "--labels", str(labels), "-q")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert ("no-articles" if missing == "articles" else "no.labels") in lines[0]
    assert "Traceback" not in result.output


def test_malformed_labels_are_one_line(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "ptc", "dev", range(1))
    bad = tmp_path / "bad.labels"
    bad.write_text("1000\tonly-two\n", encoding="utf-8")
    result = invoke("-a", str(root / "dev-articles"), "-l", str(bad), "-q")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "bad.labels:1" in result.stderr


@pytest.mark.slow
def test_eval_on_the_real_dev_set(tmp_path: Path) -> None:
    articles = shared_file(PTC / "dev-articles")
    labels = shared_file(PTC / "dev-task-flc-tc.labels")
    metrics = tmp_path / "m.json"
    result = invoke(
        "-a", str(articles), "-l", str(labels), "-p", str(tmp_path), "--json-out", str(metrics),
        "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(metrics.read_text())
    assert summary["articles"] == 38 and summary["tc"]["gold"] == 632
    # far above chance (a random span tagger scores ~0.1 SI; majority class ~0.35 TC)
    assert summary["si"]["f1"] > 0.3
    assert summary["tc"]["micro_f1"] > 0.5
    assert len(read_labels(tmp_path / "tc.txt")) == 632
