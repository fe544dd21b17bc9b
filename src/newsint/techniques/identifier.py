"""Span identification (SI): which characters of an article use a propaganda technique.

Three layers, each trained on the PTC training articles only:

1. rates of words, lemmas and bigrams inside gold spans (target encoding), a hashed
   window logistic regression per token and a hashed bag-of-words logistic regression per
   sentence (``lexical``);
2. gradient-boosted trees over those outputs plus spaCy and WordLlama features
   (``features``) give P(token inside a span);
3. hysteresis decoding with gap joining (``decoding``) turns the probabilities into spans;
   words annotated as loaded language at a high rate add short spans (``lexicon``).

The layer-2 trees were trained on out-of-fold layer-1 outputs, so at prediction time the
layer-1 models fitted on all training articles are used as they were meant to be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from spacy.tokens import Doc

from .decoding import DecodeSettings, decode_spans
from .features import (
    FloatArray,
    Projection,
    RateTable,
    TokenInfo,
    _shift,
    token_info,
    token_matrix,
)
from .lexical import LinearModel, hash_rows, sentence_strings, token_strings
from .lexicon import LoadedWords, merge_spans

N_LEXICAL_FEATURES = 10


@dataclass(frozen=True, slots=True)
class LexicalLayer:
    """Layer 1: rate tables and the two hashed linear models."""

    tables: dict[str, RateTable]
    token_model: LinearModel
    sentence_model: LinearModel


@dataclass(frozen=True, slots=True)
class DocInputs:
    """What the layers read from one doc (computed once per doc)."""

    text: str
    info: TokenInfo
    token_rows: csr_matrix
    sentence_rows: csr_matrix

    @classmethod
    def from_doc(cls, doc: Doc) -> DocInputs:
        return cls(
            doc.text,
            token_info(doc),
            hash_rows(token_strings(doc)),
            hash_rows(sentence_strings(doc)),
        )


def lexical_features(inputs: DocInputs, layer: LexicalLayer) -> FloatArray:
    """Token and sentence probabilities of layer 1 with their neighbours and maxima."""
    info = inputs.info
    if not len(info):
        return np.zeros((0, N_LEXICAL_FEATURES), dtype=np.float32)
    token = layer.token_model(inputs.token_rows).astype(np.float32)
    sentence = layer.sentence_model(inputs.sentence_rows).astype(np.float32)[info.sent_id]
    n_sents = int(info.sent_id.max()) + 1
    sent_max = np.zeros(n_sents, dtype=np.float32)
    np.maximum.at(sent_max, info.sent_id, token)
    window = np.max(np.stack([_shift(token, s) for s in range(-3, 4)]), axis=0)
    columns = [token, *(_shift(token, s) for s in (2, 1, -1, -2)), window, sentence]
    columns += [sent_max[info.sent_id], np.full_like(sentence, sentence.mean())]
    return np.stack(columns, axis=1)


def layer2_matrix(inputs: DocInputs, layer: LexicalLayer, projection: Projection) -> FloatArray:
    """The features the boosted trees read for every token of one doc."""
    return np.hstack(
        [token_matrix(inputs.info, layer.tables, projection), lexical_features(inputs, layer)]
    )


@dataclass(frozen=True, slots=True)
class SpanIdentifier:
    """The trained SI model: layer 1, the projection, the trees, the decoding settings and
    the loaded words."""

    lexical: LexicalLayer
    projection: Projection
    booster: Any  # lightgbm.Booster
    decode: DecodeSettings
    loaded: LoadedWords = field(default_factory=LoadedWords)

    def token_probabilities(self, inputs: DocInputs) -> NDArray[np.float64]:
        if not len(inputs.info):
            return np.zeros(0)
        matrix = layer2_matrix(inputs, self.lexical, self.projection)
        return np.asarray(self.booster.predict(matrix, num_threads=1), dtype=np.float64)

    def spans(self, inputs: DocInputs) -> list[tuple[int, int, float]]:
        """``(start, end, probability)`` of the propaganda spans of one doc."""
        probs = self.token_probabilities(inputs)
        decoded = decode_spans(inputs.text, inputs.info, probs, self.decode)
        return merge_spans(decoded, self.loaded_spans(inputs))

    def loaded_spans(self, inputs: DocInputs) -> list[tuple[int, int, float]]:
        """The loaded-word spans alone (none when the settings switch the layer off)."""
        settings = self.decode
        if not settings.words_on:
            return []
        return self.loaded.spans(
            inputs.info, settings.loaded_rate, settings.loaded_count, settings.valence_min
        )
