"""The ``newsint`` command: analyse articles, build and search a corpus, serve the workbench."""

from __future__ import annotations

import sys

import click
import typer

from ..errors import NewsintError
from .analyze import analyze_command
from .dedup import dedup_command
from .demo import demo_command
from .eval import eval_app
from .eval_claims import eval_claims_command
from .eval_events import eval_events_command
from .eval_techniques import eval_techniques_command
from .export import export_command
from .ingest import ingest_command
from .output import report_problem
from .schema import schema_command
from .search import search_command
from .serve import serve_command
from .train import train_app
from .train_claims import train_claims_command
from .train_events import train_events_command

app = typer.Typer(
    name="newsint",
    help="What news articles claim, and how far to trust them — with evidence for every item.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("analyze", no_args_is_help=True)(analyze_command)
app.command("demo")(demo_command)
app.command("ingest", no_args_is_help=True)(ingest_command)
app.command("search")(search_command)
app.command("export")(export_command)
app.command("dedup", no_args_is_help=True)(dedup_command)
app.command("serve")(serve_command)
app.command("schema")(schema_command)

eval_app.command("claims")(eval_claims_command)
eval_app.command("events")(eval_events_command)
eval_app.command("techniques")(eval_techniques_command)
app.add_typer(eval_app, name="eval", help="Measure accuracy on the annotated data sets.")

train_app.command("claims")(train_claims_command)
train_app.command("events")(train_events_command)
app.add_typer(train_app, name="train")


@app.command("version")
def version_command() -> None:
    """Print the newsint version."""
    from .. import __version__

    print(__version__)


def main() -> None:
    """Entry point: user errors become one line on stderr and exit code 1."""
    try:
        code = app(standalone_mode=False)
    except NewsintError as exc:
        report_problem(exc)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
