"""Accusations, and the claims that make them without saying who says so.

An accusation is a sentence that ties someone to a crime, terror or an atrocity. Cues:

- **strong words** that accuse by themselves: "terrorist", "war crimes", "massacre",
  "tortured", "smuggling", "corruption" ... (``lexicons.STRONG_ACCUSATION_WORDS`` and the
  multi-word ``ACCUSATION_PHRASES``);
- **weak verbs** that accuse only beside a strong word in the same sentence: "linked with",
  "supported", "financed", "committed", "armed" ... ("Turkey supported the reform" is no
  accusation; "the drivers are linked with guides who wait for the terrorists" is one).

``unsourced_accusations`` returns the claims that accuse and have no attribution. The output
contract has no field for this judgement, so it is a separate function: the reliability
component counts these claims as a signal, and shows ``accusation_cues`` as the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import Claim, Span
from .lexicons import ACCUSATION_PHRASES, STRONG_ACCUSATION_WORDS, WEAK_ACCUSATION_LEMMAS


def accusation_cues(sent: SpacySpan) -> list[Span]:
    """The words of ``sent`` that accuse someone; empty when it accuses nobody."""
    doc = sent.doc
    strong = [(t.i, t.i) for t in sent if _is_strong(t.lower_, t.lemma_.lower())]
    strong.extend(_phrases(sent))
    if not strong:
        return []
    weak = [(t.i, t.i) for t in sent if t.lemma_.lower() in WEAK_ACCUSATION_LEMMAS and
            t.pos_ in ("VERB", "NOUN")]  # fmt: skip
    ranges = sorted(set(strong + weak))
    cues = []
    last_end = -1
    for first, last in ranges:
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        if start < last_end:
            continue
        cues.append(Span(doc[first : last + 1].text, start, end))
        last_end = end
    return cues


def _is_strong(lower: str, lemma: str) -> bool:
    return lower in STRONG_ACCUSATION_WORDS or lemma in STRONG_ACCUSATION_WORDS


def _phrases(sent: SpacySpan) -> list[tuple[int, int]]:
    words = [t.lower_ for t in sent]
    found = []
    for phrase in ACCUSATION_PHRASES:
        size = len(phrase)
        for offset in range(len(words) - size + 1):
            if tuple(words[offset : offset + size]) == phrase:
                found.append((sent.start + offset, sent.start + offset + size - 1))
    return found


def is_accusation(sent: SpacySpan) -> bool:
    """True when ``sent`` ties someone to a crime, terror or an atrocity."""
    return bool(accusation_cues(sent))


def unsourced_accusations(claims: Sequence[Claim], doc: Doc) -> list[Claim]:
    """The claims of ``doc`` that accuse someone and name no source for it.

    ``claims`` are those ``extract_claims`` found in ``doc`` (their offsets are into
    ``doc.text``); a claim whose characters do not fall on token boundaries is skipped.
    """
    found = []
    for claim in claims:
        if claim.attribution is not None:
            continue
        span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
        if span is not None and is_accusation(span):
            found.append(claim)
    return found


__all__ = ["accusation_cues", "is_accusation", "unsourced_accusations"]
