from __future__ import annotations

import codecs
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsint.config import Config
from newsint.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingInputError,
)
from newsint.ingest import article_from_text, article_id, read_sources
from newsint.ingest import sources as sources_module
from newsint.model import Article

STORY = "Flood hits town\n\nHeavy rain fell on Thursday.  \nMore rain is expected.\n"


def _read(*inputs: str | Path, **kwargs: Any) -> list[Article | InputError]:
    return list(read_sources([str(i) for i in inputs], **kwargs))


def _one_article(*inputs: str | Path, **kwargs: Any) -> Article:
    (result,) = _read(*inputs, **kwargs)
    assert isinstance(result, Article), result
    return result


def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    article = _one_article(path)
    assert article.text == STORY
    assert article.id == article_id(STORY)
    assert article.source == str(path)
    assert article.title is None and article.published is None


@pytest.mark.parametrize(
    "data",
    [
        STORY.encode("utf-8"),
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.encode("utf-16-le"),
        STORY.encode("utf-16-be"),
        STORY.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "crlf"],
)
def test_encodings_from_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    assert _one_article(path).text == STORY


@pytest.mark.parametrize(
    ("text", "codec"),
    [("Café São Paulo résumé", "latin-1"), ("“Curly” quotes aren’t UTF-8", "cp1252")],
)
def test_legacy_encodings_from_files(tmp_path: Path, text: str, codec: str) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode(codec))
    assert _one_article(path).text == text


def test_png_is_refused_by_name(tmp_path: Path, png: bytes) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(png)
    (error,) = _read(path)
    assert isinstance(error, BinaryInputError)
    assert error.source == str(path) and "PNG" in error.reason


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_and_whitespace_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    (error,) = _read(path)
    assert isinstance(error, EmptyInputError) and error.source == str(path)


def test_missing_path_and_the_next_input_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    error, article = _read(missing, good)
    assert isinstance(error, MissingInputError)
    assert error.source == str(missing) and error.reason == "no such file or directory"
    assert isinstance(article, Article) and article.source == str(good)


