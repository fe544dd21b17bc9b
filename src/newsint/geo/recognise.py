"""Find place mentions in a spaCy Doc without trusting the NER alone.

Where the pieces come from (:mod:`.accept` then judges them):

* GPE / LOC / FAC entities, extended when the NER cut a known name ("Baja" "California");
* entities with other labels (PERSON, ORG, NORP, PRODUCT, EVENT...) whose name, or part of
  it (split on "and", commas, dashes, slashes, or after "Derry's"), the gazetteer knows;
* capitalised word sequences the NER left untagged;
* datelines ("BEIRUT (AP) —", :mod:`.datelines`), which the NER rarely tags;
* streets and buildings the gazetteer cannot know ("Royal Street", "Manila Cathedral",
  :mod:`.facilities`), named so by their last word or by a FAC label.

Demonyms ("Turkish", "Kurds") are kept apart as country context, not places (unless asked
for). ``metonymic`` marks a place that is the subject of a speech or stance verb ("Ankara
said", "Moscow denied").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import numpy as np
from spacy.attrs import DEP, IDX, SENT_START
from spacy.tokens import Doc, Span

from .accept import accept, has_cue, near_cue, votes
from .datelines import find_datelines
from .facilities import FACILITY_HEADS, facility_kind, is_organisation
from .gazetteer import Candidate, Gazetteer
from .mentions import (
    COMMON_WORDS,
    DEMONYM_LABELS,
    NUMERIC_LABELS,
    PLACE_LABELS,
    RELABEL_LABELS,
    Budget,
    Demonym,
    Mention,
    Recognition,
    is_cap,
    is_major,
    words,
)

#: hostile-input guards
MAX_MENTIONS = 2_000
MAX_NGRAM = 5
_READ_LABELS = PLACE_LABELS | RELABEL_LABELS | DEMONYM_LABELS
ADMIN_SUFFIXES = {
    "province": "admin1",
    "provinces": "admin1",
    "governorate": "admin1",
    "governorates": "admin1",
    "oblast": "admin1",
    "region": "admin1",
    "state": "admin1",
    "prefecture": "admin1",
    "county": "admin2",
    "district": "admin2",
}
_STANCE_VERBS = words(
    """
    say tell warn deny announce accuse claim insist demand reject condemn threaten agree
    sign refuse urge respond vow state believe want call ask criticize criticise blame
    declare decide plan seek expect hope fear order approve oppose support protest
    retaliate sanction impose expel recall summon welcome praise dismiss argue confirm
    admit allege push pledge promise offer propose negotiate veto vote ban block
    """
)
_STANCE_FORMS = frozenset(
    {form for verb in _STANCE_VERBS for form in (verb, verb + "s", verb + "ed", verb + "d")}
    | {"said", "told", "sought"}
)
_SPLITTERS = frozenset({"and", "or", "&", ",", "–", "—", "/", ";"})
_CONNECTORS = words(
    "al el ad ash as ar at az an de del la le of da do dos das du des - ul bin 's ’s"
)


def recognise(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    ranges: Sequence[tuple[int, int]] | None = None,
    demonyms_as_places: bool = False,
    embedded: bool = False,
    text: str | None = None,
) -> Recognition:
    """Place mentions and demonyms in ``doc`` (only inside ``ranges`` when given).

    ``demonyms_as_places`` also returns demonyms as mentions of what they name;
    ``embedded`` also returns well-known places inside organisation names ("The
    Washington Post", "Sustainable Energy Authority of Ireland"), flagged metonymic.
    ``text`` is ``doc.text`` when the caller has read it already (spaCy builds it from the
    tokens on every access).
    """
    budget = Budget(gazetteer)
    text = doc.text if text is None else text
    table = doc.to_array([IDX, SENT_START, DEP])  # one C-level pass instead of many
    parsed = bool(table.shape[0]) and bool((table[:, 2] != 0).any())
    starts = _sentence_starts(table)
    words = [t.text for t in doc]
    covered: set[int] = set()
    ents = doc.ents  # built anew on every access: read them once
    pieces, found_demonyms = _entity_pieces(doc, ents, budget, ranges, covered, embedded=embedded)
    found_demonyms.extend(_loose_demonyms(words, table[:, 0], covered, budget, ranges))
    pieces.extend(_from_ngrams(doc, words, covered, budget, ranges))
    pieces = _with_datelines(text, pieces, budget, ranges)
    person_ends = {ent.end_char for ent in ents if ent.label_ == "PERSON"}
    for piece in pieces:
        piece.sentence = bisect.bisect_right(starts, piece.start) - 1
        piece.cue = has_cue(text, piece)
        piece.near = near_cue(text, piece, person_ends)
        piece.possessive = text.startswith(("'s", "’s"), piece.end)
    pieces = _merge_qualified(text, sorted(pieces, key=lambda m: (m.start, -m.end)), budget)
    mentions = accept(text, pieces, votes(ents))
    if demonyms_as_places:
        mentions = _with_demonyms(mentions, _demonym_mentions(found_demonyms))
    for mention in mentions:
        mention.metonymic = mention.source == "embedded" or _is_metonymic(doc, mention, parsed)
    return Recognition(mentions[:MAX_MENTIONS], found_demonyms)


def _entity_pieces(
    doc: Doc,
    ents: Sequence[Span],
    budget: Budget,
    ranges: Sequence[tuple[int, int]] | None,
    covered: set[int],
    *,
    embedded: bool,
) -> tuple[list[Mention], list[Demonym]]:
    """Pieces and demonyms from the NER's entities; ``covered`` gets their tokens."""
    pieces: list[Mention] = []
    demonyms: list[Demonym] = []
    consumed = 0  # tokens before this one belong to an entity joined to an earlier one
    for ent in ents:
        if ent.start < consumed:
            continue
        if not _inside(ent.start_char, ent.end_char, ranges) or ent.label_ in NUMERIC_LABELS:
            continue
        longer = _extended(doc, ent, budget) if ent.label_ in ("GPE", "LOC") else None
        if longer is not None:
            covered.update(range(ent.start, longer))
            consumed = longer
            piece = _piece(doc, ent.start, longer, "ner", ent.label_, budget)
            pieces.extend([piece] if piece is not None else [])
            continue
        covered.update(range(ent.start, ent.end))
        if ent.label_ in _READ_LABELS or embedded:
            found, dems = _from_entity(doc, ent, budget)
            if not found and embedded and ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT"):
                found = _embedded(doc, ent, budget)
            pieces.extend(found)
            demonyms.extend(dems)
    return pieces, demonyms


def _extended(doc: Doc, ent: Span, budget: Budget) -> int | None:
    """The end of a longer known name that a place entity starts: the NER cut "Baja
    California" into two places and "the U.S. Virgin Islands" after "U.S."."""
    stop = ent.end
    while (
        stop < len(doc)
        and stop - ent.end < 3
        and is_cap(doc[stop].text)
        and not doc[stop].is_sent_start
        and doc[stop].ent_type_ in ("", "GPE", "LOC")
        and "\n" not in doc[stop - 1].whitespace_
    ):
        stop += 1
    for end in range(stop, ent.end, -1):
        if budget.has(doc[ent.start : end].text):
            return end
    return None


def _with_datelines(
    text: str,
    pieces: list[Mention],
    budget: Budget,
    ranges: Sequence[tuple[int, int]] | None,
) -> list[Mention]:
    """Add the datelines ("BEIRUT (AP) —"), which replace what the NER made of them."""
    lines = [
        Mention(start, end, text[start:end], text[start:end], "dateline", candidates=found)
        for start, end, found in find_datelines(text, budget.candidates)
        if _inside(start, end, ranges)
    ]
    if not lines:
        return pieces
    kept = [p for p in pieces if not any(p.start < d.end and d.start < p.end for d in lines)]
    return kept + lines


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]] | None) -> bool:
    return ranges is None or any(a <= start and end <= b for a, b in ranges)


