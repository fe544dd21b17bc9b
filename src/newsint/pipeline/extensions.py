"""Doc extension attributes through which newsint components pass their results."""

from __future__ import annotations

from spacy.tokens import Doc

#: attribute name -> what it holds; components assign these and the builder reads them.
DOC_EXTENSIONS: dict[str, str] = {
    "newsint_article": "the Article being analysed (set before the pipeline runs)",
    "newsint_sections": "tuple[Section]: headline, body, captions, sign-off",
    "newsint_byline": "Byline found in the text (author, outlet, evidence) or None",
    "newsint_entities": "tuple[Entity]",
    "newsint_dates": "tuple[DateMention]",
    "newsint_quantities": "tuple[Quantity]",
    "newsint_places": "tuple[Place]",
    "newsint_routes": "tuple[Route]",
    "newsint_events": "tuple[Event]",
    "newsint_claims": "tuple[Claim]",
    "newsint_unsourced": "tuple[Claim]: claims that accuse without naming a source",
    "newsint_techniques": "tuple[Technique]: propaganda technique spans (SemEval-2020 Task 11)",
    "newsint_reliability": "Reliability or None",
}

#: extensions whose ``None`` means "this step did not run" (as opposed to "found nothing")
NONE_BY_DEFAULT = frozenset({"newsint_article", "newsint_byline", "newsint_reliability"})


def register_extensions() -> None:
    """Register every extension once per process (safe to call again)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            default = None if name in NONE_BY_DEFAULT else ()
            Doc.set_extension(name, default=default)
