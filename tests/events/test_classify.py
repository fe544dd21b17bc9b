"""The CASE classifier is scored only on rows it did not train on."""

from __future__ import annotations

import random

from newsint.events.classify import cross_validate, rule_features, train
from newsint.model import Event


def test_rule_features_weight_factual_events_above_planned_ones() -> None:
    feats = rule_features(
        [
            Event("COERCE", "x", 0, 1, mode="arrest"),
            Event("ASSAULT", "y", 2, 3, mode="aerial", hypothetical=True),
        ]
    )
    assert feats["case=ARREST"] > feats["case=AIR_STRIKE"] > 0
    assert rule_features([]) == {"none": rule_features([])["none"]}


def test_cross_validation_does_not_see_the_rows_it_predicts() -> None:
    """Labels that depend only on a token unique to each row can be learned by heart but
    not predicted: a model that had seen the test rows would score near 100 %."""
    rng = random.Random(0)
    texts = [f"report number tok{i} from the region" for i in range(120)]
    labels = [rng.choice(["A", "B"]) for _ in texts]
    rules = [{"none": 0.6} for _ in texts]
    predicted = cross_validate(texts, labels, rules, folds=5)
    accuracy = sum(p == g for p, g in zip(predicted, labels, strict=True)) / len(labels)
    assert accuracy < 0.75
    memorised = train(texts, labels, rules).predict(texts, rules)
    assert sum(p == g for p, g in zip(memorised, labels, strict=True)) / len(labels) > 0.95


def test_cross_validation_learns_a_real_signal() -> None:
    texts = [f"police arrested {i} men" for i in range(30)] + [
        f"warplanes bombed village {i}" for i in range(30)
    ]
    labels = ["ARREST"] * 30 + ["AIR_STRIKE"] * 30
    predicted = cross_validate(texts, labels, [{} for _ in texts], folds=5)
    assert predicted == labels
