"""The SemEval-2020 Task 11 scores on hand-made spans."""

from __future__ import annotations

import pytest

from newsint.techniques.data import GoldSpan
from newsint.techniques.scorer import (
    merge_overlapping,
    score_article_spans,
    score_si,
    score_tc,
)


def test_merging_joins_overlaps_only() -> None:
    assert merge_overlapping([(10, 20), (15, 30), (30, 40), (50, 50), (0, 5)]) == [
        (0, 5),
        (10, 30),
        (30, 40),  # touching is not overlapping
    ]
    assert merge_overlapping([(0, 100), (10, 20), (30, 40)]) == [(0, 100)]
    assert merge_overlapping([]) == []


def test_exact_match_scores_one() -> None:
    score = score_article_spans([(0, 10), (20, 30)], [(0, 10), (20, 30)])
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_partial_credit() -> None:
    # predicted 0..10 covers half of gold 5..15; gold covers half of the prediction
    score = score_article_spans([(0, 10)], [(5, 15)])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    # one long prediction over two gold spans: recall 1 for each, precision 8/20
    score = score_article_spans([(0, 20)], [(0, 4), (10, 14)])
    assert score.precision == pytest.approx(8 / 20)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(2 * 0.4 / 1.4)


def test_overlapping_predictions_are_merged_before_scoring() -> None:
    split = score_article_spans([(0, 6), (4, 10)], [(0, 10)])
    assert split.predicted == 1
    assert split.precision == pytest.approx(1.0) and split.recall == pytest.approx(1.0)


def test_empty_sets() -> None:
    nothing = score_article_spans([], [])
    assert (nothing.precision, nothing.recall, nothing.f1) == (0.0, 0.0, 0.0)
    missed = score_article_spans([], [(0, 5)])
    assert missed.gold == 1 and missed.recall == 0.0
    spurious = score_article_spans([(0, 5)], [])
    assert spurious.predicted == 1 and spurious.precision == 0.0


def test_corpus_score_pools_spans_over_articles() -> None:
    predicted = {"a": [(0, 10)], "b": [(0, 4), (50, 60)]}
    gold = {"a": [(0, 10)], "b": [(0, 8)], "c": [(0, 3)]}
    score = score_si(predicted, gold)
    assert score.predicted == 3 and score.gold == 3
    assert score.precision == pytest.approx((1 + 1 + 0) / 3)
    assert score.recall == pytest.approx((1 + 0.5 + 0) / 3)


def _spans(*rows: tuple[str, int, int, str]) -> list[GoldSpan]:
    return [GoldSpan(a, s, e, t) for a, s, e, t in rows]


def test_tc_micro_equals_accuracy_and_macro_averages_techniques() -> None:
    gold = _spans(("1", 0, 5, "Doubt"), ("1", 6, 9, "Slogans"), ("2", 0, 4, "Doubt"))
    pred = _spans(("1", 0, 5, "Doubt"), ("1", 6, 9, "Doubt"), ("2", 0, 4, "Doubt"))
    score = score_tc(pred, gold)
    assert score.micro_f1 == pytest.approx(2 / 3)
    doubt = score.per_technique["Doubt"]
    assert (doubt.tp, doubt.fp, doubt.fn) == (2, 1, 0)
    # Doubt F1 = 0.8, Slogans F1 = 0; techniques absent from both sides are left out
    assert score.macro_f1 == pytest.approx(0.4)


def test_tc_duplicate_spans_match_in_any_order_each_gold_label_once() -> None:
    gold = _spans(("1", 0, 5, "Repetition"), ("1", 0, 5, "Loaded_Language"))
    swapped = _spans(("1", 0, 5, "Loaded_Language"), ("1", 0, 5, "Repetition"))
    assert score_tc(swapped, gold).micro_f1 == 1.0
    twice = _spans(("1", 0, 5, "Loaded_Language"), ("1", 0, 5, "Loaded_Language"))
    score = score_tc(twice, gold)
    assert score.micro_f1 == pytest.approx(0.5)
    assert score.per_technique["Loaded_Language"].fp == 1
    assert score.per_technique["Repetition"].fn == 1


def test_tc_prediction_on_a_span_without_gold_is_a_false_positive() -> None:
    gold = _spans(("1", 0, 5, "Doubt"))
    pred = _spans(("1", 0, 5, "Doubt"), ("1", 7, 9, "Slogans"))
    score = score_tc(pred, gold)
    assert score.micro_precision == pytest.approx(0.5) and score.micro_recall == 1.0
