"""Training the technique model from the PTC training split (``newsint train techniques``).

Everything is seeded and single-process-deterministic. Dev articles are never read here:
model selection and decoding settings come from cross-validation on train, grouped by
article (an article's tokens never sit on both sides of a fold).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import vstack
from spacy.tokens import Doc

from .data import GoldSpan, PtcArticle, spans_by_article
from .decoding import DecodeSettings, decode_spans
from .features import CATEGORICAL, TE_KEYS, Projection, RateTable, token_labels
from .identifier import DocInputs, LexicalLayer, SpanIdentifier, layer2_matrix
from .lexical import LinearModel
from .lexicon import LOADED_TECHNIQUES, LoadedWords, labels_in
from .scorer import SpanScore, merge_overlapping, score_si

PROJECTION_DIM = 48
TREE_ROUNDS = 200
TREE_PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.1,
    "num_leaves": 31,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.5,
    "bagging_fraction": 0.7,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "max_bin": 63,
    "num_threads": 2,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}
#: decoding settings tried on out-of-fold probabilities
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
LOWS = (0.1, 0.15, 0.2, 0.25, 0.3, 1.0)  # 1.0: no hysteresis (low = threshold)
GAPS = (0, 2, 4, 8)
#: loaded-word thresholds tried (a rate above 1 switches the layer off)
LOADED_RATES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 2.0)
LOADED_COUNTS = (2, 3, 5, 8)
#: valence sizes tried for charged adjectives (9: off)
VALENCE_MINS = (1.5, 1.8, 2.0, 2.5, 3.0, 9.0)

Log = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class TrainingDoc:
    """One parsed training article with its token and sentence labels."""

    article_id: str
    inputs: DocInputs
    labels: NDArray[np.int8]
    sentence_labels: NDArray[np.int8]
    gold: list[tuple[int, int]]
    loaded_labels: NDArray[np.int8]  # 1: inside a loaded-language / name-calling span


def training_docs(
    articles: Sequence[PtcArticle],
    docs: Sequence[Doc],
    si_gold: Sequence[GoldSpan],
    tc_gold: Sequence[GoldSpan] = (),
) -> list[TrainingDoc]:
    """Pair each article's doc with its merged gold SI spans and token labels (the loaded
    words are learnt from ``tc_gold``)."""
    gold = spans_by_article(si_gold)
    loaded = spans_by_article(s for s in tc_gold if s.technique in LOADED_TECHNIQUES)
    result = []
    for article, doc in zip(articles, docs, strict=True):
        spans = merge_overlapping((s.start, s.end) for s in gold.get(article.id, []))
        inputs = DocInputs.from_doc(doc)
        labels = token_labels(inputs.info, spans)
        n_sents = int(inputs.info.sent_id.max()) + 1 if len(labels) else 0
        sentence_labels = np.zeros(n_sents, dtype=np.int8)
        np.maximum.at(sentence_labels, inputs.info.sent_id, labels)
        loaded_labels = labels_in(
            inputs.info, [(s.start, s.end) for s in loaded.get(article.id, [])]
        )
        result.append(
            TrainingDoc(article.id, inputs, labels, sentence_labels, spans, loaded_labels)
        )
    return result


def folds_of(n: int, k: int) -> NDArray[np.int64]:
    """A fixed fold number per article (articles are sorted by id, so this is stable)."""
    return (np.arange(n) * 7919) % k


def fit_lexical(docs: Sequence[TrainingDoc], seed: int) -> LexicalLayer:
    """Layer 1 on ``docs``: rate tables and the token/sentence linear models."""
    tables = {
        key: RateTable.fit([d.inputs.info.keys[key] for d in docs], [d.labels for d in docs])
        for key in TE_KEYS
    }
    tokens = vstack([d.inputs.token_rows for d in docs]).tocsr()
    sentences = vstack([d.inputs.sentence_rows for d in docs]).tocsr()
    token_model = LinearModel.fit(tokens, np.concatenate([d.labels for d in docs]), 1.0, seed)
    sentence_labels = np.concatenate([d.sentence_labels for d in docs])
    sentence_model = LinearModel.fit(sentences, sentence_labels, 1.0, seed)
    return LexicalLayer(tables, token_model, sentence_model)


def out_of_fold_lexical(docs: Sequence[TrainingDoc], k: int, seed: int) -> list[LexicalLayer]:
    """For each doc, layer 1 fitted on the other folds (what layer 2 trains on)."""
    folds = folds_of(len(docs), k)
    layers: list[LexicalLayer | None] = [None] * len(docs)
    for fold in range(k):
        layer = fit_lexical([d for d, f in zip(docs, folds, strict=True) if f != fold], seed)
        for index in np.flatnonzero(folds == fold):
            layers[index] = layer
    return [layer for layer in layers if layer is not None]


def fit_trees(
    docs: Sequence[TrainingDoc], layers: Sequence[LexicalLayer], projection: Projection, seed: int
) -> Any:
    """Layer 2: boosted trees on the token features (whitespace tokens left out)."""
    import lightgbm as lgb

    matrix = np.vstack(
        [layer2_matrix(d.inputs, layer, projection) for d, layer in zip(docs, layers, strict=True)]
    )
    labels = np.concatenate([d.labels for d in docs])
    keep = ~np.concatenate([d.inputs.info.space for d in docs])
    dataset = lgb.Dataset(matrix[keep], labels[keep], categorical_feature=list(CATEGORICAL))
    params = {**TREE_PARAMS, "seed": seed}
    return lgb.train(params, dataset, num_boost_round=TREE_ROUNDS)


def fit_projection(docs: Sequence[TrainingDoc]) -> Projection:
    vectors = np.vstack([d.inputs.info.vectors[::5] for d in docs])
    return Projection.fit(vectors, PROJECTION_DIM)


def fit_identifier(
    docs: Sequence[TrainingDoc], decode: DecodeSettings, *, seed: int, inner_folds: int = 4
) -> SpanIdentifier:
    """The full SI model on ``docs`` (layer 2 trained on out-of-fold layer 1)."""
    projection = fit_projection(docs)
    trees = fit_trees(docs, out_of_fold_lexical(docs, inner_folds, seed), projection, seed)
    loaded = LoadedWords.fit(
        [d.inputs.info.keys["lower"] for d in docs], [d.loaded_labels for d in docs]
    )
    return SpanIdentifier(fit_lexical(docs, seed), projection, trees, decode, loaded)


@dataclass
class SiCrossValidation:
    """Out-of-fold token probabilities of every training doc and the best decoding."""

    probabilities: list[NDArray[np.float64]]
    loaded: list[LoadedWords]  # per doc, learnt without its fold
    decode: DecodeSettings
    score: SpanScore
    fold_f1: list[float] = field(default_factory=list)


def cross_validate_identifier(
    docs: Sequence[TrainingDoc], *, k: int, seed: int, log: Log = print
) -> SiCrossValidation:
    """k-fold CV grouped by article; decoding settings tuned on the pooled predictions."""
    folds = folds_of(len(docs), k)
    probs: list[NDArray[np.float64]] = [np.zeros(0)] * len(docs)
    loaded = [LoadedWords()] * len(docs)
    for fold in range(k):
        started = time.perf_counter()
        train = [d for d, f in zip(docs, folds, strict=True) if f != fold]
        model = fit_identifier(train, DecodeSettings(), seed=seed)
        for index in np.flatnonzero(folds == fold).tolist():
            probs[index] = model.token_probabilities(docs[index].inputs)
            loaded[index] = model.loaded
        log(f"SI fold {fold + 1}/{k}: {time.perf_counter() - started:.0f} s")
    decode, score = tune_decoding(docs, probs, loaded)
    per_fold = []
    for fold in range(k):
        members = [i for i in range(len(docs)) if folds[i] == fold]
        part = [docs[i] for i in members]
        per_fold.append(
            si_score(part, [probs[i] for i in members], decode, [loaded[i] for i in members]).f1
        )
    return SiCrossValidation(probs, loaded, decode, score, per_fold)


def si_score(
    docs: Sequence[TrainingDoc],
    probs: Sequence[NDArray[np.float64]],
    decode: DecodeSettings,
    loaded: Sequence[LoadedWords] | None = None,
) -> SpanScore:
    """SI score of decoded spans plus the loaded-word spans of each doc's ``loaded``."""
    predicted = {}
    for index, (d, p) in enumerate(zip(docs, probs, strict=True)):
        spans = [(s, e) for s, e, _ in decode_spans(d.inputs.text, d.inputs.info, p, decode)]
        if loaded is not None and decode.words_on:
            found = loaded[index].spans(
                d.inputs.info, decode.loaded_rate, decode.loaded_count, decode.valence_min
            )
            spans += [(s, e) for s, e, _ in found]
        predicted[d.article_id] = spans
    return score_si(predicted, {d.article_id: d.gold for d in docs})


