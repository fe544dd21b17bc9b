"""Precision, recall and F1 from counts: shared by the scorers of ``newsint eval`` and by
the propaganda-technique scorer (which the pipeline package imports, so this module stays
free of the CLI's dependencies)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with P/R/F1 derived from them.

    Precision is 0 when nothing was predicted, recall 0 when there is no gold item, F1 0
    when both are 0 (the convention of the CoNLL scorer).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall``; 0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


__all__ = ["PRF", "f1_of"]
