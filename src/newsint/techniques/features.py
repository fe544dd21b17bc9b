"""Token features for span identification (SI).

Each token gets: surface and syntax facts from spaCy (shape, POS, dependency, entity,
position in its sentence, quotes, exclamations, repetition in the article), smoothed
propaganda rates of its word, lemma and bigram learnt from the training spans (target
encoding, with the rates of its neighbours and of its sentence), and WordLlama vectors
of the token, of a five-token window and of its sentence, reduced by a fixed projection.
Propaganda spans are mostly whole phrases inside emotional or quoted sentences, so the
sentence-level features carry much of the signal and the word-level ones place the edges.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import numpy as np
from numpy.typing import NDArray
from spacy.tokens import Doc, Span

from .embeddings import embed_words
from .valence import valences

FloatArray = NDArray[np.float32]
IntArray = NDArray[np.int64]

POS_TAGS = [
    "ADJ",
    "ADP",
    "ADV",
    "AUX",
    "CCONJ",
    "DET",
    "INTJ",
    "NOUN",
    "NUM",
    "PART",
    "PRON",
    "PROPN",
    "PUNCT",
    "SCONJ",
    "SYM",
    "VERB",
    "X",
    "SPACE",
]
DEP_LABELS = [
    "ROOT",
    "acl",
    "acomp",
    "advcl",
    "advmod",
    "agent",
    "amod",
    "appos",
    "attr",
    "aux",
    "auxpass",
    "case",
    "cc",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "csubjpass",
    "dative",
    "dep",
    "det",
    "dobj",
    "expl",
    "intj",
    "mark",
    "meta",
    "neg",
    "nmod",
    "npadvmod",
    "nsubj",
    "nsubjpass",
    "nummod",
    "oprd",
    "parataxis",
    "pcomp",
    "pobj",
    "poss",
    "preconj",
    "predet",
    "prep",
    "prt",
    "punct",
    "quantmod",
    "relcl",
    "xcomp",
]
ENT_TYPES = [
    "",
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
]
_POS = {p: i for i, p in enumerate(POS_TAGS)}
_DEP = {d: i for i, d in enumerate(DEP_LABELS)}
_ENT = {e: i for i, e in enumerate(ENT_TYPES)}
QUOTE_CHARS = frozenset('"“”«»„')
SCALAR_NAMES = [
    "is_alpha",
    "is_upper",
    "is_title",
    "is_punct",
    "is_stop",
    "like_num",
    "length",
    "pos",
    "dep",
    "ent",
    "sent_rel_pos",
    "sent_len",
    "sent_rel_index",
    "in_title",
    "in_quotes",
    "sent_excl",
    "sent_quest",
    "sent_quotes",
    "sent_caps",
    "word_count_in_doc",
    "from_sent_start",
    "to_sent_end",
    "head_pos",
    "n_children",
    "head_offset",
    "depth",
    "ent_begin",
    "doc_tokens",
    "valence",  # the last N_VALENCE columns come from _valence_columns
    "valence_abs",
    "window_valence_abs",
    "sent_valence_abs",
]
N_VALENCE = 4
#: columns LightGBM treats as categories
CATEGORICAL = tuple(SCALAR_NAMES.index(n) for n in ("pos", "dep", "ent", "head_pos"))
MAX_DEPTH = 50  # deeper trees (run-on text) add nothing and cost time
PRIOR_WEIGHT = 20.0  # pseudo-count pulling rare words' rates towards the corpus rate
TE_KEYS = ("lower", "lemma", "bigram")


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """Per-token arrays of one doc, computed once and shared by training and prediction."""

    starts: IntArray
    ends: IntArray
    space: NDArray[np.bool_]
    sent_id: IntArray
    sent_start: IntArray
    sent_end: IntArray
    keys: dict[str, list[str]]
    scalars: FloatArray
    vectors: FloatArray

    def __len__(self) -> int:
        return len(self.starts)


def token_info(doc: Doc) -> TokenInfo:
    """Everything the SI features need from ``doc`` (which must be parsed)."""
    n = len(doc)
    sent_id, sent_start, sent_end = _sentence_arrays(doc)
    lower = [t.lower_ for t in doc]
    bigram = [(lower[i - 1] if i else "<s>") + " " + w for i, w in enumerate(lower)]
    return TokenInfo(
        starts=np.array([t.idx for t in doc], dtype=np.int64),
        ends=np.array([t.idx + len(t) for t in doc], dtype=np.int64),
        space=np.array([t.is_space for t in doc], dtype=bool),
        sent_id=sent_id,
        sent_start=sent_start,
        sent_end=sent_end,
        keys={"lower": lower, "lemma": [t.lemma_.lower() for t in doc], "bigram": bigram},
        scalars=_scalars(doc, sent_id, sent_start, sent_end) if n else _empty(len(SCALAR_NAMES)),
        vectors=embed_words([t.text for t in doc]),
    )


def _empty(width: int) -> FloatArray:
    return np.zeros((0, width), dtype=np.float32)


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, or the whole doc as one when it has no boundaries."""
    if len(doc) and not doc.has_annotation("SENT_START"):
        return [doc[:]]
    return list(doc.sents)


