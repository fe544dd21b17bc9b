"""Event extraction: triggers -> typed events with actor, target, count, place, date, flags.

The steps for each sentence of the analysed ranges (headline and body):

1. find triggers (:mod:`.triggers`) and fold the ones framed by another;
2. take actor and target from the trigger's arguments (subject/object, passive agent,
   the noun a participle modifies, control and coordination), canonicalised by
   :mod:`.actors`;
3. read modality (negation, modals, intent, conditionals, hedges, attribution) and apply
   PLOVER's coding conventions: a denied cooperative act is a REJECT, an announced
   cooperative act an AGREE, an announced or conditional hostile act a THREATEN; violent
   events are FIGHT against armed targets or with conventional military means and ASSAULT
   otherwise;
4. link place, date, count and route (:mod:`.linking`).

Then, across sentences, an event re-told with an anaphoric target ("two supporters were
apprehended ... The suspects were arrested in one of the Istanbul districts") is merged
into the first telling, which takes the more specific place; and an event without a date
of its own inherits the latest one written earlier in its paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..model import Actor, DateMention, Event, Place, Quantity
from ..pipeline.extensions import register_extensions
from ..pipeline.spans import analysed_ranges
from .actors import actor_from_head, make_actor
from .arguments import arguments
from .coding import coded_sense
from .lexicon import (
    VIOLENT,
)
from .linking import (
    DocContext,
    count_for,
    date_for,
    phrase_chars,
    place_for,
    route_for,
    specificity,
)
from .syntax import (
    allegation,
    depth,
    doc_text,
    hedged,
    modality,
    noun_phrase,
    phrase_head,
    prep_objects,
    reporting_source,
    span_text,
)
from .triggers import BASE_CONFIDENCE, Trigger, find_triggers

register_extensions()  # the Doc attributes read here exist even outside the pipeline

#: anaphoric heads that re-tell an earlier event's target ("the suspects were arrested")
ANAPHORIC_HEADS = frozenset(
    {
        "suspect",
        "detainee",
        "people",
        "man",
        "men",
        "militant",
        "fighter",
        "victim",
        "member",
        "perpetrator",
        "attacker",
        "assailant",
        "they",
        "them",
        "he",
        "she",
        "group",
        "person",
        "woman",
        "women",
        "jihadist",
        "terrorist",
        "supporter",
        "hostage",
        "prisoner",
    }
)
#: types whose re-tellings are merged (the ones ACLED counts as incidents)
RETOLD_TYPES = frozenset({"COERCE", "ASSAULT", "FIGHT", "PROTEST"})
ANAPHORIC_DETS = frozenset({"the", "these", "those", "both", "all", "they", "them", "he", "she"})


@dataclass
class Draft:
    """An event under construction, with what merging and date inheritance need."""

    event: Event
    sentence: int
    paragraph: int
    anaphoric: bool
    own_date: bool
    depth: int


def extract_events(doc: Doc, *, ranges: Sequence[tuple[int, int]] | None = None) -> list[Event]:
    """Events of every sentence inside ``ranges`` (default: the headline and body).

    Several events per sentence when it tells several; each keeps its sentence as the
    evidence span (``doc.text[event.start:event.end] == event.text``).
    """
    return [draft.event for draft in extract_drafts(doc, ranges=ranges)]


def extract_drafts(doc: Doc, *, ranges: Sequence[tuple[int, int]] | None = None) -> list[Draft]:
    """``extract_events`` with each event's sentence index and trigger depth (for scoring
    one main event per sentence)."""
    if len(doc) == 0 or not doc.has_annotation("DEP"):
        return []  # the rules read the dependency parse; an unparsed doc has no events
    if ranges is None:
        ranges = analysed_ranges(doc)
    ctx = DocContext.of(doc)
    place_tokens = ctx.place_tokens()
    drafts: list[Draft] = []
    sents = list(doc.sents)
    titles = _title_ranges(doc, sents)
    for index, sent in enumerate(sents):
        if not _in_ranges(sent, ranges):
            continue
        headline = _in_ranges(sent, titles)
        for trig in find_triggers(sent, place_tokens, headline=headline):
            draft = build_draft(ctx, sent, trig, index)
            if draft is not None:
                drafts.append(draft)
    drafts.extend(route_drafts(ctx, sents, ranges, drafts))
    drafts.sort(key=lambda d: (d.event.start, d.depth))
    return inherit_places(merge_retellings(drafts))


def _title_ranges(doc: Doc, sents: Sequence[Span]) -> list[tuple[int, int]]:
    """Where the headline is: the title section, else the first line when it is short."""
    sections = doc._.newsint_sections or ()
    titles = [(s.start, s.end) for s in sections if s.kind == "title"]
    if titles or sections or not sents:
        return titles
    first = sents[0]
    text = span_text(first)
    return (
        [(first.start_char, first.end_char)]
        if "\n" in doc_text(doc)[first.end_char - 1 : first.end_char + 1] and len(text) < 150
        else []
    )


def _in_ranges(sent: Span, ranges: Sequence[tuple[int, int]]) -> bool:
    mid = (sent.start_char + sent.end_char) // 2
    return any(a <= sent.start_char < b or a <= mid < b for a, b in ranges)


def sentence_span(sent: Span) -> tuple[str, int, int]:
    """The sentence's text without surrounding whitespace, with its offsets."""
    full = doc_text(sent.doc)
    text = full[sent.start_char : sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return full[start:end], start, end


# --- one trigger -> one draft -----------------------------------------------------------


def build_draft(ctx: DocContext, sent: Span, trig: Trigger, index: int) -> Draft | None:
    anchor = trig.anchor
    if allegation(anchor) or allegation(trig.token):
        return None
    actor_head, target_head = arguments(trig)
    actor = title_actor(trig, ctx) if trig.kind == "title" else _actor(actor_head, ctx, trig)
    target = _actor(target_head, ctx, trig)
    if target is not None and actor is not None and target.start == actor.start:
        target = None
    mod = modality(anchor)
    sense = coded_sense(trig, mod, actor, target, sent)
    hypothetical = mod.hypothetical and sense.type not in ("AGREE", "THREATEN", "DEMAND", "REJECT")
    negated = mod.negated and sense.type != "REJECT"
    text, start, end = sentence_span(sent)
    route = route_for(ctx, sent) if sense.type == "MOVE" else None
    place = place_for(ctx, sent, anchor, trig.token, actor)
    if route is not None:
        start, end = min(start, route.start), max(end, route.end)
        text = ctx.text[start:end]
        if place is None and route.places:
            place = route.places[0]
    date, inherited = date_for(ctx, sent, anchor)
    count_head = actor_head if sense.type == "MOVE" else target_head
    count = count_for(ctx, phrase_chars(count_head))
    source = reporting_source(anchor, sent)
    is_hedged = hedged(anchor, sent)
    event = Event(
        type=sense.type,
        text=text,
        start=start,
        end=end,
        mode=sense.mode,
        actor=actor,
        target=target,
        count=count,
        place=place,
        date=date,
        confidence=confidence(trig, actor, target, is_hedged, hypothetical),
        negated=negated,
        hypothetical=hypothetical,
        hedged=is_hedged,
        reported_by=_source_text(source),
    )
    return Draft(
        event,
        index,
        ctx.paragraph_start(sent.start_char),
        _anaphoric(target_head, target),
        not inherited and date is not None,
        depth(anchor),
    )


def _actor(head: Token | None, ctx: DocContext, trig: Trigger) -> Actor | None:
    if head is None:
        return None
    actor = actor_from_head(head, ctx.places)
    if actor is None:
        return None
    # a participle inside its own noun phrase ("5 detained ISIS fighters") is not the target
    if actor.start <= trig.token.idx < actor.end and trig.kind in ("participle", "verb"):
        after = trig.token.i + 1
        head_tok = phrase_head(head)
        if after <= head_tok.i:
            end_tok = head.doc.char_span(actor.start, actor.end, alignment_mode="expand")
            stop = end_tok.end if end_tok is not None else head_tok.i + 1
            return make_actor(head.doc, after, stop, head_tok, ctx.places) or actor
        return None
    return actor


def _source_text(source: Token | None) -> str | None:
    if source is None:
        return None
    start, end = noun_phrase(phrase_head(source), with_conj=True)
    return source.doc[start:end].text or None


def title_actor(trig: Trigger, ctx: DocContext) -> Actor | None:
    """In a headline the words before the verb are the actor ("ISIS Militants ... Flee")."""
    sent = trig.token.sent
    start = sent.start
    doc = sent.doc
    while start < trig.token.i and not doc[start].is_alpha:
        start += 1
    end = trig.token.i
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end <= start or end - start > 8:
        return None
    return make_actor(doc, start, end, doc[end - 1], ctx.places)


def confidence(
    trig: Trigger, actor: Actor | None, target: Actor | None, is_hedged: bool, hypothetical: bool
) -> float:
    """A score in [0, 1]: how the trigger was found, whether its arguments were, hedges."""
    score = BASE_CONFIDENCE.get(trig.kind, 0.5)
    score += 0.1 if actor is not None else 0.0
    score += 0.05 if target is not None else 0.0
    score -= 0.15 if is_hedged else 0.0
    score -= 0.1 if hypothetical else 0.0
    return round(min(0.99, max(0.05, score)), 3)


def _anaphoric(head: Token | None, target: Actor | None) -> bool:
    """The target re-tells someone named before: "the suspects", "they"."""
    if head is None or target is None:
        return False
    head = phrase_head(head)
    if head.lower_ in ("they", "them", "he", "she"):
        return True
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "predet")}
    return (
        head.lemma_.lower() in ANAPHORIC_HEADS
        and bool(dets & ANAPHORIC_DETS)
        and not any(c.dep_ == "nummod" for c in head.children)
    )


