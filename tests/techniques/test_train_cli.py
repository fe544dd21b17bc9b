"""``newsint train techniques`` end to end on a tiny synthetic corpus."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from spacy.tokens import Doc
from typer.testing import CliRunner

from newsint.cli.train import train_app
from newsint.techniques.data import TECHNIQUES
from newsint.techniques.model import read_model
from newsint.techniques.parsing import parse_texts

from .corpus import article_text, write_corpus

runner = CliRunner()
app = typer.Typer()
app.add_typer(train_app, name="train")


def test_train_on_a_tiny_corpus_then_load_and_predict(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "ptc", "train", range(8))
    out = tmp_path / "model"
    args = ["train", "techniques", "--data", str(root), "--out", str(out), "--folds", "2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "SI 2-fold CV" in result.stdout and "training time" in result.stdout
    meta = json.loads((out / "meta.json").read_text())
    assert meta["info"]["articles"] == 8 and meta["techniques"] == list(TECHNIQUES)
    model = read_model(out)
    text, spans = article_text(11)
    (doc,) = parse_texts([text])
    assert isinstance(doc, Doc)
    for item in model.predict(doc):
        assert text[item.start : item.end] == item.text and item.technique in TECHNIQUES
    labels = model.classify_spans(doc, [(s, e) for _t, s, e in spans])
    assert len(labels) == len(spans)


def test_missing_data_folder_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", "techniques", "--data", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "nothing" in result.stderr
