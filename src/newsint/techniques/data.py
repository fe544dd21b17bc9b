"""Reading the Propaganda Techniques Corpus (PTC, SemEval-2020 Task 11).

An article is ``article<ID>.txt`` (title, blank line, one sentence a line); a labels file
has one span a line, ``id<TAB>technique<TAB>start<TAB>end`` for the TC/FLC files and
``id<TAB>start<TAB>end`` for the SI files (offsets into the raw text, end exclusive).
Texts are read with ``newline=""`` so that offsets hold even for CRLF files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import NewsintError

#: the 14 techniques of SemEval-2020 Task 11, spelled as in the PTC label files
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

_ARTICLE_NAME = re.compile(r"^article(\w+)\.txt$")


class PtcDataError(NewsintError):
    """A PTC folder or labels file is missing or malformed; the message names the file."""


@dataclass(frozen=True, slots=True, order=True)
class GoldSpan:
    """One labelled span. ``technique`` is None for SI labels."""

    article_id: str
    start: int
    end: int
    technique: str | None = None


@dataclass(frozen=True, slots=True)
class PtcArticle:
    id: str
    text: str


def read_labels(path: Path) -> list[GoldSpan]:
    """Spans of an SI (3 columns) or TC/FLC (4 columns) labels file, in file order."""
    if not path.is_file():
        raise PtcDataError(f"{path}: labels file not found")
    spans: list[GoldSpan] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                spans.append(_parse_label_line(line, path, number))
    return spans


def _parse_label_line(line: str, path: Path, number: int) -> GoldSpan:
    cells = line.rstrip("\r\n").split("\t")
    if len(cells) == 4:
        article_id, technique, start, end = cells
    elif len(cells) == 3:
        (article_id, start, end), technique = cells, None
    else:
        raise PtcDataError(f"{path}:{number}: expected 3 or 4 tab-separated columns")
    try:
        begin, finish = int(start), int(end)
    except ValueError:
        raise PtcDataError(f"{path}:{number}: offsets must be integers") from None
    if begin < 0 or finish < begin:
        raise PtcDataError(f"{path}:{number}: bad span {begin}..{finish}")
    return GoldSpan(article_id.strip(), begin, finish, technique.strip() if technique else None)


def has_techniques(spans: Sequence[GoldSpan]) -> bool:
    """True for a TC/FLC labels file (every span names its technique)."""
    return bool(spans) and all(s.technique is not None for s in spans)


def read_articles(folder: Path, ids: Iterable[str] | None = None) -> list[PtcArticle]:
    """``article<ID>.txt`` files of ``folder`` sorted by id (only ``ids`` when given)."""
    if not folder.is_dir():
        raise PtcDataError(f"{folder}: articles folder not found")
    wanted = set(ids) if ids is not None else None
    articles = []
    for path in sorted(folder.iterdir()):
        match = _ARTICLE_NAME.match(path.name)
        if match is None or (wanted is not None and match.group(1) not in wanted):
            continue
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            articles.append(PtcArticle(match.group(1), handle.read()))
    if not articles:
        raise PtcDataError(f"{folder}: no article<ID>.txt files")
    return articles


def spans_by_article(spans: Iterable[GoldSpan]) -> dict[str, list[GoldSpan]]:
    """Spans grouped by article id, each group sorted by offsets."""
    grouped: dict[str, list[GoldSpan]] = {}
    for span in spans:
        grouped.setdefault(span.article_id, []).append(span)
    return {key: sorted(value) for key, value in grouped.items()}


@dataclass(frozen=True, slots=True)
class PtcSplit:
    """Articles of one split with their SI spans and (when known) TC spans."""

    articles: list[PtcArticle]
    si: list[GoldSpan]
    tc: list[GoldSpan]


def read_split(root: Path, split: str) -> PtcSplit:
    """``<split>-articles/`` with ``<split>-task-si.labels`` and ``<split>-task-flc-tc.labels``."""
    articles = read_articles(root / f"{split}-articles")
    tc = read_labels(root / f"{split}-task-flc-tc.labels")
    si_path = root / f"{split}-task-si.labels"
    si = read_labels(si_path) if si_path.is_file() else si_from_tc(tc)
    return PtcSplit(articles, si, tc)


def si_from_tc(spans: Iterable[GoldSpan]) -> list[GoldSpan]:
    """SI gold derived from TC spans: the distinct (article, start, end) without techniques."""
    return sorted({GoldSpan(s.article_id, s.start, s.end) for s in spans})


def write_si(path: Path, spans: Iterable[GoldSpan]) -> None:
    """An SI predictions file: ``id<TAB>start<TAB>end``."""
    lines = [f"{s.article_id}\t{s.start}\t{s.end}\n" for s in spans]
    _write(path, lines)


def write_tc(path: Path, spans: Iterable[GoldSpan]) -> None:
    """A TC predictions file: ``id<TAB>technique<TAB>start<TAB>end``."""
    lines = [f"{s.article_id}\t{s.technique}\t{s.start}\t{s.end}\n" for s in spans]
    _write(path, lines)


def _write(path: Path, lines: list[str]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(lines), encoding="utf-8")
    except OSError as exc:
        raise PtcDataError(f"{path}: cannot write: {exc.strerror or exc}") from exc