# --- movements along routes ---------------------------------------------------------------


def route_drafts(
    ctx: DocContext,
    sents: Sequence[Span],
    ranges: Sequence[tuple[int, int]],
    drafts: Sequence[Draft],
) -> list[Draft]:
    """A MOVE event for a route in a sentence that tells no movement of its own."""
    result = []
    moved = {(d.event.start, d.event.end) for d in drafts if d.event.type == "MOVE"}
    for index, sent in enumerate(sents):
        route = route_for(ctx, sent)
        if route is None or not _in_ranges(sent, ranges) or len(sent) > 120:
            continue
        text, start, end = sentence_span(sent)
        if any(s <= start < e or start <= s < end for s, e in moved):
            continue
        noun = next((t for t in sent if t.lemma_ in ("route", "way", "path", "corridor")), None)
        if noun is None:
            continue
        actor_head = next((p for prep, p in prep_objects(noun, frozenset({"for"})) if p), None)
        actor = actor_from_head(actor_head, ctx.places) if actor_head is not None else None
        start, end = min(start, route.start), max(end, route.end)
        mod = modality(noun.head)
        event = Event(
            type="MOVE",
            text=ctx.text[start:end],
            start=start,
            end=end,
            mode="route",
            actor=actor,
            place=route.places[0] if route.places else None,
            confidence=BASE_CONFIDENCE["route"] + (0.1 if actor else 0.0),
            hypothetical=mod.hypothetical,
            hedged=hedged(noun, sent),
        )
        result.append(Draft(event, index, ctx.paragraph_start(start), False, False, 0))
        moved.add((start, end))
    return result


