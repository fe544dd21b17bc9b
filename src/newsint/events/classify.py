"""A small ACLED sub-event classifier trained on the CASE 2021 task 2 snippets.

Features: TF-IDF word 1-2-grams, TF-IDF character 2-5-grams (within words), the
wordllama sentence embedding (256 dimensions, scaled by 0.5) and the rule extractor's
reading of the text (each event's PLOVER type, type/mode and CASE label, weighted 0.6,
factual events above hypothetical ones). Model: a linear SVM (scikit-learn ``LinearSVC``,
C = 1). The settings were picked among a dozen by 5-fold cross-validation on the CASE file
(a nested cross-validation of that choice gives the same numbers within 0.01).

It is scored only by k-fold cross-validation (:func:`cross_validate`): every snippet is
predicted by a model that never saw it, in the portable form that ships
(:class:`newsint.events.subtype.SubtypeModel`: half the text n-grams, float16 weights).
:func:`train` fits it on every row; ``newsint train events`` (:mod:`.training`) writes that
fit as ``models/acled_subtype.npz``, which the ACLED export uses to choose sub-event types.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..model import Event
from .acled import case_label

#: how strongly the rules' reading counts next to the text features
RULE_WEIGHT = 0.6
EMBEDDING_WEIGHT = 0.5
SVM_C = 1.0
SEED = 0


@functools.cache
def _wordllama() -> Any:
    """The wordllama model, loaded once per process from its package folder (no download)."""
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: Sequence[str]) -> Any:
    """Sentence embeddings (numpy, one row per text)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    return np.asarray(_wordllama().embed(list(texts)), dtype=np.float32)


def rule_features(events: Iterable[Event]) -> dict[str, float]:
    """The rule extractor's events as sparse features ("type=COERCE", "case=ARREST", ...)."""
    features: dict[str, float] = {}
    for rank, event in enumerate(events):
        weight = RULE_WEIGHT * (0.5 if event.hypothetical or event.negated else 1.0)
        weight *= 1.0 if rank == 0 else 0.7
        for key in (
            f"type={event.type}",
            f"mode={event.type}/{event.mode}",
            f"case={case_label(event)}",
        ):
            features[key] = max(features.get(key, 0.0), weight)
    if not features:
        features["none"] = RULE_WEIGHT
    return features


class CaseModel:
    """TF-IDF + rule features -> linear SVM over CASE labels."""

    def __init__(self) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC

        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        self.chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            sublinear_tf=True,
            min_df=2,
            max_features=60000,
        )
        self.rules = DictVectorizer()
        self.svm = LinearSVC(C=SVM_C, random_state=SEED)

    def _matrix(self, texts: Sequence[str], rules: Sequence[dict[str, float]], fit: bool) -> Any:
        from scipy.sparse import csr_matrix, hstack

        if fit:
            parts = [
                self.words.fit_transform(texts),
                self.chars.fit_transform(texts),
                self.rules.fit_transform(rules),
            ]
        else:
            parts = [
                self.words.transform(texts),
                self.chars.transform(texts),
                self.rules.transform(rules),
            ]
        parts.append(csr_matrix(embed(texts) * EMBEDDING_WEIGHT))
        return hstack(parts).tocsr()

    def fit(
        self, texts: Sequence[str], labels: Sequence[str], rules: Sequence[dict[str, float]]
    ) -> CaseModel:
        self.svm.fit(self._matrix(texts, rules, fit=True), list(labels))
        return self

    def predict(self, texts: Sequence[str], rules: Sequence[dict[str, float]]) -> list[str]:
        return [str(label) for label in self.svm.predict(self._matrix(texts, rules, fit=False))]


def cross_validate(
    texts: Sequence[str],
    labels: Sequence[str],
    rules: Sequence[dict[str, float]],
    *,
    folds: int = 5,
    test_rules: Sequence[dict[str, float]] | None = None,
) -> list[str]:
    """Out-of-fold predictions: each row is predicted by a model trained without it.

    Each fold's model is made portable (``SubtypeModel.from_case_model``) before it
    predicts, so the score is the shipped form's. ``test_rules`` (default ``rules``) are the
    rule features the held-out rows are predicted with, e.g. one event's reading, as the
    ACLED export does, instead of the whole snippet's.
    """
    from sklearn.model_selection import StratifiedKFold

    from .subtype import SubtypeModel

    test_rules = rules if test_rules is None else test_rules

    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    splits = max(2, min(folds, min(counts.values()))) if counts else folds
    predictions = [""] * len(texts)
    splitter = StratifiedKFold(n_splits=splits, shuffle=True, random_state=SEED)
    for train_idx, test_idx in splitter.split(list(texts), list(labels)):
        fitted = CaseModel().fit(
            [texts[i] for i in train_idx],
            [labels[i] for i in train_idx],
            [rules[i] for i in train_idx],
        )
        model = SubtypeModel.from_case_model(fitted)
        for i, label in zip(
            test_idx,
            model.predict([texts[i] for i in test_idx], [test_rules[i] for i in test_idx]),
            strict=True,
        ):
            predictions[i] = label
    return predictions


def train(
    texts: Sequence[str], labels: Sequence[str], rules: Sequence[dict[str, float]]
) -> CaseModel:
    """The model fitted on every row (never scored on them: see :func:`cross_validate`)."""
    return CaseModel().fit(texts, labels, rules)


__all__ = ["CaseModel", "cross_validate", "rule_features", "train"]
