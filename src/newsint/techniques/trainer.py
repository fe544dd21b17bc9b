"""``newsint train techniques``: rebuild the shipped technique model from PTC train.

Steps: parse the training articles with the project pipeline; cross-validate SI by
article (this also picks the decoding settings); fit SI on all articles; fit TC with
out-of-fold stacking; write the artifact with a report of what was measured. Seeds are
fixed and LightGBM runs in deterministic mode, so a rerun gives the same model.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import read_split
from .model import TechniqueModel
from .parsing import parse_texts
from .training import cross_validate_identifier, fit_identifier, training_docs
from .training_tc import span_table, train_classifier

DEFAULT_SEED = 13
DEFAULT_FOLDS = 5


@dataclass(frozen=True, slots=True)
class TrainingReport:
    out: Path
    seconds: float
    report: dict[str, Any]


def train_technique_model(
    data: Path,
    out: Path,
    *,
    seed: int = DEFAULT_SEED,
    folds: int = DEFAULT_FOLDS,
    log: Callable[[str], None] = print,
) -> TrainingReport:
    """Train on ``data``/train-* (dev is not read) and write the artifact to ``out``."""
    started = time.perf_counter()
    split = read_split(data, "train")
    log(f"parsing {len(split.articles)} training articles")
    docs = list(parse_texts([a.text for a in split.articles]))
    parse_s = time.perf_counter() - started
    si_docs = training_docs(split.articles, docs, split.si, split.tc)
    cv = cross_validate_identifier(si_docs, k=folds, seed=seed, log=log)
    log(f"SI cross-validated F1 {cv.score.f1:.4f} with {cv.decode}")
    identifier = fit_identifier(si_docs, cv.decode, seed=seed)
    log("SI model fitted; training TC")
    tc = train_classifier(
        span_table(split.articles, docs, split.tc), n_articles=len(docs), k=folds, seed=seed
    )
    log(f"TC cross-validated micro-F1 {tc.cv.micro_f1:.4f}, macro-F1 {tc.cv.macro_f1:.4f}")
    seconds = time.perf_counter() - started
    report = {
        "data": "PTC train (SemEval-2020 Task 11)",
        "articles": len(split.articles),
        "si_spans": len(split.si),
        "tc_spans": len(split.tc),
        "seed": seed,
        "folds": folds,
        "cv_si": cv.score.as_dict() | {"fold_f1": [round(f, 4) for f in cv.fold_f1]},
        "cv_tc": {"micro_f1": round(tc.cv.micro_f1, 4), "macro_f1": round(tc.cv.macro_f1, 4)},
        "training_seconds": round(seconds, 1),
        "parse_seconds": round(parse_s, 1),
        "python": platform.python_version(),
    }
    TechniqueModel(identifier, tc.classifier, report).save(out)
    return TrainingReport(out, seconds, report)
