"""Which sentences are claims, their offsets and values, and hostile inputs."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsint.claims import ClaimsInputError, extract_claims
from newsint.model import Claim


def check_claims(text: str, claims: list[Claim]) -> None:
    """Offsets match the text, values are in range, claims are sorted and disjoint."""
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip() and claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert claim.hedged == bool(claim.hedge_cues)
        for cue in claim.hedge_cues:
            assert text[cue.start : cue.end] == cue.text
            assert claim.start <= cue.start and cue.end <= claim.end
        if claim.attribution is not None:
            a = claim.attribution
            assert text[a.start : a.end] == a.text
            assert claim.start <= a.start and a.end <= claim.end
            assert a.source.strip()
    for first, second in zip(claims, claims[1:], strict=False):
        assert first.end <= second.start


def test_claims_skip_questions_and_opinions(nlp: Language) -> None:
    text = (
        "Police arrested 36 people in Istanbul on Monday. "
        "Why did nobody stop them? "
        "This is a disgrace. "
        "Officials said the attack killed 30 civilians."
    )
    claims = extract_claims(nlp(text))
    check_claims(text, claims)
    assert [c.text for c in claims] == [
        "Police arrested 36 people in Istanbul on Monday.",
        "Officials said the attack killed 30 civilians.",
    ]
    assert claims[1].attribution is not None and claims[1].attribution.source == "Officials"


def test_ranges_limit_the_search(nlp: Language) -> None:
    text = "Police arrested 36 people in Istanbul.\nThe army killed 12 fighters near Aleppo."
    second = text.index("The army")
    claims = extract_claims(nlp(text), ranges=[(second, len(text))])
    assert [c.start for c in claims] == [second]
    assert extract_claims(nlp(text), ranges=[]) == []


def test_captions_and_signoff_are_not_claims(newsint_nlp: Language) -> None:
    text = (
        "Militants Flee to Turkey\n"
        "Police arrested 36 people in Istanbul on Monday, officials said.\n"
        "Turkish security forces escort detained suspects\n"
        "The army killed 12 fighters near Aleppo in March 2017.\n"
        "John Smith is a correspondent at Example News where this article was published."
    )
    doc = newsint_nlp(text)
    kinds = {s.kind for s in doc._.newsint_sections}
    claims = extract_claims(doc)
    check_claims(text, claims)
    texts = [c.text for c in claims]
    assert "Police arrested 36 people in Istanbul on Monday, officials said." in texts
    assert "The army killed 12 fighters near Aleppo in March 2017." in texts
    if "caption" in kinds:
        assert "Turkish security forces escort detained suspects" not in texts
    if "signoff" in kinds:
        assert not any(t.startswith("John Smith") for t in texts)


def test_checkworthiness_ranks_facts_above_small_talk(nlp: Language) -> None:
    text = (
        "Unemployment fell to 3.7 percent in 2018, the lowest rate in 50 years. "
        "Thank you all very much for coming here to New Hampshire tonight."
    )
    claims = extract_claims(nlp(text))
    check_claims(text, claims)
    assert len(claims) == 2
    assert claims[0].checkworthiness > claims[1].checkworthiness


def test_an_unparsed_doc_is_refused() -> None:
    with pytest.raises(ClaimsInputError):
        extract_claims(spacy.blank("en")("Police arrested 36 people in Istanbul."))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "Word",
        "one\ntwo\nthree\nfour\nfive\nsix\n",
        "POLICE SAY 36 PEOPLE WERE ARRESTED IN ISTANBUL. IT SEEMS THE BORDER MAY BE OPEN.",
        "قالت الشرطة إن 12 شخصا قتلوا في الانفجار. " * 5 + "שלום עולם. " * 3,
        "Mixed العربية text: officials said 12 people died in Aleppo. עברית",
        "??? !!! ... --- *** 12 12 12 $$$ %%%",
        "\u200f\u202e\u0000 zero-width \u200b and bidi controls, officials said 3 died.",
    ],
)
def test_hostile_inputs(newsint_nlp: Language, text: str) -> None:
    doc = newsint_nlp(text)
    check_claims(text, extract_claims(doc))


def test_long_single_paragraph(newsint_nlp: Language) -> None:
    sentence = (
        "According to officials, 12 people were reportedly killed in Aleppo on Monday and "
        "the army may have shelled the market, which the ministry denied "
    )
    text = (sentence * 400).strip() + "."  # about 60 KB with no line break
    doc = newsint_nlp(text)
    claims = extract_claims(doc)
    check_claims(text, claims)
    assert claims
