"""Training the technique classifier (TC) on the gold spans of the PTC training split.

Layer 1 (two multinomial logistic regressions) is fitted per fold so that layer 2 (the
trees) learns from out-of-fold probabilities, as it will meet them on new text. The
cross-validated score reported here uses those same out-of-fold probabilities for the trees'
training folds, so it is slightly optimistic; the dev score is the clean one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, vstack
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from .classifier import DenseSoftmax, SpanInputs, SparseSoftmax, TechniqueClassifier, assign_labels
from .classifier import stack_features as _stack
from .data import TECHNIQUES, GoldSpan, PtcArticle, spans_by_article
from .scorer import TechniqueScore, score_tc
from .span_features import span_contexts
from .training import folds_of

SPARSE_C = 10.0
DENSE_C = 0.5
TREE_ROUNDS = 150
TREE_PARAMS: dict[str, Any] = {
    "objective": "multiclass",
    "num_class": len(TECHNIQUES),
    "learning_rate": 0.08,
    "num_leaves": 15,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.7,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 2,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}


@dataclass
class SpanTable:
    """All training spans: features, labels, and which article (fold) each came from."""

    spans: list[GoldSpan]
    inputs: SpanInputs
    labels: NDArray[np.int64]
    article_index: NDArray[np.int64]

    def subset(self, rows: NDArray[np.int64]) -> SpanInputs:
        return SpanInputs(
            self.inputs.form[rows], self.inputs.sparse[rows], self.inputs.vectors[rows]
        )


def span_table(
    articles: Sequence[PtcArticle], docs: Sequence[Doc], tc_gold: Sequence[GoldSpan]
) -> SpanTable:
    """Feature blocks of every gold TC span, article by article."""
    gold = spans_by_article(tc_gold)
    known = {name: i for i, name in enumerate(TECHNIQUES)}
    spans: list[GoldSpan] = []
    blocks: list[SpanInputs] = []
    owners: list[int] = []
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        mine = [s for s in gold.get(article.id, []) if s.technique in known]
        if not mine:
            continue
        contexts = span_contexts(doc, [(s.start, s.end) for s in mine])
        blocks.append(SpanInputs.build(contexts, doc.text))
        spans += mine
        owners += [index] * len(mine)
    inputs = SpanInputs(
        np.vstack([b.form for b in blocks]),
        csr_matrix(vstack([b.sparse for b in blocks])),
        np.vstack([b.vectors for b in blocks]),
    )
    labels = np.array([known[s.technique or ""] for s in spans], dtype=np.int64)
    return SpanTable(spans, inputs, labels, np.array(owners, dtype=np.int64))


def _full_probs(model: LogisticRegression, probs: NDArray[np.float64]) -> NDArray[np.float64]:
    out = np.zeros((len(probs), len(TECHNIQUES)))
    out[:, model.classes_] = probs
    return out


def fit_sparse(rows: csr_matrix, labels: NDArray[np.int64]) -> SparseSoftmax:
    """Logistic regression on the hashed columns that occur in ``rows``."""
    columns = np.unique(rows.indices).astype(np.int64)
    model = LogisticRegression(C=SPARSE_C, max_iter=500)
    model.fit(rows[:, columns], labels)
    weights, bias = _class_weights(model)
    return SparseSoftmax(columns, weights, bias)


def fit_dense(features: NDArray[np.float32], labels: NDArray[np.int64]) -> DenseSoftmax:
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=DENSE_C, max_iter=3000)
    model.fit((features - mean) / scale, labels)
    weights, bias = _class_weights(model)
    return DenseSoftmax(mean.astype(np.float32), scale.astype(np.float32), weights, bias)


def _class_weights(model: LogisticRegression) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """Weights for all techniques; a class absent from training gets a very low bias."""
    n_features = model.coef_.shape[1]
    weights = np.zeros((n_features, len(TECHNIQUES)), dtype=np.float32)
    bias = np.full(len(TECHNIQUES), -30.0, dtype=np.float32)
    weights[:, model.classes_] = model.coef_.T
    bias[model.classes_] = model.intercept_
    return weights, bias


def out_of_fold_linear(
    table: SpanTable, folds: NDArray[np.int64], k: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Layer-1 probabilities of each span from models fitted on the other folds."""
    n = len(table.labels)
    sparse_probs = np.zeros((n, len(TECHNIQUES)))
    dense_probs = np.zeros((n, len(TECHNIQUES)))
    span_folds = folds[table.article_index]
    for fold in range(k):
        train = np.flatnonzero(span_folds != fold)
        test = np.flatnonzero(span_folds == fold)
        if not len(test):
            continue
        train_inputs, test_inputs = table.subset(train), table.subset(test)
        sparse_model = fit_sparse(train_inputs.sparse, table.labels[train])
        dense_model = fit_dense(train_inputs.dense(), table.labels[train])
        sparse_probs[test] = sparse_model(test_inputs.sparse)
        dense_probs[test] = dense_model(test_inputs.dense())
    return sparse_probs, dense_probs


def fit_tc_trees(features: NDArray[np.float32], labels: NDArray[np.int64], seed: int) -> Any:
    import lightgbm as lgb

    params = {**TREE_PARAMS, "seed": seed}
    return lgb.train(params, lgb.Dataset(features, labels), num_boost_round=TREE_ROUNDS)


@dataclass
class TcTraining:
    classifier: TechniqueClassifier
    cv: TechniqueScore


def train_classifier(table: SpanTable, *, n_articles: int, k: int, seed: int) -> TcTraining:
    """Out-of-fold layer 1, cross-validated trees (for the report), then the final model."""
    folds = folds_of(n_articles, k)
    sparse_probs, dense_probs = out_of_fold_linear(table, folds, k)
    stacked = _stack(table.inputs, sparse_probs, dense_probs)
    span_folds = folds[table.article_index]
    cv_probs = np.zeros_like(sparse_probs)
    for fold in range(k):
        train, test = np.flatnonzero(span_folds != fold), np.flatnonzero(span_folds == fold)
        if len(test):
            trees = fit_tc_trees(stacked[train], table.labels[train], seed)
            cv_probs[test] = trees.predict(stacked[test])
    cv = score_tc(_labelled(table.spans, cv_probs), table.spans)
    classifier = TechniqueClassifier(
        TECHNIQUES,
        fit_sparse(table.inputs.sparse, table.labels),
        fit_dense(table.inputs.dense(), table.labels),
        fit_tc_trees(stacked, table.labels, seed),
    )
    return TcTraining(classifier, cv)


def _labelled(spans: Sequence[GoldSpan], probs: NDArray[np.float64]) -> list[GoldSpan]:
    """Predicted labels with the repeat rule applied per article."""
    out: list[GoldSpan] = []
    by_article: dict[str, list[int]] = {}
    for row, span in enumerate(spans):
        by_article.setdefault(span.article_id, []).append(row)
    for rows in by_article.values():
        keys = [(spans[r].start, spans[r].end) for r in rows]
        for r, (technique, _p) in zip(
            rows, assign_labels(keys, probs[rows], TECHNIQUES), strict=True
        ):
            out.append(GoldSpan(spans[r].article_id, spans[r].start, spans[r].end, technique))
    return out
