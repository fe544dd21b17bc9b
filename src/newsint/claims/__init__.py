"""Claims: what an article asserts, who says so, how hedged, and how check-worthy.

``extract_claims(doc)`` turns a parsed article into ``Claim`` items (model.py) with their
attribution, hedge cues and check-worthiness; ``unsourced_accusations(claims, doc)`` picks
the claims that accuse someone without naming a source (for the reliability component);
``is_anonymous_source`` judges an attribution's source ("officials", "sources").
"""

from __future__ import annotations

from .accusations import accusation_cues, is_accusation, unsourced_accusations
from .attribution import find_attribution, is_anonymous_source
from .checkworthiness import CheckworthinessModel, ClaimsModelError, load_model
from .extract import ClaimsInputError, claim_sentences, extract_claims, is_claim
from .hedging import find_hedge_cues

__all__ = [
    "CheckworthinessModel",
    "ClaimsInputError",
    "ClaimsModelError",
    "accusation_cues",
    "claim_sentences",
    "extract_claims",
    "find_attribution",
    "find_hedge_cues",
    "is_accusation",
    "is_anonymous_source",
    "is_claim",
    "load_model",
    "unsourced_accusations",
]
