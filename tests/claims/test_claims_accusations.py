"""Accusations and unsourced accusations."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.claims import accusation_cues, extract_claims, is_accusation, unsourced_accusations

from .conftest import only_sentence


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("Many of the drivers are linked with guides who wait for the terrorists.",
         ["linked", "terrorists"]),
        ("Turkey financed the terrorists in Idlib for years.", ["financed", "terrorists"]),
        ("The army committed war crimes in the village.", ["committed", "war crimes"]),
        ("The militia massacred 40 villagers in 2016.", ["massacred"]),
        ("The minister was involved in the smuggling of oil.", ["involved", "smuggling"]),
    ],
)  # fmt: skip
def test_accusation_cues(nlp: Language, sentence: str, cues: list[str]) -> None:
    sent = only_sentence(nlp, sentence)
    found = accusation_cues(sent)
    assert [c.text for c in found] == cues
    for cue in found:
        assert sent.doc.text[cue.start : cue.end] == cue.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkey supported the reform of the tax code in 2016.",  # a weak verb alone
        "The ministry financed 300 new schools.",
        "ISIS militants flee from Syria and Iraq.",
    ],
)
def test_not_accusations(nlp: Language, sentence: str) -> None:
    assert not is_accusation(only_sentence(nlp, sentence))


def test_unsourced_accusations_need_an_accusation_and_no_source(nlp: Language) -> None:
    text = (
        "Turkey financed the terrorists in Idlib for years. "
        "Officials said Turkey financed the terrorists in Idlib. "
        "Turkey built 300 schools in Idlib in 2016."
    )
    doc = nlp(text)
    claims = extract_claims(doc)
    assert len(claims) == 3
    found = unsourced_accusations(claims, doc)
    assert [c.text for c in found] == ["Turkey financed the terrorists in Idlib for years."]


def test_unsourced_accusations_of_nothing(nlp: Language) -> None:
    doc = nlp("")
    assert unsourced_accusations([], doc) == []
