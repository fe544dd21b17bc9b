"""The ACLED-layout CSV writer, on hand-made analyses and on the reference article."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace

from newsint.events import extract_events
from newsint.export.acled_csv import COLUMNS, acled_row, geo_precision, write_acled_csv
from newsint.model import (
    Actor,
    Analysis,
    Article,
    DateMention,
    Event,
    PipelineInfo,
    Place,
    Quantity,
)

from ..conftest import REFERENCE, shared_file
from .conftest import Process

INFO = PipelineInfo("0", "test", ())
TEXT = "Warplanes pounded Kashkash, killing 6 civilians. Officials met in Geneva."
KASHKASH = Place("Kashkash", 18, 26, "Kashkash", 1, 36.0, 40.7, "SY", "city", 0.9)


def _analysis(*events: Event, published: dt.date | None = dt.date(2017, 1, 2)) -> Analysis:
    article = Article("id", TEXT, outlet="Example News", published=published)
    return Analysis(article, INFO, events=events)


def _strike() -> Event:
    count = Quantity("6", 36, 37, 6, "people", noun="civilians")
    return Event(
        "FIGHT",
        TEXT[:48],
        0,
        48,
        mode="aerial",
        actor=Actor("Warplanes", 0, 9, name="Military Forces of Syria", sector="military"),
        target=Actor("civilians", 38, 47, name="Civilians (Syria)", sector="civilians"),
        count=count,
        place=KASHKASH,
        date=DateMention("Monday", 0, 6, "2017-01-01", None, "day"),
    )


def _rows(*analyses: Analysis, **options: bool) -> list[dict[str, str]]:
    stream = io.StringIO()
    count = write_acled_csv(analyses, stream, **options)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == count
    return rows


def test_header_and_one_row() -> None:
    stream = io.StringIO()
    write_acled_csv([_analysis(_strike())], stream)
    assert stream.getvalue().splitlines()[0] == ",".join(COLUMNS)
    (row,) = _rows(_analysis(_strike()))
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["actor1"] == "Military Forces of Syria" and row["actor2"] == "Civilians (Syria)"
    assert row["country"] == "Syria" and row["location"] == "Kashkash" and row["admin1"] == ""
    assert row["latitude"] == "36.00000" and row["geo_precision"] == "1"
    assert row["event_date"] == "2017-01-01" and row["fatalities"] == "6"
    assert row["source"] == "Example News" and row["notes"] == TEXT[:48]


def test_unrecorded_and_hypothetical_events_are_left_out_by_default() -> None:
    meeting = Event("CONSULT", TEXT[49:], 49, len(TEXT), mode="meet")
    planned = replace(_strike(), hypothetical=True)
    assert _rows(_analysis(meeting, planned)) == []
    rows = _rows(_analysis(meeting, planned), include_unmapped=True, include_hypothetical=True)
    assert [r["sub_event_type"] for r in rows] == ["Other", "Air/drone strike"]


def test_date_falls_back_to_publication_and_place_to_country_precision() -> None:
    event = replace(_strike(), date=None, place=None)
    (row,) = _rows(_analysis(event))
    assert row["event_date"] == "2017-01-02"
    assert row["geo_precision"] == "3" and row["country"] == "" and row["latitude"] == ""
    assert acled_row(replace(event, type="CONSULT"), _analysis(event)) is None


def test_geo_precision_codes() -> None:
    assert geo_precision(KASHKASH) == 1
    assert geo_precision(replace(KASHKASH, kind="admin1")) == 2
    assert geo_precision(replace(KASHKASH, kind="country")) == 3
    assert geo_precision(None) == 3


def test_reference_article_gives_three_arrest_rows(process: Process) -> None:
    text = shared_file(REFERENCE).read_text(encoding="utf-8")
    doc = process(text, "2017-09-28")
    article = Article("ref", text, published=dt.date(2017, 9, 28), url="https://example.org/a")
    analysis = Analysis(article, INFO, events=tuple(extract_events(doc)))
    arrests = [r for r in _rows(analysis) if r["sub_event_type"] == "Arrests"]
    assert [(r["event_date"], r["location"], r["country"]) for r in arrests] == [
        ("2017-09-25", "Istanbul", "Turkey"),
        ("2017-08-01", "Samsun Province", "Turkey"),
        ("2017-03-01", "Istanbul", "Turkey"),
    ]
    assert arrests[1]["admin1"] == "Samsun Province" and arrests[1]["geo_precision"] == "2"
    assert all(r["fatalities"] == "0" and r["source"] == "https://example.org/a" for r in arrests)
