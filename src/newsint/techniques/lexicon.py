"""Loaded words: short spans proposed from words PTC annotators mark as loaded language.

PTC annotators mark loaded language and name calling as a word or an adjective with its
noun ("phony charade", "toxic filth"): almost half of those spans are one or two words long. The
token model with its gap-joining decoder finds the sentence around such a word but tends
to return a clause, so the word's own technique is lost in a longer span. This layer
counts, in the training articles, how often each word lies inside a Loaded_Language or
Name_Calling,Labeling span; a word that does so at a high rate (both thresholds chosen
by cross-validation on train) proposes a short span of its own: the word, or the adjective
with its head noun. The spans are added to the decoded ones (nested spans are allowed; the
SemEval scorer merges them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .features import DEP_LABELS, POS_TAGS, SCALAR_NAMES, TokenInfo, count_keys

#: techniques whose spans teach the lexicon
LOADED_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
_POS, _DEP, _HEAD = (SCALAR_NAMES.index(n) for n in ("pos", "dep", "head_offset"))
_ALPHA, _HEAD_POS = SCALAR_NAMES.index("is_alpha"), SCALAR_NAMES.index("head_pos")
_VALENCE = SCALAR_NAMES.index("valence_abs")
VALENCE_OFF = 9.0  # above the largest VADER valence: no word qualifies by valence
CONTENT_POS = frozenset(POS_TAGS.index(p) for p in ("ADJ", "ADV", "NOUN", "VERB", "PROPN"))
ADJ, NOUN, PROPN = (POS_TAGS.index(p) for p in ("ADJ", "NOUN", "PROPN"))
AMOD = DEP_LABELS.index("amod")
MAX_HEAD_DISTANCE = 3
Scored = tuple[int, int, float]


@dataclass(frozen=True, slots=True)
class LoadedWords:
    """Word -> times inside a loaded-language span and times seen, in the training articles
    (words seen once, or never inside such a span, are left out)."""

    positive: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)

    @classmethod
    def fit(
        cls, keys: Iterable[Sequence[str]], labels: Iterable[NDArray[Any]], min_count: int = 2
    ) -> LoadedWords:
        """Counts over token keys and 0/1 labels (1: inside a loaded-language span)."""
        positive, total = count_keys(keys, labels)
        kept = {k: v for k, v in total.items() if v >= min_count and positive.get(k)}
        return cls({k: positive[k] for k in kept}, kept)

    def rate(self, word: str, min_count: int) -> float:
        """Share of the word's training occurrences inside a span (0 below ``min_count``)."""
        n = self.total.get(word, 0)
        return self.positive.get(word, 0) / n if n >= max(min_count, 1) else 0.0

    def spans(
        self, info: TokenInfo, min_rate: float, min_count: int, valence_min: float = VALENCE_OFF
    ) -> list[Scored]:
        """``(start, end, score)``: each word passing both thresholds, with its head noun
        when it is an adjective modifying a noun a few tokens to its right; and each
        adjective whose VADER valence size reaches ``valence_min``, with its noun (a word
        the training articles rarely saw: "bloody jihad"). The score is the word's rate,
        or its valence size / 4."""
        out = []
        words = info.keys["lower"]
        for i, word in enumerate(words):
            row = info.scalars[i]
            if not row[_ALPHA] or int(row[_POS]) not in CONTENT_POS:
                continue
            rate = self.rate(word, min_count)
            head = i + int(row[_HEAD])
            noun = _modifies_noun(info, i, head)
            frequent = rate > 0.0 and rate >= min_rate
            charged = noun and float(row[_VALENCE]) >= valence_min
            if not frequent and not charged:
                continue
            score = max(rate if frequent else 0.0, float(row[_VALENCE]) / 4 if charged else 0.0)
            end = int(info.ends[head]) if noun else int(info.ends[i])
            out.append((int(info.starts[i]), end, min(score, 1.0)))
        return out

    def to_json(self) -> dict[str, Any]:
        keys = sorted(self.total)
        return {
            "keys": keys,
            "total": [self.total[k] for k in keys],
            "positive": [self.positive.get(k, 0) for k in keys],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LoadedWords:
        keys = data["keys"]
        return cls(
            dict(zip(keys, data["positive"], strict=True)),
            dict(zip(keys, data["total"], strict=True)),
        )


def _modifies_noun(info: TokenInfo, i: int, head: int) -> bool:
    row = info.scalars[i]
    return (
        int(row[_POS]) == ADJ
        and int(row[_DEP]) == AMOD
        and int(row[_HEAD_POS]) in (NOUN, PROPN)
        and 0 < head - i <= MAX_HEAD_DISTANCE
        and head < len(info)
        and info.sent_id[head] == info.sent_id[i]
    )


def merge_spans(decoded: list[Scored], extra: list[Scored]) -> list[Scored]:
    """Both lists in text order, exact duplicates of a decoded span dropped."""
    seen = {(s, e) for s, e, _ in decoded}
    return sorted(decoded + [x for x in extra if (x[0], x[1]) not in seen])


def labels_in(info: TokenInfo, spans: Iterable[tuple[int, int]]) -> NDArray[np.int8]:
    """1 for tokens lying wholly inside one of ``spans``."""
    labels = np.zeros(len(info), dtype=np.int8)
    for start, end in spans:
        labels[(info.starts >= start) & (info.ends <= end)] = 1
    return labels
