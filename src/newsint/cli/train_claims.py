"""``newsint train claims``: rebuild the check-worthiness model from CLEF 2019 data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..claims.checkworthiness import DEFAULT_MODEL_PATH
from ..claims.training import TrainingOptions
from ..evaluation.claims import DEFAULT_TRAIN
from .train import ModelOutputOpt, train_model_file

DataOpt = Annotated[
    Path,
    typer.Option(
        "--data",
        "-d",
        help="CLEF 2019 check-worthiness training CSV; relative paths are taken from the "
        "current folder.",
    ),
]
COpt = Annotated[
    float, typer.Option("--c", min=1e-6, help="Inverse regularisation of the regression.")
]
CharOpt = Annotated[
    bool, typer.Option("--char/--no-char", help="Add character 2-5-gram features to the words.")
]
FoldsOpt = Annotated[
    int, typer.Option("--folds", min=2, help="Cross-validation folds, grouped by debate.")
]


def train_claims_command(
    data: DataOpt = DEFAULT_TRAIN,
    output: ModelOutputOpt = DEFAULT_MODEL_PATH,
    c: COpt = TrainingOptions.c,
    char: CharOpt = TrainingOptions.char_ngrams,
    folds: FoldsOpt = TrainingOptions.folds,
) -> None:
    """Train the check-worthiness model (needs scikit-learn) and write it as JSON.

    Cross-validates by debate to estimate MAP and to choose the decision threshold, then
    fits on all sentences. Prints the cross-validated MAP and the model's size.
    """
    from ..claims.training import train_and_save

    options = TrainingOptions(c=c, char_ngrams=char, folds=folds)
    model = train_model_file(data, output, lambda: train_and_save(data, output, options))
    info = model.info
    typer.echo(
        f"trained on {info['trained_on']:,} sentences ({info['positives']:,} check-worthy, "
        f"{info['debates']} debates)"
    )
    if "cv_map" in info:
        typer.echo(
            f"cross-validated by debate ({info['cv_folds']} folds): MAP {info['cv_map']:.4f}, "
            f"F1 {info['cv_f1']:.4f} at threshold {model.threshold:.4f}"
        )
