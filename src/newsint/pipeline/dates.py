"""Date expressions in news text, resolved to ISO days or periods.

``extract_dates`` scans the words of ``doc.text`` once and, at each word that can start a
date expression ("the", "last", "March", "2015", ...), tries the compiled regular
expressions of the rules starting with it (about 1 ms per 1,000 words). spaCy ``DATE``
entities that no rule matched are handed to ``dateparser`` (imported lazily, at most 12 per
article) only when they name a month or write a year, and kept only when the year it
returns is the one written.

Every mention is a day (``value``, ``end_value`` None) or a period ``value``..``end_value``
(both ends inclusive, ISO ``YYYY-MM-DD``). Granularities and boundaries:

* day -- "September 25", "25 September", "Sept. 25, 2017", "2017-09-25", "25/09/2017"
  (numeric dates are day-first unless that is impossible), "Monday", "yesterday", "today",
  "two days ago". "September 25-27" is a period of granularity day.
* week -- ISO weeks, Monday to Sunday: "last week" is the week before the one holding the
  publication date, "three weeks ago" the week holding ``published - 21 days``; weekends
  ("last weekend") are Saturday-Sunday of that ISO week.
* month -- "March 2017", "in March", "last month".
* month_part -- early = days 1-10, mid/middle = 11-20, late = 21 to the month's end; "the
  beginning/start of" = early, "the end of" = late. "earlier this month" runs from the
  1st to the day before publication, "later this month" from the day after to the end.
* season -- northern hemisphere: spring Mar-May, summer Jun-Aug, autumn/fall Sep-Nov,
  winter Dec of the named year to the end of February of the next ("winter 2016-17" too).
* quarter -- Q1 Jan-Mar ... Q4 Oct-Dec ("the first quarter of 2019", "Q1 2019").
* year_part -- early = Jan-Apr, mid = May-Aug, late = Sep-Dec; "the beginning/start of
  2016" = Jan-Mar, "the end of 2016" = Oct-Dec (the last quarter); halves ("H1 2019",
  "the first half of 2019") = Jan-Jun / Jul-Dec; "earlier/later this year" as for months.
* year -- "2015", "in 2016" (span "2016"), "last year", "2014-2016", "between 2014 and
  2016" / "from 2014 to 2016" (one period; the span covers the whole phrase).
* decade -- "the 1990s", "the '90s" (1990-1999); early/mid/late decade = years 0-3/4-6/7-9.

Rolling periods ("the past week", "the past two years") run from the same day one unit
(or N units) before publication up to the publication date. "since 2015" (and "from 2015
onwards") is an ``open_end`` period from the start of 2015 to the publication date
(``end_value`` None when there is none).

Year-less expressions ("September 25", "early August", "Monday", "in March") are
``inferred``. With a publication date they take the most recent occurrence that started on
or before it (news reports the past); when the sentence before the expression has a future
cue ("will", "'ll", "shall", "going to", "upcoming", "next week/month/year") they take the
first occurrence that has not ended before it (weekdays: on or after it). Without a
publication date the year is the latest year (1900-2100) written in a date expression of
the analysed text (or of the whole text when the ranges hold none); with no year at all the
mention is dropped. Relative expressions ("last week", "yesterday", "Monday") need the
publication date and are dropped without it. Relative expressions are also ``inferred``.

Not dates: bare numbers and counts ("36 people", "$81 million", "2000 people"), ages
("25-year-old"), times of day alone, "monthly", "those days", phone-number-like digit
groups. Years are accepted from 1800 to 2100; a year used as a modifier ("the 2015 law")
is still a year mention. Overlapping matches keep the longest expression.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ..model import DateMention
from .spans import inside

__all__ = ["GRANULARITIES", "extract_dates"]

GRANULARITIES = (
    "day", "week", "month_part", "month", "season", "quarter", "year_part", "year", "decade",
)  # fmt: skip

Period = tuple[dt.date, dt.date]
_SpanFn = Callable[[int], Period | None]

# --- vocabulary ----------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)})
_MONTHS["sept"] = 9
_WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4, "last": 4}  # fmt: skip
# northern-hemisphere seasons: (first month, number of months); winter runs into next year
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# part -> (first month, last month) of a year; (first day, last day or 0 = month end)
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "begin": (1, 3), "end": (10, 12)}
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 0), "begin": (1, 10),
                "end": (21, 0)}  # fmt: skip
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "begin": (0, 3), "end": (7, 9)}

# --- patterns --------------------------------------------------------------------------------

_I = re.IGNORECASE
_MON = (
    r"(?P<mon>(?:" + "|".join(_MONTH_NAMES) + r")\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_FULL_MON = r"(?P<mon>(?:" + "|".join(_MONTH_NAMES) + r"))\b"
_WD_BEFORE = re.compile(
    r"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?),?[ \t]+$"
)
_THE_BEFORE = re.compile(r"\b(?:the|The|THE)[ \t]+$")
_YEAR = r"(?P<y>1[89]\d\d|20\d\d|2100)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!:\d)"
_DAY2 = r"(?:\s*[-–]\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b)?"
_PART = r"(?P<part>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)(?:\s*[-–]\s*|\s+)"
_NUM = r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")"
_YEAR_END = r"(?![\w%]|[.,/-]\d)"

_RE_ISO = re.compile(
    r"(?<![\d./-])" + _YEAR + r"(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d|[./-]\d)"
)
_RE_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)" + _YEAR + r"(?!\d|[./-]\d)"
)
_RE_MDY = re.compile(_MON + r"\s*" + _DAY + _DAY2 + r"(?:(?:\s*,\s*|\s+)" + _YEAR + r"\b)?", _I)
_RE_DMY = re.compile(
    r"(?<![\w.,$/:-])" + _DAY + _DAY2 + r"\s+(?:of\s+)?" + _MON
    + r"(?:,?\s+" + _YEAR + r"\b)?",
    _I,
)  # fmt: skip
_RE_MONTH_YEAR = re.compile(r"\b" + _MON + r",?\s+(?:of\s+)?" + _YEAR + r"\b", _I)
_RE_PART_MONTH = re.compile(r"\b" + _PART + _MON + r"(?:,?\s+" + _YEAR + r"\b)?", _I)
_RE_PART_YEAR = re.compile(r"\b" + _PART + _YEAR + _YEAR_END, _I)
_RE_PART_REL = re.compile(
    r"\b" + _PART + r"(?P<rel>last|this|next|the)\s+(?P<unit>month|year)\b", _I
)
_RE_EARLIER = re.compile(
    r"\b(?P<el>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b", _I
)
_RE_DECADE = re.compile(
    r"(?<![\w'’])(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*[-–]\s*|\s+))?"
    r"(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<short>[2-9]0))['’]?s\b",
    _I,
)
_RE_SEASON = re.compile(
    r"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?,?\s+" + _YEAR
    + r"(?:[-–/](?:1[89]|20)?\d\d)?" + _YEAR_END,  # "winter 2016-17": the winter from Dec 2016
    _I,
)  # fmt: skip
_RE_SEASON_REL = re.compile(
    r"\b(?P<rel>last|this|next|past)\s+(?P<season>spring|summer|autumn|fall|winter)\b", _I
)
_RE_QUARTER = re.compile(
    r"\b(?:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter"
    r"(?:\s+of|,)?\s+|Q(?P<q>[1-4])(?:\s*[-/'’]\s*|\s+of\s+|\s+)?)" + _YEAR + r"\b",
    _I,
)
_RE_QUARTER_AFTER = re.compile(r"\b" + _YEAR + r"\s*[-/]?\s*Q(?P<q>[1-4])\b")
_RE_HALF = re.compile(
    r"\b(?:(?:the\s+)?(?P<half>first|second|1st|2nd)\s+half(?:\s+of|,)?\s+|H(?P<h>[12])\s*)"
    + _YEAR + r"\b",
    _I,
)  # fmt: skip
_RE_QUARTER_REL = re.compile(r"\b(?P<rel>last|this|next|current)\s+quarter\b", _I)
_RE_REL_UNIT = re.compile(
    r"\b(?:(?P<the>the)\s+)?(?P<rel>last|this|next|past|coming)\s+(?P<unit>week|month|year|weekend)\b",
    _I,
)
_RE_ROLLING = re.compile(
    r"\b(?:the\s+)?(?:past|last)\s+" + _NUM + r"\s+(?P<unit>day|week|month|year)s\b", _I
)
_RE_AGO = re.compile(r"\b" + _NUM + r"\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b", _I)
_RE_SIMPLE = re.compile(
    r"(?<!USA\s)\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight"
    r"|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    _I,
)
_RE_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>last|next|this|past)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    _I,
)
_RE_WEEKEND = re.compile(r"\b(?:over|during|at)\s+(?P<core>the\s+weekend)\b", _I)
_RE_BARE_MONTH = re.compile(
    r"\b(?P<prep>in|since|until|till|by|during|before|after|through|throughout|from|between"
    r"|last|next|this|of|and|to)\s+" + _FULL_MON,
    _I,
)
_RE_YEAR = re.compile(r"(?<![\w$€£¥#./-])" + _YEAR + _YEAR_END)
_RE_YEAR_RANGE = re.compile(
    r"(?<![\w$€£¥#./-])" + _YEAR + r"\s*[-–—/]\s*(?P<y2>(?:1[89]|20)?\d\d)" + _YEAR_END
)

_COUNT_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s*cent\b|(?:people|persons|men|women|children|kids|soldiers|troops"
    r"|fighters|militants|civilians|refugees|migrants|residents|families|homes|houses|cases"
    r"|deaths|votes|jobs|workers|students|members|tons|tonnes|km|kilometers|kilometres|miles"
    r"|meters|metres|feet|dollars|euros|pounds|barrels|units|vehicles|cars|times|years|days"
    r"|hours|hrs|GMT|UTC|signatures|users|followers|likes|posts|words|pages|rounds)\b"
    r"|[\s-]\d{3,})",
    _I,
)
_NUM_BEFORE = re.compile(
    r"(?:\bNo\.?|\bnumber|\bflight|\broute|\broom|\bpage|#|\d{2,}[\s-])\s*$", _I
)
_SENT_BREAK = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-Z])|\n")
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|going\s+to|upcoming|next\s+(?:week|month|year))\b|['’]ll\b", _I
)
_RANGE_GAP = re.compile(r"\s*(?:(?P<word>and|to|until|till|through|thru)|[-–—])\s*", _I)
_RANGE_PREFIX = re.compile(r"\b(?P<p>between|from)\s+$", _I)
_SINCE_PREFIX = re.compile(r"\b(?:ever\s+)?since\s+$", _I)
_FROM_PREFIX = re.compile(r"\bfrom\s+$", _I)
_ONWARDS = re.compile(r"\s+onwards?\b", _I)
_FALLBACK_HINT = re.compile(
    r"\b(?:" + "|".join(_MONTH_NAMES) + r"|Sept?|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec)\b"
    r"|(?<!\d)(?:1[89]|20)\d\d(?!\d)"
)
_WRITTEN_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)")
_AGE = re.compile(r"\d\s*-?\s*years?[-\s]old|\baged?\b|\d+s?\s*(?:hours?|minutes?|seconds?)\b", _I)
_FALLBACK_MAX = 12

# --- data --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Res:
    """A resolved period (``hi`` None only for an open end without publication date)."""

    lo: dt.date
    hi: dt.date | None
    gran: str
    inferred: bool = False
    open_end: bool = False


@dataclass(slots=True)
class _Ctx:
    text: str
    published: dt.date | None
    ref_year: int | None
    _breaks: list[int] | None = field(default=None)

    def is_future(self, start: int) -> bool:
        """A future cue between the sentence start and ``start``."""
        if self._breaks is None:
            self._breaks = [m.end() for m in _SENT_BREAK.finditer(self.text)]
        i = bisect.bisect_right(self._breaks, start)
        s0 = self._breaks[i - 1] if i else 0
        return _FUTURE.search(self.text, s0, start) is not None


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    resolve: Callable[[_Ctx], _Res | None]
    years: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    res: _Res


# --- calendar helpers ----------------------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_period(year: int, month: int) -> Period:
    return dt.date(year, month, 1), dt.date(year, month, _last_day(year, month))


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + k
    return n // 12, n % 12 + 1


def _shift_months(d: dt.date, k: int) -> dt.date:
    y, m = _add_months(d.year, d.month, k)
    return dt.date(y, m, min(d.day, _last_day(y, m)))


def _iso_week(d: dt.date) -> Period:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _year_period(year: int) -> Period:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _quarter_period(year: int, q: int) -> Period:
    return dt.date(year, 3 * q - 2, 1), _month_period(year, 3 * q)[1]


def _months_period(year: int, first: int, last: int) -> Period:
    return dt.date(year, first, 1), _month_period(year, last)[1]


def _season_period(year: int, season: str) -> Period:
    first = _SEASONS[season]
    end_y, end_m = _add_months(year, first, 2)
    return dt.date(year, first, 1), _month_period(end_y, end_m)[1]


def _norm_part(raw: str) -> str:
    word = raw.lower().split()[-2] if " " in raw.strip() else raw.lower()
    return {"middle": "mid", "beginning": "begin", "start": "begin"}.get(word, word)


def _month(word: str) -> int | None:
    """Month number of a capitalised month name or abbreviation ("may" is a verb)."""
    return _MONTHS.get(word.rstrip(".").lower()) if word[:1].isupper() else None


def _year_ok(y: int) -> bool:
    return 1800 <= y <= 2100


def _day_fn(month: int, day: int, day2: int | None) -> _SpanFn:
    def fn(year: int) -> Period | None:
        try:
            lo, hi = dt.date(year, month, day), dt.date(year, month, day2 or day)
        except ValueError:
            return None
        return (lo, hi) if lo <= hi else None

    return fn


def _month_fn(month: int, part: str | None = None) -> Callable[[int], Period]:
    def fn(year: int) -> Period:
        lo, hi = _month_period(year, month)
        if part is None:
            return lo, hi
        first, last = _MONTH_PARTS[part]
        return lo.replace(day=first), hi if last == 0 else hi.replace(day=last)

    return fn


# --- resolution ----------------------------------------------------------------------------


def _const(res: _Res) -> Callable[[_Ctx], _Res | None]:
    return lambda ctx: res


def _yearless(fn: _SpanFn, gran: str, start: int, ctx: _Ctx) -> _Res | None:
    """Most recent occurrence started by publication (or first not ended, if future)."""
    pub = ctx.published
    if pub is None:
        got = fn(ctx.ref_year) if ctx.ref_year is not None else None
        return None if got is None else _Res(got[0], got[1], gran, inferred=True)
    future = ctx.is_future(start)
    years = range(pub.year, pub.year + 9) if future else range(pub.year, pub.year - 9, -1)
    for year in years:
        got = fn(year)
        if got is not None and (got[1] >= pub if future else got[0] <= pub):
            return _Res(got[0], got[1], gran, inferred=True)
    return None


def _dated(
    m: re.Match[str], fn: _SpanFn, gran: str, group: int | str = 0, start: int | None = None
) -> _Cand | None:
    """A candidate from a year-parametrised period: explicit when group ``y`` matched."""
    first, end = m.span(group)
    start = first if start is None else start
    year = m.groupdict().get("y")
    if year is None:
        return _Cand(start, end, lambda ctx: _yearless(fn, gran, start, ctx))
    got = fn(int(year))
    if got is None:
        return None
    return _Cand(start, end, _const(_Res(got[0], got[1], gran)), (int(year),))


def _relative(
    start: int, end: int, fn: Callable[[_Ctx, dt.date], Period | None], gran: str
) -> _Cand:
    """A candidate resolved against the publication date (dropped without one)."""

    def resolve(ctx: _Ctx) -> _Res | None:
        got = None if ctx.published is None else fn(ctx, ctx.published)
        return None if got is None else _Res(got[0], got[1], gran, inferred=True)

    return _Cand(start, end, resolve)


def _explicit(start: int, end: int, period: Period, gran: str, *years: int) -> _Cand:
    return _Cand(start, end, _const(_Res(period[0], period[1], gran)), years)


# --- rule handlers -------------------------------------------------------------------------


def _h_iso(m: re.Match[str]) -> _Cand | None:
    return _dated(m, _day_fn(int(m["m"]), int(m["d"]), None), "day")


def _h_numeric(m: re.Match[str]) -> _Cand | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    for day, month in ((a, b), (b, a)):  # day-first unless impossible
        if 1 <= month <= 12 and _day_fn(month, day, None)(year) is not None:
            return _dated(m, _day_fn(month, day, None), "day")
    return None


def _h_day(m: re.Match[str]) -> _Cand | None:
    month = _month(m["mon"])
    if month is None:
        return None
    fn = _day_fn(month, int(m["d"]), int(m["d2"]) if m["d2"] else None)
    if fn(2000) is None:  # 2000: a leap year
        return None
    start = m.start()
    if start == m.start("d"):  # "the 25th of September"
        start = _extend_left(m.string, start, _THE_BEFORE)
    return _dated(m, fn, "day", start=_extend_left(m.string, start, _WD_BEFORE))


def _extend_left(text: str, start: int, pattern: re.Pattern[str]) -> int:
    found = pattern.search(text, max(0, start - 16), start)
    return start if found is None else found.start()


def _h_month_year(m: re.Match[str]) -> _Cand | None:
    month = _month(m["mon"])
    return None if month is None else _dated(m, _month_fn(month), "month")


def _h_part_month(m: re.Match[str]) -> _Cand | None:
    month = _month(m["mon"])
    part = _norm_part(m["part"])
    return None if month is None else _dated(m, _month_fn(month, part), "month_part")


def _h_part_year(m: re.Match[str]) -> _Cand | None:
    first, last = _YEAR_PARTS[_norm_part(m["part"])]
    return _dated(m, lambda y: _months_period(y, first, last), "year_part")


def _h_part_rel(m: re.Match[str]) -> _Cand | None:
    part, unit = _norm_part(m["part"]), m["unit"].lower()
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)

    def fn(ctx: _Ctx, pub: dt.date) -> Period:
        if unit == "year":
            first, last = _YEAR_PARTS[part]
            return _months_period(pub.year + step, first, last)
        y, mo = _add_months(pub.year, pub.month, step)
        return _month_fn(mo, part)(y)

    return _relative(m.start(), m.end(), fn, "year_part" if unit == "year" else "month_part")


def _unit_period(pub: dt.date, unit: str, step: int = 0) -> Period:
    """The calendar week/month/quarter/year holding ``pub``, moved by ``step`` units."""
    if unit == "week":
        return _iso_week(pub + dt.timedelta(weeks=step))
    if unit == "month":
        return _month_period(*_add_months(pub.year, pub.month, step))
    if unit == "quarter":
        y, mo = _add_months(pub.year, (pub.month - 1) // 3 * 3 + 1, 3 * step)
        return _quarter_period(y, (mo - 1) // 3 + 1)
    return _year_period(pub.year + step)


def _h_earlier(m: re.Match[str]) -> _Cand | None:
    unit, earlier = m["unit"].lower(), m["el"].lower() == "earlier"

    def fn(ctx: _Ctx, pub: dt.date) -> Period:
        lo, hi = _unit_period(pub, unit)
        day = dt.timedelta(days=1)
        return (lo, max(lo, pub - day)) if earlier else (min(pub + day, hi), hi)

    gran = {"week": "week", "month": "month_part"}.get(unit, "year_part")
    return _relative(m.start(), m.end(), fn, gran)


def _h_decade(m: re.Match[str]) -> _Cand | None:
    start = int(m["dec"]) if m["dec"] else 1900 + int(m["short"])
    lo_off, hi_off = _DECADE_PARTS[_norm_part(m["part"])] if m["part"] else (0, 9)
    period = dt.date(start + lo_off, 1, 1), dt.date(start + hi_off, 12, 31)
    return _explicit(m.start(), m.end(), period, "decade", start) if _year_ok(start) else None


def _h_season(m: re.Match[str]) -> _Cand | None:
    season = m["season"].lower()
    return _dated(m, lambda y: _season_period(y, season), "season")


def _h_season_rel(m: re.Match[str]) -> _Cand | None:
    season, rel = m["season"].lower(), m["rel"].lower()

    def fn(ctx: _Ctx, pub: dt.date) -> Period | None:
        spans = [_season_period(y, season) for y in range(pub.year - 2, pub.year + 2)]
        if rel == "next":
            return next((p for p in spans if p[0] > pub), None)
        if rel == "this":
            now = [p for p in spans if p[0] <= pub <= p[1]]
            return now[0] if now else _season_period(pub.year, season)
        return next((p for p in reversed(spans) if p[1] < pub), None)

    return _relative(m.start(), m.end(), fn, "season")


def _h_quarter(m: re.Match[str]) -> _Cand | None:
    q = int(m["q"]) if m["q"] else _ORDINALS[m["ord"].lower()]
    return _dated(m, lambda y: _quarter_period(y, q), "quarter")


def _h_half(m: re.Match[str]) -> _Cand | None:
    half = int(m["h"]) if m["h"] else _ORDINALS[m["half"].lower()]
    return _dated(m, lambda y: _months_period(y, 6 * half - 5, 6 * half), "year_part")


def _h_quarter_rel(m: re.Match[str]) -> _Cand | None:
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return _relative(m.start(), m.end(), lambda c, p: _unit_period(p, "quarter", step), "quarter")


def _weekend(pub: dt.date, step: int | None) -> Period:
    """Saturday-Sunday of the ISO week moved by ``step``; None: the latest one begun."""
    if step is None:
        sunday = pub + dt.timedelta(days=6 - pub.weekday())
        if pub.weekday() < 5:
            sunday -= dt.timedelta(weeks=1)
        return sunday - dt.timedelta(days=1), sunday
    monday = _iso_week(pub + dt.timedelta(weeks=step))[0]
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def _rolling(pub: dt.date, unit: str, n: int) -> Period:
    """From ``n`` units before ``pub`` (negative: up to ``n`` units after) to ``pub``."""
    if unit in ("day", "week"):
        other = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
    else:
        other = _shift_months(pub, -n * (12 if unit == "year" else 1))
    return (other, pub) if n > 0 else (pub, other)


def _h_rel_unit(m: re.Match[str]) -> _Cand | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    rolling = rel == "past" or (m["the"] is not None and rel != "this")

    def fn(ctx: _Ctx, pub: dt.date) -> Period:
        if unit == "weekend":
            return _weekend(pub, None if rolling and step < 0 else step)
        if rolling:
            return _rolling(pub, unit, -step)
        return _unit_period(pub, unit, step)

    return _relative(m.start(), m.end(), fn, "week" if unit == "weekend" else unit)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _h_rolling(m: re.Match[str]) -> _Cand | None:
    n, unit = _count(m["n"]), m["unit"].lower()
    if m["n"].lower() in ("a", "an") or not 0 < n <= 100:
        return None
    return _relative(m.start(), m.end(), lambda c, p: _rolling(p, unit, n), unit)


def _h_ago(m: re.Match[str]) -> _Cand | None:
    n, unit = _count(m["n"]), m["unit"].lower()
    if unit == "decade":
        n, unit = n * 10, "year"
    if not 0 < n <= 300:
        return None

    def fn(ctx: _Ctx, pub: dt.date) -> Period | None:
        if unit == "day":
            day = pub - dt.timedelta(days=n)
            return day, day
        y = pub.year - n if unit == "year" else pub.year
        return _unit_period(pub, unit, -n) if _year_ok(y) else None

    return _relative(m.start(), m.end(), fn, unit)


def _h_simple(m: re.Match[str]) -> _Cand | None:
    word = " ".join(m["w"].lower().split())
    offset = {"the day before yesterday": -2, "yesterday": -1, "last night": -1,
              "tomorrow": 1}.get(word, 0)  # fmt: skip

    def fn(ctx: _Ctx, pub: dt.date) -> Period:
        day = pub + dt.timedelta(days=offset)
        return day, day

    return _relative(m.start(), m.end(), fn, "day")


def _h_weekday(m: re.Match[str]) -> _Cand | None:
    if not m["wd"][:1].isupper():
        return None
    wd, rel = _WEEKDAYS[m["wd"].lower()], (m["rel"] or "").lower()
    start = m.start()

    def fn(ctx: _Ctx, pub: dt.date) -> Period:
        if rel == "this":
            day = _iso_week(pub)[0] + dt.timedelta(days=wd)
        elif rel == "next" or (not rel and ctx.is_future(start)):
            ahead = (wd - pub.weekday()) % 7
            day = pub + dt.timedelta(days=ahead or (7 if rel else 0))
        else:
            back = (pub.weekday() - wd) % 7
            day = pub - dt.timedelta(days=back or (7 if rel else 0))
        return day, day

    return _relative(start, m.end(), fn, "day")


def _h_weekend(m: re.Match[str]) -> _Cand | None:
    return _relative(*m.span("core"), lambda c, p: _weekend(p, None), "week")


def _h_bare_month(m: re.Match[str]) -> _Cand | None:
    month, prep = _month(m["mon"]), m["prep"].lower()
    if month is None or (month == 5 and prep in ("of", "and", "to", "by")):
        return None  # "Theresa May"
    if prep not in ("last", "next", "this"):
        return _dated(m, _month_fn(month), "month", "mon")

    def fn(ctx: _Ctx, pub: dt.date) -> Period | None:
        spans = [_month_period(y, month) for y in range(pub.year - 1, pub.year + 2)]
        if prep == "this":
            return spans[1]
        if prep == "next":
            return next((p for p in spans if p[0] > pub), None)
        return next((p for p in reversed(spans) if p[1] < pub), None)

    return _relative(m.start(), m.end(), fn, "month")


def _h_year(m: re.Match[str]) -> _Cand | None:
    text, (start, end) = m.string, m.span()
    if _COUNT_AFTER.match(text, end) or _NUM_BEFORE.search(text, max(0, start - 12), start):
        return None
    year = int(m["y"])
    return _explicit(start, end, _year_period(year), "year", year)


def _h_year_range(m: re.Match[str]) -> _Cand | None:
    y1, raw = int(m["y"]), m["y2"]
    y2 = int(raw) if len(raw) == 4 else y1 - y1 % 100 + int(raw)
    if len(raw) == 2 and y2 <= y1:
        y2 += 100
    if not (y1 < y2 <= 2100 and y2 - y1 <= 50):
        return None
    period = dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    return _explicit(m.start(), m.end(), period, "year", y1, y2)


_Handler = Callable[[re.Match[str]], _Cand | None]
_Rule = tuple[re.Pattern[str], _Handler]

_D12 = ("#1", "#2")  # one- or two-digit number
_PARTS = ("early", "mid", "late", "the", "beginning", "start", "middle", "end")
_REL = ("last", "this", "next", "past")
_MONTH_WORDS = tuple(_MONTHS) + ("sept",)
_RULE_TRIGGERS: tuple[tuple[re.Pattern[str], _Handler, tuple[str, ...]], ...] = (
    (_RE_ISO, _h_iso, ("#4",)),
    (_RE_NUMERIC, _h_numeric, _D12),
    (_RE_MDY, _h_day, _MONTH_WORDS),
    (_RE_DMY, _h_day, _D12),
    (_RE_MONTH_YEAR, _h_month_year, _MONTH_WORDS),
    (_RE_PART_MONTH, _h_part_month, _PARTS),
    (_RE_PART_YEAR, _h_part_year, _PARTS),
    (_RE_PART_REL, _h_part_rel, _PARTS),
    (_RE_EARLIER, _h_earlier, ("earlier", "later")),
    (_RE_DECADE, _h_decade, ("the", "early", "mid", "late", "#4", "'2")),
    (_RE_SEASON, _h_season, ("the", *_SEASONS)),
    (_RE_SEASON_REL, _h_season_rel, _REL),
    (_RE_QUARTER, _h_quarter, ("the", "q", "#1", *_ORDINALS)),
    (_RE_QUARTER_AFTER, _h_quarter, ("#4",)),
    (_RE_HALF, _h_half, ("the", "h", "#1", "first", "second")),
    (_RE_QUARTER_REL, _h_quarter_rel, (*_REL, "current")),
    (_RE_REL_UNIT, _h_rel_unit, ("the", "coming", *_REL)),
    (_RE_ROLLING, _h_rolling, ("the", "past", "last")),
    (_RE_AGO, _h_ago, ("#1", "#2", "#3", *_NUMBERS)),
    (
        _RE_SIMPLE,
        _h_simple,
        ("the", "yesterday", "today", "tomorrow", "tonight", "last", "this"),
    ),
    (_RE_WEEKDAY, _h_weekday, (*_REL, *_WEEKDAYS)),
    (_RE_WEEKEND, _h_weekend, ("over", "during", "at")),
    (
        _RE_BARE_MONTH,
        _h_bare_month,
        (
            "in",
            "since",
            "until",
            "till",
            "by",
            "during",
            "before",
            "after",
            "through",
            "throughout",
            "from",
            "between",
            "last",
            "next",
            "this",
            "of",
            "and",
            "to",
        ),
    ),  # fmt: skip
    (_RE_YEAR, _h_year, ("#4",)),
    (_RE_YEAR_RANGE, _h_year_range, ("#4",)),
)


def _trigger_keys(key: str) -> list[str]:
    """The words that can start a rule's match: case variants, or digit strings."""
    if key == "'2":
        return [q + str(n) for q in "'’" for n in range(20, 100, 10)]
    if key == "#4":
        return [str(y) for y in range(1800, 2101)]
    if key.startswith("#"):
        width = int(key[1:])
        low = 0 if width == 1 else 10 ** (width - 1)
        keys = [str(n) for n in range(low, 10**width)]
        return keys + (["0" + str(n) for n in range(10)] if width == 2 else [])
    return [key, key.capitalize(), key.upper()]


