"""``newsint train``: rebuild the small models newsint ships from the shared data.

``train_app`` holds one command per model; this module has ``techniques``. Other models
add their commands from their own modules (``cli/train_claims.py``...).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from ..errors import NewsintError
from .output import report_problem, stderr

train_app = typer.Typer(
    name="train",
    help="Rebuild the models newsint ships, from the data in ../shared/data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@train_app.callback()
def train_callback() -> None:
    """Rebuild the models newsint ships, from the data in ../shared/data."""


#: ``--output`` of the commands that write one model file
ModelOutputOpt = Annotated[
    Path,
    typer.Option("--output", "-o", help="Where to write the model (default: the shipped one)."),
]
Model = TypeVar("Model")


def train_model_file(data: Path, output: Path, train: Callable[[], Model]) -> Model:
    """Run ``train`` (which reads ``data`` and writes ``output``); a ``NewsintError``
    becomes one line on stderr and exit code 1; prints where the model went and its size."""
    try:
        stderr.print(f"training on {data} ...")
        model = train()
    except NewsintError as exc:
        report_problem(exc)
        raise typer.Exit(1) from None
    typer.echo(f"model: {output} ({output.stat().st_size / 1024:,.0f} KB)")
    return model


def _default_out() -> Path:
    from ..techniques.model import DEFAULT_MODEL_DIR

    return DEFAULT_MODEL_DIR


@train_app.command("techniques")
def train_techniques_command(
    data: Annotated[
        Path,
        typer.Option(
            "--data", help="The PTC folder (train-articles/, train-task-*.labels); dev is not read."
        ),
    ] = Path("../shared/data/ptc"),
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Artifact folder to write (default: the shipped model's)."),
    ] = None,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed (fixed for reproducibility).")
    ] = 13,
    folds: Annotated[
        int, typer.Option("--folds", min=2, max=10, help="Cross-validation folds (by article).")
    ] = 5,
) -> None:
    """Propaganda techniques (SemEval-2020 Task 11 SI + TC) from PTC train; prints CV scores
    and the training time. Takes minutes on two cores."""
    from ..techniques.trainer import train_technique_model

    try:
        if not data.is_dir():
            raise NewsintError(f"{data}: PTC folder not found (it ships in ../shared/data/ptc/)")
        result = train_technique_model(
            data, out or _default_out(), seed=seed, folds=folds, log=stderr.print
        )
    except NewsintError as exc:
        report_problem(exc)
        raise typer.Exit(1) from None
    report = result.report
    si, tc = report["cv_si"], report["cv_tc"]
    print(f"model written to {result.out}")
    print(f"SI {folds}-fold CV: P {si['precision']:.4f} R {si['recall']:.4f} F1 {si['f1']:.4f}")
    print(f"TC {folds}-fold CV: micro-F1 {tc['micro_f1']:.4f} macro-F1 {tc['macro_f1']:.4f}")
    print(f"training time: {result.seconds:.0f} s")
