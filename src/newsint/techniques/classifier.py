"""Technique classification (TC): which of the 14 techniques a given span uses.

Two linear models give class probabilities: a multinomial logistic regression over hashed
n-grams (``span_features.sparse_features``) and one over WordLlama vectors plus the form
features. Boosted trees then combine both with the form features (length, repetition,
cues). The trees were trained on out-of-fold linear outputs. A span listed k times (the
PTC way of giving one span several techniques) receives its k most likely techniques.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from spacy.tokens import Doc

from .span_features import (
    HASH_FEATURES,
    FloatArray,
    SpanContext,
    form_features,
    span_contexts,
    sparse_features,
    vector_features,
)

N_SPARSE_COLUMNS = 4 * HASH_FEATURES


def softmax(margins: NDArray[np.float64]) -> NDArray[np.float64]:
    shifted = margins - margins.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True, slots=True)
class SparseSoftmax:
    """Multinomial logistic regression over hashed columns, storing only columns seen in
    training (``columns``, sorted) with their weight rows."""

    columns: NDArray[np.int64]
    weights: NDArray[np.float32]  # (len(columns), n_classes)
    bias: NDArray[np.float32]

    def __call__(self, rows: csr_matrix) -> NDArray[np.float64]:
        position = np.searchsorted(self.columns, rows.indices)
        position = np.minimum(position, len(self.columns) - 1)
        known = self.columns[position] == rows.indices
        data = np.where(known, rows.data, 0.0)
        remapped = csr_matrix(
            (data, position, rows.indptr), shape=(rows.shape[0], len(self.columns))
        )
        margins = remapped @ self.weights.astype(np.float64) + self.bias
        return softmax(np.asarray(margins))


@dataclass(frozen=True, slots=True)
class DenseSoftmax:
    """Multinomial logistic regression over standardised dense features."""

    mean: NDArray[np.float32]
    scale: NDArray[np.float32]
    weights: NDArray[np.float32]  # (n_features, n_classes)
    bias: NDArray[np.float32]

    def __call__(self, features: FloatArray) -> NDArray[np.float64]:
        z = (features.astype(np.float64) - self.mean) / self.scale
        return softmax(z @ self.weights.astype(np.float64) + self.bias)


@dataclass(frozen=True, slots=True)
class SpanInputs:
    """The three feature blocks of a list of spans."""

    form: FloatArray
    sparse: csr_matrix
    vectors: FloatArray

    @classmethod
    def build(cls, contexts: Sequence[SpanContext], article: str) -> SpanInputs:
        return cls(
            form_features(contexts, article), sparse_features(contexts), vector_features(contexts)
        )

    def dense(self) -> FloatArray:
        """What the dense linear model reads: vectors and form features."""
        return np.hstack([self.vectors, self.form]).astype(np.float32)


def stack_features(
    inputs: SpanInputs, sparse_probs: NDArray[np.float64], dense_probs: NDArray[np.float64]
) -> FloatArray:
    """What the trees read: form features and both linear models' probabilities."""
    return np.hstack([inputs.form, sparse_probs, dense_probs]).astype(np.float32)


@dataclass(frozen=True, slots=True)
class TechniqueClassifier:
    techniques: tuple[str, ...]
    sparse_model: SparseSoftmax
    dense_model: DenseSoftmax
    booster: Any  # lightgbm.Booster, multiclass over ``techniques``

    def probabilities(self, inputs: SpanInputs) -> NDArray[np.float64]:
        """(n_spans, n_techniques) probabilities."""
        if not inputs.form.shape[0]:
            return np.zeros((0, len(self.techniques)))
        stacked = stack_features(
            inputs, self.sparse_model(inputs.sparse), self.dense_model(inputs.dense())
        )
        probs = self.booster.predict(stacked, num_threads=1)
        return np.asarray(probs, dtype=np.float64).reshape(len(stacked), len(self.techniques))

    def classify(self, doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[str, float]]:
        """The technique and its probability for every span, in order."""
        if not spans:
            return []
        contexts = span_contexts(doc, spans)
        probs = self.probabilities(SpanInputs.build(contexts, doc.text))
        return assign_labels([(c.start, c.end) for c in contexts], probs, self.techniques)


def assign_labels(
    keys: Sequence[tuple[int, int]], probs: NDArray[np.float64], techniques: Sequence[str]
) -> list[tuple[str, float]]:
    """Best technique per span; the i-th repeat of one span gets its i-th best technique."""
    seen: dict[tuple[int, int], int] = {}
    order = np.argsort(-probs, axis=1, kind="stable")
    labels = []
    for row, key in enumerate(keys):
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        column = int(order[row, rank % len(techniques)])
        labels.append((techniques[column], float(probs[row, column])))
    return labels
