"""The reference article: three arrests with their counts, places and dates, the flight
of militants along the route, and the article's speculation flagged, not asserted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from importlib.resources import files

import jsonschema
import pytest

from newsint.events import extract_events
from newsint.model import Analysis, Article, Event, PipelineInfo

from ..conftest import REFERENCE, shared_file
from .conftest import Process, only


@pytest.fixture(scope="module")
def reference_events(process: Process) -> tuple[str, list[Event]]:
    text = shared_file(REFERENCE).read_text(encoding="utf-8")
    doc = process(text, "2017-09-28")
    return doc.text, extract_events(doc)


def _arrests(events: list[Event]) -> list[Event]:
    return [e for e in only(events, "COERCE") if e.mode == "arrest" and not e.hypothetical]


def test_three_arrests_in_order(reference_events: tuple[str, list[Event]]) -> None:
    _, events = reference_events
    arrests = _arrests(events)
    assert [e.count.value if e.count else None for e in arrests] == [36, 5, 2]
    assert [e.date.value if e.date else None for e in arrests] == [
        "2017-09-25",
        "2017-08-01",
        "2017-03-01",
    ]


def test_istanbul_arrest_by_turkish_security_forces(
    reference_events: tuple[str, list[Event]],
) -> None:
    _, events = reference_events
    first = _arrests(events)[0]
    assert first.place is not None and first.place.name == "Istanbul"
    assert first.actor is not None and first.actor.text == "security forces of Turkey"
    assert first.actor.name == "Police Forces of Turkey" and first.actor.sector == "police"
    assert not (first.negated or first.hedged)


def test_samsun_arrest_is_placed_in_samsun_not_istanbul(
    reference_events: tuple[str, list[Event]],
) -> None:
    _, events = reference_events
    samsun = _arrests(events)[1]
    assert samsun.place is not None and samsun.place.kind == "admin1"
    assert samsun.place.text == "Samsun"
    assert samsun.target is not None and "fighters" in samsun.target.text
    assert samsun.reported_by is not None and "Samsun" in samsun.reported_by


def test_march_arrest_takes_the_district_from_the_retelling(
    reference_events: tuple[str, list[Event]],
) -> None:
    text, events = reference_events
    march = _arrests(events)[2]
    assert march.place is not None and march.place.name == "Istanbul"
    assert march.text.startswith("Even earlier in Turkey")
    # the re-telling ("The suspects were arrested ...") is merged, not a fourth arrest
    assert "The suspects were arrested" not in " ".join(e.text for e in _arrests(events))
    assert text.index("The suspects") > march.end


def test_militants_flee_along_the_route(reference_events: tuple[str, list[Event]]) -> None:
    _, events = reference_events
    moves = only(events, "MOVE")
    route = [e for e in moves if "Ash Shaddadi – Al Hasakah – Tall Tamr" in e.text]
    assert route and route[0].place is not None and route[0].place.text == "Ash Shaddadi"
    assert route[0].actor is not None and route[0].actor.name == "Islamic State"
    flee = [e for e in moves if e.mode == "flee" and not e.hypothetical]
    assert any(e.place is not None and e.place.name == "Turkey" for e in flee)


def test_speculation_is_hypothetical(reference_events: tuple[str, list[Event]]) -> None:
    _, events = reference_events
    hide = [e for e in events if "will try to hide" in e.text]
    assert hide and all(e.hypothetical for e in hide)
    assert all(e.hedged for e in hide)  # "It is not excluded that ..."


def test_no_event_from_captions_or_signoff(reference_events: tuple[str, list[Event]]) -> None:
    text, events = reference_events
    caption = text.index("Turkish security forces escort detained suspects")
    signoff = text.index("Sophie Mangal")
    for event in events:
        assert not event.start <= caption < event.end
        assert event.start < signoff


def test_events_fit_the_output_contract(process: Process) -> None:
    """Events serialise to the JSON schema that ships with the package and read back."""
    text = shared_file(REFERENCE).read_text(encoding="utf-8")
    doc = process(text, "2017-09-28")
    article = Article("ref", text, published=dt.date(2017, 9, 28))
    analysis = dataclasses.replace(
        Analysis(article, PipelineInfo("0", "m", ())), events=tuple(extract_events(doc))
    )
    schema = json.loads(files("newsint.schema").joinpath("analysis.schema.json").read_text())
    data = analysis.to_dict()
    jsonschema.validate(data, schema)
    assert Analysis.from_dict(json.loads(json.dumps(data))).events == analysis.events