def _build_triggers() -> dict[str, tuple[_Rule, ...]]:
    table: dict[str, list[_Rule]] = {}
    for pattern, handler, keys in _RULE_TRIGGERS:
        for key in keys:
            for word in _trigger_keys(key):
                rules = table.setdefault(word, [])
                if (pattern, handler) not in rules:
                    rules.append((pattern, handler))
    return {word: tuple(rules) for word, rules in table.items()}


#: first word of a match -> the rules tried there (one scan of the words, no per-rule scan)
_TRIGGERS = _build_triggers()
_WORD = re.compile(r"[A-Za-z]+|['’]?\d+")


# --- pipeline ------------------------------------------------------------------------------


def _candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    triggers = _TRIGGERS
    for word in _WORD.finditer(text):
        rules = triggers.get(word.group())
        if rules is None:
            continue
        pos = word.start()
        for pattern, handler in rules:
            m = pattern.match(text, pos)
            cand = handler(m) if m is not None else None
            if cand is not None and cand.end > cand.start:
                out.append(cand)
    return out


def _select(cands: Iterable[_Cand], size: int) -> list[_Cand]:
    """Non-overlapping candidates, longest first, in text order."""
    taken = bytearray(size)
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if 1 in taken[c.start : c.end]:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _reference_year(chosen: Sequence[_Cand], ranges: Sequence[tuple[int, int]]) -> int | None:
    """The latest year (1900-2100) written in the analysed text, else anywhere."""
    for pool in ([c for c in chosen if inside(c.start, c.end, ranges)], chosen):
        years = [y for c in pool for y in c.years if 1900 <= y <= 2100]
        if years:
            return max(years)
    return None


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=GRANULARITIES.index)


