"""The pure geoparsing metrics, on constructed spans and errors."""

from __future__ import annotations

import math

import pytest

from newsint.evaluation.geo import (
    MAX_ERROR_KM,
    GoldToponym,
    accuracy_at,
    auc,
    error_summary,
    evaluate_spans,
    match_spans,
    point_error_km,
    recognition,
    select_subset,
)

PARIS = (48.8566, 2.3522)
LONDON = (51.5074, -0.1278)


# --- matching and recognition --------------------------------------------------------------


def test_exact_matching_needs_identical_spans() -> None:
    assert match_spans([(0, 5), (10, 15)], [(0, 5), (10, 14)], "exact") == [(0, 0)]


def test_overlap_matching_is_one_to_one() -> None:
    # two predictions overlap one gold toponym: one is matched, the other is a false positive
    pairs = match_spans([(10, 20)], [(8, 12), (12, 20)], "overlap")
    assert pairs == [(0, 1)]  # the larger overlap wins
    counts = recognition([(10, 20)], [(8, 12), (12, 20)], "overlap")
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_one_prediction_over_two_gold_counts_once() -> None:
    counts = recognition([(0, 5), (6, 12)], [(0, 12)], "overlap")
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)


def test_overlap_prefers_exact_pairs() -> None:
    # pred 0 overlaps gold 0 more, but gold 1 is its exact twin; gold 0 takes pred 1
    pairs = match_spans([(0, 10), (2, 8)], [(2, 8), (0, 4)], "overlap")
    assert pairs == [(0, 1), (1, 0)]


def test_touching_spans_do_not_overlap() -> None:
    assert match_spans([(0, 5)], [(5, 9)], "overlap") == []


def test_exact_and_overlap_scores_differ() -> None:
    gold, pred = [(0, 6), (10, 16)], [(0, 6), (10, 14), (30, 35)]
    exact = recognition(gold, pred, "exact")
    overlap = recognition(gold, pred, "overlap")
    assert (exact.tp, exact.fp, exact.fn) == (1, 2, 1)
    assert (overlap.tp, overlap.fp, overlap.fn) == (2, 1, 0)
    assert overlap.precision == pytest.approx(2 / 3) and overlap.recall == 1.0


def test_ignored_spans_are_neither_true_nor_false_positives() -> None:
    counts = recognition([(0, 5)], [(0, 5), (20, 27), (40, 44)], "overlap", ignore=[(20, 27)])
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_no_gold_and_no_predictions() -> None:
    assert recognition([], [], "overlap").f1 == 0.0
    assert recognition([], [(0, 3)], "exact").fp == 1


# --- literal filtering ---------------------------------------------------------------------


def _gold(start: int, end: int, kind: str) -> GoldToponym:
    return GoldToponym(text="x" * (end - start), start=start, end=end, type=kind)


def test_subsets_follow_the_taxonomy() -> None:
    gold = [
        _gold(0, 5, "Literal"),
        _gold(6, 10, "Literal_Modifier"),
        _gold(11, 15, "Metonymic"),
        _gold(16, 20, "Non_Literal_Modifier"),
        _gold(21, 25, "Homonym"),
        _gold(26, 30, "Literal_Expression"),
        _gold(31, 35, "Embedded_Literal"),
        _gold(36, 40, "Non_Toponym"),
        _gold(41, 45, "Mixed"),
        _gold(46, 50, "Coercion"),
        _gold(51, 55, "Demonym"),
    ]
    every, no_ignore = select_subset(gold, "all")
    assert every == [0, 1, 2, 3, 8, 9, 10] and no_ignore == []
    literal, ignore = select_subset(gold, "literal")
    assert literal == [0, 1, 8, 9]
    assert ignore == [(11, 15), (16, 20), (51, 55)]
    with pytest.raises(ValueError):
        select_subset(gold, "nonsense")


