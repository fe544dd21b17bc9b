"""Claims: the sentences of an article that assert something one could check.

A sentence of the headline or body (``pipeline.spans.analysed_ranges``; captions and the
sign-off are left out) is a claim when it

- is a statement: it has a verb and does not end with a question mark (questions ask,
  they do not assert), and has at least ``MIN_WORDS`` words;
- carries a checkable fact: a number, a named entity (people, organisations, places,
  nationalities, dates, money, ...), a date or quantity found by the newsint components, an
  accusation, or an attribution ("officials said").

Everything else (pure opinion such as "This is a disgrace.", questions, one-word lines) is
skipped rather than listed with a low score: a list of claims should be a list of things a
fact-checker could look up. The remaining sentences are ranked by ``checkworthiness``, the
probability of the check-worthiness model (``checkworthiness.py``, trained on CLEF 2019),
in [0, 1]. A claim also gets its attribution and hedge cues.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..errors import NewsintError
from ..model import Claim
from ..pipeline.extensions import register_extensions
from ..pipeline.spans import analysed_ranges, inside
from .accusations import is_accusation
from .attribution import find_attribution
from .checkworthiness import CheckworthinessModel, load_model
from .hedging import find_hedge_cues

#: fewer alphabetic words than this and a sentence is not a claim ("Yes.", "Read more")
MIN_WORDS = 3
#: entity labels that make a sentence checkable
FACT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME", "MONEY", "PERCENT",
     "QUANTITY", "CARDINAL", "LAW", "PRODUCT"}
)  # fmt: skip

register_extensions()  # doc._.newsint_sections etc. exist even on a bare spaCy Doc


class ClaimsInputError(NewsintError):
    """The Doc cannot be searched for claims (it was not parsed)."""


def extract_claims(
    doc: Doc,
    *,
    ranges: list[tuple[int, int]] | None = None,
    model: CheckworthinessModel | None = None,
) -> list[Claim]:
    """The claims of a parsed ``doc``, in text order.

    ``ranges`` limits the search to these character ranges (default: headline and body).
    ``model`` is the check-worthiness model (default: the committed one, loaded once).
    """
    if all(t.is_space for t in doc):
        return []
    if not doc.has_annotation("DEP"):
        raise ClaimsInputError("extract_claims needs a parsed Doc (a pipeline with a parser)")
    ranges = analysed_ranges(doc) if ranges is None else ranges
    sentences = claim_sentences(doc, ranges)
    if not sentences:
        return []
    scorer = model if model is not None else load_model()
    scores = scorer.score([s.text for s in sentences], docs=sentences)
    claims = []
    for sent, score in zip(sentences, scores, strict=True):
        cues = tuple(find_hedge_cues(sent))
        claims.append(
            Claim(
                text=sent.text,
                start=sent.start_char,
                end=sent.end_char,
                attribution=find_attribution(sent),
                hedged=bool(cues),
                hedge_cues=cues,
                checkworthiness=round(score, 4),
            )
        )
    return claims


def claim_sentences(doc: Doc, ranges: Sequence[tuple[int, int]]) -> list[SpacySpan]:
    """The sentences inside ``ranges`` that are claims, trimmed of surrounding whitespace."""
    marked = _marked_offsets(doc)
    found = []
    for sent in doc.sents:
        trimmed = _trim(sent)
        if trimmed is None or not inside(trimmed.start_char, trimmed.end_char, ranges):
            continue
        if is_claim(trimmed, marked):
            found.append(trimmed)
    return found


def is_claim(sent: SpacySpan, marked: frozenset[int] = frozenset()) -> bool:
    """True when ``sent`` is a statement with a checkable fact (see the module docstring).

    ``marked`` holds start offsets of dates and quantities found by other components.
    """
    words = sum(1 for t in sent if t.is_alpha)
    if words < MIN_WORDS or _is_question(sent):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sent) and not _headline_case(sent):
        return False
    return _has_fact(sent, marked)


def _headline_case(sent: SpacySpan) -> bool:
    """Title Case or ALL CAPS: the tagger often finds no verb there ("Militants Flee to X")."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(1 for t in words if t.text[0].isupper()) >= 0.8 * len(words)


def _has_fact(sent: SpacySpan, marked: frozenset[int]) -> bool:
    if any(t.like_num or t.ent_type_ in FACT_LABELS for t in sent):
        return True
    if any(t.idx in marked for t in sent):
        return True
    return is_accusation(sent) or find_attribution(sent) is not None


def _is_question(sent: SpacySpan) -> bool:
    closing = "\"'’”)]»"
    return sent.text.rstrip().rstrip(closing).endswith("?")


def _marked_offsets(doc: Doc) -> frozenset[int]:
    """Start offsets of the dates and quantities the newsint components found."""
    items = [*getattr(doc._, "newsint_dates", ()), *getattr(doc._, "newsint_quantities", ())]
    return frozenset(item.start for item in items)


def _trim(sent: SpacySpan) -> SpacySpan | None:
    """``sent`` without leading and trailing whitespace tokens; None if nothing is left."""
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


__all__ = [
    "FACT_LABELS",
    "ClaimsInputError",
    "MIN_WORDS",
    "claim_sentences",
    "extract_claims",
    "is_claim",
]
