"""The reference article: its attributions, hedges and accusations (skipped when absent)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsint.claims import extract_claims, is_anonymous_source, unsourced_accusations
from newsint.model import Claim

from ..conftest import REFERENCE, shared_file


@pytest.fixture(scope="module")
def reference_doc(newsint_nlp: Language) -> Doc:
    return newsint_nlp(shared_file(REFERENCE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def claims(reference_doc: Doc) -> list[Claim]:
    return extract_claims(reference_doc)


def claim_starting(claims: list[Claim], prefix: str) -> Claim:
    matches = [c for c in claims if c.text.startswith(prefix)]
    assert matches, f"no claim starts with {prefix!r}"
    return matches[0]


def test_offsets_and_ranges(reference_doc: Doc, claims: list[Claim]) -> None:
    text = reference_doc.text
    assert len(claims) >= 15
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0
    captions = [s for s in reference_doc._.newsint_sections if s.kind in ("caption", "signoff")]
    for section in captions:
        assert not any(section.start <= c.start < section.end for c in claims), section.text


def test_ihs_markit_figure(claims: list[Claim]) -> None:
    claim = claim_starting(claims, "According to the global financial monitoring company")
    assert "declined from $81 million to $10 million" in claim.text
    assert claim.attribution is not None
    assert claim.attribution.source == "IHS Markit"
    assert claim.attribution.text == (
        "According to the global financial monitoring company IHS Markit"
    )


def test_law_enforcement_agencies(claims: list[Claim]) -> None:
    claim = claim_starting(claims, "According to law enforcement agencies, five of the detainees")
    assert claim.attribution is not None
    assert claim.attribution.source == "law enforcement agencies"
    assert is_anonymous_source(claim.attribution.source)  # which agencies is not said


def test_samsun_administration(claims: list[Claim]) -> None:
    claim = claim_starting(claims, "In early August, the administration of Samsun province")
    assert claim.attribution is not None
    assert claim.attribution.source == "the administration of Samsun province"
    assert claim.attribution.text.startswith("the administration of Samsun province")
    assert not is_anonymous_source(claim.attribution.source)


@pytest.mark.parametrize(
    ("prefix", "cue"),
    [
        ("It seems that the Syrian-Turkish border has not been closed yet", "It seems"),
        ("It is not excluded that the remnants", "It is not excluded"),
        ("Considering the fact that whole caravans", "it would not be too difficult"),
    ],
)
def test_hedges(claims: list[Claim], prefix: str, cue: str) -> None:
    claim = claim_starting(claims, prefix)
    assert claim.hedged
    assert cue in [c.text for c in claim.hedge_cues]


def test_unhedged_reports_stay_unhedged(claims: list[Claim]) -> None:
    claim = claim_starting(claims, "Even earlier in Turkey, in March 2017")
    assert not claim.hedged and claim.hedge_cues == ()


def test_unsourced_accusations(reference_doc: Doc, claims: list[Claim]) -> None:
    found = unsourced_accusations(claims, reference_doc)
    texts = [c.text for c in found]
    assert any(
        t.startswith("Many of the drivers even are linked with special guides") for t in texts
    )
    assert all(c.attribution is None for c in found)
    # the terror plot of the Samsun report is attributed, so it is not unsourced
    assert not any("Samsun" in t for t in texts)