def _sentence_starts(table: np.ndarray) -> list[int]:
    """Start characters of the sentences (one sentence when the Doc has no boundaries).

    ``table`` holds the IDX, SENT_START and DEP columns of ``Doc.to_array``.
    """
    if not table.shape[0]:
        return [0]
    starts = table[table[:, 1] == 1, 0].tolist()
    return [0, *[int(i) for i in starts if i > 0]]


# --- entity pieces --------------------------------------------------------------------------


def _from_entity(doc: Doc, ent: Span, budget: Budget) -> tuple[list[Mention], list[Demonym]]:
    """Mentions (and demonyms) inside one entity: the whole span, else its parts."""
    label = ent.label_
    if label in DEMONYM_LABELS:
        demonyms = _demonym_parts(doc, ent.start, ent.end, budget)
        if demonyms or label not in RELABEL_LABELS:
            return [], demonyms
    if label not in PLACE_LABELS and label not in RELABEL_LABELS:
        return [], []
    source = "ner" if label in PLACE_LABELS else "relabel"
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in FACILITY_HEADS and is_cap(after.text):
        # "St. Peter's" + "Basilica", "Jamsil" + "Stadium": the NER stopped a word short
        facility = _facility(doc, ent.start, ent.end + 1, label, budget)
        if facility is not None:
            return [facility], []
    whole = _piece(doc, ent.start, ent.end, source, label, budget)
    if whole is None or whole.candidates:
        return ([whole] if whole is not None and _keep(whole, label) else []), []
    parts = _parts(doc, ent.start, ent.end, source, label, budget)
    if parts is None:
        facility = _facility(doc, ent.start, ent.end, label, budget)
        if facility is not None:
            return [facility], []
        return ([whole] if _keep(whole, label) else []), []
    return parts, []


