"""Train the check-worthiness model on CLEF 2019 debates (``newsint train claims``).

Needs scikit-learn, NumPy and SciPy (training only; scoring needs none of them). Steps:

1. Fit the n-gram vocabularies and idf on the training sentences (``features.py``).
2. Cross-validate by debate (``GroupKFold``: no debate is both trained on and scored) to
   get out-of-fold scores: their MAP is the honest estimate kept in the model's ``info``,
   and the threshold that maximises positive-class F1 on them becomes the model's
   ``threshold``.
3. Refit on all training sentences and write the JSON model.

Choices, measured by MAP over debates with debate-grouped 5-fold CV on the training file
(the test file was not used to choose):

=====================================================  =======  ==========================
features, classifier                                   CV MAP   note
=====================================================  =======  ==========================
word 1-2-grams + cues, logistic regression, C=0.3      0.2245   **kept**
word 1-2-grams + cues, C=1.0                           0.218
word + char 2-5-grams + cues, C=0.3                    0.220    5x slower to score
word + char 2-5-grams + cues, C=1.0                    0.212
word 1-2-grams + cues + spaCy entity counts, C=0.3     0.223    needs a parse
word + char + cues + wordllama embeddings, C=0.1       0.220    needs the embedding model
LightGBM, embeddings + entity counts + cues            0.191
=====================================================  =======  ==========================

(The entity-count, embedding and LightGBM rows come from an exploratory scikit-learn script
with the same tokenisation.) The differences are about 0.01 MAP over 19 debates, so the
simplest and fastest model was kept: it needs no parse and no embedding model to score a
sentence, and its file is under 200 KB. ``--char`` adds the character block back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..evaluation.claims import ClefSentence, average_precision, mean_over_debates, positive_prf
from .checkworthiness import CheckworthinessModel
from .features import CUE_NAMES, NgramBlock, cue_values


@dataclass(frozen=True)
class TrainingOptions:
    """Hyper-parameters; the defaults are the committed model's."""

    c: float = 0.3
    char_ngrams: bool = False
    word_min_df: int = 2
    char_min_df: int = 3
    folds: int = 5
    max_iter: int = 3000
    seed: int = 0


def train_model(
    sentences: Sequence[ClefSentence], options: TrainingOptions | None = None
) -> CheckworthinessModel:
    """Fit a model on ``sentences``, with cross-validated MAP and threshold in ``info``."""
    options = options or TrainingOptions()
    _require_sklearn()
    labels = [s.label for s in sentences]
    if len(set(labels)) < 2:
        from ..evaluation.common import CorpusError

        raise CorpusError("training data needs both check-worthy (1) and other (0) sentences")
    oof = _out_of_fold_scores(sentences, options)
    threshold = best_threshold(oof, labels) if oof is not None else 0.5
    model = _fit(sentences, options, threshold)
    info: dict[str, Any] = {
        "trained_on": len(sentences),
        "positives": sum(labels),
        "debates": len({s.debate for s in sentences}),
        "C": options.c,
        "blocks": ["word", "char"] if options.char_ngrams else ["word"],
    }
    if oof is not None:
        info["cv_folds"] = min(options.folds, info["debates"])
        info["cv_map"] = round(mean_over_debates(average_precision, sentences, oof), 4)
        info["cv_f1"] = round(positive_prf(labels, [s >= threshold for s in oof]).f1, 4)
    return CheckworthinessModel(
        blocks=model.blocks,
        coefficients=model.coefficients,
        cue_coefficients=model.cue_coefficients,
        intercept=model.intercept,
        threshold=round(threshold, 4),
        info=info,
    )


def _require_sklearn() -> None:
    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        raise MissingExtraError("training the check-worthiness model", "train") from None


def _fit(
    sentences: Sequence[ClefSentence], options: TrainingOptions, threshold: float
) -> CheckworthinessModel:
    """One logistic regression on ``sentences``."""
    from sklearn.linear_model import LogisticRegression

    texts = [s.text for s in sentences]
    blocks: tuple[NgramBlock, ...] = (NgramBlock.fit("word", texts, options.word_min_df),)
    if options.char_ngrams:
        blocks += (NgramBlock.fit("char", texts, options.char_min_df),)
    matrix = design_matrix(blocks, texts)
    classifier = LogisticRegression(
        C=options.c, class_weight="balanced", max_iter=options.max_iter, random_state=options.seed
    )
    classifier.fit(matrix, [s.label for s in sentences])
    weights = [float(w) for w in classifier.coef_[0]]
    coefficients, offset = [], 0
    for block in blocks:
        coefficients.append(tuple(weights[offset : offset + len(block.vocabulary)]))
        offset += len(block.vocabulary)
    return CheckworthinessModel(
        blocks=blocks,
        coefficients=tuple(coefficients),
        cue_coefficients=tuple(weights[offset : offset + len(CUE_NAMES)]),
        intercept=float(classifier.intercept_[0]),
        threshold=threshold,
    )


def design_matrix(blocks: Sequence[NgramBlock], texts: Sequence[str]) -> Any:
    """A CSR matrix of the same features the model scores with: blocks, then cues."""
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for row, text in enumerate(texts):
        offset = 0
        for block in blocks:
            for col, weight in block.weights(text).items():
                rows.append(row)
                cols.append(offset + col)
                values.append(weight)
            offset += len(block.vocabulary)
        for col, value in enumerate(cue_values(text)):
            if value:
                rows.append(row)
                cols.append(offset + col)
                values.append(value)
    width = sum(len(b.vocabulary) for b in blocks) + len(CUE_NAMES)
    return csr_matrix((values, (rows, cols)), shape=(len(texts), width))


def _out_of_fold_scores(
    sentences: Sequence[ClefSentence], options: TrainingOptions
) -> list[float] | None:
    """Scores of each sentence from a model trained without its debate (None: too few)."""
    from sklearn.model_selection import GroupKFold

    debates = [s.debate for s in sentences]
    folds = min(options.folds, len(set(debates)))
    if folds < 2:
        return None
    scores = [0.0] * len(sentences)
    labels = [s.label for s in sentences]
    for train_index, test_index in GroupKFold(folds).split(sentences, labels, debates):
        train = [sentences[i] for i in train_index]
        if len({s.label for s in train}) < 2:
            continue  # a fold without positives cannot be fitted; its scores stay 0
        model = _fit(train, options, 0.5)
        for i in test_index:
            scores[i] = model.score_one(sentences[i].text)
    return scores


def best_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The score cut that maximises F1 of the positive class (ties: the higher cut)."""
    pairs = sorted(zip(scores, labels, strict=True), reverse=True)
    positives = sum(labels)
    best, best_f1, tp = 0.5, -1.0, 0
    for rank, (score, label) in enumerate(pairs, start=1):
        tp += label
        if rank < len(pairs) and pairs[rank][0] == score:
            continue  # a cut can only fall between different scores
        f1 = 2 * tp / (rank + positives) if rank + positives else 0.0
        if f1 > best_f1:
            best, best_f1 = score, f1
    return best


def train_and_save(
    train_path: Path, output: Path, options: TrainingOptions | None = None
) -> CheckworthinessModel:
    """Read the CLEF training CSV, fit, and write the model to ``output``."""
    from ..evaluation.claims import read_clef_csv
    from .checkworthiness import clear_model_cache

    model = train_model(read_clef_csv(train_path), options)
    model.save(output)
    clear_model_cache()
    return model


__all__ = ["TrainingOptions", "best_threshold", "design_matrix", "train_and_save", "train_model"]
