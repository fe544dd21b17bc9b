"""Find place mentions in a spaCy Doc without trusting the NER alone.

Sources, in order of trust:

* GPE / LOC / FAC entities (FAC only when the gazetteer knows the name);
* PERSON / ORG / NORP entities, or their parts split on "and", commas and dashes, that the
  gazetteer knows *and* that stand in a place context ("the towns of X", "in X", "X
  province", "from X", "towards X", dash chains "A – B – C", or joined by "and" to a place);
* capitalised word sequences the NER left untagged, under the same conditions.

Demonyms ("Turkish", "Kurds") are kept apart as country context, not places. People's
names in a person context ("X said", "Mr X") are dropped. ``metonymic`` marks a place that
is the subject of a speech or stance verb ("Ankara said", "Moscow denied").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, IDX, SENT_START
from spacy.tokens import Doc, Span

from .gazetteer import Candidate, Gazetteer

#: hostile-input guards
MAX_MENTIONS = 2_000
MAX_LOOKUPS = 20_000
MAX_NGRAM = 5


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RELABEL_LABELS = frozenset({"PERSON", "ORG", "NORP"})
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
_SEPARATOR = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&|[–—\-/])\s*$", re.IGNORECASE)
_DASH = re.compile(r"^\s+[–—\-]\s+$|^\s*[–—]\s*$")
_PREFIX_CUE = re.compile(
    r"(?:\b(?:in|at|from|to|into|towards?|near|via|through|across|outside|inside|around|"
    r"between|beyond|along|reach(?:ed|ing|es)?|entered|enter|captured|seized|took|"
    r"liberated|bombed|shelled|attacked|fled|flee|flees|visit(?:ed|ing)?|border(?:ing)?|"
    r"left|leave|leaving|toward|arrived|arriving|returned|landed|based|born|live[sd]?|"
    r"north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?east|north-?west|south-?east|south-?west)(?:\s+the)?"
    r"|\b(?:towns?|city|cities|villages?|provinces?|regions?|districts?|areas?|"
    r"governorates?|countries|country|capital|outskirts|suburbs?|port|border[\s\-]*towns?|"
    r"islands?|states?|county|counties|municipality|neighbou?rhoods?|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?)"
    r"\s+of(?:\s+the)?)\s*$",
    re.IGNORECASE,
)
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
_STANCE_VERBS = _words(
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
_COMMON = _words(
    """
    january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday i a an the of best
    mobile police government army ministry state city town village province region
    county north south east west said president minister general mr mrs dr god news
    university college school church hospital street road river lake mount national
    international republic democratic federal party union centre center congress
    parliament senate assembly council cabinet court navy embassy consulate kingdom
    empire capitol commission committee agency bureau department office house hall tower
    bank market station airport company group team club league network media press times
    post border patrol
    """
)
_PLACE_HEADS = _words(
    """
    street st road rd avenue ave boulevard square park island islands river mountains
    mountain lake valley bay beach heights village township estate county parish
    district province hills hill harbour harbor port creek canyon desert forest coast
    peninsula airport bridge camp
    """
)
_BROAD = frozenset({"country", "admin1", "continent", "region", "water"})
_CONNECTORS = _words("al el ad ash as ar at az an de del la le of da do dos das du des - ul bin")


@dataclass(slots=True)
class Mention:
    """A stretch of text that names a place (resolved later)."""

    start: int
    end: int
    text: str
    lookup: str
    source: str  # ner | relabel | ngram
    label: str = ""
    kinds: frozenset[str] | None = None  # allowed kinds ("X province" -> admin1)
    cue: bool = False
    metonymic: bool = False
    sentence: int = 0
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(slots=True)
class Demonym:
    start: int
    end: int
    text: str
    place: Candidate


@dataclass(slots=True)
class Recognition:
    mentions: list[Mention]
    demonyms: list[Demonym]


class _Budget:
    """Counts gazetteer lookups so that hostile inputs stay cheap."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.left = MAX_LOOKUPS

    def candidates(self, name: str) -> list[Candidate]:
        if self.left <= 0 or not name.strip():
            return []
        self.left -= 1
        return self.gazetteer.candidates(name)

    def has(self, name: str) -> bool:
        if self.left <= 0 or not name.strip():
            return False
        self.left -= 1
        return self.gazetteer.has(name)