def tune_decoding(
    docs: Sequence[TrainingDoc],
    probs: Sequence[NDArray[np.float64]],
    loaded: Sequence[LoadedWords] | None = None,
) -> tuple[DecodeSettings, SpanScore]:
    """The best SI F1 over the (threshold, low, gap) grid and the loaded-word thresholds,
    by coordinate ascent: decoding grid, loaded-word grid, valence grid, decoding again."""
    settings = DecodeSettings()
    if loaded is not None:
        settings = replace(settings, loaded_rate=0.5, loaded_count=3)
    best = (settings, si_score(docs, probs, settings, loaded))
    for round_ in ("decode", "loaded", "valence", "decode"):
        if round_ in ("loaded", "valence") and loaded is None:
            continue
        for candidate in _grid(best[0], round_):
            score = si_score(docs, probs, candidate, loaded)
            if score.f1 > best[1].f1:
                best = (candidate, score)
    return best


def _grid(base: DecodeSettings, which: str) -> list[DecodeSettings]:
    if which == "valence":
        return [replace(base, valence_min=v) for v in VALENCE_MINS]
    if which == "loaded":
        return [
            replace(base, loaded_rate=rate, loaded_count=count)
            for rate in LOADED_RATES
            for count in LOADED_COUNTS
        ]
    return [
        replace(base, threshold=threshold, low=min(low, threshold), gap=gap)
        for threshold in THRESHOLDS
        for low in LOWS
        for gap in GAPS
    ]
