"""Reading PTC label files and articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsint.techniques.data import (
    GoldSpan,
    PtcDataError,
    has_techniques,
    read_articles,
    read_labels,
    si_from_tc,
    write_si,
    write_tc,
)


def test_tc_and_si_label_files(tmp_path: Path) -> None:
    tc = tmp_path / "tc.labels"
    tc.write_text("7\tDoubt\t3\t9\n7\tName_Calling,Labeling\t0\t2\n\n", encoding="utf-8")
    si = tmp_path / "si.labels"
    si.write_text("7\t3\t9\r\n", encoding="utf-8")
    tc_spans, si_spans = read_labels(tc), read_labels(si)
    assert tc_spans == [GoldSpan("7", 3, 9, "Doubt"), GoldSpan("7", 0, 2, "Name_Calling,Labeling")]
    assert si_spans == [GoldSpan("7", 3, 9)]
    assert has_techniques(tc_spans) and not has_techniques(si_spans)


@pytest.mark.parametrize(
    "line", ["7\t3\n", "7\tDoubt\tx\t9\n", "7\t9\t3\n", "7\t-1\t3\n", "a\tb\tc\td\te\n"]
)
def test_malformed_label_lines_name_file_and_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.labels"
    path.write_text("7\t0\t1\n" + line, encoding="utf-8")
    with pytest.raises(PtcDataError, match=r"bad\.labels:2"):
        read_labels(path)


def test_missing_labels_file(tmp_path: Path) -> None:
    with pytest.raises(PtcDataError, match="not found"):
        read_labels(tmp_path / "nowhere.labels")


def test_articles_keep_raw_offsets(tmp_path: Path) -> None:
    (tmp_path / "article2.txt").write_bytes(b"Title\r\n\r\nBody line.\r\n")
    (tmp_path / "article10.txt").write_text("Other", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    articles = read_articles(tmp_path)
    assert [a.id for a in articles] == ["10", "2"]
    assert articles[1].text == "Title\r\n\r\nBody line.\r\n"  # CRLF kept: offsets hold
    assert [a.id for a in read_articles(tmp_path, ids=["2"])] == ["2"]


def test_si_from_tc_and_writers(tmp_path: Path) -> None:
    tc = [GoldSpan("1", 0, 5, "Doubt"), GoldSpan("1", 0, 5, "Repetition"), GoldSpan("1", 7, 9, "X")]
    assert si_from_tc(tc) == [GoldSpan("1", 0, 5), GoldSpan("1", 7, 9)]
    write_si(tmp_path / "si.txt", si_from_tc(tc))
    write_tc(tmp_path / "out" / "tc.txt", tc)
    assert read_labels(tmp_path / "si.txt") == si_from_tc(tc)
    assert read_labels(tmp_path / "out" / "tc.txt") == tc
