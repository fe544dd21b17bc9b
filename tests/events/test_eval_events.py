"""``newsint eval events``: corpus readers, the overlap metrics, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsint.cli.eval_events import eval_events_command
from newsint.evaluation.common import CorpusError
from newsint.evaluation.events import (
    exact,
    overlap,
    read_case,
    read_case_types,
    read_plover_gsr,
    rules_case_label,
)
from newsint.model import Event

from ..conftest import SHARED, shared_file

runner = CliRunner()
app = typer.Typer()
app.command("events")(eval_events_command)
app.command("unused")(lambda: None)  # two commands, so "events" is a subcommand

GSR = [
    {"event": "DOCUMENT", "id": "doc"},
    {
        "id": "A-1",
        "event": "COERCE",
        "mode": "arrest",
        "text": "Israeli soldiers arrested more than 100 Palestinians on Saturday.",
        "source": [{"actorText": "Israeli soldiers"}],
        "target": [{"actorText": "Palestinians"}],
    },
    {
        "id": "A-2",
        "event": "AGREE",
        "text": "The United States and Jordan have agreed upon a new free-trade pact.",
        "source": [{"actorText": "United States"}, {"actorText": "Jordan"}],
        "target": "",
    },
]
CASE_ROWS = [
    ("1", "Police arrested five protesters in the capital.", "ARREST"),
    ("2", "Security forces detained two suspects on Monday.", "ARREST"),
    ("3", "Officers arrested a man wanted for murder.", "ARREST"),
    ("4", "Warplanes struck the village, killing six civilians.", "AIR_STRIKE"),
    ("5", "An airstrike hit a market in the town.", "AIR_STRIKE"),
    ("6", "Drones bombed positions near the border.", "AIR_STRIKE"),
]


def _write_gsr(path: Path) -> Path:
    path.write_text(json.dumps(GSR), encoding="utf-8")
    return path


def _write_case(path: Path) -> Path:
    lines = ["id\tEventSnippet\tSubType", *("\t".join(row) for row in CASE_ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.with_name("case2021-task2-event-types.txt").write_text("ARREST\nAIR_STRIKE\nOTHER\n")
    return path


def test_readers(tmp_path: Path) -> None:
    records = read_plover_gsr(_write_gsr(tmp_path / "gsr.json"))
    assert [r.id for r in records] == ["A-1", "A-2"]
    assert records[1].sources == ("United States", "Jordan") and records[1].targets == ()
    rows = read_case(_write_case(tmp_path / "case.tsv"))
    assert [r.label for r in rows][:2] == ["ARREST", "ARREST"]
    assert read_case_types(tmp_path / "case.tsv") == {"ARREST", "AIR_STRIKE", "OTHER"}


def test_readers_report_broken_files(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        read_plover_gsr(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError):
        read_plover_gsr(bad)
    empty = tmp_path / "empty.tsv"
    empty.write_text("id\tEventSnippet\tSubType\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        read_case(empty)


def test_overlap_and_exact_metrics() -> None:
    both = overlap("The United States and Jordan", ["United States", "Jordan"])
    assert (both.tp, both.fp, both.fn) == (3, 1, 0)  # "and" is the only extra word
    assert overlap(None, ["Syria"]).fn == 1 and overlap("Syria", []).fp == 1
    assert exact("the Palestinians", ["Palestinians"]).tp == 1
    assert exact("Israeli soldiers", ["Israeli army"]).fp == 1
    assert exact("United States Jordan", ["United States", "Jordan"]).tp == 1


def test_rules_case_label_prefers_a_factual_acled_event() -> None:
    planned = Event("ASSAULT", "x", 0, 1, mode="aerial", hypothetical=True)
    done = Event("COERCE", "y", 2, 3, mode="arrest")
    talk = Event("CONSULT", "z", 4, 5)
    assert rules_case_label([talk, planned, done]) == "ARREST"
    assert rules_case_label([talk]) == "OTHER"


def test_command_on_tiny_corpora(tmp_path: Path) -> None:
    gsr, case = _write_gsr(tmp_path / "gsr.json"), _write_case(tmp_path / "case.tsv")
    preds, metrics = tmp_path / "p.jsonl", tmp_path / "m.json"
    result = runner.invoke(
        app,
        [
            "events",
            "--plover",
            str(gsr),
            "--case",
            str(case),
            "--folds",
            "2",
            "-q",
            "--predictions",
            str(preds),
            "--json-out",
            str(metrics),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "PLOVER GSR" in result.stdout and "keyword baseline" in result.stdout
    summary = json.loads(metrics.read_text(encoding="utf-8"))
    assert summary["plover"]["rules"]["type_accuracy"] == 1.0
    assert set(summary["case"]) >= {"rules", "keyword_baseline", "classifier_cv"}
    assert summary["case"]["shipped_model"]["scored_on_case"] is False
    assert "trained on the CASE file, so not scored on it" in result.stdout
    corpora = [json.loads(line)["corpus"] for line in preds.read_text().splitlines()]
    assert corpora.count("plover-gsr") == 2 and corpora.count("case2021") == 6


def test_command_reports_a_missing_corpus_in_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["events", "--plover", str(tmp_path / "none.json"), "--only", "plover", "-q"]
    )
    assert result.exit_code == 1
    assert "not found" in result.output and "Traceback" not in result.output


def test_command_rejects_an_unknown_corpus_name() -> None:
    result = runner.invoke(app, ["events", "--only", "geo"])
    assert result.exit_code != 0


@pytest.mark.shared
def test_shared_corpora_sizes() -> None:
    events = SHARED / "data" / "events"
    assert len(read_plover_gsr(shared_file(events / "plover-gsr-A.json"))) == 161
    rows = read_case(shared_file(events / "case2021-task2-test.tsv"))
    assert len(rows) == 1019
    assert len(read_case_types(events / "case2021-task2-test.tsv")) == 25