def recognise(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    ranges: Sequence[tuple[int, int]] | None = None,
    demonyms_as_places: bool = False,
    embedded: bool = False,
) -> Recognition:
    """Place mentions and demonyms in ``doc`` (only inside ``ranges`` when given).

    ``demonyms_as_places`` also returns demonyms as mentions of what they name;
    ``embedded`` also returns well-known places inside organisation names ("The
    Washington Post", "Sustainable Energy Authority of Ireland"), flagged metonymic.
    """
    budget = _Budget(gazetteer)
    text = doc.text  # built from the tokens on every access: read it once
    table = doc.to_array([IDX, SENT_START, DEP])  # one C-level pass instead of many
    parsed = bool(table.shape[0]) and bool((table[:, 2] != 0).any())
    starts = _sentence_starts(table)
    words = [t.text for t in doc]
    covered: set[int] = set()
    pieces: list[Mention] = []
    found_demonyms: list[Demonym] = []
    for ent in doc.ents:
        if not _inside(ent.start_char, ent.end_char, ranges):
            continue
        covered.update(range(ent.start, ent.end))
        if ent.label_ in PLACE_LABELS or ent.label_ in RELABEL_LABELS or embedded:
            found, dems = _from_entity(doc, ent, budget)
            if not found and embedded and ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT"):
                found = _embedded(doc, ent, budget)
            pieces.extend(found)
            found_demonyms.extend(dems)
    found_demonyms.extend(_loose_demonyms(words, table[:, 0], covered, budget, ranges))
    pieces.extend(_from_ngrams(doc, words, covered, budget, ranges))
    for piece in pieces:
        piece.sentence = bisect.bisect_right(starts, piece.start) - 1
        piece.cue = _has_cue(text, piece)
    pieces = _merge_qualified(text, sorted(pieces, key=lambda m: (m.start, -m.end)), budget)
    mentions = _accept(text, pieces, _person_names(doc))
    if demonyms_as_places:
        mentions.extend(_demonym_mentions(found_demonyms))
        mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        mention.metonymic = mention.source == "embedded" or _is_metonymic(doc, mention, parsed)
    return Recognition(mentions[:MAX_MENTIONS], found_demonyms)


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


def _from_entity(doc: Doc, ent: Span, budget: _Budget) -> tuple[list[Mention], list[Demonym]]:
    """Mentions (and demonyms) inside one entity: the whole span, else its parts."""
    if ent.label_ == "NORP":
        return [], _demonym_parts(doc, ent.start, ent.end, budget)
    if ent.label_ not in PLACE_LABELS and ent.label_ not in RELABEL_LABELS:
        return [], []
    source = "ner" if ent.label_ in PLACE_LABELS else "relabel"
    whole = _piece(doc, ent.start, ent.end, source, ent.label_, budget)
    splits = _splits(doc, ent.start, ent.end)
    if whole is not None and (whole.candidates or not splits):
        return ([whole] if _keep(whole, ent.label_) else []), []
    parts = []
    for start, end in splits:
        piece = _piece(doc, start, end, source, ent.label_, budget)
        if piece is not None and _keep(piece, ent.label_):
            parts.append(piece)
    return parts, []


def _keep(piece: Mention, label: str) -> bool:
    """Known names are kept; unknown ones only when the NER called them places."""
    if piece.candidates:
        return True
    if label == "FAC" or label in RELABEL_LABELS:
        return False
    return piece.lookup[:1].isupper() and len(piece.lookup) > 1


