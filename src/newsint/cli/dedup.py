"""``newsint dedup``: near-duplicate groups and the outlet republication graph.

Input: JSON Lines of analyses as written by ``newsint analyze --format jsonl`` (files or
``-``). Output: the groups as JSON (default) or CSV on stdout or ``--out``, and with
``--graph`` the outlet -> outlet republication graph as CSV or GEXF (by the suffix, or
``--graph-format``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ..errors import ConfigError, MalformedRecordError, MissingInputError
from ..model import Analysis
from .output import open_output, report_problem, stderr

if TYPE_CHECKING:
    from ..corpus.dedup import DuplicateGroup, RepublicationEdge


class GroupFormat(StrEnum):
    json = "json"
    csv = "csv"


class GraphFormat(StrEnum):
    auto = "auto"
    csv = "csv"
    gexf = "gexf"


InputsArg = Annotated[
    list[str],
    typer.Argument(help="JSON Lines of analyses (newsint analyze --format jsonl), or - for stdin."),
]
ThresholdOpt = Annotated[
    float,
    typer.Option(
        min=0.01, max=1.0, help="Jaccard similarity of word 5-gram sets to call texts copies."
    ),
]
PermsOpt = Annotated[int, typer.Option("--perms", min=16, max=1024, help="MinHash permutations.")]
ExactOpt = Annotated[
    bool, typer.Option(help="Confirm each pair with exact Jaccard (more memory: ~8 bytes a word).")
]
GroupFormatOpt = Annotated[
    GroupFormat, typer.Option("--format", "-f", help="Groups as json or csv.")
]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write the groups here, not stdout.")
]
GraphOpt = Annotated[
    Path | None,
    typer.Option(help="Also write the outlet republication graph here (.csv or .gexf)."),
]
GraphFormatOpt = Annotated[
    GraphFormat, typer.Option(help="Graph format; auto takes it from the --graph suffix.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")]


def dedup_command(
    inputs: InputsArg,
    threshold: ThresholdOpt = 0.8,
    perms: PermsOpt = 128,
    exact: ExactOpt = False,
    format: GroupFormatOpt = GroupFormat.json,
    out: OutOpt = None,
    graph: GraphOpt = None,
    graph_format: GraphFormatOpt = GraphFormat.auto,
    quiet: QuietOpt = False,
) -> None:
    """Find near-duplicate articles: who published each text first, and who republished it.

    Bad lines are reported one each on stderr and skipped; the exit code is 1 only when
    no analysis could be read.
    """
    from ..corpus.dedup import find_duplicates, republication_edges

    chosen_graph = _graph_format(graph, graph_format)
    counts = {"read": 0, "bad": 0}
    result = find_duplicates(
        read_analyses(inputs, counts), threshold=threshold, num_perm=perms, exact=exact
    )
    if counts["read"] == 0:
        stderr.print("[bold red]error:[/] no analyses could be read from the inputs")
        raise typer.Exit(1)
    with open_output(out) as stream:
        _write_groups(result.groups, format, stream, threshold)
    edges = republication_edges(result.groups)
    if graph is not None:
        with open_output(graph) as stream:
            _write_graph(edges, chosen_graph, stream)
    if not quiet:
        grouped = sum(len(g.members) for g in result.groups)
        stderr.print(
            f"{counts['read']} article(s): {len(result.groups)} group(s) of near-duplicates "
            f"({grouped} articles), {len(edges)} outlet republication edge(s)"
            + (f"; {counts['bad']} bad input line(s)" if counts["bad"] else "")
        )


def _graph_format(graph: Path | None, chosen: GraphFormat) -> GraphFormat:
    if graph is None or chosen is not GraphFormat.auto:
        return chosen
    suffix = graph.suffix.lower()
    if suffix == ".gexf":
        return GraphFormat.gexf
    if suffix == ".csv":
        return GraphFormat.csv
    raise ConfigError(f"{graph}: give --graph-format csv|gexf, or a .csv or .gexf file name")


def read_analyses(inputs: Iterable[str], counts: dict[str, int]) -> Iterator[Analysis]:
    """Analyses from JSON Lines files or stdin; a bad line is reported and skipped."""
    for name in inputs:
        try:
            stream = _open(name)
        except OSError as exc:
            counts["bad"] += 1
            report_problem(MissingInputError(name, exc.strerror or str(exc)))
            continue
        try:
            yield from _parse_lines(stream, "stdin" if name == "-" else name, counts)
        finally:
            if stream is not sys.stdin:
                stream.close()


def _open(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    return open(name, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the caller


def _parse_lines(stream: TextIO, source: str, counts: dict[str, int]) -> Iterator[Analysis]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
                raise ValueError("not an analysis (no 'article' object)")
            analysis = Analysis.from_dict(data)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            counts["bad"] += 1
            report_problem(MalformedRecordError(f"{source}:{number}", str(exc)[:200]))
            continue
        counts["read"] += 1
        yield analysis


def _write_groups(
    groups: Iterable[DuplicateGroup], chosen: GroupFormat, stream: TextIO, threshold: float
) -> None:
    from ..corpus.dedup import write_groups_csv

    if chosen is GroupFormat.csv:
        write_groups_csv(groups, stream)
        return
    document = {"threshold": threshold, "groups": [g.to_dict() for g in groups]}
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _write_graph(edges: list[RepublicationEdge], chosen: GraphFormat, stream: TextIO) -> None:
    from ..corpus.dedup import write_edges_csv, write_gexf

    if chosen is GraphFormat.gexf:
        write_gexf(edges, stream)
    else:
        write_edges_csv(edges, stream)
