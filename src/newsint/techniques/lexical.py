"""Sparse linear models over hashed words: the lexical half of span identification.

* ``token_strings``: the words, lemmas, shapes and tags around a token (a CRF-style window),
  hashed into a fixed space; a logistic regression gives P(token inside a propaganda span).
* ``sentence_strings``: the words and bigrams of the token's sentence; a logistic regression
  gives P(sentence holds propaganda), shared by its tokens.

Hashing keeps the model a plain weight vector (no vocabulary to ship) and makes the
features identical at training and prediction time. Their outputs feed the boosted trees.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from spacy.tokens import Doc

from .features import sentences
from .hashing import hash_features

HASH_BITS = 18


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "CAPS"
    if text[:1].isupper():
        return "Cap"
    if text.isdigit():
        return "num"
    return "low" if text.isalpha() else "other"


def token_strings(doc: Doc) -> list[list[str]]:
    """Window features of every token (positions -3..+3, bigrams, tags), as strings."""
    words = [t.lower_ for t in doc]
    tags = [t.tag_ for t in doc]
    lemmas = [t.lemma_.lower() for t in doc]
    shapes = [_shape(t.text) for t in doc]
    n = len(doc)

    def at(seq: Sequence[str], i: int) -> str:
        return seq[i] if 0 <= i < n else "<pad>"

    rows = []
    for t in doc:
        i = t.i
        row = [f"l={lemmas[i]}", f"s={shapes[i]}", f"d={t.dep_}", f"h={t.head.lemma_.lower()}"]
        row += [f"w{k}={at(words, i + k)}" for k in range(-3, 4)]
        row += [f"t{k}={at(tags, i + k)}" for k in range(-2, 3)]
        row += [f"b{k}={at(words, i + k)}|{at(words, i + k + 1)}" for k in (-2, -1, 0, 1)]
        row += [f"tt{k}={at(tags, i + k)}|{at(tags, i + k + 1)}" for k in (-1, 0)]
        row.append(f"ws={shapes[i]}|{at(shapes, i - 1)}|{at(shapes, i + 1)}")
        rows.append(row)
    return rows


def sentence_strings(doc: Doc) -> list[list[str]]:
    """Words and bigrams of each sentence of ``doc``, in sentence order."""
    rows = []
    for sent in sentences(doc):
        words = [t.lower_ for t in sent if not t.is_space]
        row = [f"u={w}" for w in words] + [
            f"b={a}|{b}" for a, b in zip(words, words[1:], strict=False)
        ]
        row.append(f"n={min(len(words) // 5, 12)}")
        rows.append(row or ["<empty>"])
    return rows


def hash_rows(rows: Iterable[list[str]]) -> csr_matrix:
    """Hashed binary features, each row scaled to unit length."""
    matrix = hash_features(rows, 2**HASH_BITS)
    matrix.data = np.minimum(matrix.data, 1.0)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A binary logistic regression as its weights, applied to hashed rows."""

    weights: NDArray[np.float32]
    bias: float

    @classmethod
    def fit(cls, rows: csr_matrix, labels: NDArray[np.int8], c: float, seed: int) -> LinearModel:
        from sklearn.linear_model import LogisticRegression  # training only

        model = LogisticRegression(C=c, max_iter=300, solver="liblinear", random_state=seed)
        model.fit(rows, labels)
        return cls(model.coef_[0].astype(np.float32), float(model.intercept_[0]))

    def __call__(self, rows: csr_matrix) -> NDArray[np.float64]:
        margin = rows @ self.weights.astype(np.float64) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(margin, -30, 30)))
