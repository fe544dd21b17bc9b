"""Hedge cues: what counts, what looks like a cue and is not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.claims import find_hedge_cues

from .conftest import only_sentence


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("It seems that the border has not been closed yet.", ["It seems"]),
        ("It is not excluded that the militants will try to hide in Turkey.",
         ["It is not excluded"]),
        ("It would not be too difficult to organize such a channel.",
         ["It would not be too difficult"]),
        ("The commander reportedly fled to Raqqa in May.", ["reportedly"]),
        ("The allegedly stolen oil was sold in Turkey.", ["allegedly"]),
        ("The talks may resume in May.", ["may"]),
        ("The convoy might have carried weapons.", ["might"]),
        ("The attack could have been prevented, officials said.", ["could"]),
        ("The group possibly moved its fighters to Idlib.", ["possibly"]),
        ("The fighters probably crossed at night.", ["probably"]),
        ("The convoy was apparently attacked near Hama.", ["apparently"]),
        ("It appears that the convoy was attacked.", ["It appears"]),
        ("He is said to have joined the group in 2014.", ["is said to"]),
        ("The militants are believed to be hiding near Mosul.", ["are believed to"]),
        ("It is believed that the militants are hiding near Mosul.", ["It is believed"]),
        ("The group will likely retreat to the desert.", ["likely"]),
        ("The data suggests that the economy is shrinking.", ["suggests"]),
        ("Unconfirmed reports say 20 soldiers died.", ["Unconfirmed"]),
        ("Rumoured deals with the smugglers were signed in 2016.", ["Rumoured"]),
        ("It is possible that the convoy carried weapons.", ["It is possible"]),
        ("The attack cannot be ruled out, the minister warned.", ["cannot be ruled out"]),
        ("The leader seems to have fled and may be hiding in Turkey.", ["seems to", "may"]),
    ],
)  # fmt: skip
def test_hedge_cues(nlp: Language, sentence: str, cues: list[str]) -> None:
    sent = only_sentence(nlp, sentence)
    found = find_hedge_cues(sent)
    assert [c.text for c in found] == cues
    for cue in found:
        assert sent.doc.text[cue.start : cue.end] == cue.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks resumed in May.",  # the month
        "Theresa May said the talks would resume on Monday.",  # the name
        "The ceasefire began on May 5, 2017.",
        "Police could not confirm the number of victims.",  # inability, not doubt
        "He appeared in court on Monday.",  # appear without "it" or a clause
        "It is still possible to cross the border near Kobani.",  # ability, not a guess
        "The army said 12 soldiers were killed in the attack.",
        "The figure was reported by Reuters on Monday.",  # the speaker is named
        "It is difficult to reach the border from there.",
    ],
)
def test_not_hedges(nlp: Language, sentence: str) -> None:
    assert find_hedge_cues(only_sentence(nlp, sentence)) == []


def test_cues_are_sorted_and_do_not_overlap(nlp: Language) -> None:
    sent = only_sentence(nlp, "It seems that the rebels reportedly may possibly have fled.")
    found = find_hedge_cues(sent)
    assert len(found) >= 3
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
