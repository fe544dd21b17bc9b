"""Hedge cues: the words by which a sentence avoids committing to what it says.

Each cue is a ``Span`` over the words that carry the doubt, found from tokens and the parse
of one sentence (no regex over raw text, so offsets always come from tokens):

- **hedging words** whatever their part of speech: "reportedly", "allegedly", "possibly",
  "probably", "apparently", "likely", "unconfirmed", "rumoured", "alleged" ...
- **modal verbs** "may", "might", "could" tagged ``MD``. "May" the month or the name is a
  proper noun, not a modal, so the tag keeps it out. "could not"/"couldn't" is left out on
  purpose: it reports that something failed ("police could not confirm"), not doubt.
- **appearance**: "it seems", "it appears", "seems to", "appears to" ("he appeared in
  court" is not a cue: it needs "it" as subject or a clausal complement).
- **hidden speakers**: "is said to", "are believed to", "it is reported that".
- **non-exclusion**: "it is not excluded", "cannot be ruled out".
- **epistemic adjectives with a clause**: "it is possible that"; with "would" they hedge
  without one: "it would not be too difficult", "would be easy" (a speculation about a
  hypothetical, not a report). "it is still possible to get there" is not a cue.
- **clausal hedging verbs**: "the data suggests that ...", "we suspect that ...".

``hedged`` on a claim is simply ``bool(cues)``.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..model import Span
from .lexicons import (
    APPEARANCE_VERBS,
    CLAUSAL_HEDGE_VERBS,
    EPISTEMIC_ADJECTIVES,
    HEDGE_MODALS,
    HEDGE_WORDS,
    NEGATED_EXCLUSION_VERBS,
    REPORTING_PASSIVES,
)

_NEGATIONS = frozenset({"not", "n't", "never", "cannot"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})


def find_hedge_cues(sent: SpacySpan) -> list[Span]:
    """The hedge cues of one sentence, in text order, without overlaps."""
    ranges: list[tuple[int, int]] = []
    for token in sent:
        found = _cue_at(token)
        if found is not None:
            ranges.append(found)
    return _spans(sent, ranges)


def _cue_at(token: Token) -> tuple[int, int] | None:
    """The token range ``(first, last)`` of a cue anchored at ``token``, if there is one."""
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lower in HEDGE_WORDS:
        return token.i, token.i
    if token.tag_ == "MD":
        return _modal(token)
    if lemma in APPEARANCE_VERBS and token.pos_ in ("VERB", "AUX"):
        return _appearance(token)
    if lemma in REPORTING_PASSIVES and token.tag_ == "VBN":
        return _hidden_speaker(token)
    if lemma in NEGATED_EXCLUSION_VERBS and token.pos_ == "VERB":
        return _not_excluded(token)
    if lemma in EPISTEMIC_ADJECTIVES and token.pos_ == "ADJ":
        return _epistemic_adjective(token)
    if lemma in CLAUSAL_HEDGE_VERBS and token.pos_ == "VERB":
        return (token.i, token.i) if _has_clause(token) else None
    return None


def _modal(token: Token) -> tuple[int, int] | None:
    if token.lower_ not in HEDGE_MODALS:
        return None
    if token.lower_ == "could" and _negated(token):
        return None
    return token.i, token.i


def _negated(modal: Token) -> bool:
    """True when the word after the modal negates it ("could not", "couldn't")."""
    doc = modal.doc
    return modal.i + 1 < len(doc) and doc[modal.i + 1].lower_ in _NEGATIONS


def _appearance(verb: Token) -> tuple[int, int] | None:
    subject = _expletive_subject(verb)
    if subject is not None:
        return subject.i, verb.i
    if any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
        return verb.i, _following_to(verb)
    return None


def _hidden_speaker(verb: Token) -> tuple[int, int] | None:
    """ "is said to", "are believed to", "it is reported that"."""
    if not any(c.dep_ == "auxpass" for c in verb.children) and verb.dep_ != "acl":
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None  # "was reported by Reuters" names the speaker
    subject = _expletive_subject(verb)
    if subject is not None and _has_clause(verb):
        return subject.i, verb.i
    end = _following_to(verb)
    if end == verb.i:
        return None
    return _auxiliary_start(verb), end


def _not_excluded(verb: Token) -> tuple[int, int] | None:
    """ "it is not excluded", "cannot be ruled out"."""
    negations = [c for c in verb.children if c.lower_ in _NEGATIONS or c.dep_ == "neg"]
    if not negations:
        return None
    if verb.lemma_.lower() == "rule" and not any(c.dep_ == "prt" for c in verb.children):
        return None
    start = min(c.i for c in negations)
    subject = _expletive_subject(verb)
    if subject is not None:
        start = min(start, subject.i)
    auxiliaries = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    start = min([start, *auxiliaries])
    end = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")])
    return start, end


def _epistemic_adjective(adjective: Token) -> tuple[int, int] | None:
    """ "it is possible that ...", "it would not be too difficult to ..."."""
    copula = adjective.head
    if adjective.dep_ != "acomp" or copula.lemma_ != "be":
        return None
    would = next((c for c in copula.children if c.lower_ in ("would", "'d")), None)
    subject = _expletive_subject(copula)
    if would is not None:
        return (would.i if subject is None else subject.i), adjective.i
    if adjective.lemma_.lower() not in ("possible", "probable", "plausible", "conceivable"):
        return None
    clause = any(c.dep_ == "ccomp" for c in (*adjective.children, *copula.children))
    if clause and subject is not None:
        return subject.i, adjective.i
    return None


def _expletive_subject(verb: Token) -> Token | None:
    """The subject "it" of ``verb`` when it comes before it ("It seems", "it is said")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl") and child.lower_ == "it":
            return child if child.i < verb.i else None
    return None


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children)


def _following_to(verb: Token) -> int:
    """The index of "to" right after ``verb`` ("said to"), else the verb's own index."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to":
        return verb.i + 1
    return verb.i


def _auxiliary_start(verb: Token) -> int:
    """Start at the passive auxiliary right before the verb ("is said"), else the verb."""
    doc = verb.doc
    before = verb.i - 1
    if before >= 0 and doc[before].dep_ == "auxpass" and doc[before].head.i == verb.i:
        return before
    return verb.i


def _spans(sent: SpacySpan, ranges: list[tuple[int, int]]) -> list[Span]:
    """Cue spans from token ranges: sorted, overlapping ones merged."""
    doc = sent.doc
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    spans = []
    for first, last in merged:
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        spans.append(Span(doc[first : last + 1].text, start, end))
    return spans


__all__ = ["find_hedge_cues"]