def _parts(
    doc: Doc, start: int, end: int, source: str, label: str, budget: Budget
) -> list[Mention] | None:
    """Known names inside an entity whose whole name is unknown ("Greece Italy",
    "Derry's Altnagelvin Hospital", "Donington Park, Leicestershire"); None when the
    entity has no parts. Parts of a facility name are judged like relabelled names."""
    bounds = _splits(doc, start, end) or _segments(doc, start, end, budget)
    if not bounds:
        return None
    if label == "FAC":
        source = "relabel"
    parts = []
    for a, b in bounds:
        piece = _piece(doc, a, b, source, label, budget)
        if piece is None:
            continue
        if piece.candidates:
            parts.append(piece)
            continue
        inner = _segments(doc, a, b, budget)
        found = [_piece(doc, x, y, source, label, budget) for x, y in inner]
        if not found:
            found = [_facility(doc, a, b, label, budget) or piece]
        parts.extend(p for p in found if p is not None and (p.facility or _keep(p, label)))
    return parts


def _keep(piece: Mention, label: str) -> bool:
    """Known names are kept; unknown ones only when the NER called them places."""
    if piece.candidates:
        return True
    if label == "FAC" or label not in PLACE_LABELS:
        return False
    return piece.lookup[:1].isupper() and len(piece.lookup) > 1


