"""A reliability score in [0, 1] for one article, with the signals that explain it.

Formula::

    score = sum(weight_i * value_i) / sum(weight_i)      (0.5 when every weight is 0)

Each signal's ``value`` is in [0, 1] (1 = reliable-looking) and its ``weight`` is >= 0:

======================  =========================================================  ===========
signal                  value                                                      weight
======================  =========================================================  ===========
outlet_reputation       factuality of the rated outlet: high 1.0, mostly_factual   5.0
                        0.8, mixed 0.5, low 0.2, very_low 0.0; unknown 0.5         (0.5 unknown)
byline                  named author 1.0; generic ("staff") 0.5; none 0.4;         0.5
                        a persona listed in the ratings notes 0.0                  (2.0 persona)
unattributed_claims     mean over claims of: named source 1.0, anonymous source    1.0 x support
                        ("officials said") 0.6, no attribution 0.0
hedging                 1 - hedged claims / claims                                 0.5 x support
technique_density       1 - (technique characters per 1,000) / 250, floored at 0   2.0
loaded_language         1 - (loaded-language and name-calling spans per            1.0
                        sentence) / 0.4, floored at 0
unsourced_accusations   1 - (accusations per sentence) / 0.2, floored at 0         1.0
sensational_headline    1.0; 0.5 with one cue (all caps, "!", "BREAKING"...);      0.5
                        0.2 with two or more
======================  =========================================================  ===========

``support = min(1, claims / 5)``: a share of one or two claims says little. A signal whose
input was not analysed (``claims=None``, ``techniques=None``...) is reported with weight 0
and a note saying so; an empty tuple means "analysed, none found". The saturation points
(250 technique characters per 1,000, 0.4 loaded-language spans per sentence) are the 90th
percentiles of the gold spans in the Propaganda Techniques Corpus (SemEval-2020 Task 11,
409 train+dev articles). The outlet's track record is the strongest single predictor of
an article's factuality (Baly et al., EMNLP 2018), so it carries the largest weight: a
very_low outlet with a persona byline stays "low" even when the text shows no other sign.

Labels: ``low`` below 0.45, ``mixed`` from 0.45 to below 0.7, ``high`` from 0.7.
An article with no sentence to score gets 0.5 ("mixed") and a note.

Weights never depend on how many techniques or attributions were found, so adding a
technique can only lower the score and adding an attribution can only raise it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import (
    Analysis,
    Article,
    Byline,
    Claim,
    Entity,
    Reliability,
    ReliabilityLabel,
    Section,
    Signal,
    Span,
    Technique,
)
from .outlets import OutletMatch, OutletRatings, default_ratings, identify_outlet

LOW_BELOW = 0.45
HIGH_FROM = 0.7
NEUTRAL = 0.5
MAX_EVIDENCE = 20

FACTUALITY_VALUE = {"high": 1.0, "mostly_factual": 0.8, "mixed": 0.5, "low": 0.2, "very_low": 0.0}
OUTLET_WEIGHT = 5.0
UNKNOWN_OUTLET_WEIGHT = 0.5
BYLINE_WEIGHT = 0.5
PERSONA_WEIGHT = 2.0
ATTRIBUTION_WEIGHT = 1.0
HEDGING_WEIGHT = 0.5
TECHNIQUE_WEIGHT = 2.0
LOADED_WEIGHT = 1.0
ACCUSATION_WEIGHT = 1.0
HEADLINE_WEIGHT = 0.5
FULL_SUPPORT_CLAIMS = 5
TECHNIQUE_PER_MILLE_AT_ZERO = 250.0
LOADED_PER_SENTENCE_AT_ZERO = 0.4
ACCUSATIONS_PER_SENTENCE_AT_ZERO = 0.2
ANONYMOUS_SOURCE_CREDIT = 0.6

_ANALYSED_KINDS = frozenset({"title", "body"})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_GENERIC_AUTHOR = re.compile(
    r"\b(staff|editors?|editorial|newsroom|news ?desk|web ?desk|desk|admin(istrator)?|agenc(y|ies)|"
    r"wires?|correspondents?|reporters?|contributors?|guest|anonymous|unknown|team)\b",
    re.IGNORECASE,
)
_ANONYMOUS_SOURCE = re.compile(
    r"\b(sources?|officials?|experts?|observers?|analysts?|reports?|insiders?|witnesses|residents|"
    r"activists|people|some|many|critics|media|authorities|agencies|investigation|they)\b",
    re.IGNORECASE,
)
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_CLICKBAIT = re.compile(
    r"\b(breaking|shocking|bombshell|exposed|you won'?t believe|must see|urgent)\b", re.IGNORECASE
)


def label_for(score: float) -> ReliabilityLabel:
    """``low`` below 0.45, ``high`` from 0.7, ``mixed`` between."""
    if score < LOW_BELOW:
        return "low"
    return "high" if score >= HIGH_FROM else "mixed"


def _clip(value: float) -> float:
    return 0.0 if not value >= 0.0 else min(1.0, value)  # NaN -> 0


def _span(text: str, start: int, end: int) -> Span | None:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return Span(text[start:end], start, end) if end > start else None


def _evidence(text: str, ranges: Iterable[tuple[int, int]]) -> tuple[Span, ...]:
    spans = (_span(text, s, e) for s, e in ranges)
    return tuple(s for s in spans if s is not None)[:MAX_EVIDENCE]


# --- what text is scored ------------------------------------------------------------------


def analysed_ranges(text: str, sections: Sequence[Section]) -> list[tuple[int, int]]:
    """Headline and body ranges (captions, sign-off left out); the whole text without sections."""
    ranges = [(s.start, s.end) for s in sections if s.kind in _ANALYSED_KINDS]
    if not sections:
        ranges = [(0, len(text))]
    return [(max(0, a), min(len(text), b)) for a, b in ranges if min(len(text), b) > max(0, a)]


def count_sentences(text: str, ranges: Sequence[tuple[int, int]]) -> int:
    """Sentences (runs ending in . ! ? or a line end) that contain a letter."""
    count = 0
    for start, end in ranges:
        for match in _SENTENCE.finditer(text, start, end):
            if any(c.isalpha() for c in match.group()):
                count += 1
    return count


def _merged(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def covered_characters(
    intervals: Iterable[tuple[int, int]], ranges: Sequence[tuple[int, int]]
) -> int:
    """Characters of ``ranges`` covered by at least one interval (overlaps count once)."""
    spans = _merged(intervals)
    total = 0
    for a, b in _merged(ranges):
        total += sum(max(0, min(b, e) - max(a, s)) for s, e in spans)
    return total


# --- outlet and byline --------------------------------------------------------------------


def outlet_signal(match: OutletMatch | None, text: str = "") -> Signal:
    """The outlet's rated factuality; an unknown outlet is neutral with a low weight.

    The evidence is the byline span naming the outlet, re-cut from ``text`` so that it
    always matches the article characters.
    """
    if match is None:
        return Signal(
            "outlet_reputation", NEUTRAL, UNKNOWN_OUTLET_WEIGHT, (), "no outlet identified"
        )
    where = {"url": "the URL", "outlet": "the given outlet name", "byline": "the byline/sign-off"}
    found = f"{match.name} (from {where[match.via]})"
    evidence = _evidence(text, [(e.start, e.end) for e in match.evidence])
    rating = match.rating
    if rating is None:
        note = f"{found}: outlet not in ratings table"
        return Signal("outlet_reputation", NEUTRAL, UNKNOWN_OUTLET_WEIGHT, evidence, note)
    note = f"{found}: factuality {rating.factuality}"
    if rating.bias:
        note += f", bias {rating.bias}"
    if rating.notes:
        note += f". {rating.notes}"
    if rating.source:
        note += f" Source: {rating.source}"
    value = FACTUALITY_VALUE[rating.factuality]
    return Signal("outlet_reputation", value, OUTLET_WEIGHT, evidence, note)


def _author(article: Article, byline: Byline | None) -> tuple[str, Span | None]:
    span = byline.author if byline is not None else None
    if span is not None and span.text.strip():
        return span.text.strip(), span
    return (article.author or "").strip(), None


def byline_signal(article: Article, byline: Byline | None, ratings: OutletRatings) -> Signal:
    """Named author, generic or missing author, or a persona listed in the ratings notes."""
    author, span = _author(article, byline)
    evidence = _evidence(article.text, [(span.start, span.end)] if span is not None else [])
    if not author:
        return Signal("byline", 0.4, BYLINE_WEIGHT, (), "no author named")
    persona_of = ratings.persona(author)
    if persona_of is not None:
        note = (
            f"author {author!r} is listed as a persona byline of {persona_of.name} in the ratings"
        )
        return Signal("byline", 0.0, PERSONA_WEIGHT, evidence, note)
    if _GENERIC_AUTHOR.search(author) or not any(c.isalpha() for c in author):
        return Signal("byline", 0.5, BYLINE_WEIGHT, evidence, f"generic author {author!r}")
    return Signal("byline", 1.0, BYLINE_WEIGHT, evidence, f"named author {author!r}")


# --- claims -------------------------------------------------------------------------------


def _is_named(claim: Claim, entities: Sequence[Entity]) -> bool:
    attribution = claim.attribution
    if attribution is None:
        return False
    overlaps = any(
        e.label in _NAMED_LABELS and e.start < attribution.end and attribution.start < e.end
        for e in entities
    )
    if overlaps:
        return True
    source = attribution.source.strip()
    capitalised = any(w[:1].isupper() for w in source.split()[1:]) or source[:1].isupper()
    return capitalised and not _ANONYMOUS_SOURCE.search(source)


def attribution_signal(
    text: str, claims: Sequence[Claim] | None, entities: Sequence[Entity]
) -> Signal:
    """How much of what the article claims is attributed, and to named sources."""
    if claims is None:
        return Signal("unattributed_claims", NEUTRAL, 0.0, (), "claims not analysed")
    if not claims:
        return Signal("unattributed_claims", NEUTRAL, 0.0, (), "no claims extracted")
    credit = 0.0
    unattributed: list[tuple[int, int]] = []
    anonymous = 0
    for claim in claims:
        if claim.attribution is None:
            unattributed.append((claim.start, claim.end))
        elif _is_named(claim, entities):
            credit += 1.0
        else:
            credit += ANONYMOUS_SOURCE_CREDIT
            anonymous += 1
    weight = ATTRIBUTION_WEIGHT * min(1.0, len(claims) / FULL_SUPPORT_CLAIMS)
    note = (
        f"{len(unattributed)} of {len(claims)} claims have no attribution; "
        f"{anonymous} are attributed to unnamed sources"
    )
    return Signal(
        "unattributed_claims",
        _clip(credit / len(claims)),
        weight,
        _evidence(text, unattributed),
        note,
    )


def hedging_signal(text: str, claims: Sequence[Claim] | None) -> Signal:
    """Share of claims hedged ("it seems", "reportedly"); the cue words are the evidence."""
    if claims is None:
        return Signal("hedging", NEUTRAL, 0.0, (), "claims not analysed")
    if not claims:
        return Signal("hedging", NEUTRAL, 0.0, (), "no claims extracted")
    hedged = [c for c in claims if c.hedged or c.hedge_cues]
    cues = [(cue.start, cue.end) for c in hedged for cue in c.hedge_cues]
    weight = HEDGING_WEIGHT * min(1.0, len(claims) / FULL_SUPPORT_CLAIMS)
    note = f"{len(hedged)} of {len(claims)} claims are hedged"
    value = _clip(1.0 - len(hedged) / len(claims))
    return Signal("hedging", value, weight, _evidence(text, cues), note)


# --- techniques ---------------------------------------------------------------------------


def technique_kind(name: str) -> str:
    """``Loaded_Language`` / "loaded language" -> ``loaded_language``."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _is_loaded(technique: Technique) -> bool:
    kind = technique_kind(technique.technique)
    return kind.startswith("loaded_language") or kind.startswith("name_calling")