def _sentence_arrays(doc: Doc) -> tuple[IntArray, IntArray, IntArray]:
    n = len(doc)
    sent_id, start, end = (np.zeros(n, dtype=np.int64) for _ in range(3))
    for k, sent in enumerate(sentences(doc)):
        sent_id[sent.start : sent.end] = k
        start[sent.start : sent.end] = sent.start
        end[sent.start : sent.end] = sent.end
    return sent_id, start, end


def _in_quotes(doc: Doc) -> FloatArray:
    """1 for tokens between an odd and an even quote mark of their sentence."""
    flags = np.zeros(len(doc), dtype=np.float32)
    for sent in sentences(doc):
        inside = False
        for token in sent:
            if token.text in QUOTE_CHARS or token.text in ("''", "``"):
                inside = not inside
                flags[token.i] = 1.0
            else:
                flags[token.i] = float(inside)
    return flags


def _sentence_stats(doc: Doc) -> FloatArray:
    """Per sentence: exclamation marks, question marks, quote marks, all-caps words."""
    rows = []
    for sent in sentences(doc):
        text = sent.text
        rows.append(
            (
                text.count("!"),
                text.count("?"),
                sum(text.count(c) for c in QUOTE_CHARS),
                sum(1 for t in sent if t.is_upper and len(t) > 1),
            )
        )
    return np.array(rows, dtype=np.float32).reshape(-1, 4)


def _scalars(doc: Doc, sent_id: IntArray, sent_start: IntArray, sent_end: IntArray) -> FloatArray:
    n = len(doc)
    counts: dict[str, int] = {}
    for t in doc:
        if t.is_alpha:
            counts[t.lower_] = counts.get(t.lower_, 0) + 1
    stats = _sentence_stats(doc)[sent_id]
    quotes = _in_quotes(doc)
    n_sents = int(sent_id[-1]) + 1
    first_line_end = doc.text.find("\n")
    rows = np.zeros((n, len(SCALAR_NAMES)), dtype=np.float32)
    rows[:, -N_VALENCE:] = _valence_columns([t.lower_ for t in doc], sent_id)
    for t in doc:
        i = t.i
        length = sent_end[i] - sent_start[i]
        rows[i, :-N_VALENCE] = (
            t.is_alpha, t.is_upper and len(t) > 1, t.is_title, t.is_punct, t.is_stop,
            t.like_num, len(t), _POS.get(t.pos_, 16), _DEP.get(t.dep_, 19),
            _ENT.get(t.ent_type_, 0), (i - sent_start[i]) / max(length, 1), length,
            sent_id[i] / n_sents, first_line_end < 0 or t.idx < first_line_end, quotes[i],
            *stats[i], counts.get(t.lower_, 0), i - sent_start[i], sent_end[i] - i,
            _POS.get(t.head.pos_, 16), t.n_lefts + t.n_rights, t.head.i - i,
            sum(1 for _ in islice(t.ancestors, MAX_DEPTH)), t.ent_iob_ == "B", n,
        )  # fmt: skip
    return rows


def _valence_columns(lower: list[str], sent_id: IntArray) -> FloatArray:
    """Per token: VADER valence, its size, the largest size within two tokens, and the
    mean size over the token's sentence (loaded words cluster in loaded sentences)."""
    value = valences(lower)
    size = np.abs(value)
    padded = np.pad(size, 2)
    window = np.max(np.stack([padded[k : k + len(size)] for k in range(5)]), axis=0)
    sums = np.bincount(sent_id, weights=size)
    counts = np.bincount(sent_id)
    sentence = (sums / np.maximum(counts, 1))[sent_id]
    return np.stack([value, size, window, sentence], axis=1).astype(np.float32)


# --- target encoding ----------------------------------------------------------------------


def count_keys(
    keys: Iterable[Sequence[str]], labels: Iterable[NDArray[Any]]
) -> tuple[dict[str, int], dict[str, int]]:
    """Per key: how many of its occurrences are labelled 1, and how many there are."""
    positive: dict[str, int] = {}
    total: dict[str, int] = {}
    for seq, y in zip(keys, labels, strict=True):
        for key, label in zip(seq, y.tolist(), strict=True):
            total[key] = total.get(key, 0) + 1
            if label:
                positive[key] = positive.get(key, 0) + 1
    return positive, total


