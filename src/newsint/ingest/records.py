"""JSON Lines and CSV: one article per line or row, or an ``InputError`` naming it.

A broken line or row is reported as ``file.jsonl:12`` and the others are still read.
The record's ``id`` is ignored: an article's id is always the hash of its text.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..errors import EmptyInputError, InputError, MalformedRecordError, MissingInputError
from ..model import Article
from .decode import decode_bytes
from .html import article_from_html, looks_like_html, parse_date
from .ids import article_id

TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("outlet", "source", "site", "sitename", "site_name", "source_domain")
AUTHOR_FIELDS = ("author", "authors", "byline")
DATE_FIELDS = ("published", "date", "published_at", "date_publish", "publish_date")
CSV_DELIMITERS = (",", "\t", ";", "|")
CSV_FIELD_LIMIT = 2**31 - 1

Result = Article | InputError
RecordInput = str | os.PathLike[str] | Iterable[str]


def iter_jsonl(path_or_stream: RecordInput, *, source: str) -> Iterator[Result]:
    """One ``Article`` or ``InputError`` per non-blank line of a JSON Lines input.

    ``path_or_stream`` is a path (read and decoded here) or lines of text (a text
    stream, a list of strings). Errors are named ``source:LINE``. Lines split at ``\n``
    only, so a raw U+2028 inside a JSON string does not break its line.
    """
    lines = _lines(path_or_stream, source)
    if isinstance(lines, InputError):
        yield lines
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedRecordError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:  # huge numbers, deep nesting
            yield MalformedRecordError(where, f"invalid JSON: {str(exc)[:200]}")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield MalformedRecordError(where, f"expected a JSON object, got {kind}")
            continue
        yield _from_record(record, where)


def iter_csv(
    path_or_stream: RecordInput, *, source: str, delimiter: str | None = None
) -> Iterator[Result]:
    """One ``Article`` or ``InputError`` per row of a CSV (or TSV) input with a header.

    The text column is the first of ``text, body, content, article, maintext`` (any
    case). ``delimiter`` None picks, from ``, TAB ; |``, the one whose header has a text
    column. A file without a text column gives one ``MalformedRecordError``.
    """
    lines = _lines(path_or_stream, source)
    if isinstance(lines, InputError):
        yield lines
        return
    lines = iter(lines)
    first = next(lines, "")
    csv.field_size_limit(CSV_FIELD_LIMIT)
    delimiter = delimiter or _pick_delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        header = [name.strip().lstrip("\ufeff").casefold() for name in next(reader)]
    except (StopIteration, csv.Error):
        yield EmptyInputError(source, "no CSV header row")
        return
    if _first_key(header, TEXT_FIELDS) is None:
        yield MalformedRecordError(
            source,
            f"no text column (expected one of {', '.join(TEXT_FIELDS)}); "
            f"found columns: {', '.join(header) or 'none'}",
        )
        return
    yield from _rows(reader, header, source)


def _rows(reader: Any, header: list[str], source: str) -> Iterator[Result]:
    count = 0
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield MalformedRecordError(f"{source}:{start}", f"broken CSV: {exc}")
            return
        where, start = f"{source}:{start}", reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        yield _from_record(dict(zip(header, row, strict=False)), where)
    if count == 0:
        yield EmptyInputError(source, "no rows after the CSV header")


def _lines(path_or_stream: RecordInput, source: str) -> Iterable[str] | InputError:
    if not isinstance(path_or_stream, (str, os.PathLike)):
        return path_or_stream
    try:
        with open(path_or_stream, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return MissingInputError(source, exc.strerror or str(exc))
    try:
        return io.StringIO(decode_bytes(data, source=source), newline="")
    except InputError as exc:
        return exc


def _pick_delimiter(first_line: str) -> str:
    best, most = ",", 0
    for delimiter in CSV_DELIMITERS:
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        names = [name.strip().lstrip("\ufeff").casefold() for name in header]
        if _first_key(names, TEXT_FIELDS) is not None:
            return delimiter
        if len(names) > most:
            best, most = delimiter, len(names)
    return best


def _from_record(record: Mapping[str, Any], where: str) -> Result:
    """An article from one JSON object or CSV row (keys matched in any case)."""
    fields = _casefold_keys(record)
    key = _first_key(fields, TEXT_FIELDS)
    if key is None:
        return MalformedRecordError(
            where, f"no text field (expected one of {', '.join(TEXT_FIELDS)})"
        )
    text = _text_value(fields, key)
    if text is None:
        return MalformedRecordError(where, f"the {key!r} field must be a string")
    if not text.strip():
        return EmptyInputError(where, f"the {key!r} field is empty")
    meta: dict[str, Any] = {
        "title": _first_str(fields, TITLE_FIELDS),
        "url": _first_str(fields, URL_FIELDS),
        "outlet": _first_str(fields, OUTLET_FIELDS),
        "author": _first_str(fields, AUTHOR_FIELDS),
        "published": _first_date(fields),
    }
    if looks_like_html(text):
        try:
            article = article_from_html(text, source=where, url=meta["url"])
        except InputError as exc:
            return exc
        given = {name: value for name, value in meta.items() if value is not None}
        return dataclasses.replace(article, **given)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(id=article_id(text), text=text, source=where, **meta)


def _casefold_keys(record: Mapping[str, Any]) -> dict[str, Any]:
    """Keys stripped and casefolded; where two keys collide, the lower-case one wins."""
    fields: dict[str, Any] = {}
    for key, value in record.items():
        name = str(key).strip().casefold()
        if name not in fields or key == name:
            fields[name] = value
    return fields


def _first_key(fields: Iterable[str], names: tuple[str, ...]) -> str | None:
    present = set(fields)
    return next((name for name in names if name in present), None)


def _text_value(fields: dict[str, Any], key: str) -> str | None:
    """The first non-empty string among the text fields, from ``key`` on."""
    first = fields[key]
    for name in TEXT_FIELDS[TEXT_FIELDS.index(key) :]:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value
    if first is None:
        return ""
    return first if isinstance(first, str) else None


def _first_str(fields: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = fields.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v).strip() for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _first_date(fields: dict[str, Any]) -> dt.date | None:
    for name in DATE_FIELDS:
        value = parse_date(fields.get(name))
        if value is not None:
            return value
    return None


__all__ = ["iter_csv", "iter_jsonl"]