def technique_signal(
    text: str, techniques: Sequence[Technique] | None, ranges: Sequence[tuple[int, int]]
) -> Signal:
    """Share of the scored text covered by propaganda technique spans, per 1,000 characters."""
    if techniques is None:
        return Signal("technique_density", NEUTRAL, 0.0, (), "techniques not analysed")
    length = sum(b - a for a, b in _merged(ranges))
    spans = [(t.start, t.end) for t in techniques]
    per_mille = 1000.0 * covered_characters(spans, ranges) / length if length else 0.0
    value = _clip(1.0 - per_mille / TECHNIQUE_PER_MILLE_AT_ZERO)
    note = (
        f"{len(techniques)} technique spans cover {per_mille:.0f} of every 1,000 characters "
        f"(value 0 at {TECHNIQUE_PER_MILLE_AT_ZERO:.0f})"
    )
    ordered = sorted(spans, key=lambda s: s[1] - s[0], reverse=True)
    return Signal("technique_density", value, TECHNIQUE_WEIGHT, _evidence(text, ordered), note)


def loaded_language_signal(
    text: str, techniques: Sequence[Technique] | None, sentences: int
) -> Signal:
    """Loaded-language and name-calling spans per sentence."""
    if techniques is None:
        return Signal("loaded_language", NEUTRAL, 0.0, (), "techniques not analysed")
    loaded = [(t.start, t.end) for t in techniques if _is_loaded(t)]
    rate = len(loaded) / max(1, sentences)
    value = _clip(1.0 - rate / LOADED_PER_SENTENCE_AT_ZERO)
    note = (
        f"{len(loaded)} loaded-language or name-calling spans in {sentences} sentences "
        f"({rate:.2f} per sentence; value 0 at {LOADED_PER_SENTENCE_AT_ZERO})"
    )
    return Signal("loaded_language", value, LOADED_WEIGHT, _evidence(text, loaded), note)


