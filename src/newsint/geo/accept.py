"""Judge the pieces recognition found: which are places, given their words and context.

A piece is kept when it is *credible* (not a person's name, an acronym, a common word or
an organisation) and *trusted* (the NER called it a place, or a place context surrounds it:
"in X", "the towns of X", "X province", "X, Texas"), or when it is joined by "and", a comma
or a dash to a kept piece, or when the article names the same place with confidence
elsewhere (one sense per article).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from .facilities import facility_kind
from .mentions import BROAD_KINDS, COMMON_WORDS, NUMERIC_LABELS, Mention, words

_SEPARATOR = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&|[–—\-/])\s*$", re.IGNORECASE)
_DASH = re.compile(r"^\s+[–—\-]\s+$|^\s*[–—]\s*$")
#: words that say what kind of town-like place follows "of": "the town of X", "the mayor of X"
_KIND_WORDS = (
    r"towns?|city|cities|villages?|provinces?|governorates?|districts?|capital|outskirts|"
    r"suburbs?|islands?|municipality|mayor|governor|residents?|inhabitants"
)
_PREFIX_CUE = re.compile(
    r"(?:\b(?:in|at|from|to|into|towards?|near|via|through|across|outside|inside|around|"
    r"between|beyond|along|reach(?:ed|ing|es)?|entered|enter|captured|seized|took|"
    r"liberated|bombed|shelled|attacked|fled|flee|flees|visit(?:ed|ing)?|border(?:ing)?|"
    r"left|leave|leaving|toward|arrived|arriving|returned|landed|based|born|live[sd]?|"
    r"north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?east|north-?west|south-?east|south-?west)(?:\s+the)?"
    r"|\b(?:fired|attacks?|attacked|strikes?|raids?|assaults?|offensive|shelling|bombing|"
    r"airstrikes?|march(?:ed)?|advance[sd]?)\s+on(?:\s+the)?"
    rf"|\b(?:{_KIND_WORDS}|regions?|areas?|countries|country|port|border[\s\-]*towns?|"
    r"states?|county|counties|neighbou?rhoods?|(?:north|south|east|west)(?:-?(?:east|west))?)"
    r"\s+of(?:\s+the)?)\s*$",
    re.IGNORECASE,
)
#: a context that names the kind of place: "the town of X", "the mayor of X"
_KIND_CUE = re.compile(rf"\b(?:{_KIND_WORDS}|hamlets?|township)\s+of(?:\s+the)?\s*$", re.IGNORECASE)
#: a locative preposition right before the name: strong evidence for a known place name
_NEAR_CUE = re.compile(
    r"(?:^|[^\w])(?:[Ii]n|at|from|near|into|outside|inside|via|across|around|towards?|through)"
    r"\s+(?:the\s+)?$"
)
_OF_AFTER = re.compile(r",?\s+of\s+$")
_BRACKETED = re.compile(r"[A-Z][\w'’.]*\s*\(\s*$")
_AFTER_NAME_COMMA = re.compile(r"[A-Z][\w.'’\-]*\s*,\s*$")
_SUFFIX_CUE = re.compile(
    r"^\s*(?:[–—\-]\s*based\b|,\s*(?:a|the)\s+(?:town|city|village|province)|"
    r"(?:province|governorate|region|district|city|town|village|county|state|oblast|"
    r"border|countryside|area|airport|port|outskirts)\b)",
    re.IGNORECASE,
)
_TITLE_CUE = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|prof|sir|lord|lady|president|minister|gen|general|col|colonel|"
    r"capt|captain|sheikh|shaikh|imam|king|queen|prince|princess|sen|senator|rep|gov|"
    r"governor|mayor|judge|pope|father|brother|sister|uncle|aunt|son|daughter|wife|"
    r"husband|mother|spokesman|spokeswoman|commander|chief|leader|officer|"
    r"journalist|correspondent|editor|author|named|called|hurricane|storm|typhoon|cyclone)"
    r"\.?\s*$",
    re.IGNORECASE,
)
_PERSON_CUE = re.compile(
    r"^\s*(?:said|says|told|added|stated|explained|noted|argued|wrote|tweeted|insisted|"
    r"confirmed|reported|asked|replied|recalled|admitted|,\s*(?:who|whose|his|her|\d+)\b|"
    r"\(\s*\d+\s*\)|'s\s+(?:wife|husband|son|daughter|mother|father|family|lawyer))",
    re.IGNORECASE,
)
_PLACE_HEADS = words(
    """
    street st road rd avenue ave boulevard square park island islands river mountains
    mountain lake valley bay beach heights village township estate county parish
    district province hills hill harbour harbor port creek canyon desert forest coast
    peninsula airport bridge camp
    """
)
_CURRENCY = frozenset("$€£¥₹₽")


def has_cue(text: str, mention: Mention) -> bool:
    """A place context around the mention: "the towns of X", "in X", "X province",
    "X-based", "fired on X"..."""
    before = text[max(0, mention.start - 60) : mention.start]
    after = text[mention.end : mention.end + 40]
    return bool(_PREFIX_CUE.search(before) or _SUFFIX_CUE.search(after) or mention.kinds)


def _kind_cue(text: str, mention: Mention) -> bool:
    """ "the northern town of Toruń", "the mayor of Dogubayazit": the text says what kind
    of place follows, whatever the NER made of the name."""
    return bool(_KIND_CUE.search(text, max(0, mention.start - 40), mention.start))


def near_cue(text: str, mention: Mention, person_ends: set[int]) -> bool:
    """A locative preposition right before ("in X"), "of" after a person ("Jodi Mahler of
    Bellmore") or brackets after a name ("Fig Leaf Boutique (Maywood)")."""
    if _NEAR_CUE.search(text, max(0, mention.start - 20), mention.start):
        return True
    of = _OF_AFTER.search(text, max(0, mention.start - 6), mention.start)
    if of is not None and of.start() in person_ends:
        return True
    return bool(_BRACKETED.search(text, max(0, mention.start - 40), mention.start)) and (
        text.startswith(")", mention.end)
    )


def _strong_enough(text: str, piece: Mention) -> bool:
    """Untagged words that look weak ("Douma is...", "Knockhill, Fife") count when the
    context says place: a preposition for a sentence-initial name, a qualifier after a
    comma for a short one."""
    if piece.weak is None:
        return True
    if piece.weak == "initial" and piece.near:
        return True
    return piece.weak in ("initial", "short") and _qualifies(text, piece)


def _mark_qualified(text: str, pieces: list[Mention]) -> None:
    """A name followed by a comma and a division or country ("Croft, Yorkshire") is a
    place like one after a preposition."""
    for left, right in itertools.pairwise(pieces):
        if (
            text[left.end : right.start].strip() == ","
            and left.sentence == right.sentence
            and left.weak is None
            and _qualifies(text, right)
        ):
            left.near = True


def _qualifies(text: str, mention: Mention) -> bool:
    """A division or country written after a name and a comma ("Oulton Park, Cheshire",
    "Lexington, Massachusetts"): a place qualifying another one."""
    return bool(_AFTER_NAME_COMMA.search(text, max(0, mention.start - 30), mention.start)) and any(
        c.primary and c.kind in ("admin1", "admin2", "country") for c in mention.candidates
    )


def person_context(text: str, mention: Mention) -> bool:
    """A title before the name ("Mr X") or, unless a preposition makes it a place ("in X
    said"), a speech verb or an age after it ("X said", "X, 45,")."""
    before = text[max(0, mention.start - 30) : mention.start]
    if _TITLE_CUE.search(before):
        return True
    return not mention.near and bool(_PERSON_CUE.search(text, mention.end, mention.end + 30))


def linked(text: str, left: Mention, right: Mention) -> bool:
    """True when two mentions are joined by "and", a comma or a dash in one sentence."""
    return (
        left.sentence == right.sentence
        and 0 <= right.start - left.end <= 8
        and bool(_SEPARATOR.match(text[left.end : right.start]))
    )


def dashed(text: str, left: Mention, right: Mention) -> bool:
    """True when two mentions are joined by a dash ("A – B")."""
    return 0 < right.start - left.end <= 5 and bool(_DASH.match(text[left.end : right.start]))


def accept(text: str, pieces: list[Mention], votes: Votes) -> list[Mention]:
    """Keep trusted pieces, then pieces in a place context or linked to a kept one, then
    other occurrences of the names kept so far (one sense per article)."""
    pieces = drop_overlaps(pieces)
    _mark_qualified(text, pieces)
    credible = [
        p
        for p in pieces
        if _strong_enough(text, p) and _credible(text, p, votes.persons, votes.person_words)
    ]
    kept = [_trusted(text, p) for p in credible]
    changed = True
    while changed:
        changed = False
        for i, piece in enumerate(credible):
            if kept[i] or not piece.candidates or person_context(text, piece):
                continue
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(credible) and kept[j]]
            if any(
                linked(text, *sorted((credible[i], credible[j]), key=lambda m: m.start))
                for j in near
            ):
                kept[i] = changed = True
    accepted = [p for p, keep in zip(credible, kept, strict=True) if keep]
    chosen = {id(p) for p in accepted}
    rest = [p for p in pieces if id(p) not in chosen]
    accepted.extend(_same_names(text, accepted, rest, votes))
    return sorted(accepted, key=lambda m: m.start)