def _merge_ranges(found: list[_Found], text: str) -> list[_Found]:
    """'between A and B', 'from A to B', 'A - B' -> one period."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        merged = _merge_pair(prev, f, text) if prev is not None else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(f)
    return out


def _merge_pair(a: _Found, b: _Found, text: str) -> _Found | None:
    gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if gap is None or a.res.open_end or b.res.open_end or a.res.hi is None or b.res.hi is None:
        return None
    pre = _RANGE_PREFIX.search(text, max(0, a.start - 10), a.start)
    word = (gap["word"] or "").lower()
    prefix = pre["p"].lower() if pre else ""
    if word and (prefix, word == "and") not in (("between", True), ("from", False)):
        return None
    if a.res.lo > b.res.hi:
        return None
    res = _Res(a.res.lo, b.res.hi, _coarser(a.res.gran, b.res.gran),
               a.res.inferred or b.res.inferred)  # fmt: skip
    return _Found(pre.start() if pre else a.start, b.end, res)


def _open_ends(found: list[_Found], ctx: _Ctx) -> list[_Found]:
    """'since X', 'from X onwards', 'X onwards' -> X..publication date, open_end."""
    out: list[_Found] = []
    text, pub = ctx.text, ctx.published
    for f in found:
        start, end = f.start, f.end
        since = _SINCE_PREFIX.search(text, max(0, start - 14), start)
        onwards = _ONWARDS.match(text, end)
        if (since is None and onwards is None) or f.res.open_end:
            out.append(f)
            continue
        if since is not None:
            start = since.start()
        else:
            assert onwards is not None
            end = onwards.end()
            frm = _FROM_PREFIX.search(text, max(0, start - 6), start)
            start = frm.start() if frm else start
        hi = pub if pub is not None and pub >= f.res.lo else None
        res = _Res(f.res.lo, hi, f.res.gran, f.res.inferred, open_end=True)
        out.append(_Found(start, end, res))
    return out


def _resolve_all(chosen: Iterable[_Cand], ctx: _Ctx) -> list[_Found]:
    out: list[_Found] = []
    for c in chosen:
        res = c.resolve(ctx)
        if res is not None and _year_ok(res.lo.year) and (res.hi is None or _year_ok(res.hi.year)):
            out.append(_Found(c.start, c.end, res))
    return out


# --- dateparser fallback -------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _date_data_parser(base: dt.date, future: bool) -> Any:
    from dateparser.date import DateDataParser  # slow import: only when needed

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def _period_of(day: dt.date, period: str) -> tuple[Period, str]:
    if period == "week":
        return _iso_week(day), "week"
    if period == "month":
        return _month_period(day.year, day.month), "month"
    if period == "year":
        return _year_period(day.year), "year"
    return (day, day), "day"


def _parse_fallback(text: str, start: int, ctx: _Ctx) -> _Res | None:
    written = [int(y) for y in _WRITTEN_YEAR.findall(text)]
    if ctx.published is None and not written:
        return None
    base = ctx.published or dt.date(written[-1], 12, 31)
    future = ctx.published is not None and ctx.is_future(start)
    try:
        data = _date_data_parser(base, future).get_date_data(text)
    except Exception:  # noqa: BLE001 - third-party parser: any failure means "no date"
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if (written and day.year not in written) or not _year_ok(day.year):
        return None
    (lo, hi), gran = _period_of(day, data.period or "day")
    return _Res(lo, hi, gran, inferred=not written)


def _fallback(
    doc: Doc, taken_by: Iterable[_Found | _Cand], ctx: _Ctx, ranges: Sequence[tuple[int, int]]
) -> list[_Found]:
    """spaCy DATE entities the rules left alone that name a month or write a year."""
    taken = bytearray(len(ctx.text))
    for t in taken_by:
        taken[t.start : t.end] = b"\x01" * (t.end - t.start)
    out: list[_Found] = []
    tries = 0
    for ent in doc.ents:
        start, end, text = ent.start_char, ent.end_char, ent.text
        if ent.label_ != "DATE" or end - start > 40 or 1 in taken[start:end]:
            continue
        if not inside(start, end, ranges) or not _fallback_hint(text) or _AGE.search(text):
            continue
        tries += 1
        if tries > _FALLBACK_MAX:
            break
        res = _parse_fallback(text, start, ctx)
        if res is not None:
            out.append(_Found(start, end, res))
    return out


def _fallback_hint(text: str) -> bool:
    return _FALLBACK_HINT.search(text) is not None


# --- public --------------------------------------------------------------------------------


def _mention(text: str, f: _Found) -> DateMention:
    res = f.res
    single = res.hi == res.lo and not res.open_end
    end_value = None if single or res.hi is None else res.hi.isoformat()
    return DateMention(
        text=text[f.start : f.end],
        start=f.start,
        end=f.end,
        value=res.lo.isoformat(),
        end_value=end_value,
        granularity=res.gran,
        inferred=res.inferred,
        open_end=res.open_end,
    )


def extract_dates(
    doc: Doc, *, published: dt.date | None, ranges: list[tuple[int, int]] | None = None
) -> list[DateMention]:
    """Every date expression of ``doc.text`` inside ``ranges`` (None: all), in text order."""
    text = doc.text
    if not text:
        return []
    spans = ranges if ranges is not None else [(0, len(text))]
    chosen = _select(_candidates(text), len(text))
    ctx = _Ctx(text, published, _reference_year(chosen, spans))
    found = _open_ends(_merge_ranges(_resolve_all(chosen, ctx), text), ctx)
    found += _fallback(doc, [*found, *chosen], ctx, spans)
    found.sort(key=lambda f: f.start)
    return [_mention(text, f) for f in found if inside(f.start, f.end, spans)]
