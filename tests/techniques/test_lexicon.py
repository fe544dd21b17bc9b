"""The loaded-word layer: counts, thresholds, proposed spans, tuning and the artifact."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from newsint.techniques.data import GoldSpan, PtcArticle
from newsint.techniques.decoding import DecodeSettings
from newsint.techniques.identifier import DocInputs
from newsint.techniques.lexicon import LoadedWords, labels_in, merge_spans
from newsint.techniques.model import DEFAULT_MODEL_DIR, LOADED_WORDS, read_model
from newsint.techniques.training import training_docs, tune_decoding

TEXT = "The wicked regime lied again.\nThe regime met on Monday.\n"


def test_counts_keep_words_seen_twice_inside_a_span() -> None:
    keys = [["a", "vile", "plan"], ["vile", "plan", "once"]]
    labels = [np.array([0, 1, 0]), np.array([1, 0, 1])]
    words = LoadedWords.fit(keys, labels)
    assert words.total == {"vile": 2}  # "plan" never inside, "once" seen once
    assert words.rate("vile", 2) == 1.0
    assert words.rate("vile", 3) == 0.0  # too rare for the threshold
    assert words.rate("unseen", 1) == 0.0


def test_adjective_spans_reach_their_noun(parse: Callable[[str], Doc]) -> None:
    doc = parse(TEXT)
    info = DocInputs.from_doc(doc).info
    words = LoadedWords({"wicked": 4, "lied": 1}, {"wicked": 5, "lied": 5})
    spans = words.spans(info, 0.5, 3)
    assert [(doc.text[s:e], r) for s, e, r in spans] == [("wicked regime", 0.8)]
    assert words.spans(info, 0.9, 3) == []
    assert words.spans(info, 0.5, 6) == []
    lower = words.spans(info, 0.1, 3)
    assert [doc.text[s:e] for s, e, _ in lower] == ["wicked regime", "lied"]


def test_merge_keeps_nested_spans_and_drops_duplicates() -> None:
    decoded = [(0, 20, 0.4)]
    extra = [(0, 20, 0.9), (4, 10, 0.8)]
    assert merge_spans(decoded, extra) == [(0, 20, 0.4), (4, 10, 0.8)]


def test_labels_in_needs_the_whole_token(parse: Callable[[str], Doc]) -> None:
    doc = parse(TEXT)
    info = DocInputs.from_doc(doc).info
    labels = labels_in(info, [(4, 10), (0, 2)])  # "wicked" and half of "The"
    assert [t.text for t, y in zip(doc, labels, strict=True) if y] == ["wicked"]


def _corpus(
    parse: Callable[[str], Doc], n: int
) -> tuple[list[PtcArticle], list[Doc], list[GoldSpan]]:
    articles, docs, gold = [], [], []
    for i in range(n):
        text = f"Report {i}.\nThe vile regime hid the facts about the plan number {i}.\n"
        articles.append(PtcArticle(str(i), text))
        docs.append(parse(text))
        start = text.index("vile regime")
        gold.append(GoldSpan(str(i), start, start + len("vile regime"), "Loaded_Language"))
    return articles, docs, gold


def test_tuning_switches_the_layer_on_when_it_finds_gold(parse: Callable[[str], Doc]) -> None:
    articles, docs, gold = _corpus(parse, 6)
    train = training_docs(articles, docs, gold, gold)
    words = LoadedWords.fit(
        [d.inputs.info.keys["lower"] for d in train], [d.loaded_labels for d in train]
    )
    silent = [np.zeros(len(d.inputs.info)) for d in train]  # the token model finds nothing
    settings, score = tune_decoding(train, silent, [words] * len(train))
    assert settings.loaded_rate <= 1.0
    assert score.f1 == 1.0
    off, off_score = tune_decoding(train, silent, None)
    assert off.loaded_rate > 1.0 and off_score.f1 == 0.0


def test_artifact_round_trip_and_older_folders(tmp_path: Path) -> None:
    model = read_model(DEFAULT_MODEL_DIR)
    model.save(tmp_path / "copy")
    again = read_model(tmp_path / "copy")
    assert again.identifier.decode == model.identifier.decode
    assert again.identifier.loaded == model.identifier.loaded
    old = tmp_path / "old"
    shutil.copytree(tmp_path / "copy", old)
    (old / LOADED_WORDS).unlink()
    assert read_model(old).identifier.loaded == LoadedWords()


def test_default_settings_leave_the_layer_off() -> None:
    assert DecodeSettings().loaded_rate > 1.0