def _same_names(
    text: str, accepted: list[Mention], rest: list[Mention], votes: Votes
) -> list[Mention]:
    """Pieces spelled like a place the article names with confidence elsewhere ("Douma is
    surrounded" after "the rebel bastion of Douma"), when the NER calls that name a place
    at least as often as anything else, and no person is meant here."""
    sure = {
        p.text
        for p in accepted
        if p.candidates
        and (p.source == "dateline" or (p.source == "ner" and p.text in votes.places))
    }
    return [
        p
        for p in rest
        if p.text in sure
        and p.candidates
        and p.lookup not in votes.persons
        and not person_context(text, p)
    ]


def _major(piece: Mention) -> bool:
    """A country, division, region or big city: names people rarely carry."""
    return any(
        (c.kind in BROAD_KINDS and c.primary) or c.population >= 1_000_000 for c in piece.candidates
    )


def _credible(text: str, piece: Mention, persons: set[str], person_words: set[str]) -> bool:
    """Filters for what is more likely a person, an acronym or a common word."""
    if not piece.lookup[:1].isupper() and not piece.lookup[:1].isdigit():
        return False
    if any(ch in _CURRENCY for ch in piece.lookup):
        return False  # "US$", "HK$"
    if piece.source == "dateline":
        return True
    if piece.source == "facility":
        return _credible_facility(text, piece)
    if _acronym(piece) or _bare_abbreviation(text, piece):
        return False
    single = " " not in piece.lookup
    if single and piece.lookup.casefold() in COMMON_WORDS and not _major(piece):
        return False
    # "Dubreuil" after "Claude Joseph Villars Dubreuil": the person again
    person = piece.lookup in persons or (single and piece.lookup in person_words)
    if person and piece.source != "relabel" and not piece.cue and not piece.near:
        return _major(piece)
    if piece.source == "relabel":
        return _credible_relabel(piece, single, person_words)
    if piece.source != "ner":
        return True
    if piece.label == "FAC":
        return piece.cue and any(c.primary for c in piece.candidates)
    if not piece.candidates:
        head = piece.lookup.split()[-1].casefold().rstrip(".")
        return (piece.cue or head in _PLACE_HEADS) and not person_context(text, piece)
    return True