def test_literal_scores_ignore_predicted_metonyms() -> None:
    gold = [_gold(0, 5, "Literal"), _gold(10, 15, "Metonymic"), _gold(20, 25, "Homonym")]
    pred = [(0, 5, None, None), (10, 15, None, None), (20, 25, None, None)]
    chosen, ignore = select_subset(gold, "literal")
    literal = evaluate_spans([gold[i].located() for i in chosen], pred, ignore)
    assert (literal.overlap.tp, literal.overlap.fp, literal.overlap.fn) == (1, 1, 0)
    chosen, ignore = select_subset(gold, "all")
    every = evaluate_spans([gold[i].located() for i in chosen], pred, ignore)
    assert (every.overlap.tp, every.overlap.fp, every.overlap.fn) == (2, 1, 0)


# --- distances and error curves --------------------------------------------------------------


def test_point_error() -> None:
    assert point_error_km(PARIS, PARIS) == 0.0
    assert point_error_km(PARIS, LONDON) == pytest.approx(343.9, rel=2e-3)
    assert point_error_km(PARIS, (None, None)) == MAX_ERROR_KM
    assert point_error_km(PARIS, (48.0, None)) == MAX_ERROR_KM


def test_accuracy_at_161() -> None:
    assert accuracy_at([]) is None
    assert accuracy_at([0.0, 160.9, 161.0, 161.1]) == 0.75
    assert accuracy_at([10.0, 500.0, 20000.0, 3.0]) == 0.5
    assert accuracy_at([200.0], km=250.0) == 1.0


def test_auc_bounds() -> None:
    assert auc([]) is None
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM] * 4) == pytest.approx(1.0)
    assert auc([MAX_ERROR_KM]) == pytest.approx(1.0)
    assert auc([0.0]) == 0.0


def test_auc_is_the_trapezoid_of_sorted_scaled_errors() -> None:
    errors = [MAX_ERROR_KM, 0.0, 100.0]  # order does not matter
    scaled = sorted(math.log1p(e) / math.log(MAX_ERROR_KM) for e in errors)
    scaled[-1] = min(1.0, scaled[-1])
    expected = ((scaled[0] + scaled[1]) / 2 + (scaled[1] + scaled[2]) / 2) / 2
    assert auc(errors) == pytest.approx(expected)
    assert 0.0 < auc(errors) < 1.0  # type: ignore[operator]
    # better errors give a lower area
    assert auc([1.0, 10.0, 100.0]) < auc([10.0, 100.0, 1000.0])  # type: ignore[operator]


def test_error_summary() -> None:
    summary = error_summary([0.0, 100.0, 300.0, MAX_ERROR_KM])
    assert summary["n"] == 4
    assert summary["accuracy_161"] == 0.5
    assert summary["median_km"] == 200.0
    assert summary["mean_km"] == pytest.approx((400 + MAX_ERROR_KM) / 4, abs=0.1)
    assert error_summary([])["auc"] is None


# --- one article, end to end -----------------------------------------------------------------


def test_resolution_and_end_to_end_errors() -> None:
    gold = [
        (0, 5, *PARIS),  # recognised, resolved to Paris: 0 km
        (10, 16, *LONDON),  # recognised, resolved to Paris: ~344 km
        (20, 26, *PARIS),  # recognised, unresolved: max error
        (30, 36, *PARIS),  # missed: end-to-end only, max error
        (40, 46, None, None),  # no coordinates: recognition only
    ]
    pred = [
        (0, 5, *PARIS),
        (10, 15, *PARIS),
        (20, 26, None, None),
        (40, 46, *LONDON),
        (50, 55, *LONDON),
    ]
    result = evaluate_spans(gold, pred)
    assert (result.overlap.tp, result.overlap.fp, result.overlap.fn) == (4, 1, 1)
    assert (result.exact.tp, result.exact.fp, result.exact.fn) == (3, 2, 2)
    assert sorted(result.resolution) == pytest.approx([0.0, 343.9, MAX_ERROR_KM], rel=2e-3)
    assert len(result.end_to_end) == 4
    assert sorted(result.end_to_end)[-2:] == [MAX_ERROR_KM, MAX_ERROR_KM]
    assert accuracy_at(result.resolution) == pytest.approx(1 / 3)
    assert accuracy_at(result.end_to_end) == 0.25
    assert set(result.errors) == {0, 1, 2}
