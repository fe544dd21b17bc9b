"""Bad input is data: no crash, no invented events, every event keeps its evidence span."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsint.events import extract_events
from newsint.pipeline.extensions import register_extensions

from .conftest import EventsOf, Process


def _check(doc_text: str, events: list) -> None:  # type: ignore[type-arg]
    for event in events:
        assert doc_text[event.start : event.end] == event.text
        assert 0.0 <= event.confidence <= 1.0


def test_unparsed_and_empty_docs() -> None:
    register_extensions()
    blank = spacy.blank("en")
    assert extract_events(blank("")) == []
    assert extract_events(blank("Police arrested five men.")) == []  # no parse, no events


def _run_on(repeats: int) -> Doc:
    """One sentence of ``4 * repeats`` words whose every word hangs on one "arrested"."""
    register_extensions()
    words = ["Police", "arrested", "militants", "and"] * repeats
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        sent_starts=[True] + [False] * (len(words) - 1),
        heads=[1] * len(words),
        deps=["nsubj", "ROOT", "dobj", "cc"] * repeats,
        pos=["NOUN", "VERB", "NOUN", "CCONJ"] * repeats,
        lemmas=["police", "arrest", "militant", "and"] * repeats,
    )


def test_a_5000_word_sentence_gives_no_events() -> None:
    """A parse over thousands of words is not one claim: the guard skips it (the same
    construction at sentence length does give its arrest)."""
    assert [e.type for e in extract_events(_run_on(1))] == ["COERCE"]
    assert extract_events(_run_on(1250)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Attack\nArrest\nProtest\nKilled\nShelling\n",
        "BREAKING NEWS TODAY\nSPORTS RESULTS AND WEATHER\nMARKETS CLOSE HIGHER",
        "Date | Place | Killed | Wounded\n2017-01-01 | Aleppo | 5 | 3\n2017-01-02 | Homs | 2 | 1",
        "Results 2017: 12 34 56 78 90 11 22 33 44 55 66 77",
        "Economy and Markets: A Weekly Overview",
        "- arrests\n- attacks\n- protests\n- talks\n",
        "اعتقلت قوات الأمن التركية ٣٦ شخصا في إسطنبول",
        "שוטרים עצרו חמישה חשודים בירושלים",
    ],
)
def test_no_spurious_events(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []


def test_all_caps_keeps_spans(process: Process) -> None:
    doc = process("SECURITY FORCES ARRESTED 36 PEOPLE IN ISTANBUL ON MONDAY.")
    _check(doc.text, extract_events(doc))


def test_long_pipeline_text_keeps_spans(process: Process) -> None:
    sentence = "Rebels shelled the town of Idlib on Monday and police arrested five men. "
    doc = process(sentence * 200 + " ".join(["word"] * 3000))
    events = extract_events(doc)
    _check(doc.text, events)
    assert events and all(e.end - e.start < 2000 for e in events)


@pytest.mark.slow
def test_one_megabyte_paragraph(process: Process) -> None:
    text = ("The army shelled the village and militants fled toward the border " * 16000)[
        :1_000_000
    ]
    doc = process(text)
    _check(doc.text, extract_events(doc))