def _credible_facility(text: str, piece: Mention) -> bool:
    """Streets stand on their own; buildings and what the NER calls facilities need a
    locative context ("at Barclays Center", "in the Manila Cathedral")."""
    if piece.possessive or person_context(text, piece) or _acronym(piece):
        return False
    if piece.facility == "street" and facility_kind([piece.lookup.split()[-1]]) == "street":
        return True
    return piece.near or piece.cue


def _credible_relabel(piece: Mention, single: bool, person_words: set[str]) -> bool:
    """A known name the NER gave another label: a preposition before it settles it; a
    possessive, a person's surname or a small town's name tagged ORG rules it out."""
    if piece.near and not piece.possessive and any(c.primary for c in piece.candidates):
        return True  # "in Clarinda", "from Centreville": whatever the NER said
    if piece.possessive and not _major(piece):
        return False  # "at Kelly's attempts", "from McDonald's"
    if single and piece.label == "PERSON" and piece.lookup in person_words:
        return False
    if single and piece.label == "ORG":
        return any(c.kind in BROAD_KINDS or c.population >= 10_000 for c in piece.candidates)
    return True


def _acronym(piece: Mention) -> bool:
    """Short capitalised forms ("AI", "MoD", "NATO") that name no well-known place."""
    letters = [ch for ch in piece.lookup if ch.isalpha()]
    if not letters or len(letters) > 5 or sum(ch.isupper() for ch in letters) < 2:
        return False
    return not any(
        c.primary and (c.kind != "city" or c.population >= 100_000) for c in piece.candidates
    )


