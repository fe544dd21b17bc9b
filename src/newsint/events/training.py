"""Train the ACLED sub-event model on CASE 2021 task 2 (``newsint train events``).

Steps: run the newsint pipeline and the event rules over every snippet (the rules' reading
is a feature), cross-validate the classifier (``classify.cross_validate``: stratified
k folds, each fold's model made portable before it predicts, so the estimate is the
shipped form's), then fit on every row and write the portable model
(``subtype.SubtypeModel``). The cross-validated scores are kept in the model's ``info``:
they are the only honest numbers for it on CASE, since it has seen every CASE row.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .subtype import KEEP_FRACTION, SubtypeModel, clear_model_cache


def case_features(
    texts: Sequence[str], *, batch_size: int = 32
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """For each snippet: the rule features of all its events, and of its main ACLED event
    alone (what the ACLED export sees when it types one event)."""
    from ..evaluation.events import main_acled_event, process
    from .classify import rule_features
    from .extract import extract_drafts

    snippet, event = [], []
    for doc in process(texts, batch_size=batch_size):
        events = [d.event for d in extract_drafts(doc, ranges=[(0, len(doc.text))])]
        snippet.append(rule_features(events))
        main = main_acled_event(events)
        event.append(rule_features([main] if main is not None else []))
    return snippet, event


def cv_scores(
    gold: Sequence[str], predicted: Sequence[str], types: frozenset[str]
) -> dict[str, Any]:
    """Weighted and macro F1 over all labels and over the 25 ACLED types."""
    from ..evaluation.events import classification_scores

    keep = [i for i, label in enumerate(gold) if label in types]
    return {
        "all": classification_scores(gold, predicted),
        "types25": classification_scores([gold[i] for i in keep], [predicted[i] for i in keep])
        if keep
        else None,
    }


def train_and_save(
    data: Path, output: Path, *, folds: int = 5, batch_size: int = 32
) -> SubtypeModel:
    """Read the CASE TSV, cross-validate, fit on every row and write the model."""
    import sklearn

    from ..evaluation.events import read_case, read_case_types
    from .classify import cross_validate, train

    rows = read_case(data)
    texts, gold = [r.text for r in rows], [r.label for r in rows]
    features, _ = case_features(texts, batch_size=batch_size)
    predicted = cross_validate(texts, gold, features, folds=folds)
    info = {
        "trained_on": data.name,
        "rows": len(rows),
        "labels": len(set(gold)),
        "keep_fraction": KEEP_FRACTION,
        "cv_folds": folds,
        "cv": cv_scores(gold, predicted, read_case_types(data)),
        "scikit_learn": sklearn.__version__,
        "python": platform.python_version(),
    }
    model = SubtypeModel.from_case_model(train(texts, gold, features), info=info)
    model.save(output)
    clear_model_cache()
    return model


__all__ = ["case_features", "cv_scores", "train_and_save"]