def _splits(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of an entity split on "and", "or", "&", commas, dashes and slashes,
    and after a possessive that names where a facility is ("Harare's Third Street")."""
    parts: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end):
        token = doc[i]
        spaced_dash = token.text == "-" and i > start and bool(doc[i - 1].whitespace_)
        possessive = (
            token.lower_ in ("'s", "’s") and end - i > 2 and doc[end - 1].lower_ in FACILITY_HEADS
        )
        if token.lower_ in _SPLITTERS or spaced_dash or possessive:
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    if begin < end and parts:
        parts.append((begin, end))
    return parts if len(parts) > 1 else []


def _segments(doc: Doc, start: int, end: int, budget: Budget) -> list[tuple[int, int]]:
    """Major places that together make up an unknown multi-word name ("Greece Italy").

    Only when the name is nothing but two or more countries, divisions or cities of
    100,000 people, word after word: names of organisations and teams made of place names
    ("Air Zimbabwe", "Aston Villa", "The Washington Post") stay whole.
    """
    if end - start < 2:
        return []
    found: list[tuple[int, int]] = []
    i = start
    while i < end and budget.left > 0:
        match = None
        if is_cap(doc[i].text):
            match = _longest_match(doc, i, min(end, i + MAX_NGRAM), budget)
        if match is None or not any(is_major(c) for c in budget.candidates(doc[i:match].text)):
            return []
        found.append((i, match))
        i = match
    return found if len(found) > 1 else []


def _piece(
    doc: Doc, start: int, end: int, source: str, label: str, budget: Budget
) -> Mention | None:
    """A mention over tokens start..end after trimming "the", "'s" and admin suffixes."""
    start, end = _trim(doc, start, end)
    if start >= end:
        return None
    kinds = None
    suffix = doc[end - 1].lower_
    if end - start > 1 and suffix in ADMIN_SUFFIXES and doc[end - 1].is_lower:
        kinds = frozenset({ADMIN_SUFFIXES[suffix]})
        end -= 1
    elif end < len(doc) and doc[end].lower_ in ADMIN_SUFFIXES and doc[end].is_lower:
        kinds = frozenset({ADMIN_SUFFIXES[doc[end].lower_]})
    span = doc[start:end]
    text = span.text
    candidates = _lookup(text, kinds, budget)
    lookup = text
    if not candidates and end - start > 1:
        # "Oaxaca State", "Akita Prefecture": the division under its stem; "north west
        # London", "South Venezuela": the place without the compass words
        suffix_kind = ADMIN_SUFFIXES.get(doc[end - 1].lower_)
        inner = _after_direction(doc, start, end)
        if suffix_kind and doc[end - 1].is_title:
            kinds = frozenset({suffix_kind})
            lookup = doc[start : end - 1].text
            candidates = [c for c in budget.candidates(lookup) if c.kind in kinds]
        elif inner > start:
            candidates = budget.candidates(doc[inner:end].text)
            if not doc[start].is_lower:  # "West Nile" virus is not on the Nile
                candidates = [c for c in candidates if c.kind in _DIRECTED_KINDS]
            if candidates:
                span = doc[inner:end]
                text = lookup = span.text
    mention = Mention(span.start_char, span.end_char, text, lookup, source, label, kinds)
    mention.candidates = candidates
    return mention


#: compass words before a place name ("north west London", "eastern Aleppo")
DIRECTION_WORDS = words(
    """
    north south east west northern southern eastern western central north-west north-east
    south-west south-east northwest northeast southwest southeast northwestern northeastern
    southwestern southeastern - far upper lower
    """
)


#: what a capitalised compass word may stand before ("Western US", "West Wales")
_DIRECTED_KINDS = frozenset({"country", "admin1", "continent"})


def _after_direction(doc: Doc, start: int, end: int) -> int:
    """The first token after the compass words that open doc[start:end] (start if none)."""
    i = start
    while i < end - 1 and doc[i].lower_ in DIRECTION_WORDS:
        i += 1
    return i if i < end and is_cap(doc[i].text) else start


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading "the"/"of" and a trailing "'s" or punctuation."""
    while start < end and (doc[start].lower_ in ("the", "of") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _facility(doc: Doc, start: int, end: int, label: str, budget: Budget) -> Mention | None:
    """A street or building the gazetteer cannot know ("Royal Street", "Manila Cathedral"):
    named so by its last word, or by the NER's FAC label."""
    start, end = _trim(doc, start, end)
    if start >= end or not is_cap(doc[start].text):
        return None
    words = [t.text for t in doc[start:end]]
    kind = facility_kind(words)
    if (kind is None and label != "FAC") or is_organisation(words):
        return None
    span = doc[start:end]
    mention = Mention(span.start_char, span.end_char, span.text, span.text, "facility", label)
    mention.facility = kind or "facility"
    if kind != "street":  # streets are named after towns elsewhere ("Atlantic Avenue")
        mention.inner = _inner_place(doc, start, end - (kind is not None), budget)
    return mention


def _inner_place(doc: Doc, start: int, end: int, budget: Budget) -> list[Candidate] | None:
    """Candidates of the first town named inside a facility name ("*Colchester* General
    Hospital", "*Seoul* Central District Court"), if any."""
    for i in range(start, end):
        if not is_cap(doc[i].text) or doc[i].lower_ in COMMON_WORDS:
            continue
        stop = _longest_match(doc, i, min(end, i + MAX_NGRAM), budget)
        if stop is None:
            continue
        towns = [
            c
            for c in budget.candidates(doc[i:stop].text)
            if (c.primary or c.population >= 100_000) and c.kind in ("city", "admin2")
        ]
        if towns:
            return towns
    return None


def _lookup(text: str, kinds: frozenset[str] | None, budget: Budget) -> list[Candidate]:
    found = budget.candidates(text)
    if kinds:
        suffixed = [c for c in found if c.kind in kinds]
        if not suffixed:
            for suffix, kind in ADMIN_SUFFIXES.items():
                if kind in kinds and not suffix.endswith("s"):
                    suffixed = [c for c in budget.candidates(f"{text} {suffix}") if c.kind in kinds]
                    if suffixed:
                        break
        return suffixed or found
    return found


# --- demonyms -------------------------------------------------------------------------------


def _demonym_parts(doc: Doc, start: int, end: int, budget: Budget) -> list[Demonym]:
    found: list[Demonym] = []
    span = doc[start:end]
    whole = budget.gazetteer.demonym(span.text)
    if whole is not None:
        return [Demonym(span.start_char, span.end_char, span.text, whole)]
    offset = span.start_char
    for match in re.finditer(r"[^\W\d_][\w'’]*", span.text):
        place = budget.gazetteer.demonym(match.group())
        if place is not None:
            found.append(
                Demonym(offset + match.start(), offset + match.end(), match.group(), place)
            )
    return found


def _loose_demonyms(
    words: list[str],
    offsets: np.ndarray,
    covered: set[int],
    budget: Budget,
    ranges: Sequence[tuple[int, int]] | None,
) -> list[Demonym]:
    """Capitalised demonyms the NER left untagged ("Syrian-Turkish border")."""
    found: list[Demonym] = []
    for i, word in enumerate(words):
        if i in covered or not word[:1].isupper() or len(word) > 40:
            continue
        start = int(offsets[i])
        place = budget.gazetteer.demonym(word)
        if place is not None and _inside(start, start + len(word), ranges):
            found.append(Demonym(start, start + len(word), word, place))
    return found


def _with_demonyms(mentions: list[Mention], demonyms: list[Mention]) -> list[Mention]:
    """Mentions plus the demonyms that overlap none of them, in text order."""
    taken = [(m.start, m.end) for m in mentions]
    free = [d for d in demonyms if not any(d.start < b and a < d.end for a, b in taken)]
    return sorted(mentions + free, key=lambda m: m.start)


def _demonym_mentions(demonyms: Iterable[Demonym]) -> list[Mention]:
    mentions = []
    for dem in demonyms:
        mention = Mention(dem.start, dem.end, dem.text, dem.text, "demonym", "NORP")
        mention.candidates = [dem.place]
        mention.cue = True
        mentions.append(mention)
    return mentions


# --- untagged capitalised sequences ---------------------------------------------------------


def _runs(words: list[str], covered: set[int]) -> Iterable[tuple[int, int]]:
    """Token ranges of capitalised words (with Arabic articles and "-" inside) not in entities."""
    i, n = 0, len(words)
    while i < n:
        if i in covered or not is_cap(words[i]):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j not in covered
            and (
                is_cap(words[j])
                or (words[j].lower() in _CONNECTORS and j + 1 < n and is_cap(words[j + 1]))
            )
        ):
            j += 1
        yield i, j
        i = j


def _from_ngrams(
    doc: Doc,
    words: list[str],
    covered: set[int],
    budget: Budget,
    ranges: Sequence[tuple[int, int]] | None,
) -> list[Mention]:
    """Known names (longest first) and street or building names in the capitalised runs
    the NER left untagged; weak-looking ones are marked (see :func:`_weakness`)."""
    found: list[Mention] = []
    for start, end in _runs(words, covered):
        if end - start > 1 and doc[end - 1].lower_ in FACILITY_HEADS:
            facility = _facility(doc, start, end, "", budget)
            if facility is not None and _inside(facility.start, facility.end, ranges):
                found.append(facility)  # "Windsor Castle", "Third Street": the whole run
                continue
        i = start
        while i < end and budget.left > 0:
            match = _longest_match(doc, i, min(end, i + MAX_NGRAM), budget)
            if match is None:
                i += 1
                continue
            piece = _piece(doc, i, match, "ngram", "", budget)
            if piece is not None and piece.candidates and _inside(piece.start, piece.end, ranges):
                piece.weak = _weakness(doc, i, match, start, end)
                found.append(piece)
            i = match
    return found


def _longest_match(doc: Doc, start: int, stop: int, budget: Budget) -> int | None:
    """The end of the longest known name starting at token ``start`` (before ``stop``)."""
    for end in range(stop, start, -1):
        if doc[end - 1].lower_ in _CONNECTORS or doc[end - 1].lower_ in ("'s", "’s"):
            continue
        if budget.has(doc[start:end].text):
            return end
    return None


def _weakness(doc: Doc, start: int, end: int, run_start: int, run_end: int) -> str | None:
    """Why an untagged name may not be a place: "inside" a longer capitalised name
    ("Border" in "Border Patrol"), a "common" or stop word, a "short" word, or a
    sentence-"initial" capital; None when it is a plausible place name."""
    if end - start > 1:
        return None
    neighbours = [j for j in (start - 1, end) if run_start <= j < run_end]
    if any(doc[j].lower_ not in _CONNECTORS for j in neighbours):
        return "inside"
    token = doc[start]
    if token.is_stop or token.lower_ in COMMON_WORDS or len(token.text) < 3:
        return "common"
    if len(token.text) <= 4 and not token.is_upper:
        return "short"
    return "initial" if token.is_sent_start and not token.is_upper else None


def _merge_qualified(text: str, pieces: list[Mention], budget: Budget) -> list[Mention]:
    """Join "Washington, D.C." into one mention when the joined name is known."""
    merged: list[Mention] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if last is not None and text[last.end : piece.start] in (", ", ","):
            joined = text[last.start : piece.end]
            found = budget.candidates(joined)
            if found:
                merged[-1] = Mention(
                    last.start,
                    piece.end,
                    joined,
                    joined,
                    last.source,
                    last.label,
                    candidates=found,
                )
                continue
        merged.append(piece)
    return merged


def _embedded(doc: Doc, ent: Span, budget: Budget) -> list[Mention]:
    """A well-known place inside an organisation name (the longest one, at most one)."""
    best: Mention | None = None
    for start in range(ent.start, ent.end):
        for end in range(min(ent.end, start + 4), start, -1):
            if not is_cap(doc[start].text) or (start == ent.start and end == ent.end):
                continue
            piece = _piece(doc, start, end, "embedded", ent.label_, budget)
            if piece is None or not any(is_major(c) for c in piece.candidates):
                continue
            if best is None or piece.end - piece.start > best.end - best.start:
                best = piece
            break
    return [best] if best is not None else []


# --- metonymy -------------------------------------------------------------------------------


def _is_metonymic(doc: Doc, mention: Mention, parsed: bool) -> bool:
    """The place is the subject of a speech or stance verb ("Ankara said")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if parsed:
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
            return root.head.lemma_.lower() in _STANCE_VERBS
        return False
    following = doc[span.end] if span.end < len(doc) else None
    return following is not None and following.lower_ in _STANCE_FORMS
