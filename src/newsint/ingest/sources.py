"""Inputs to articles: files, directories, glob patterns and stdin.

``read_sources`` never raises for a problem with an input: it yields the ``InputError``
naming that input and goes on with the next one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import BinaryIO, Literal

from ..config import Config
from ..errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingInputError,
)
from ..model import Article
from .decode import decode_bytes
from .html import article_from_html, looks_like_html
from .ids import article_id
from .records import iter_csv, iter_jsonl

Kind = Literal["text", "html", "jsonl", "csv", "tsv"]
Result = Article | InputError

SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",  # only when it is JSON Lines: checked after reading
    ".csv": "csv",
    ".tsv": "tsv",
}
GLOB_CHARS = "*?["
STDIN = "-"


def read_sources(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    stdin: BinaryIO | None = None,
    published: dt.date | None = None,
) -> Iterator[Article | InputError]:
    """Every article in ``inputs``, in order, or the ``InputError`` for each bad input.

    An input is a file, a directory (walked in sorted order, hidden entries and unknown
    extensions skipped), a glob pattern, or ``-`` for ``stdin`` (bytes; default
    ``sys.stdin.buffer``). Files over ``config.max_bytes`` are refused before reading.
    ``published`` is given to articles that carry no date of their own.
    """
    reader = _Reader(config or Config.from_env(), stdin)
    for item in inputs:
        for result in reader.read(os.fspath(item)):
            if isinstance(result, Article) and result.published is None and published:
                result = dataclasses.replace(result, published=published)
            yield result


def article_from_text(
    text: str,
    *,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """An ``Article`` for a text given directly; the text is kept exactly as given.

    Raises ``EmptyInputError`` when the text is empty or whitespace only.
    """
    if not text.strip():
        raise EmptyInputError(source or "<text>", "no text (empty or whitespace only)")
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        author=author,
        published=published,
        source=source,
    )


class _Reader:
    def __init__(self, config: Config, stdin: BinaryIO | None) -> None:
        self.max_bytes = config.max_bytes
        self.stdin = stdin

    def read(self, item: str) -> Iterator[Result]:
        if item == STDIN:
            yield from self._read_stdin()
        elif os.path.isdir(item):
            yield from self._walk(item)
        elif os.path.exists(item):
            yield from self._read_file(item, explicit=True)
        elif any(char in item for char in GLOB_CHARS):
            yield from self._glob(item)
        else:
            yield MissingInputError(item, "no such file or directory")

    def _glob(self, pattern: str) -> Iterator[Result]:
        matches = sorted(glob.glob(os.path.expanduser(pattern), recursive=True))
        if not matches:
            yield MissingInputError(pattern, "no files match this pattern")
        for path in matches:
            if os.path.isdir(path):
                yield from self._walk(path)
            else:
                yield from self._read_file(path, explicit=True)

    def _walk(self, top: str) -> Iterator[Result]:
        errors: list[OSError] = []
        paths: list[tuple[tuple[str, ...], str]] = []
        for dirpath, dirnames, filenames in os.walk(top, onerror=errors.append):
            dirnames[:] = [name for name in dirnames if not name.startswith(".")]
            for name in filenames:
                if not name.startswith(".") and _suffix(name) in SUFFIX_KINDS:
                    path = os.path.join(dirpath, name)
                    paths.append((PurePath(os.path.relpath(path, top)).parts, path))
        for _parts, path in sorted(paths):
            yield from self._read_file(path, explicit=False)
        for error in errors:
            yield MissingInputError(str(error.filename or top), _reason(error))
        if not paths and not errors:
            known = " ".join(sorted(SUFFIX_KINDS))
            yield EmptyInputError(top, f"no article files in this directory ({known})")

    def _read_file(self, path: str, *, explicit: bool) -> Iterator[Result]:
        data = self._load(path)
        if isinstance(data, InputError):
            yield data
            return
        try:
            text = decode_bytes(data, source=path)
        except InputError as exc:
            yield exc
            return
        kind = SUFFIX_KINDS.get(_suffix(path)) or sniff_kind(text)
        if _suffix(path) == ".json" and not _is_jsonl(text):
            if explicit:
                reason = "not JSON Lines (one JSON object per line)"
                yield MalformedRecordError(path, reason)
            return
        yield from _parse(text, kind, path)

    def _load(self, path: str) -> bytes | InputError:
        try:
            size = os.stat(path).st_size
            if size > self.max_bytes:
                return self._too_large(path, size)
            with open(path, "rb") as handle:
                data = handle.read(self.max_bytes + 1)
        except OSError as exc:
            return MissingInputError(path, _reason(exc))
        if len(data) > self.max_bytes:
            return self._too_large(path, None)
        return data

    def _read_stdin(self) -> Iterator[Result]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(self.max_bytes + 1)
        except (OSError, ValueError) as exc:
            yield InputError("stdin", f"could not read: {exc}")
            return
        if len(data) > self.max_bytes:
            yield self._too_large("stdin", None)
            return
        try:
            text = decode_bytes(data, source="stdin")
        except InputError as exc:
            yield exc
            return
        yield from _parse(text, sniff_kind(text), "stdin")

    def _too_large(self, source: str, size: int | None) -> InputTooLargeError:
        amount = f"{size:,} bytes is" if size is not None else "it is"
        return InputTooLargeError(
            source,
            f"{amount} over the limit of {self.max_bytes:,} bytes; "
            "raise the limit with --max-bytes or NEWSINT_MAX_BYTES",
        )


def sniff_kind(text: str) -> Kind:
    """JSON Lines, HTML or plain text, from the content (for stdin and unknown files)."""
    if text.lstrip().startswith("{") and _is_jsonl(text):
        return "jsonl"
    if looks_like_html(text):
        return "html"
    return "text"


def _parse(text: str, kind: Kind, source: str) -> Iterator[Result]:
    if kind == "text":
        yield Article(id=article_id(text), text=text, source=source)
    elif kind == "html":
        try:
            yield article_from_html(text, source=source)
        except InputError as exc:
            yield exc
    elif kind == "jsonl":
        yield from iter_jsonl(io.StringIO(text, newline=""), source=source)
    else:
        delimiter = "\t" if kind == "tsv" else None
        yield from iter_csv(io.StringIO(text, newline=""), source=source, delimiter=delimiter)


def _is_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object on its own."""
    for line in io.StringIO(text, newline=""):
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                return False
    return False


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    return error.strerror or str(error)


__all__ = ["article_from_text", "read_sources", "sniff_kind"]