def _bare_abbreviation(text: str, piece: Mention) -> bool:
    """ "Pa.", "Neb.": state abbreviations only count after a comma ("Omaha, Neb.")."""
    letters = sum(ch.isalpha() for ch in piece.lookup)
    if not piece.lookup.endswith(".") or letters > 4 or not piece.candidates:
        return False
    if any(
        c.kind == "country" or c.population >= 100_000 and c.kind == "city"
        for c in piece.candidates
    ):
        return False
    return not text[max(0, piece.start - 2) : piece.start].startswith(",")


def _trusted(text: str, piece: Mention) -> bool:
    """A credible piece is a place on its own: the NER, a dateline or a facility name says
    so, or a place context does, or it is a country, division or major city."""
    if piece.source in ("ner", "embedded", "dateline", "facility"):
        return True
    if not piece.candidates or person_context(text, piece):
        return False
    if piece.source == "relabel" and piece.label not in ("PERSON", "ORG"):
        # NORP, PRODUCT, EVENT...: a place only in a clear place context (or in a list)
        return (
            piece.near
            or (piece.cue and _major(piece))
            or _kind_cue(text, piece)
            or _qualifies(text, piece)
        )
    if piece.cue or piece.near or _qualifies(text, piece):
        return True
    broad = any(c.kind in BROAD_KINDS and c.primary for c in piece.candidates)
    if piece.label == "ORG" and any(
        c.primary and (c.capital or c.population >= 1_000_000) for c in piece.candidates
    ):
        return True
    multiword = " " in piece.lookup
    return broad and (piece.source == "ngram" or piece.label == "ORG" or multiword)


@dataclass(slots=True)
class Votes:
    """What the NER makes of each name across the article."""

    persons: set[str]  # tagged as people more often than as places
    person_words: set[str]  # single words of multi-word person names ("Bolton")
    places: set[str]  # tagged GPE/LOC at least as often as anything else


def votes(ents: Sequence[Span]) -> Votes:
    """Names the NER tags as people more often than as places, the single words of its
    multi-word person names ("Bolton" after "John Bolton"), and the names it tags as
    places at least as often as anything else."""
    people: Counter[str] = Counter()
    places: Counter[str] = Counter()
    others: Counter[str] = Counter()
    parts: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON":
            people[ent.text] += 1
            if len(ent) > 1:
                parts.update(t.text for t in ent if t.text[:1].isupper() and len(t.text) > 2)
        if ent.label_ in ("GPE", "LOC"):
            places[ent.text] += 1
        elif ent.label_ not in NUMERIC_LABELS:
            others[ent.text] += 1
    for part in parts:
        people[part] += 1
    return Votes(
        {name for name, count in people.items() if count > places[name]},
        parts,
        {name for name, count in places.items() if count >= others[name]},
    )


def drop_overlaps(pieces: list[Mention]) -> list[Mention]:
    """Pieces sorted by start without overlaps: of two overlapping pieces, the longer."""
    result: list[Mention] = []
    for piece in pieces:
        if result and piece.start < result[-1].end:
            if (piece.end - piece.start) > (result[-1].end - result[-1].start):
                result[-1] = piece
            continue
        result.append(piece)
    return result
