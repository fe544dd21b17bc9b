"""Feature hashing without importing scikit-learn (about 1 s of start-up saved).

The technique model was trained with scikit-learn's ``FeatureHasher`` and
``HashingVectorizer`` (``alternate_sign=False``, ``norm=None``). These functions give the
same matrices, entry for entry: MurmurHash3 (x86, 32 bit, seed 0) of the UTF-8 string,
column ``abs(hash) % n_features``, counts summed; the word analyzer lower-cases and takes
``(?u)\\b\\w\\w+\\b`` tokens and their n-grams joined by a space, the ``char_wb`` analyzer
takes character n-grams of each space-padded word. ``tests/techniques/test_hashing.py``
compares them with scikit-learn's on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import mmh3
import numpy as np
from scipy.sparse import csr_matrix

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")
_INT32_MIN = -(2**31)


def hash_features(rows: Iterable[Iterable[str]], n_features: int) -> csr_matrix:
    """One row per item of ``rows``: the count of each hashed string (``FeatureHasher``
    with ``input_type="string"``, ``alternate_sign=False``)."""
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        for feature in row:
            h = mmh3.hash(feature, 0, signed=True)
            # scikit-learn's rule for the one hash whose absolute value overflows int32
            indices.append(
                (2**31 - 1 - (n_features - 1)) % n_features
                if h == _INT32_MIN
                else abs(h) % n_features
            )
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    matrix = csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(indptr) - 1, n_features),
    )
    matrix.sum_duplicates()
    return matrix


def word_ngrams(text: str, n_max: int = 2) -> list[str]:
    """Lower-cased word n-grams, 1..``n_max`` (scikit-learn's ``analyzer="word"``)."""
    tokens = _TOKEN.findall(text.lower())
    grams = list(tokens)
    for n in range(2, n_max + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def char_wb_ngrams(text: str, n_min: int = 2, n_max: int = 5) -> list[str]:
    """Character n-grams inside space-padded words (scikit-learn's ``analyzer="char_wb"``)."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(n_min, n_max + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < length:
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # the word is shorter than n: counted once
                break
    return grams


def hash_words(texts: Sequence[str], n_features: int) -> csr_matrix:
    """``HashingVectorizer(ngram_range=(1, 2), alternate_sign=False, norm=None)``."""
    return hash_features((word_ngrams(t) for t in texts), n_features)


def hash_chars(texts: Sequence[str], n_features: int) -> csr_matrix:
    """``HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), alternate_sign=False,
    norm=None)``."""
    return hash_features((char_wb_ngrams(t) for t in texts), n_features)
