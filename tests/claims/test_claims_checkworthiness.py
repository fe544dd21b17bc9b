"""The check-worthiness model: the shipped file, its features, training, ranking metrics."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from newsint.claims import load_model
from newsint.claims.checkworthiness import (
    DEFAULT_MODEL_PATH,
    CheckworthinessModel,
    ClaimsModelError,
    read_model,
)
from newsint.claims.features import NgramBlock, char_ngrams
from newsint.claims.training import TrainingOptions, best_threshold, train_model
from newsint.evaluation.claims import (
    ClefSentence,
    average_precision,
    mean_over_debates,
    precision_at,
    r_precision,
    read_clef_csv,
)

from .synthetic import write_clef_csv

SENTENCES = [
    "Unemployment fell to 3.7 percent in 2018, the lowest in 50 years.",
    "Thank you all very much.",
    "The wall will cost $25 billion, and Mexico will pay.",
    "a I x",
    "",
]


def test_shipped_model_loads_once_and_is_small() -> None:
    model = load_model()
    assert load_model() is model
    assert DEFAULT_MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    assert 0.0 < model.threshold < 1.0
    assert model.info["trained_on"] > 10_000 and "cv_map" in model.info
    assert len(model.blocks) == len(model.coefficients) == len(model.info["blocks"])
    for block, coefficients in zip(model.blocks, model.coefficients, strict=True):
        assert len(block.vocabulary) == len(block.idf) == len(coefficients) > 1000


@pytest.mark.parametrize(
    "text",
    [*SENTENCES, "ALL CAPS 12 PERCENT", "قالت الشرطة إن 12 شخصا قتلوا", "x" * 100_000, "1 " * 5000],
)
def test_scores_are_probabilities(text: str) -> None:
    (score,) = load_model().score([text])
    assert 0.0 <= score <= 1.0 and math.isfinite(score)


def test_numbers_make_a_sentence_more_checkworthy() -> None:
    high, low = load_model().score(
        ["The deficit doubled to $1.2 trillion in 2019.", "Thank you all very much."]
    )
    assert high > low


def test_json_round_trip_keeps_scores(tmp_path: Path) -> None:
    model = load_model()
    copy = tmp_path / "copy.json.gz"
    model.save(copy)
    again = read_model(copy)
    assert again.score(SENTENCES) == pytest.approx(model.score(SENTENCES), abs=1e-9)


@pytest.mark.parametrize("content", [b"", b"not gzip", b"\x1f\x8b\x08\x00garbage"])
def test_broken_model_files_raise_one_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.json.gz"
    path.write_bytes(content)
    with pytest.raises(ClaimsModelError):
        read_model(path)
    with pytest.raises(ClaimsModelError, match="not found"):
        read_model(tmp_path / "absent.json.gz")


def test_features_match_scikit_learn_tfidf() -> None:
    """Our pure-Python TF-IDF gives scikit-learn's weights (char_wb and word n-grams)."""
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    texts = [*SENTENCES[:4], "Taxes went up 3 3 3 percent", "a aa aaa aaaa aaaaa aaaaaa"]
    settings = {
        "char": {"analyzer": "char_wb", "ngram_range": (2, 5)},
        "word": {"token_pattern": r"(?u)\w+", "ngram_range": (1, 2)},
    }
    for kind, options in settings.items():
        ours = NgramBlock.fit(kind, texts, min_df=1)
        theirs = sklearn_text.TfidfVectorizer(sublinear_tf=True, **options).fit(texts)
        assert set(ours.vocabulary) == set(theirs.vocabulary_)
        matrix = theirs.transform(texts)
        for row, text in enumerate(texts):
            expected = {
                gram: matrix[row, col]
                for gram, col in theirs.vocabulary_.items()
                if matrix[row, col]
            }
            got = {gram: ours.weights(text).get(i, 0.0) for gram, i in ours.vocabulary.items()}
            got = {g: w for g, w in got.items() if w}
            assert got.keys() == expected.keys()
            for gram, weight in expected.items():
                assert got[gram] == pytest.approx(weight, abs=1e-9)


def test_char_ngrams_pad_words() -> None:
    assert char_ngrams("Ab", n_min=2, n_max=5) == [" a", "ab", "b ", " ab", "ab ", " ab "]


def test_training_on_a_tiny_corpus(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    sentences = read_clef_csv(write_clef_csv(tmp_path / "train.csv"))
    model = train_model(sentences, TrainingOptions(c=1.0, word_min_df=1, char_min_df=1, folds=3))
    assert isinstance(model, CheckworthinessModel)
    assert model.info["cv_folds"] == 3 and 0.0 <= model.info["cv_map"] <= 1.0
    scores = model.score(["Exports grew by 12 percent in 2016.", "Thank you, and welcome."])
    assert scores[0] > scores[1]


def test_training_needs_both_labels(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from newsint.evaluation.common import CorpusError

    only_zero = [ClefSentence("d", i, "S", f"hello {i}", 0) for i in range(5)]
    with pytest.raises(CorpusError):
        train_model(only_zero)


# --- ranking metrics ---------------------------------------------------------------------------


def test_average_precision_by_hand() -> None:
    assert average_precision([0.9, 0.8, 0.7], [1, 0, 1]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([0.1, 0.2, 0.3], [1, 0, 0]) == pytest.approx(1 / 3)
    assert average_precision([0.5, 0.5], [0, 0]) == 0.0
    # ties keep file order: the first of two equal scores ranks first
    assert average_precision([0.5, 0.5], [0, 1]) == pytest.approx(0.5)


def test_r_precision_and_precision_at_k() -> None:
    scores, labels = [0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0]
    assert r_precision(scores, labels) == pytest.approx(0.5)
    assert precision_at(3, scores, labels) == pytest.approx(2 / 3)
    assert precision_at(10, scores, labels) == pytest.approx(0.2)


def test_map_averages_over_debates_not_sentences() -> None:
    sentences = [
        ClefSentence("a", 1, "", "x", 1),
        ClefSentence("a", 2, "", "y", 0),
        ClefSentence("b", 1, "", "x", 0),
        ClefSentence("b", 2, "", "y", 0),
        ClefSentence("b", 3, "", "z", 1),
    ]
    scores = [0.9, 0.1, 0.9, 0.8, 0.1]
    assert mean_over_debates(average_precision, sentences, scores) == pytest.approx((1 + 1 / 3) / 2)


def test_best_threshold_maximises_f1() -> None:
    assert best_threshold([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0]) == pytest.approx(0.8)
    assert best_threshold([0.9, 0.8, 0.3, 0.2], [0, 1, 0, 1]) == pytest.approx(0.2)
