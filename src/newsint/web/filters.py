"""The search filters of ``newsint search`` as request parameters, shared by pages and API.

A ``Filters`` holds the raw strings a form sent (so the form can show them again and links
can carry them) and turns them into a validated ``SearchQuery``; a bad value raises
``ConfigError``, which the app answers with 400 and the message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query

from ..errors import ConfigError
from ..store.base import Near, SearchQuery
from .queries import EventFilter

DEFAULT_KM = 50.0
MAX_PARAM = 500


def _date(value: str, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a date (YYYY-MM-DD), not {value!r}") from exc


def _km(value: str) -> float:
    if not value:
        return DEFAULT_KM
    try:
        km = float(value)
    except ValueError as exc:
        raise ConfigError(f"km must be a number of kilometres, not {value!r}") from exc
    if not (km > 0 and math.isfinite(km)):
        raise ConfigError(f"km must be a positive number of kilometres, not {value!r}")
    return km


@dataclass(frozen=True, slots=True)
class Filters:
    """Words and filters as typed in a form; empty string = not set."""

    q: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    country: str = ""
    near: str = ""
    km: str = ""
    event_type: str = ""
    technique: str = ""
    reliability: str = ""

    def query(self, limit: int | None = None) -> SearchQuery:
        """The validated search (``ConfigError`` for a bad date, place or label)."""
        return SearchQuery(
            text=self.q,
            outlet=self.outlet or None,
            since=_date(self.since, "since"),
            until=_date(self.until, "until"),
            country=self.country.upper() or None,
            near=Near.parse(self.near, _km(self.km)) if self.near else None,
            event_type=self.event_type or None,
            technique=self.technique or None,
            reliability=self.reliability.lower() or None,
            limit=limit,
        )

    def params(self) -> list[tuple[str, str]]:
        return [
            (f.name, getattr(self, f.name))
            for f in dataclasses.fields(self)
            if getattr(self, f.name)
        ]

    def encode(self, **more: str | int) -> str:
        """The filters (and ``more``) as a query string, for links that keep them."""
        return urlencode([*self.params(), *((k, str(v)) for k, v in more.items())])

    @property
    def active(self) -> bool:
        return bool(self.params())


def _param(description: str) -> object:
    return Query(description=description, max_length=MAX_PARAM)


def filters_param(
    q: Annotated[str, _param('Words that must all occur; "a phrase", prefix*.')] = "",
    outlet: Annotated[str, _param("Outlet name or web domain (case-insensitive).")] = "",
    since: Annotated[str, _param("Published on or after (YYYY-MM-DD).")] = "",
    until: Annotated[str, _param("Published on or before (YYYY-MM-DD).")] = "",
    country: Annotated[str, _param("ISO code of a place or event in the article (SY).")] = "",
    near: Annotated[str, _param('A place or event within km of "LAT,LON".')] = "",
    km: Annotated[str, _param("Radius for near, in kilometres (default 50).")] = "",
    event_type: Annotated[str, _param("PLOVER event type (ASSAULT, PROTEST).")] = "",
    technique: Annotated[str, _param("Propaganda technique (Loaded_Language...).")] = "",
    reliability: Annotated[str, _param("Reliability label: low, mixed, high.")] = "",
) -> Filters:
    """FastAPI dependency: the filters of a request."""
    values = (q, outlet, since, until, country, near, km, event_type, technique, reliability)
    return Filters(*(v.strip() for v in values))


def event_filter_param(
    type: Annotated[
        list[str] | None, Query(description="Event types to show (repeatable).", max_length=50)
    ] = None,
    event_since: Annotated[str, _param("Events on or after (YYYY-MM-DD).")] = "",
    event_until: Annotated[str, _param("Events on or before (YYYY-MM-DD).")] = "",
) -> EventFilter:
    """FastAPI dependency: what the map and timeline narrow events to."""
    types = tuple(dict.fromkeys(t.strip() for t in type or () if t.strip()))
    since = _date(event_since.strip(), "event_since")
    until = _date(event_until.strip(), "event_until")
    if since and until and since > until:
        raise ConfigError(f"event_since {since} is after event_until {until}")
    return EventFilter(types, since, until)


__all__ = ["DEFAULT_KM", "Filters", "event_filter_param", "filters_param"]
