"""Our feature hashing must give scikit-learn's matrices entry for entry: the shipped
technique model was trained on scikit-learn's hashed features."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsint.techniques import hashing

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
sklearn_hasher = pytest.importorskip("sklearn.feature_extraction")

SAMPLES = [
    "",
    "a",
    "x y",
    "I",
    "Ünïcödé — “quotes” 123 4 ÉCOLE straße",
    "  spaced   out\t\ttabs\n\nnew lines  ",
    "The barbaric shelling of Aleppo on 5 March 2019 reportedly killed 12 civilians.",
    "ab " * 50,
    "عربي نص مع كلمات",
]
PTC = Path(__file__).resolve().parents[3] / "shared" / "data" / "ptc" / "train-articles"


def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted(PTC.glob("article*.txt"))[:20]]
    return SAMPLES + found


@pytest.mark.parametrize("n_features", [2**18, 1000])
def test_word_and_char_hashing_equal_scikit_learn(n_features: int) -> None:
    words = sklearn_text.HashingVectorizer(
        n_features=n_features, ngram_range=(1, 2), alternate_sign=False, norm=None
    )
    chars = sklearn_text.HashingVectorizer(
        n_features=n_features, analyzer="char_wb", ngram_range=(2, 5), alternate_sign=False,
        norm=None,
    )  # fmt: skip
    data = texts()
    for ours, theirs in (
        (hashing.hash_words(data, n_features), words.transform(data)),
        (hashing.hash_chars(data, n_features), chars.transform(data)),
    ):
        assert ours.shape == theirs.shape
        assert (ours != theirs).nnz == 0 and ours.nnz == theirs.nnz > 0


def test_string_features_equal_feature_hasher() -> None:
    rows = [text.split() for text in texts()] + [[], ["w=ab", "w=ab", "t=NN|VB"]]
    theirs = sklearn_hasher.FeatureHasher(
        n_features=2**18, input_type="string", alternate_sign=False
    ).transform(rows)
    ours = hashing.hash_features(rows, 2**18)
    assert ours.shape == theirs.shape and (ours != theirs).nnz == 0
    assert ours[len(rows) - 1].sum() == 3  # repeated features are counted
