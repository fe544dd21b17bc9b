"""What recognition finds: place mentions and demonyms, and the words and labels that
both finding and judging them need."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Candidate, Gazetteer

#: the most gazetteer lookups one document may make (hostile-input guard)
MAX_LOOKUPS = 20_000


def words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words of ``text`` (for word lists)."""
    return frozenset(text.split())


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: labels the small NER model often puts on place names ("Qamishli" ORG, "Tunis" NORP,
#: "Chattanooga" PRODUCT): their known names are checked against the context
RELABEL_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
#: labels whose words are demonyms or languages first ("Syrian", "English")
DEMONYM_LABELS = frozenset({"NORP", "LANGUAGE"})
#: numeric labels: their tokens stay open to the capitalised-sequence scan ("Manbij" DATE)
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
COMMON_WORDS = words(
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
    post border patrol northern southern eastern western central spring summer autumn winter
    """
)
BROAD_KINDS = frozenset({"country", "admin1", "continent", "region", "water"})


@dataclass(slots=True)
class Mention:
    """A stretch of text that names a place (resolved later)."""

    start: int
    end: int
    text: str
    lookup: str
    source: str  # ner | relabel | ngram | dateline | embedded | demonym
    label: str = ""
    kinds: frozenset[str] | None = None  # allowed kinds ("X province" -> admin1)
    cue: bool = False
    near: bool = False  # right after a locative preposition ("in X", "from the X")
    possessive: bool = False  # followed by "'s"
    weak: str | None = None  # why an untagged word may not be a place (see _weakness)
    facility: str | None = None  # "street" or "facility" for names below the town level
    inner: list[Candidate] | None = None  # a town inside a facility name ("Manila Cathedral")
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


class Budget:
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


def is_cap(token_text: str) -> bool:
    """A capitalised word with at least one letter."""
    return token_text[:1].isupper() and any(ch.isalpha() for ch in token_text)


def is_major(cand: Candidate) -> bool:
    return cand.primary and (cand.kind in BROAD_KINDS or cand.population >= 100_000)