# --- across sentences -------------------------------------------------------------------


def inherit_places(drafts: list[Draft]) -> list[Draft]:
    """An event with no place takes the place of the event told in the sentence before it,
    in the same paragraph (news tells an incident, then its details)."""
    previous: Draft | None = None
    for draft in drafts:
        event = draft.event
        if (
            event.place is None
            and event.type != "MOVE"
            and previous is not None
            and previous.paragraph == draft.paragraph
            and 0 < draft.sentence - previous.sentence <= 1
            and previous.event.place is not None
        ):
            draft.event = replace(event, place=previous.event.place)
        if draft.event.place is not None and draft.event.type != "MOVE":
            previous = draft
    return drafts


def _family(event: Event) -> tuple[str, str | None]:
    mode = event.mode
    if event.type == "COERCE" and mode in ("arrest", "detain"):
        mode = "arrest"
    if event.type in VIOLENT:
        return ("VIOLENT", None)
    return event.type, mode


def merge_retellings(drafts: list[Draft]) -> list[Draft]:
    """Fold a re-told event into its first telling; then inherit dates in paragraphs."""
    kept: list[Draft] = []
    for draft in drafts:
        first = _retold(draft, kept)
        if first is None:
            kept.append(draft)
            continue
        first.event = _merged(first.event, draft.event)
    return kept


def _retold(draft: Draft, kept: Sequence[Draft]) -> Draft | None:
    if not draft.anaphoric or draft.event.negated or draft.event.hypothetical:
        return None
    if draft.event.type not in RETOLD_TYPES:
        return None
    for earlier in reversed(kept):
        if earlier.paragraph != draft.paragraph or draft.sentence - earlier.sentence > 2:
            continue
        if earlier.sentence == draft.sentence:
            continue
        if _family(earlier.event) != _family(draft.event) or earlier.event.hypothetical:
            continue
        if draft.own_date and earlier.event.date != draft.event.date:
            continue
        later_count = draft.event.count
        if (
            later_count is not None
            and earlier.event.count is not None
            and (later_count.value != earlier.event.count.value)
        ):
            continue
        return earlier
    return None


def _merged(first: Event, later: Event) -> Event:
    place: Place | None = first.place
    if later.place is not None and (
        place is None
        or specificity(later.place) < specificity(place)
        and (place.country_code is None or place.country_code == later.place.country_code)
    ):
        place = later.place
    actor = first.actor or later.actor
    count: Quantity | None = first.count or later.count
    date: DateMention | None = first.date or later.date
    return replace(
        first,
        place=place,
        actor=actor,
        count=count,
        date=date,
        confidence=round(min(0.99, max(first.confidence, later.confidence) + 0.05), 3),
    )


__all__ = ["Draft", "extract_drafts", "extract_events", "sentence_span"]
