"""Sentence features of the check-worthiness model, shared by training and scoring.

One code path turns a sentence into weighted features, so the committed model scores
exactly as it was trained. The blocks:

- **word n-grams** (1-2) of lower-cased ``\\w+`` tokens, digits kept;
- **character n-grams** (2-5) inside word boundaries (each word padded with spaces, as
  scikit-learn's ``char_wb``); optional, off in the shipped model (``training.py`` says why);
- **cues**: length, digits, percent and money signs, capitalised words, a question mark.

Each n-gram block is TF-IDF weighted (sublinear tf, smoothed idf, the scikit-learn
formulas) and L2-normalised on its own. Pure Python and the standard library: scoring needs
neither NumPy nor scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_MONEY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?|billion|million|trillion)\b", re.I)
_PERCENT = re.compile(r"%|\bper ?cent\b", re.I)

#: names of the cue features, in their column order
CUE_NAMES: tuple[str, ...] = (
    "length",
    "digit_count",
    "has_digit",
    "percent",
    "money",
    "capitalised_share",
    "question",
)


def word_ngrams(text: str, n_max: int = 2) -> list[str]:
    """Word 1..n_max-grams of lower-cased ``\\w+`` tokens, joined by a space."""
    words = _WORD.findall(text.lower())
    grams = list(words)
    for n in range(2, n_max + 1):
        grams.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return grams


def char_ngrams(text: str, n_min: int = 2, n_max: int = 5) -> list[str]:
    """Character n-grams within each space-padded word, as scikit-learn's ``char_wb``."""
    grams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(n_min, n_max + 1):
            if n > len(padded):
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def cue_values(text: str) -> list[float]:
    """The cue features of ``text`` (see ``CUE_NAMES``), each scaled to about [0, 1]."""
    words = text.split()
    digits = len(_DIGIT.findall(text))
    capitalised = sum(1 for w in words[1:] if w[:1].isupper())
    return [
        min(len(words), 60) / 30,
        min(digits, 5) / 5,
        float(digits > 0),
        float(bool(_PERCENT.search(text))),
        float(bool(_MONEY.search(text))),
        capitalised / max(len(words), 1),
        float(text.rstrip().endswith("?")),
    ]


@dataclass(frozen=True)
class NgramBlock:
    """A fitted TF-IDF block: which n-grams it knows (vocabulary order) and their idf."""

    kind: str  # "word" or "char"
    vocabulary: Mapping[str, int]
    idf: Sequence[float]

    def grams(self, text: str) -> list[str]:
        return word_ngrams(text) if self.kind == "word" else char_ngrams(text)

    def weights(self, text: str) -> dict[int, float]:
        """Column -> L2-normalised TF-IDF weight for ``text`` (unknown n-grams dropped)."""
        vocabulary, idf = self.vocabulary, self.idf
        raw: dict[int, float] = {}
        for gram, count in Counter(self.grams(text)).items():
            column = vocabulary.get(gram)
            if column is not None:
                raw[column] = (1.0 + math.log(count)) * idf[column]
        norm = math.sqrt(sum(w * w for w in raw.values()))
        return {i: w / norm for i, w in raw.items()} if norm else {}

    @classmethod
    def fit(cls, kind: str, texts: Iterable[str], min_df: int) -> NgramBlock:
        """Vocabulary of n-grams in at least ``min_df`` texts, with smoothed idf."""
        counter = word_ngrams if kind == "word" else char_ngrams
        df: Counter[str] = Counter()
        n_docs = 0
        for text in texts:
            df.update(set(counter(text)))
            n_docs += 1
        kept = sorted(g for g, c in df.items() if c >= min_df)
        vocabulary = {g: i for i, g in enumerate(kept)}
        idf = [math.log((1 + n_docs) / (1 + df[g])) + 1.0 for g in kept]
        return cls(kind, vocabulary, idf)


__all__ = ["CUE_NAMES", "NgramBlock", "char_ngrams", "cue_values", "word_ngrams"]
