"""Scores of SemEval-2020 Task 11 (Da San Martino et al. 2019, 2020), written from the definition.

SI (span identification), with partial credit. In each article the gold spans T and the
predicted spans S are first merged separately (spans sharing at least one character become
one, as the official scorer does), then over the whole corpus::

    P = sum_s sum_t |s & t| / |s|  /  |S|        R = sum_t sum_s |s & t| / |t|  /  |T|

with |S| and |T| counted over all articles (a corpus-level average over spans, not an
average of per-article scores) and F1 their harmonic mean. Empty spans are dropped.

TC (technique classification). Every gold span (article, start, end) gets predicted
techniques. Spans are matched exactly; when one span carries several gold techniques, the
predictions for that span are paired with them in the best order (each gold label used once),
as the official TC scorer does. Micro P/R/F1 count the matched labels (with one prediction
per gold label they all equal accuracy); macro-F1 averages the per-technique F1 over the
techniques that occur in the gold or the predictions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..metrics import PRF, f1_of
from .data import TECHNIQUES, GoldSpan

Interval = tuple[int, int]


def merge_overlapping(spans: Iterable[Interval]) -> list[Interval]:
    """Spans sharing at least one character merged into one; empty spans dropped; sorted."""
    merged: list[Interval] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True, slots=True)
class SpanScore:
    """Partial-credit sums and span counts; P/R/F1 derived. Adding two combines corpora."""

    precision_sum: float = 0.0
    predicted: int = 0
    recall_sum: float = 0.0
    gold: int = 0

    def __add__(self, other: SpanScore) -> SpanScore:
        return SpanScore(
            self.precision_sum + other.precision_sum,
            self.predicted + other.predicted,
            self.recall_sum + other.recall_sum,
            self.gold + other.gold,
        )

    @property
    def precision(self) -> float:
        return self.precision_sum / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.recall_sum / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "predicted_spans": self.predicted,
            "gold_spans": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def score_article_spans(predicted: Iterable[Interval], gold: Iterable[Interval]) -> SpanScore:
    """The SI sums of one article (both sides merged first)."""
    pred, true = merge_overlapping(predicted), merge_overlapping(gold)
    precision_sum = recall_sum = 0.0
    for s_start, s_end in pred:
        for t_start, t_end in true:
            overlap = min(s_end, t_end) - max(s_start, t_start)
            if overlap > 0:
                precision_sum += overlap / (s_end - s_start)
                recall_sum += overlap / (t_end - t_start)
    return SpanScore(precision_sum, len(pred), recall_sum, len(true))


def score_si(
    predicted: Mapping[str, Sequence[Interval]], gold: Mapping[str, Sequence[Interval]]
) -> SpanScore:
    """SI over a corpus: article id -> spans. Articles missing on one side have no spans."""
    total = SpanScore()
    for article_id in sorted(set(predicted) | set(gold)):
        total += score_article_spans(predicted.get(article_id, ()), gold.get(article_id, ()))
    return total


def intervals_by_article(spans: Iterable[GoldSpan]) -> dict[str, list[Interval]]:
    """``GoldSpan``s as article id -> (start, end) list, for ``score_si``."""
    grouped: dict[str, list[Interval]] = {}
    for span in spans:
        grouped.setdefault(span.article_id, []).append((span.start, span.end))
    return grouped


# --- TC -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TechniqueScore:
    """TC result: per-technique counts; micro and macro scores derived from them."""

    per_technique: dict[str, PRF] = field(default_factory=dict)
    gold: int = 0
    predicted: int = 0

    @property
    def matched(self) -> int:
        return sum(c.tp for c in self.per_technique.values())

    @property
    def micro_precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def micro_recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def micro_f1(self) -> float:
        return f1_of(self.micro_precision, self.micro_recall)

    @property
    def macro_f1(self) -> float:
        present = [c for c in self.per_technique.values() if c.tp + c.fp + c.fn]
        return sum(c.f1 for c in present) / len(present) if present else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "micro_f1": round(self.micro_f1, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_technique": {
                name: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "f1": round(c.f1, 4)}
                for name, c in self.per_technique.items()
            },
        }


def score_tc(
    predicted: Iterable[GoldSpan],
    gold: Iterable[GoldSpan],
    techniques: Sequence[str] = TECHNIQUES,
) -> TechniqueScore:
    """TC scores of predicted labels against gold labels on the same spans.

    Labels of one exact span are matched as multisets; a predicted label left over after
    matching counts against its technique (false positive), a gold label left over against
    its own (false negative).
    """
    gold_by_span = _labels_by_span(gold)
    pred_by_span = _labels_by_span(predicted)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for key in set(gold_by_span) | set(pred_by_span):
        wanted, given = gold_by_span.get(key, Counter()), pred_by_span.get(key, Counter())
        tp.update(wanted & given)
        fn.update(wanted - given)
        fp.update(given - wanted)
    names = list(techniques) + sorted((set(tp) | set(fp) | set(fn)) - set(techniques))
    counts = {name: PRF(tp[name], fp[name], fn[name]) for name in names}
    n_gold = sum(sum(c.values()) for c in gold_by_span.values())
    n_pred = sum(sum(c.values()) for c in pred_by_span.values())
    return TechniqueScore(counts, n_gold, n_pred)


def _labels_by_span(spans: Iterable[GoldSpan]) -> dict[tuple[str, int, int], Counter[str]]:
    grouped: dict[tuple[str, int, int], Counter[str]] = {}
    for span in spans:
        label = span.technique if span.technique is not None else "?"
        grouped.setdefault((span.article_id, span.start, span.end), Counter())[label] += 1
    return grouped
