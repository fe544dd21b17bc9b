"""Fixtures for the event tests: the real pipeline, and helpers that run it on a text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsint.events import extract_events
from newsint.ingest import article_from_text
from newsint.model import Event

Process = Callable[..., Doc]
EventsOf = Callable[..., list[Event]]


@pytest.fixture(scope="session")
def process() -> Process:
    """Run the whole newsint pipeline on a text (``published`` as an ISO date)."""
    from newsint import get_pipeline

    pipeline = get_pipeline()

    def run(text: str, published: str | None = None) -> Doc:
        date = dt.date.fromisoformat(published) if published else None
        article = article_from_text(text, published=date, source="<test>")
        return pipeline.nlp(pipeline._make_doc(article))

    return run


@pytest.fixture(scope="session")
def events_of(process: Process) -> EventsOf:
    """The events of a text, checked for exact evidence offsets on the way."""

    def run(text: str, published: str | None = None) -> list[Event]:
        doc = process(text, published)
        events = extract_events(doc)
        for event in events:
            assert doc.text[event.start : event.end] == event.text
            for item in (event.actor, event.target, event.place, event.date, event.count):
                if item is not None:
                    assert doc.text[item.start : item.end] == item.text
        return events

    return run


def only(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]
