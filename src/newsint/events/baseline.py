"""The keyword baseline that the rule-based extractor must beat.

It uses the same lexicons but no syntax: the first word of the sentence whose lemma is a
lexicon verb or event noun gives the type (and mode); the noun chunk just before that word
is the actor and the one just after it the target. For CASE snippets the type and mode go
through the same ACLED mapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .acled import ACLED_TO_CASE, plover_to_acled
from .lexicon import (
    NOUNS,
    OBJECT_SENSES,
    PHRASAL,
    VERBS,
    Sense,
)


@dataclass(frozen=True, slots=True)
class KeywordGuess:
    """The baseline's reading of a text: a sense and the chunks around its keyword."""

    sense: Sense | None
    actor: str | None = None
    target: str | None = None


def _keyword_sense(lemma: str) -> Sense | None:
    if lemma in VERBS:
        return VERBS[lemma]
    if lemma in NOUNS:
        return NOUNS[lemma]
    if lemma in OBJECT_SENSES:
        return OBJECT_SENSES[lemma][0][1]
    return next((s for (verb, _), s in PHRASAL.items() if verb == lemma), None)


def keyword_guess(doc: Doc | Span) -> KeywordGuess:
    """The first lexicon word of ``doc`` with the noun chunks on either side of it."""
    for tok in doc:
        if not tok.is_alpha:
            continue
        sense = _keyword_sense(tok.lemma_.lower())
        if sense is None:
            continue
        chunks = list(doc.noun_chunks) if isinstance(doc, Doc) else list(doc.noun_chunks)
        before = [c for c in chunks if c.end <= tok.i]
        after = [c for c in chunks if c.start > tok.i]
        return KeywordGuess(
            sense,
            before[-1].text if before else None,
            after[0].text if after else None,
        )
    return KeywordGuess(None)


def keyword_case_label(doc: Doc) -> str:
    """The CASE 2021 label the baseline gives a snippet."""
    guess = keyword_guess(doc)
    if guess.sense is None:
        return "OTHER"
    found = plover_to_acled(guess.sense.type, guess.sense.mode)
    return ACLED_TO_CASE.get(found[1], "OTHER") if found else "OTHER"


__all__ = ["KeywordGuess", "keyword_case_label", "keyword_guess"]