@dataclass(frozen=True, slots=True)
class RateTable:
    """How often each key (word, lemma, bigram) lay inside a gold span in the training data."""

    positive: dict[str, int]
    total: dict[str, int]
    prior: float

    @classmethod
    def fit(cls, keys: Iterable[Sequence[str]], labels: Iterable[NDArray[Any]]) -> RateTable:
        positive, total = count_keys(keys, labels)
        n_all = sum(total.values())
        return cls(positive, total, sum(positive.values()) / n_all if n_all else 0.0)

    def pruned(self, min_count: int) -> RateTable:
        """Keys seen fewer than ``min_count`` times dropped (they sit near the prior)."""
        total = {k: v for k, v in self.total.items() if v >= min_count}
        positive = {k: v for k, v in self.positive.items() if k in total}
        return RateTable(positive, total, self.prior)

    def rates(self, keys: Sequence[str]) -> tuple[FloatArray, FloatArray]:
        """Smoothed rate and log count of each key."""
        pos = np.array([self.positive.get(k, 0) for k in keys], dtype=np.float32)
        tot = np.array([self.total.get(k, 0) for k in keys], dtype=np.float32)
        rate = (pos + PRIOR_WEIGHT * self.prior) / (tot + PRIOR_WEIGHT)
        return rate, np.log1p(tot)

    def to_json(self) -> dict[str, Any]:
        keys = sorted(self.total)
        return {
            "prior": self.prior,
            "keys": keys,
            "total": [self.total[k] for k in keys],
            "positive": [self.positive.get(k, 0) for k in keys],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RateTable:
        keys = data["keys"]
        total = dict(zip(keys, data["total"], strict=True))
        positive = {k: p for k, p in zip(keys, data["positive"], strict=True) if p}
        return cls(positive, total, float(data["prior"]))


def _shift(values: FloatArray, by: int) -> FloatArray:
    """``values`` moved ``by`` places (positive: look left), padded with the edge values."""
    if not len(values) or by == 0:
        return values
    out = np.empty_like(values)
    if by > 0:
        out[by:], out[:by] = values[:-by], values[0]
    else:
        out[:by], out[by:] = values[-by:], values[-1]
    return out


def rate_features(info: TokenInfo, tables: dict[str, RateTable]) -> FloatArray:
    """Target-encoded rates of the token, its neighbours, its sentence and its article."""
    columns: list[FloatArray] = []
    for key in TE_KEYS:
        rate, count = tables[key].rates(info.keys[key])
        columns += [rate, count]
        if key == "lower":
            columns += [_shift(rate, s) for s in (2, 1, -1, -2)]
            columns += _group_stats(rate, info.sent_id)
            window = np.max(np.stack([_shift(rate, s) for s in range(-3, 4)]), axis=0)
            columns += [window, np.full_like(rate, rate.mean() if len(rate) else 0.0)]
    return np.stack(columns, axis=1) if len(info) else _empty(N_RATE_FEATURES)


def _group_stats(values: FloatArray, groups: IntArray) -> list[FloatArray]:
    """Mean and max of ``values`` within each group, broadcast back to the members."""
    n_groups = int(groups.max()) + 1 if len(groups) else 0
    sums = np.bincount(groups, values, n_groups)
    sizes = np.maximum(np.bincount(groups, None, n_groups), 1)
    maxima = np.full(n_groups, -np.inf)
    np.maximum.at(maxima, groups, values)
    return [(sums / sizes)[groups].astype(np.float32), maxima[groups].astype(np.float32)]


N_RATE_FEATURES = 2 * len(TE_KEYS) + 4 + 2 + 2


# --- vectors ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Projection:
    """A fixed linear map of 256-d word vectors to a few dimensions (PCA on training words)."""

    mean: FloatArray
    components: FloatArray  # (256, k)

    @classmethod
    def fit(cls, vectors: FloatArray, k: int) -> Projection:
        mean = vectors.mean(axis=0)
        _u, _s, vt = np.linalg.svd(vectors - mean, full_matrices=False)
        return cls(mean.astype(np.float32), vt[:k].T.astype(np.float32).copy())

    def __call__(self, vectors: FloatArray) -> FloatArray:
        return ((vectors - self.mean) @ self.components).astype(np.float32)


def vector_features(info: TokenInfo, projection: Projection) -> FloatArray:
    """Projected vectors of the token, its 5-token window (in its sentence), its sentence."""
    n = len(info)
    k = projection.components.shape[1]
    if not n:
        return _empty(3 * k)
    tokens = projection(info.vectors)
    cumulative = np.vstack([np.zeros((1, k), dtype=np.float32), np.cumsum(tokens, axis=0)])
    index = np.arange(n)
    low = np.maximum(index - 2, info.sent_start)
    high = np.minimum(index + 3, info.sent_end)
    window = (cumulative[high] - cumulative[low]) / (high - low)[:, None]
    sentence = (cumulative[info.sent_end] - cumulative[info.sent_start]) / (
        info.sent_end - info.sent_start
    )[:, None]
    return np.hstack([tokens, window, sentence]).astype(np.float32)


def token_matrix(
    info: TokenInfo, tables: dict[str, RateTable], projection: Projection
) -> FloatArray:
    """The SI feature matrix of one doc: scalars, rates, vectors."""
    return np.hstack(
        [info.scalars, rate_features(info, tables), vector_features(info, projection)]
    ).astype(np.float32)


def token_labels(info: TokenInfo, spans: Iterable[tuple[int, int]]) -> NDArray[np.int8]:
    """1 for tokens that share a character with a gold span."""
    labels = np.zeros(len(info), dtype=np.int8)
    for start, end in spans:
        labels[(info.starts < end) & (info.ends > start)] = 1
    return labels