def _big_file(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "big.txt"
    line = b"The quick brown fox jumps over the lazy dog near the river bank.\n"
    with path.open("wb") as handle:
        handle.write(line * (20_000_000 // len(line) + 1))
    return path, path.stat().st_size


def test_large_file_refused_then_accepted_with_a_raised_limit(tmp_path: Path) -> None:
    path, size = _big_file(tmp_path)
    assert size > 20_000_000
    (error,) = _read(path, config=Config())
    assert isinstance(error, InputTooLargeError)
    assert f"{size:,}" in error.reason and "10,000,000" in error.reason
    assert "--max-bytes" in error.reason and "NEWSINT_MAX_BYTES" in error.reason
    article = _one_article(path, config=Config(max_bytes=30_000_000))
    assert len(article.text) == size


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 200, encoding="utf-8")

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(sources_module, "open", no_open, raising=False)
    (error,) = _read(path, config=Config(max_bytes=100))
    assert isinstance(error, InputTooLargeError)


def test_limit_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 200, encoding="utf-8")
    monkeypatch.setenv("NEWSINT_MAX_BYTES", "100")
    (error,) = _read(path)
    assert isinstance(error, InputTooLargeError)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")

    def denied(file: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(sources_module, "open", denied, raising=False)
    (error,) = _read(path)
    assert isinstance(error, InputError)
    assert error.source == str(path) and error.reason == "permission denied"


def test_html_file(tmp_path: Path, news_html: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(news_html, encoding="utf-8")
    article = _one_article(path)
    assert "alert" not in article.text
    assert article.title == "Flood hits riverside town"
    assert article.published == dt.date(2017, 9, 28)
    assert article.source == str(path)


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text("Article B.", encoding="utf-8")
    (root / "a.txt").write_text("Article A.", encoding="utf-8")
    (root / "sub" / "c.md").write_text("Article C.", encoding="utf-8")
    (root / "y.json").write_text('{"text": "Article Y."}\n', encoding="utf-8")
    (root / "z.json").write_text('{\n  "name": "not JSON Lines"\n}\n', encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("Hidden dir.", encoding="utf-8")
    (root / "data.bin").write_bytes(b"\x00\x01")
    (root / "README").write_text("No extension.", encoding="utf-8")
    return root


def test_directory_walk(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    results = _read(root)
    assert all(isinstance(r, Article) for r in results), results
    assert [r.text for r in results if isinstance(r, Article)] == [
        "Article A.",
        "Article B.",
        "Article C.",
        "Article Y.",
    ]
    assert [r.source for r in results] == [
        str(root / "a.txt"),
        str(root / "b.txt"),
        str(root / "sub" / "c.md"),
        f"{root / 'y.json'}:1",
    ]


def test_empty_directory(tmp_path: Path) -> None:
    (error,) = _read(tmp_path)
    assert isinstance(error, EmptyInputError) and error.source == str(tmp_path)


def test_glob_pattern(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert [r.source for r in _read(root / "*.txt")] == [str(root / "a.txt"), str(root / "b.txt")]
    (error,) = _read(root / "*.nothing")
    assert isinstance(error, MissingInputError) and "match" in error.reason


def test_explicit_files_with_unknown_or_json_extension(tmp_path: Path, news_html: str) -> None:
    page = tmp_path / "page"
    page.write_text(news_html, encoding="utf-8")
    assert _one_article(page).author == "Jane Doe"
    note = tmp_path / "NOTE"
    note.write_text(STORY, encoding="utf-8")
    assert _one_article(note).text == STORY
    config = tmp_path / "config.json"
    config.write_text('{\n  "a": 1\n}\n', encoding="utf-8")
    (error,) = _read(config)
    assert isinstance(error, MalformedRecordError)


def test_jsonl_and_csv_files(tmp_path: Path) -> None:
    jsonl = tmp_path / "file.jsonl"
    jsonl.write_text('{"text": "One."}\nnot json\n{"body": "Three."}\n', encoding="utf-8")
    csv = tmp_path / "rows.csv"
    csv.write_text("Body,title\nFour.,T\n", encoding="utf-8")
    tsv = tmp_path / "rows.tsv"
    tsv.write_text("text\ttitle\nFive, with comma.\tT\n", encoding="utf-8")
    results = _read(jsonl, csv, tsv)
    assert [type(r).__name__ for r in results] == [
        "Article",
        "MalformedRecordError",
        "Article",
        "Article",
        "Article",
    ]
    assert results[1].source == f"{jsonl}:2"
    assert [r.text for r in results if isinstance(r, Article)] == [
        "One.",
        "Three.",
        "Four.",
        "Five, with comma.",
    ]


def test_stdin_text_jsonl_and_html(news_html: str) -> None:
    article = _one_article("-", stdin=io.BytesIO(STORY.encode("utf-8")))
    assert article.text == STORY and article.source == "stdin"
    lines = "\n".join(json.dumps({"text": t}) for t in ("A.", "B.")).encode("utf-8")
    results = _read("-", stdin=io.BytesIO(lines))
    assert [r.source for r in results] == ["stdin:1", "stdin:2"]
    page = _one_article("-", stdin=io.BytesIO(news_html.encode("utf-8")))
    assert page.outlet == "Daily Bugle" and "alert" not in page.text


def test_stdin_problems() -> None:
    (empty,) = _read("-", stdin=io.BytesIO(b""))
    assert isinstance(empty, EmptyInputError) and empty.source == "stdin"
    (large,) = _read("-", stdin=io.BytesIO(b"x" * 200), config=Config(max_bytes=100))
    assert isinstance(large, InputTooLargeError) and large.source == "stdin"


def test_published_default_applies_only_without_a_date(tmp_path: Path, news_html: str) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(news_html, encoding="utf-8")
    default = dt.date(2020, 1, 1)
    text, page = _read(tmp_path / "a.txt", tmp_path / "b.html", published=default)
    assert isinstance(text, Article) and text.published == default
    assert isinstance(page, Article) and page.published == dt.date(2017, 9, 28)


def test_bad_inputs_never_raise(tmp_path: Path, png: bytes) -> None:
    (tmp_path / "x.png.txt").write_bytes(png)
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "r.jsonl").write_text("{bad\n", encoding="utf-8")
    (tmp_path / "n.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    results = _read(tmp_path, tmp_path / "missing", "[")
    assert len(results) == 6
    assert all(isinstance(r, InputError) for r in results)


def test_article_from_text() -> None:
    text = "  Flood hits town\r\n\r\nHeavy rain.  "
    article = article_from_text(
        text,
        source="<text>",
        title="Flood",
        url="https://example.org",
        outlet="Bugle",
        author="Jane",
        published=dt.date(2017, 9, 28),
    )
    assert article.text == text  # unchanged, so offsets map to the caller's string
    assert article.id == article_id(text)
    assert (article.title, article.url, article.outlet, article.author) == (
        "Flood",
        "https://example.org",
        "Bugle",
        "Jane",
    )
    assert article.published == dt.date(2017, 9, 28) and article.source == "<text>"


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_article_from_text_refuses_empty_text(text: str) -> None:
    with pytest.raises(EmptyInputError):
        article_from_text(text)


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=300)
    | st.text(max_size=200).map(lambda s: ("<p>" + s).encode("utf-8"))
    | st.text(max_size=200).map(lambda s: ('{"text": ' + s).encode("utf-16"))
)
def test_stdin_never_raises(data: bytes) -> None:
    for result in read_sources(["-"], stdin=io.BytesIO(data), config=Config()):
        assert isinstance(result, (Article, InputError))