def accusation_signal(text: str, accusations: Sequence[Claim] | None, sentences: int) -> Signal:
    """Accusations made without any source, per sentence."""
    if accusations is None:
        return Signal("unsourced_accusations", NEUTRAL, 0.0, (), "accusations not analysed")
    rate = len(accusations) / max(1, sentences)
    value = _clip(1.0 - rate / ACCUSATIONS_PER_SENTENCE_AT_ZERO)
    note = f"{len(accusations)} unsourced accusations in {sentences} sentences"
    spans = [(c.start, c.end) for c in accusations]
    return Signal("unsourced_accusations", value, ACCUSATION_WEIGHT, _evidence(text, spans), note)


# --- headline -----------------------------------------------------------------------------


def _headline(article: Article, sections: Sequence[Section]) -> tuple[str, Span | None]:
    for section in sections:
        if section.kind == "title":
            return section.text, _span(article.text, section.start, section.end)
    title = (article.title or "").strip()
    if not title:
        return "", None
    start = article.text.find(title, 0, 2000)
    return title, _span(article.text, start, start + len(title)) if start >= 0 else None


def headline_cues(headline: str) -> list[str]:
    """What makes a headline sensational: all capitals, exclamation marks, clickbait words."""
    cues = []
    letters = [c for c in headline if c.isalpha()]
    if len(letters) >= 10 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        cues.append("all capitals")
    if "!" in headline:
        cues.append("exclamation mark")
    word = _CLICKBAIT.search(headline)
    if word:
        cues.append(f"the word {word.group(0)!r}")
    return cues


