"""``newsint train events``: rebuild the ACLED sub-event model from CASE 2021 task 2."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..evaluation.events import DEFAULT_CASE
from ..events.subtype import DEFAULT_MODEL_PATH
from .train import ModelOutputOpt, train_model_file

DataOpt = Annotated[
    Path,
    typer.Option(
        "--data",
        "-d",
        help="CASE 2021 task 2 snippets (TSV); relative paths are taken from the current "
        "folder. Its case2021-task2-event-types.txt beside it defines the 25-type scores.",
    ),
]
FoldsOpt = Annotated[
    int, typer.Option("--folds", min=2, max=20, help="Stratified cross-validation folds.")
]


def train_events_command(
    data: DataOpt = DEFAULT_CASE,
    output: ModelOutputOpt = DEFAULT_MODEL_PATH,
    folds: FoldsOpt = 5,
) -> None:
    """Train the ACLED sub-event classifier (the ACLED export's sub_event_type) on CASE 2021.

    Runs the pipeline and the event rules over every snippet, cross-validates (the only
    honest score: the written model has seen every row), fits on all rows and writes a
    portable .npz. Prints the cross-validated weighted and macro F1 and the model's size.
    """
    from ..events.training import train_and_save

    model = train_model_file(data, output, lambda: train_and_save(data, output, folds=folds))
    info = model.info
    typer.echo(
        f"trained on {info['rows']:,} snippets, {info['labels']} labels; "
        f"{len(model.words.vocabulary):,} word and {len(model.chars.vocabulary):,} "
        f"character n-grams kept"
    )
    for setting, label in (("types25", "25 ACLED types"), ("all", "all labels")):
        scores = info["cv"].get(setting)
        if scores:
            typer.echo(
                f"cross-validated ({info['cv_folds']} folds), {label} ({scores['rows']} rows): "
                f"weighted F1 {scores['weighted_f1']:.4f}, macro F1 {scores['macro_f1']:.4f}, "
                f"accuracy {scores['accuracy']:.4f}"
            )


__all__ = ["train_events_command"]
