from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from newsint.errors import EmptyInputError, InputError, MalformedRecordError
from newsint.ingest.ids import article_id
from newsint.ingest.records import iter_csv, iter_jsonl
from newsint.model import Article


def _articles(results: list[Article | InputError]) -> list[Article]:
    assert all(isinstance(r, Article) for r in results), results
    return [r for r in results if isinstance(r, Article)]


# --- JSON Lines ------------------------------------------------------------------------


def test_broken_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "file.jsonl"
    path.write_text(
        '{"text": "First article text."}\n{"text": "broken\n{"text": "Third article text."}\n',
        encoding="utf-8",
    )
    results = list(iter_jsonl(path, source=str(path)))
    assert len(results) == 3
    first, error, third = results
    assert isinstance(first, Article) and first.text == "First article text."
    assert first.source == f"{path}:1"
    assert isinstance(error, MalformedRecordError)
    assert error.source.endswith("file.jsonl:2")
    assert "invalid JSON" in error.reason
    assert isinstance(third, Article) and third.source == f"{path}:3"


def test_metadata_fields_and_untrusted_id() -> None:
    record = {
        "id": "not-the-hash",
        "title": "Flood hits town",
        "text": "Heavy rain fell.",
        "url": "https://example.org/flood",
        "source": "Daily Bugle",
        "authors": ["Jane Doe", "John Roe"],
        "published_at": "2017-09-28T10:00:00Z",
    }
    (article,) = _articles(list(iter_jsonl([json.dumps(record)], source="s.jsonl")))
    assert article.id == article_id("Heavy rain fell.")
    assert article.title == "Flood hits town"
    assert article.url == "https://example.org/flood"
    assert article.outlet == "Daily Bugle"
    assert article.author == "Jane Doe, John Roe"
    assert article.published == dt.date(2017, 9, 28)
    assert article.source == "s.jsonl:1"


@pytest.mark.parametrize("key", ["text", "body", "content", "article", "maintext", "Text"])
def test_text_field_names(key: str) -> None:
    (article,) = _articles(list(iter_jsonl([json.dumps({key: "Words here."})], source="s")))
    assert article.text == "Words here."


def test_first_text_field_wins_and_empty_ones_are_skipped() -> None:
    line = json.dumps({"body": "From body.", "text": "", "content": "From content."})
    (article,) = _articles(list(iter_jsonl([line], source="s")))
    assert article.text == "From body."


@pytest.mark.parametrize("date", ["yesterday", "2017-99-99", 20170928, None])
def test_unparseable_date_keeps_the_record(date: object) -> None:
    line = json.dumps({"text": "Some text.", "date": date})
    (article,) = _articles(list(iter_jsonl([line], source="s")))
    assert article.published is None


def test_record_problems_are_named_by_line() -> None:
    lines = [
        '{"title": "no text"}',
        "",
        "[1, 2, 3]",
        '{"text": "   "}',
        '{"text": 42}',
        '{"text": "Fine."}',
    ]
    results = list(iter_jsonl(lines, source="f.jsonl"))
    assert [type(r) for r in results] == [
        MalformedRecordError,
        MalformedRecordError,
        EmptyInputError,
        MalformedRecordError,
        Article,
    ]
    assert [r.source for r in results] == [f"f.jsonl:{n}" for n in (1, 3, 4, 5, 6)]
    first = results[0]
    assert isinstance(first, InputError) and "no text field" in first.reason


def test_html_text_goes_through_the_html_reader(news_html: str) -> None:
    line = json.dumps({"text": news_html, "title": "Record title"})
    (article,) = _articles(list(iter_jsonl([line], source="s")))
    assert "alert" not in article.text
    assert "Heavy rain caused the river" in article.text
    assert article.title == "Record title"  # the record's own metadata wins
    assert article.author == "Jane Doe"
    assert article.published == dt.date(2017, 9, 28)


def test_line_separator_inside_a_string_stays_one_record(tmp_path: Path) -> None:
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps({"text": "One\u2028two"}, ensure_ascii=False) + "\n", "utf-8")
    (article,) = _articles(list(iter_jsonl(path, source="u.jsonl")))
    assert article.text == "One\u2028two"


def test_jsonl_from_a_text_stream_and_a_missing_path(tmp_path: Path) -> None:
    stream = io.StringIO('{"text": "A."}\n{"text": "B."}\n')
    assert [a.text for a in _articles(list(iter_jsonl(stream, source="s")))] == ["A.", "B."]
    (error,) = list(iter_jsonl(tmp_path / "absent.jsonl", source="absent.jsonl"))
    assert isinstance(error, InputError) and error.source == "absent.jsonl"


# --- CSV -------------------------------------------------------------------------------


def test_csv_with_text_column(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        'title,text,date\nFlood,"Heavy rain, then floods.",2017-09-28\n'
        'Fire,"Line one\nline two",\n',
        encoding="utf-8",
    )
    first, second = _articles(list(iter_csv(path, source="a.csv")))
    assert (first.title, first.text, first.published) == (
        "Flood",
        "Heavy rain, then floods.",
        dt.date(2017, 9, 28),
    )
    assert first.source == "a.csv:2"
    assert second.text == "Line one\nline two"
    assert second.source == "a.csv:3"
    assert second.published is None


def test_csv_body_header_in_any_case_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes("Headline,Body\nFlood,Heavy rain fell.\n".encode("utf-8-sig"))
    (article,) = _articles(list(iter_csv(path, source="b.csv")))
    assert article.text == "Heavy rain fell."
    assert article.title == "Flood"


def test_csv_without_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("title,author\nFlood,Jane\nFire,John\n", encoding="utf-8")
    results = list(iter_csv(path, source="c.csv"))
    assert len(results) == 1
    (error,) = results
    assert isinstance(error, MalformedRecordError)
    assert error.source == "c.csv"
    assert "no text column" in error.reason and "title, author" in error.reason


def test_tsv_and_semicolon_delimiters() -> None:
    tsv = ["title\ttext\n", "T\tTab separated.\n"]
    (article,) = _articles(list(iter_csv(tsv, source="t.tsv", delimiter="\t")))
    assert article.text == "Tab separated."
    semi = ["titel;text\n", "T;Semicolon, with a comma.\n"]
    (article,) = _articles(list(iter_csv(semi, source="s.csv")))
    assert article.text == "Semicolon, with a comma."


def test_csv_large_field(tmp_path: Path) -> None:
    big = "word " * 100_000  # 500 000 characters, over csv's default field limit
    path = tmp_path / "big.csv"
    path.write_text(f'text\n"{big}"\n', encoding="utf-8")
    (article,) = _articles(list(iter_csv(path, source="big.csv")))
    assert article.text == big


def test_csv_empty_rows_and_empty_text() -> None:
    rows = ["text,title\n", "\n", ",Only a title\n", "Real text.,T\n"]
    results = list(iter_csv(rows, source="e.csv"))
    assert [type(r) for r in results] == [EmptyInputError, Article]
    assert [r.source for r in results] == ["e.csv:3", "e.csv:4"]


def test_csv_header_only() -> None:
    (error,) = list(iter_csv(["text,title\n"], source="h.csv"))
    assert isinstance(error, EmptyInputError)


def test_json_that_python_refuses_is_a_record_error() -> None:
    lines = ["[" * 100_000, '{"text": "x", "n": ' + "1" * 5000 + "}", '{"text": "Fine."}']
    results = list(iter_jsonl(lines, source="f.jsonl"))
    assert [type(r) for r in results] == [MalformedRecordError, MalformedRecordError, Article]