def headline_signal(article: Article, sections: Sequence[Section]) -> Signal:
    """All-caps, exclamation or clickbait headlines."""
    headline, span = _headline(article, sections)
    if not headline:
        return Signal("sensational_headline", NEUTRAL, 0.0, (), "no headline")
    cues = headline_cues(headline)
    value = 1.0 if not cues else 0.5 if len(cues) == 1 else 0.2
    note = "headline has " + ", ".join(cues) if cues else "headline is plain"
    return Signal("sensational_headline", value, HEADLINE_WEIGHT, (span,) if span else (), note)


# --- the score ----------------------------------------------------------------------------


def combine(signals: Sequence[Signal]) -> float:
    """The weighted mean of the signal values (0.5 when no signal has weight)."""
    total = sum(s.weight for s in signals)
    if total <= 0:
        return NEUTRAL
    return _clip(sum(s.weight * s.value for s in signals) / total)


def score_reliability(
    article: Article,
    *,
    byline: Byline | None = None,
    sections: Sequence[Section] = (),
    claims: Sequence[Claim] | None = None,
    techniques: Sequence[Technique] | None = None,
    entities: Sequence[Entity] = (),
    unsourced_accusations: Sequence[Claim] | None = None,
    ratings: OutletRatings | None = None,
) -> Reliability:
    """Score ``article`` from its outlet, byline and the items other components found.

    Pass ``None`` for an input that was not analysed and ``()`` for "analysed, none found".
    ``ratings`` defaults to the built-in table (``load_ratings`` adds user files).
    """
    ratings = ratings if ratings is not None else default_ratings()
    text = article.text
    ranges = analysed_ranges(text, sections)
    sentences = count_sentences(text, ranges)
    if sentences == 0:
        note = "no sentences to score: neutral score"
        return Reliability(NEUTRAL, "mixed", (Signal("nothing_to_score", NEUTRAL, 0.0, (), note),))
    signals = (
        outlet_signal(identify_outlet(article, byline, ratings=ratings), text),
        byline_signal(article, byline, ratings),
        attribution_signal(text, claims, entities),
        hedging_signal(text, claims),
        technique_signal(text, techniques, ranges),
        loaded_language_signal(text, techniques, sentences),
        accusation_signal(text, unsourced_accusations, sentences),
        headline_signal(article, sections),
    )
    score = combine(signals)
    return Reliability(score, label_for(score), signals)


def _ran(analysis: Analysis, word: str) -> bool:
    return any(word in name for name in analysis.pipeline.components)


def score_analysis(
    analysis: Analysis,
    *,
    unsourced_accusations: Sequence[Claim] | None = None,
    ratings: OutletRatings | None = None,
) -> Reliability:
    """``score_reliability`` over an ``Analysis``; claims and techniques count as analysed
    when a pipeline component with "claims" or "techniques" in its name ran."""
    return score_reliability(
        analysis.article,
        byline=analysis.byline,
        sections=analysis.sections,
        claims=analysis.claims if _ran(analysis, "claims") or analysis.claims else None,
        techniques=(
            analysis.techniques if _ran(analysis, "techniques") or analysis.techniques else None
        ),
        entities=analysis.entities,
        unsourced_accusations=unsourced_accusations,
        ratings=ratings,
    )


__all__ = [
    "FACTUALITY_VALUE",
    "HIGH_FROM",
    "LOW_BELOW",
    "analysed_ranges",
    "combine",
    "count_sentences",
    "covered_characters",
    "headline_cues",
    "label_for",
    "score_analysis",
    "score_reliability",
    "technique_kind",
]
