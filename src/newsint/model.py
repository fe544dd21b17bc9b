"""The output contract as frozen dataclasses.

Every extracted item carries ``start``/``end`` character offsets into ``Article.text`` and
the ``text`` it covers, so that evidence can always be shown. ``Analysis.to_dict()`` gives
the JSON described in DESIGN.md; ``Analysis.from_dict()`` reads it back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

SectionKind = Literal["title", "body", "caption", "signoff"]
ReliabilityLabel = Literal["low", "mixed", "high"]
QuantityKind = Literal["people", "money", "percent", "count"]


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``id`` is a stable hash of the normalised text."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str = "en"
    source: str | None = None  # where it came from: a path, "stdin", "path.jsonl:12"


@dataclass(frozen=True, slots=True)
class Span:
    """A bare piece of evidence: characters ``start``..``end`` of the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    """A structural part of the article (headline, body, image caption, sign-off)."""

    kind: SectionKind
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote the article and where it was published, as stated in the text.

    ``text``/``start``/``end`` cover the whole byline or sign-off line; ``author`` and
    ``outlet`` are the spans naming them.
    """

    text: str
    start: int
    end: int
    author: Span | None = None
    outlet: Span | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to an ISO day, or a period ``value``..``end_value``.

    ``granularity`` is one of day, week, month, month_part, season, quarter, year,
    year_part, decade. ``inferred`` is true when the year was not written in the
    expression and came from the publication date or the article's own years;
    ``open_end`` marks periods such as "since 2015" that run up to the publication date.
    """

    text: str
    start: int
    end: int
    value: str
    end_value: str | None
    granularity: str
    inferred: bool = False
    open_end: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts: people, money, a percentage or other things.

    ``noun`` is the head noun counted (``detainees``, ``incomes``), with its span;
    ``per`` is the unit of a rate ("$ 50 per trip" -> ``trip``).
    """

    text: str
    start: int
    end: int
    value: float
    kind: QuantityKind
    unit: str | None = None
    noun: str | None = None
    noun_start: int | None = None
    noun_end: int | None = None
    per: str | None = None
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    kind: str | None = None  # country | admin1 | admin2 | city | region | water | continent
    confidence: float = 0.0
    metonymic: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    start: int
    end: int
    name: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    text: str
    start: int
    end: int
    mode: str | None = None
    actor: Actor | None = None
    target: Actor | None = None
    count: Quantity | None = None
    place: Place | None = None
    date: DateMention | None = None
    confidence: float = 0.0
    negated: bool = False
    hypothetical: bool = False
    hedged: bool = False
    reported_by: str | None = None


@dataclass(frozen=True, slots=True)
class Route:
    places: tuple[Place, ...]
    geometry: dict[str, Any]
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    start: int
    end: int
    attribution: Attribution | None = None
    hedged: bool = False
    hedge_cues: tuple[Span, ...] = ()
    checkworthiness: float = 0.0


@dataclass(frozen=True, slots=True)
class Technique:
    technique: str
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    value: float
    weight: float
    evidence: tuple[Span, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Reliability:
    score: float
    label: ReliabilityLabel
    signals: tuple[Signal, ...] = ()


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """What produced an analysis, so that stored results can be traced and re-run."""

    newsint_version: str
    model: str
    components: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    pipeline: PipelineInfo
    sections: tuple[Section, ...] = ()
    byline: Byline | None = None
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    routes: tuple[Route, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    techniques: tuple[Technique, ...] = ()
    reliability: Reliability | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of the output contract."""
        result = _to_jsonable(self)
        assert isinstance(result, dict)
        return result

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Read back what ``to_dict`` wrote (unknown keys are ignored)."""
        return _from_jsonable(cls, data)

    def spans(self) -> dict[str, tuple[Any, ...]]:
        """Every item with a span, by kind; used by briefs to highlight the text."""
        return {
            "entities": self.entities,
            "dates": self.dates,
            "quantities": self.quantities,
            "places": self.places,
            "events": self.events,
            "claims": self.claims,
            "techniques": self.techniques,
        }


# --- (de)serialisation -------------------------------------------------------------------


def _to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


T = TypeVar("T")
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _from_jsonable(cls: type[T], data: dict[str, Any]) -> T:
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        (item_type, *_rest) = get_args(tp)
        return tuple(_convert(item_type, v) for v in value)
    if origin is Literal or tp is Any or origin is dict:
        return value
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _from_jsonable(tp, value)
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    if tp is float:
        return float(value)
    return value


__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Attribution",
    "Byline",
    "Claim",
    "DateMention",
    "Entity",
    "Event",
    "PipelineInfo",
    "Place",
    "Quantity",
    "Reliability",
    "Route",
    "Section",
    "Signal",
    "Span",
    "Technique",
]
