"""The shipped ACLED sub-event model: portable form, file, use in the ACLED mapping, and
that the CASE evaluation never scores it (it was trained on CASE)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from newsint.cli.train_events import train_events_command
from newsint.evaluation.events import CaseRow, evaluate_case
from newsint.events import subtype
from newsint.events.acled import (
    CASE_TO_ACLED,
    SUB_EVENT_TYPES,
    event_to_acled,
    rules_to_acled,
)
from newsint.events.classify import CaseModel, rule_features
from newsint.events.subtype import (
    DEFAULT_MODEL_PATH,
    SubtypeModel,
    SubtypeModelError,
    read_model,
)
from newsint.model import Actor, Event

runner = CliRunner()
app = typer.Typer()
app.command("events")(train_events_command)
app.command("unused")(lambda: None)

TEXTS = (
    [f"police arrested {i} men in the capital" for i in range(8)]
    + [f"warplanes bombed village {i} overnight" for i in range(8)]
    + [f"protesters marched peacefully through town {i}" for i in range(8)]
)
LABELS = ["ARREST"] * 8 + ["AIR_STRIKE"] * 8 + ["PEACE_PROTEST"] * 8


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    subtype.clear_model_cache()
    yield
    subtype.clear_model_cache()


def test_portable_model_scores_like_the_fitted_one() -> None:
    rules = [{"type=COERCE": 0.6} if i < 8 else {"none": 0.6} for i in range(len(TEXTS))]
    fitted = CaseModel().fit(TEXTS, LABELS, rules)
    portable = SubtypeModel.from_case_model(fitted, keep=1.0)
    probe = ["police arrested the mayor", "drones bombed a market", "a quiet march in town"]
    probe_rules = [{"type=COERCE": 0.6}, {}, {"unknown feature": 1.0}]
    expected = fitted.svm.decision_function(fitted._matrix(probe, probe_rules, fit=False))
    got = portable.decision(probe, probe_rules)
    assert np.allclose(got, expected, atol=5e-3)  # float16 weights
    assert portable.predict(probe, probe_rules) == fitted.predict(probe, probe_rules)


def test_two_label_model_predicts_both_labels() -> None:
    fitted = CaseModel().fit(TEXTS[:16], LABELS[:16], [{} for _ in range(16)])
    portable = SubtypeModel.from_case_model(fitted)
    assert portable.predict(TEXTS[:16], [{} for _ in range(16)]) == LABELS[:16]


def test_pruning_keeps_the_strongest_ngrams() -> None:
    fitted = CaseModel().fit(TEXTS, LABELS, [{} for _ in TEXTS])
    full = SubtypeModel.from_case_model(fitted, keep=1.0)
    half = SubtypeModel.from_case_model(fitted, keep=0.5)
    n_full = len(full.words.vocabulary) + len(full.chars.vocabulary)
    n_half = len(half.words.vocabulary) + len(half.chars.vocabulary)
    assert n_half == -(-n_full // 2)
    assert half.coef.shape[1] == full.coef.shape[1] - (n_full - n_half)
    assert set(half.words.vocabulary) <= set(full.words.vocabulary)


def test_save_and_read_round_trip(tmp_path: Path) -> None:
    fitted = CaseModel().fit(TEXTS, LABELS, [{} for _ in TEXTS])
    model = SubtypeModel.from_case_model(fitted, info={"rows": len(TEXTS)})
    path = tmp_path / "m.npz"
    model.save(path)
    again = read_model(path)
    assert again.classes == model.classes and again.info == {"rows": len(TEXTS)}
    rules = [{} for _ in TEXTS]
    assert np.array_equal(again.decision(TEXTS, rules), model.decision(TEXTS, rules))
    with np.load(path, allow_pickle=False) as data:  # no pickled objects inside
        assert "coef" in data.files


def test_broken_model_files_raise_one_error(tmp_path: Path) -> None:
    with pytest.raises(SubtypeModelError, match="newsint train events"):
        read_model(tmp_path / "missing.npz")
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip file")
    with pytest.raises(SubtypeModelError):
        read_model(junk)
    partial = tmp_path / "partial.npz"
    with zipfile.ZipFile(partial, "w") as handle:
        handle.writestr("other.npy", b"")
    with pytest.raises(SubtypeModelError):
        read_model(partial)


def test_shipped_model_is_small_and_carries_its_cross_validation() -> None:
    assert DEFAULT_MODEL_PATH.stat().st_size <= 5 * 1024 * 1024
    model = read_model(DEFAULT_MODEL_PATH)
    assert set(model.classes) >= set(CASE_TO_ACLED)
    cv = model.info["cv"]["types25"]
    assert model.info["cv_folds"] >= 2 and 0.0 <= cv["weighted_f1"] <= 1.0


def _arrest(text: str) -> Event:
    return Event(
        "COERCE",
        text,
        0,
        len(text),
        mode="arrest",
        actor=Actor("Police", 0, 6, name="Police", sector="police"),
    )


def test_classifier_only_types_events_the_rules_record() -> None:
    meeting = Event("CONSULT", "Officials met in Geneva.", 0, 24, mode="meet")
    assert event_to_acled(meeting) is None
    event = _arrest("Police arrested five men in the capital on Monday.")
    found = event_to_acled(event)
    assert found is None or found in CASE_TO_ACLED.values()
    assert event_to_acled(event, classifier=False) == rules_to_acled(event)


def test_hostile_evidence_texts_stay_in_range() -> None:
    for text in ("", "   ", "ARRESTED", "اعتقلت الشرطة خمسة رجال", "word " * 200_000):
        found = event_to_acled(_arrest(text))
        assert found is None or found[1] in SUB_EVENT_TYPES


def test_unreadable_model_falls_back_to_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    monkeypatch.setattr(subtype, "DEFAULT_MODEL_PATH", tmp_path / "absent.npz")
    event = _arrest("Police arrested five men in the capital on Monday.")
    assert event_to_acled(event) == rules_to_acled(event) == ("Strategic developments", "Arrests")


def test_case_evaluation_never_asks_the_shipped_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(event: Event) -> str:
        raise AssertionError(f"shipped model asked about a CASE row: {event.text!r}")

    monkeypatch.setattr(subtype, "acled_label", refuse)
    rows = [
        CaseRow(str(i), t, label) for i, (t, label) in enumerate(zip(TEXTS, LABELS, strict=True))
    ]
    summary = evaluate_case(rows, frozenset(LABELS), folds=2)
    assert summary["shipped_model"]["scored_on_case"] is False
    assert set(summary) >= {"classifier_cv", "rules_classifier_cv"}


def test_rule_features_of_one_event_are_those_of_a_one_event_snippet() -> None:
    event = _arrest("Police arrested five men.")
    assert dict(subtype._rule_key(event)) == rule_features([event])


def test_train_command_writes_a_model_and_its_cv(tmp_path: Path, fresh_cache: None) -> None:
    case = tmp_path / "case.tsv"
    lines = ["id\tEventSnippet\tSubType"]
    lines += [f"{i}\t{t}\t{label}" for i, (t, label) in enumerate(zip(TEXTS, LABELS, strict=True))]
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model.npz"
    result = runner.invoke(app, ["events", "--data", str(case), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "cross-validated (5 folds)" in result.stdout and "weighted F1" in result.stdout
    model = read_model(out)
    assert model.info["rows"] == len(TEXTS) and set(model.classes) == set(LABELS)
    missing = runner.invoke(app, ["events", "--data", str(tmp_path / "none.tsv")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
