"""``newsint analyze``: analyse files, folders, globs or stdin."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ..config import DEFAULT_MAX_BYTES, Config
from ..errors import ConfigError, InputError, NewsintError
from ..model import Analysis, Article
from ..pipeline import AnalysisFailedError
from .output import ArticleProgress, open_output, report_problem, stderr

if TYPE_CHECKING:
    from ..corpus.store_corroboration import Corroboration

#: what a corpus says of one analysis: event index -> other outlets' matching events
Lookup = Callable[[Analysis], "dict[int, tuple[Corroboration, ...]]"]


class Format(StrEnum):
    auto = "auto"
    json = "json"
    jsonl = "jsonl"
    md = "md"
    html = "html"
    geojson = "geojson"
    csv = "csv"


PathsArg = Annotated[
    list[str], typer.Argument(help="Files, folders, glob patterns, or - for standard input.")
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="json (one article), jsonl (default for several), md, html, geojson, "
        "csv (events in ACLED's columns).",
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none."),
]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="Write here instead of stdout (a folder for several HTML briefs)."
    ),
]
MaxBytesOpt = Annotated[
    int,
    typer.Option(
        help="Refuse inputs larger than this many bytes (env NEWSINT_MAX_BYTES).",
        envvar="NEWSINT_MAX_BYTES",
    ),
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes.", min=1)]
BatchOpt = Annotated[int, typer.Option(help="Articles per nlp.pipe batch.", min=1)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="A corpus database (built with newsint ingest): md and html briefs get a "
        "Corroboration section naming the other outlets in it that report a matching event "
        "(same type, within 50 km and 2 days); csv lists them in the source column and "
        "geojson in corroborated_by. json and jsonl are unchanged.",
    ),
]
RatingsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--ratings",
        help="CSV of outlet ratings (domain,name,factuality,bias,notes,source) that extends "
        "or overrides the built-in table; repeatable.",
    ),
]
DemonymsOpt = Annotated[
    bool,
    typer.Option(
        "--demonyms",
        help="Also list demonyms ('Syrian', 'Turkish') as places of the country they name; "
        "by default they only help resolve the other places.",
    ),
]


def analyze_command(
    paths: PathsArg,
    format: FormatOpt = Format.auto,
    published: PublishedOpt = None,
    out: OutOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = 1,
    batch_size: BatchOpt = 32,
    quiet: QuietOpt = False,
    ratings: RatingsOpt = None,
    db: CorpusOpt = None,
    demonyms: DemonymsOpt = False,
) -> None:
    """Analyse articles: dates, counts, places, routes, reliability..., as JSON or briefs.

    One input prints one JSON document; several stream as JSON Lines with a progress bar
    on stderr. Bad inputs are reported one line each and the others still run; the exit
    code is 1 only when nothing could be analysed.
    """
    from ..api import parse_published, run_articles
    from ..ingest import read_sources

    config = Config(
        max_bytes=max_bytes,
        n_process=jobs,
        batch_size=batch_size,
        ratings_files=tuple(str(p) for p in ratings or ()),
        demonym_places=demonyms,
    )
    date = parse_published(published)
    several = len(paths) > 1 or any(_expands(p) for p in paths)
    chosen = format if format is not Format.auto else (Format.jsonl if several else Format.json)
    if chosen is Format.html and several and out is None:
        raise ConfigError("several HTML briefs need --out FOLDER")
    counts = {"ok": 0, "bad": 0}
    with _corpus(db, chosen, quiet) as lookup:  # before any work: a wrong path fails at once
        sources = read_sources(paths, config=config, published=date, stdin=_stdin())
        articles = _accept_articles(sources, counts)
        with ArticleProgress("analysing", enabled=several and not quiet) as advance:
            results = run_articles(articles, config)
            _write(results, chosen, out, several, counts, advance, lookup)
    _finish(counts, quiet)


@contextlib.contextmanager
def _corpus(db: Path | None, chosen: Format, quiet: bool) -> Iterator[Lookup | None]:
    """The corroboration lookup in the corpus ``db`` (None without one, or for JSON).

    The analysed article is new to the corpus, so a missing outlet counts as one of its own:
    any stored outlet reporting the event corroborates it (copies of it still do not).
    """
    if db is None:
        yield None
        return
    from ..corpus.store_corroboration import corroborate_in_store
    from ..store import open_store

    with open_store(db, create=False) as store:
        if chosen in (Format.json, Format.jsonl):
            if not quiet:
                stderr.print(
                    "note: --db adds nothing to json or jsonl output (the output contract); "
                    "corroboration is shown by md, html, csv and geojson",
                    markup=False,
                    highlight=False,
                )
            yield None
            return
        yield functools.partial(corroborate_in_store, store, count_unknown_outlet=True)


def _expands(path: str) -> bool:
    """Whether one input names several articles (a glob or a folder)."""
    return any(c in path for c in "*?[") or Path(path).is_dir()


def _stdin():  # type: ignore[no-untyped-def]
    import sys

    return sys.stdin.buffer


def _accept_articles(
    sources: Iterable[Article | InputError], counts: dict[str, int]
) -> Iterator[Article]:
    for item in sources:
        if isinstance(item, InputError):
            counts["bad"] += 1
            report_problem(item)
        else:
            yield item


def _write(
    results: Iterable[Analysis | AnalysisFailedError],
    chosen: Format,
    out: Path | None,
    several: bool,
    counts: dict[str, int],
    progress: ArticleProgress,
    lookup: Lookup | None = None,
) -> None:
    if chosen is Format.html and several:
        assert out is not None
        _write_html_folder(results, out, counts, progress, lookup)
        return
    if chosen is Format.geojson:
        _write_geojson(results, out, counts, progress, lookup)
        return
    if chosen is Format.csv:
        _write_acled_csv(results, out, counts, progress, lookup)
        return
    with open_output(out) as stream:
        first = True
        for analysis in _accepted(results, counts, progress):
            found = lookup(analysis) if lookup is not None else None
            _write_one(stream, analysis, chosen, first=first, several=several, found=found)
            first = False
        if chosen is Format.json and several and not first:
            stream.write("\n]\n")


def _write_one(
    stream: TextIO,
    result: Analysis,
    chosen: Format,
    *,
    first: bool,
    several: bool,
    found: dict[int, tuple[Corroboration, ...]] | None = None,
) -> None:
    from ..export.jsonio import to_json, to_jsonl_line

    if chosen is Format.jsonl:
        stream.write(to_jsonl_line(result) + "\n")
    elif chosen is Format.json:
        if several:
            stream.write(("[\n" if first else ",\n") + to_json(result))
        else:
            stream.write(to_json(result) + "\n")
    elif chosen is Format.md:
        from ..export.markdown import render_markdown

        stream.write(("" if first else "\n\n---\n\n") + render_markdown(result, found))
    else:
        from ..export.html import render_html

        if not first:
            raise ConfigError("the input holds several articles: give --out FOLDER for HTML briefs")
        stream.write(render_html(result, corroboration=found))
    stream.flush()


def _write_geojson(
    results: Iterable[Analysis | AnalysisFailedError],
    out: Path | None,
    counts: dict[str, int],
    progress: ArticleProgress,
    lookup: Lookup | None = None,
) -> None:
    """One FeatureCollection with the places, routes and events of every article."""
    from ..export.geojson import GeoJSONWriter

    with open_output(out) as stream:
        writer = GeoJSONWriter(stream)
        for analysis in _accepted(results, counts, progress):
            writer.add(analysis, lookup(analysis) if lookup is not None else None)
        writer.close()


def _accepted(
    results: Iterable[Analysis | AnalysisFailedError],
    counts: dict[str, int],
    progress: ArticleProgress,
) -> Iterator[Analysis]:
    """The analyses, counting and reporting the failures on the way."""
    for result in results:
        progress.advance()
        if isinstance(result, AnalysisFailedError):
            counts["bad"] += 1
            report_problem(result)
            continue
        counts["ok"] += 1
        yield result


def _write_acled_csv(
    results: Iterable[Analysis | AnalysisFailedError],
    out: Path | None,
    counts: dict[str, int],
    progress: ArticleProgress,
    lookup: Lookup | None = None,
) -> None:
    """Events of every article as rows in ACLED's column layout; with ``lookup`` (--db),
    ``source`` also names the outlets of the corpus that corroborate each event."""
    from ..export.acled_csv import write_acled_csv

    with open_output(out) as stream:
        write_acled_csv(_accepted(results, counts, progress), stream, corroboration=lookup)


def _write_html_folder(
    results: Iterable[Analysis | AnalysisFailedError],
    folder: Path,
    counts: dict[str, int],
    progress: ArticleProgress,
    lookup: Lookup | None = None,
) -> None:
    from ..export.html import render_html

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsintError(f"{folder}: cannot create folder: {exc.strerror or exc}") from exc
    for analysis in _accepted(results, counts, progress):
        found = lookup(analysis) if lookup is not None else None
        page = render_html(analysis, corroboration=found)
        (folder / f"{analysis.article.id}.html").write_text(page, encoding="utf-8")


def _finish(counts: dict[str, int], quiet: bool) -> None:
    ok, bad = counts["ok"], counts["bad"]
    if ok == 0:
        reason = "no input could be analysed" if bad else "no articles found in the inputs"
        stderr.print(f"[bold red]error:[/] {reason}")
        raise typer.Exit(1)
    if bad:
        stderr.print(f"[yellow]warning:[/] analysed {ok} article(s); {bad} input(s) had problems")
    elif not quiet and ok > 1:
        stderr.print(f"analysed {ok} articles")
