"""MinHash signatures and banded LSH: estimates against exact Jaccard, planted copies found."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsint.corpus import minhash
from newsint.corpus.minhash import (
    EMPTY_VALUE,
    LSHParams,
    MinHasher,
    batch_shingles,
    candidate_pairs,
    choose_lsh_params,
    estimate_jaccard,
    exact_jaccard,
    similar_pairs,
)

HASHER = MinHasher(128)
WORDS = [f"w{i}" for i in range(20_000)]


def reference_jaccard(a: str, b: str) -> float:
    """Exact Jaccard of 5-word shingles, computed independently with Python sets."""

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    left, right = shingles(a), shingles(b)
    return len(left & right) / len(left | right)


def overlapping_pair(rng: random.Random, shared: int, own: int) -> tuple[str, str]:
    """Two texts with ``shared`` common words in the middle and ``own`` words of their own."""
    middle = rng.choices(WORDS, k=shared)
    a = rng.choices(WORDS, k=own) + middle + rng.choices(WORDS, k=own)
    b = rng.choices(WORDS, k=own) + middle + rng.choices(WORDS, k=own)
    return " ".join(a), " ".join(b)


def test_identical_texts_estimate_one() -> None:
    text = "Militants fled from Raqqa through Tall Tamr to the Turkish border on Monday."
    a, b = HASHER.signatures([text, text])
    assert estimate_jaccard(a, b) == 1.0


def test_disjoint_texts_estimate_near_zero() -> None:
    rng = random.Random(1)
    a = " ".join(rng.choices(WORDS[:10_000], k=400))
    b = " ".join(rng.choices(WORDS[10_000:], k=400))
    assert estimate_jaccard(HASHER.signature(a), HASHER.signature(b)) < 0.03


def test_estimates_track_exact_jaccard_on_random_pairs() -> None:
    rng = random.Random(7)
    errors = []
    for _ in range(60):
        a, b = overlapping_pair(rng, shared=rng.randint(0, 600), own=rng.randint(5, 300))
        exact = reference_jaccard(a, b)
        estimate = estimate_jaccard(HASHER.signature(a), HASHER.signature(b))
        sigma = (exact * (1 - exact) / 128) ** 0.5
        assert abs(estimate - exact) <= 4 * sigma + 0.02, (exact, estimate)
        errors.append(estimate - exact)
    assert abs(float(np.mean(errors))) < 0.015  # unbiased


def test_our_exact_jaccard_matches_the_reference() -> None:
    rng = random.Random(3)
    for _ in range(10):
        a, b = overlapping_pair(rng, shared=rng.randint(0, 200), own=50)
        ours = exact_jaccard(HASHER.shingle_set(a), HASHER.shingle_set(b))
        assert ours == pytest.approx(reference_jaccard(a, b))


def test_normalisation_ignores_case_punctuation_and_spacing() -> None:
    plain = "isis militants flee to turkey through tall tamr and ras al ain"
    noisy = "ISIS Militants — “flee” to   Turkey,\n\nthrough Tall-Tamr… and Ras\u00a0al-Ain!"
    assert np.array_equal(HASHER.signature(plain), HASHER.signature(noisy))


def test_non_ascii_letters_are_case_folded() -> None:
    upper = "ПРИВЕТ МИР ЭТО ТЕСТ ДЛЯ НОВОСТЕЙ ΓΕΙΑ ΣΑΣ ÉTÉ ÇA"
    assert np.array_equal(HASHER.signature(upper), HASHER.signature(upper.casefold()))


def test_signatures_are_stable_across_processes() -> None:
    text = "The same text must give the same signature in every process and on every machine."
    code = (
        "from newsint.corpus.minhash import MinHasher\n"
        f"print(','.join(map(str, MinHasher(128).signature({text!r}))))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == ",".join(map(str, HASHER.signature(text)))


def test_batches_give_the_same_signatures_as_single_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    texts = [" ".join(rng.choices(WORDS, k=rng.randint(0, 300))) for _ in range(40)]
    texts += ["", "one", "two words", "   ", "a b c d", "a b c d e"]
    monkeypatch.setattr(minhash, "_BATCH_BYTES", 500)  # many small batches
    together = HASHER.signatures(texts)
    for text, row in zip(texts, together, strict=True):
        assert np.array_equal(row, HASHER.signatures([text])[0])


def _is_word_char(char: str) -> bool:
    """The documented word definition, written independently of the byte-level code."""
    folded = char.casefold()
    if len(folded) == 1 and 0x80 <= ord(char) < 0x800 and 0x80 <= ord(folded) < 0x800:
        char = folded
    code = ord(char)
    if code < 0x80:
        return char.isalnum()
    separators = (0x80 <= code <= 0xBF, 0x2000 <= code <= 0x207F, 0x3000 <= code <= 0x303F)
    return not any(separators) and code != 0xFEFF


def reference_word_count(text: str) -> int:
    marks = "".join("w" if _is_word_char(c) else " " for c in text)
    return len(marks.split())


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=8))
def test_shingle_counts_follow_the_words(texts: list[str]) -> None:
    hashes, bounds = batch_shingles(texts)
    assert bounds[0] == 0 and bounds[-1] == len(hashes)
    for i, text in enumerate(texts):
        words = reference_word_count(text)
        expected = words - 4 if words >= 5 else int(words > 0)
        assert bounds[i + 1] - bounds[i] == expected, text


def test_short_texts_have_one_shingle_and_empty_texts_none() -> None:
    hashes, bounds = batch_shingles(["", "one", "one two three", "a b c d e f", "!!! ...", "x"])
    assert list(np.diff(bounds)) == [0, 1, 1, 2, 0, 1]
    empty, one, three = HASHER.signatures(["  \n", "one", "one two three"])
    assert np.all(empty == EMPTY_VALUE)
    assert not np.any(one == EMPTY_VALUE)
    assert estimate_jaccard(empty, empty) == 0.0
    assert estimate_jaccard(one, three) < 0.05


@pytest.mark.parametrize(
    "text",
    [
        "",
        "word",
        "ALL CAPS HEADLINE ABOUT THE WAR IN THE NORTH OF SYRIA",
        "غادر مسلحو داعش مدينة الرقة باتجاه الحدود التركية يوم الاثنين",
        "חמושים ברחו מהעיר לכיוון הגבול ביום שני בבוקר",
        "lone \ud800 surrogate and \x00 nul \x07 bell",
        "word " * 200_000,
    ],
)
def test_hostile_texts_give_valid_signatures(text: str) -> None:
    signature = HASHER.signature(text)
    assert signature.shape == (128,) and signature.dtype == np.uint32
    if text.split():
        assert not np.all(signature == EMPTY_VALUE)


def test_all_caps_equals_lowercase() -> None:
    text = "Turkish troops crossed the border near Ras al-Ain on Wednesday morning"
    assert np.array_equal(HASHER.signature(text.upper()), HASHER.signature(text))


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.8, 0.9, 0.95])
def test_banding_finds_pairs_at_the_threshold(threshold: float) -> None:
    params = choose_lsh_params(threshold, 128)
    assert params.bands * params.rows <= 128
    assert params.probability(threshold) >= 0.99
    assert params.probability(threshold / 3) < params.probability(threshold)


def test_default_banding_for_0_8() -> None:
    assert choose_lsh_params(0.8, 128) == LSHParams(21, 6)


def edit(words: list[str], rng: random.Random, count: int) -> list[str]:
    words = list(words)
    for _ in range(count):
        position = rng.randrange(len(words))
        if rng.random() < 0.5:
            words[position] = rng.choice(WORDS)
        else:
            del words[position]
    return words


def test_lsh_finds_planted_near_duplicates_with_few_false_pairs() -> None:
    rng = random.Random(11)
    texts: list[str] = []
    families: list[int] = []
    for family in range(150):
        base = rng.choices(WORDS, k=rng.randint(150, 500))
        texts.append(" ".join(base))
        families.append(family)
        for _ in range(rng.randint(1, 3)):
            texts.append(" ".join(edit(base, rng, rng.randint(0, len(base) // 60))))
            families.append(family)
    planted = [
        (i, j)
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if families[i] == families[j] and reference_jaccard(texts[i], texts[j]) >= 0.85
    ]
    assert len(planted) > 200
    pairs, _ = similar_pairs(HASHER.signatures(texts), threshold=0.8)
    found = {(int(a), int(b)) for a, b in pairs}
    recall = len(found & set(planted)) / len(planted)
    false = [p for p in found if reference_jaccard(texts[p[0]], texts[p[1]]) < 0.7]
    assert recall >= 0.95
    assert len(false) <= 0.01 * len(found)


def test_huge_buckets_stay_connected_without_quadratic_pairs() -> None:
    texts = ["the very same boilerplate paragraph repeated by every site"] * 1200 + ["other"]
    signatures = HASHER.signatures(texts)
    pairs = candidate_pairs(signatures, choose_lsh_params(0.8, 128), max_bucket=100)
    assert len(pairs) < 1200 * 21  # chained, not 1200 * 1199 / 2
    from newsint.corpus.dedup import connected_components

    labels = connected_components(len(texts), [(int(a), int(b)) for a, b in pairs])
    assert len(set(labels[:1200].tolist())) == 1
    assert labels[1200] != labels[0]


def test_empty_texts_never_pair() -> None:
    signatures = HASHER.signatures(["", "  ", "...", "real words in a text here"])
    assert len(candidate_pairs(signatures, LSHParams(16, 8))) == 0