def _splits(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of an entity split on "and", "or", "&", commas and dashes."""
    parts: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end):
        token = doc[i]
        spaced_dash = token.text == "-" and i > start and bool(doc[i - 1].whitespace_)
        if token.lower_ in ("and", "or", "&", ",", "–", "—", "/") or spaced_dash:
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    if begin < end and parts:
        parts.append((begin, end))
    return parts if len(parts) > 1 else []


def _piece(
    doc: Doc, start: int, end: int, source: str, label: str, budget: _Budget
) -> Mention | None:
    """A mention over tokens start..end after trimming "the", "'s" and admin suffixes."""
    while start < end and (doc[start].lower_ in ("the", "of") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct):
        end -= 1
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
    mention = Mention(span.start_char, span.end_char, text, text, source, label, kinds)
    mention.candidates = _lookup(text, kinds, budget)
    return mention


def _lookup(text: str, kinds: frozenset[str] | None, budget: _Budget) -> list[Candidate]:
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


def _demonym_parts(doc: Doc, start: int, end: int, budget: _Budget) -> list[Demonym]:
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
    budget: _Budget,
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


def _demonym_mentions(demonyms: Iterable[Demonym]) -> list[Mention]:
    mentions = []
    for dem in demonyms:
        mention = Mention(dem.start, dem.end, dem.text, dem.text, "demonym", "NORP")
        mention.candidates = [dem.place]
        mention.cue = True
        mentions.append(mention)
    return mentions


# --- untagged capitalised sequences ---------------------------------------------------------


def _is_cap(token_text: str) -> bool:
    return token_text[:1].isupper() and any(ch.isalpha() for ch in token_text)


def _runs(words: list[str], covered: set[int]) -> Iterable[tuple[int, int]]:
    """Token ranges of capitalised words (with Arabic articles and "-" inside) not in entities."""
    i, n = 0, len(words)
    while i < n:
        if i in covered or not _is_cap(words[i]):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j not in covered
            and (
                _is_cap(words[j])
                or (words[j].lower() in _CONNECTORS and j + 1 < n and _is_cap(words[j + 1]))
            )
        ):
            j += 1
        yield i, j
        i = j


def _from_ngrams(
    doc: Doc,
    words: list[str],
    covered: set[int],
    budget: _Budget,
    ranges: Sequence[tuple[int, int]] | None,
) -> list[Mention]:
    found: list[Mention] = []
    for start, end in _runs(words, covered):
        i = start
        while i < end and budget.left > 0:
            match = _longest_match(doc, i, min(end, i + MAX_NGRAM), budget)
            if match is None:
                i += 1
                continue
            piece = _piece(doc, i, match, "ngram", "", budget)
            if (
                piece is not None
                and piece.candidates
                and _inside(piece.start, piece.end, ranges)
                and _plausible_ngram(doc, i, match, start, end)
            ):
                found.append(piece)
            i = match
    return found


def _longest_match(doc: Doc, start: int, stop: int, budget: _Budget) -> int | None:
    for end in range(stop, start, -1):
        if doc[end - 1].lower_ in _CONNECTORS:
            continue
        if budget.has(doc[start:end].text):
            return end
    return None


def _plausible_ngram(doc: Doc, start: int, end: int, run_start: int, run_end: int) -> bool:
    """Reject untagged single common words, stop words, sentence-initial words and single
    words inside a longer capitalised name ("Border" in "Border Patrol")."""
    if end - start > 1:
        return True
    neighbours = [j for j in (start - 1, end) if run_start <= j < run_end]
    if any(doc[j].lower_ not in _CONNECTORS for j in neighbours):
        return False
    token = doc[start]
    if token.is_stop or token.lower_ in _COMMON or len(token.text) < 3:
        return False
    if len(token.text) <= 4 and not token.is_upper:
        return False
    return not (token.is_sent_start and not token.is_upper)


# --- acceptance -----------------------------------------------------------------------------


def _has_cue(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 60) : mention.start]
    after = text[mention.end : mention.end + 40]
    return bool(_PREFIX_CUE.search(before) or _SUFFIX_CUE.search(after) or mention.kinds)


def _person_context(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 30) : mention.start]
    after = text[mention.end : mention.end + 30]
    return bool(_TITLE_CUE.search(before) or _PERSON_CUE.search(after))


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


def _accept(text: str, pieces: list[Mention], people: tuple[set[str], set[str]]) -> list[Mention]:
    """Keep trusted pieces, then pieces in a place context or linked to a kept one."""
    persons, person_words = people
    pieces = [p for p in _drop_overlaps(pieces) if _credible(text, p, persons, person_words)]
    kept = [_trusted(text, p) for p in pieces]
    changed = True
    while changed:
        changed = False
        for i, piece in enumerate(pieces):
            if kept[i] or not piece.candidates or _person_context(text, piece):
                continue
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(pieces) and kept[j]]
            if any(
                linked(text, *sorted((pieces[i], pieces[j]), key=lambda m: m.start)) for j in near
            ):
                kept[i] = changed = True
    return [p for p, keep in zip(pieces, kept, strict=True) if keep]


def _major(piece: Mention) -> bool:
    """A country, division, region or big city: names people rarely carry."""
    return any(
        (c.kind in _BROAD and c.primary) or c.population >= 1_000_000 for c in piece.candidates
    )


def _credible(text: str, piece: Mention, persons: set[str], person_words: set[str]) -> bool:
    """Filters for what is more likely a person, an acronym or a common word."""
    if not piece.lookup[:1].isupper() and not piece.lookup[:1].isdigit():
        return False
    if _acronym(piece) or _bare_abbreviation(text, piece):
        return False
    single = " " not in piece.lookup
    if single and piece.lookup.casefold() in _COMMON and not _major(piece):
        return False
    if piece.source != "relabel" and piece.lookup in persons and not piece.cue:
        return _major(piece)
    if piece.source == "relabel":
        return _credible_relabel(piece, single, person_words)
    if piece.source != "ner":
        return True
    if piece.label == "FAC":
        return piece.cue and any(c.primary for c in piece.candidates)
    if not piece.candidates:
        head = piece.lookup.split()[-1].casefold().rstrip(".")
        return (piece.cue or head in _PLACE_HEADS) and not _person_context(text, piece)
    return True


def _credible_relabel(piece: Mention, single: bool, person_words: set[str]) -> bool:
    if single and piece.label == "PERSON" and piece.lookup in person_words:
        return False
    if single and piece.label == "ORG":
        return any(c.kind in _BROAD or c.population >= 10_000 for c in piece.candidates)
    return True


def _acronym(piece: Mention) -> bool:
    """Short capitalised forms ("AI", "MoD", "NATO") that name no well-known place."""
    letters = [ch for ch in piece.lookup if ch.isalpha()]
    if not letters or len(letters) > 5 or sum(ch.isupper() for ch in letters) < 2:
        return False
    return not any(
        (c.primary and c.kind != "city") or c.population >= 100_000 for c in piece.candidates
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
    if piece.source in ("ner", "embedded"):
        return True
    if not piece.candidates or _person_context(text, piece):
        return False
    if piece.cue:
        return True
    broad = any(c.kind in _BROAD and c.primary for c in piece.candidates)
    if piece.label == "ORG" and any(
        c.primary and (c.capital or c.population >= 1_000_000) for c in piece.candidates
    ):
        return True
    multiword = " " in piece.lookup
    return broad and (piece.source == "ngram" or piece.label in ("ORG", "NORP") or multiword)


def _person_names(doc: Doc) -> tuple[set[str], set[str]]:
    """Names the NER tags as people more often than as places, and the single words of
    its multi-word person names ("Bolton" after "John Bolton")."""
    people: Counter[str] = Counter()
    places: Counter[str] = Counter()
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            people[ent.text] += 1
            if len(ent) > 1:
                words.update(t.text for t in ent if t.text[:1].isupper() and len(t.text) > 2)
        elif ent.label_ in ("GPE", "LOC"):
            places[ent.text] += 1
    for word in words:
        people[word] += 1
    return {name for name, count in people.items() if count > places[name]}, words


def _merge_qualified(text: str, pieces: list[Mention], budget: _Budget) -> list[Mention]:
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


def _embedded(doc: Doc, ent: Span, budget: _Budget) -> list[Mention]:
    """A well-known place inside an organisation name (the longest one, at most one)."""
    best: Mention | None = None
    for start in range(ent.start, ent.end):
        for end in range(min(ent.end, start + 4), start, -1):
            if not _is_cap(doc[start].text) or (start == ent.start and end == ent.end):
                continue
            piece = _piece(doc, start, end, "embedded", ent.label_, budget)
            if piece is None or not piece.candidates or not _major_or_city(piece):
                continue
            if best is None or piece.end - piece.start > best.end - best.start:
                best = piece
            break
    return [best] if best is not None else []


def _major_or_city(piece: Mention) -> bool:
    return any(
        c.primary and (c.kind in _BROAD or c.population >= 100_000) for c in piece.candidates
    )


def _drop_overlaps(pieces: list[Mention]) -> list[Mention]:
    result: list[Mention] = []
    for piece in pieces:
        if result and piece.start < result[-1].end:
            if (piece.end - piece.start) > (result[-1].end - result[-1].start):
                result[-1] = piece
            continue
        result.append(piece)
    return result


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
