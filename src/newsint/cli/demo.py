"""``newsint demo``: analyse the bundled synthetic sample (or a given article) and write an
HTML brief."""

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
    article: Annotated[
        Path | None,
        typer.Argument(help="A text or HTML article to use instead of the bundled sample."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the HTML brief.")] = Path(
        "newsint-demo.html"
    ),
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) of ARTICLE, when it carries none."),
    ] = None,
) -> None:
    """Analyse the bundled synthetic sample article (or ARTICLE); print its brief in the
    terminal and write it as one self-contained HTML page."""
    from ..api import analyze, analyze_many, parse_published
    from ..export.html import render_html
    from ..export.markdown import render_markdown
    from ..ingest import read_sources
    from ..model import Article

    if article is None:
        analysis = analyze(sample_text(), published=SAMPLE_PUBLISHED, url=None)
    else:
        sources = list(read_sources([str(article)], published=parse_published(published)))
        if len(sources) != 1:
            raise NewsintError(f"{article}: give one article (it holds {len(sources)})")
        source = sources[0]
        if not isinstance(source, Article):
            raise source
        analysis = next(iter(analyze_many([source])))
    Console(highlight=False).print(Markdown(render_markdown(analysis)))
    try:
        out.write_text(render_html(analysis), encoding="utf-8")
    except OSError as exc:
        raise NewsintError(f"{out}: cannot write the brief: {exc.strerror or exc}") from exc
    stderr.print(f"HTML brief written to {out.resolve()}")
