"""``newsint demo``: analyse the bundled synthetic sample and write an HTML brief."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown

from ..errors import NewsintError
from .output import stderr

SAMPLE_FILE = "sample-article.txt"
SAMPLE_PUBLISHED = "2019-03-20"


def sample_text() -> str:
    """The bundled sample: a synthetic article in the genre newsint is built for."""
    return resources.files("newsint.data").joinpath(SAMPLE_FILE).read_text(encoding="utf-8")


def demo_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the HTML brief.")] = Path(
        "newsint-demo.html"
    ),
) -> None:
    """Analyse the bundled synthetic sample article; print its brief and write it as HTML."""
    from ..api import analyze
    from ..export.html import render_html
    from ..export.markdown import render_markdown

    analysis = analyze(sample_text(), published=SAMPLE_PUBLISHED, url=None)
    Console(highlight=False).print(Markdown(render_markdown(analysis)))
    try:
        out.write_text(render_html(analysis), encoding="utf-8")
    except OSError as exc:
        raise NewsintError(f"{out}: cannot write the brief: {exc.strerror or exc}") from exc
    stderr.print(f"HTML brief written to {out.resolve()}")
