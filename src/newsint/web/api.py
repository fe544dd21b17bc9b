"""The JSON API behind every page (documented at ``/openapi.json``).

Responses are ``JSONResponse``s built from plain dicts; exports stream from a temporary
file written on a database worker, so a large corpus never sits in memory.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import cache
from typing import IO, Annotated, Any, TextIO

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from ..store import SearchQuery, SQLiteStore
from ..store.export import write_csv, write_geojson, write_jsonl
from . import corpus, queries
from .filters import Filters, event_filter_param, filters_param
from .queries import EventFilter
from .state import WebState, web_state

MAX_EVENTS = 100_000
ArticleId = Annotated[str, Path(description="The article id (content hash).", max_length=200)]
State = Annotated[WebState, Depends(web_state)]
FiltersDep = Annotated[Filters, Depends(filters_param)]
EventsDep = Annotated[EventFilter, Depends(event_filter_param)]
Cap = Annotated[
    int | None,
    Query(description="Use at most this many of the most recent matching articles.", ge=1),
]

router = APIRouter(prefix="/api", tags=["api"])


class ExportFormat(StrEnum):
    csv = "csv"
    geojson = "geojson"
    jsonl = "jsonl"


#: csv and geojson name, for each event, the other outlets of the corpus that corroborate it
Writer = Callable[[SQLiteStore, SearchQuery | None, TextIO], int]
EXPORTS: dict[ExportFormat, tuple[Writer, str, str]] = {
    ExportFormat.csv: (
        functools.partial(write_csv, corroboration=True),
        "text/csv; charset=utf-8",
        "events.csv",
    ),
    ExportFormat.geojson: (
        functools.partial(write_geojson, corroboration=True),
        "application/geo+json",
        "corpus.geojson",
    ),
    ExportFormat.jsonl: (write_jsonl, "application/x-ndjson", "analyses.jsonl"),
}


class AnalyzeRequest(BaseModel):
    """A text to analyse and store, with what is known about it."""

    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=300)
    author: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, max_length=40)


@router.get("/articles", summary="Search articles (words, filters, paging)")
async def list_articles(
    state: State,
    filters: FiltersDep,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> JSONResponse:
    found = await state.search(filters, page, per_page)
    return JSONResponse(
        {
            "total": found.total,
            "page": found.page,
            "per_page": found.per_page,
            "pages": found.pages,
            "ranked": found.ranked,
            "capped": found.capped,
            "articles": [hit.to_dict() for hit in found.hits],
        }
    )


@router.get("/articles/{article_id}", summary="The full analysis of one article")
async def get_article(state: State, article_id: ArticleId) -> JSONResponse:
    analysis = await state.run(lambda s: s.get(article_id))
    return JSONResponse(analysis.to_dict())


@router.get("/articles/{article_id}/duplicates", summary="Near-duplicates of one article")
async def article_duplicates(state: State, article_id: ArticleId) -> JSONResponse:
    result = await state.cached(
        ("duplicates", article_id), lambda s: corpus.article_duplicates(s, article_id)
    )
    return JSONResponse(result)


@router.get(
    "/articles/{article_id}/corroboration",
    summary="Events of other outlets that corroborate this article's events",
)
async def article_corroboration(
    state: State,
    article_id: ArticleId,
    max_km: Annotated[float, Query(gt=0, le=1000)] = 50.0,
    max_days: Annotated[int, Query(ge=0, le=60)] = 2,
) -> JSONResponse:
    result = await state.cached(
        ("corroboration", article_id, max_km, max_days),
        lambda s: corpus.article_corroboration(s, article_id, max_km=max_km, max_days=max_days),
    )
    return JSONResponse(result)


@router.get("/articles/{article_id}/brief.html", summary="The self-contained HTML brief")
async def article_brief(state: State, article_id: ArticleId) -> Response:
    from ..export.html import render_html

    analysis = await state.run(lambda s: s.get(article_id))
    return Response(
        render_html(analysis),
        media_type="text/html; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="brief-{article_id[:16]}.html"'},
    )


@router.get("/stats", summary="Corpus counts (outlets, labels, event types, countries, months)")
async def stats(state: State) -> JSONResponse:
    return JSONResponse(await state.stats())


@router.get("/facets", summary="Values the filters can take")
async def facets(state: State) -> JSONResponse:
    return JSONResponse(await state.facets())


@router.get("/events", summary="Located events as GeoJSON points")
async def events(
    state: State,
    filters: FiltersDep,
    which: EventsDep,
    limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 20_000,
) -> JSONResponse:
    query = filters.query()
    features, truncated = await state.run(
        lambda s: queries.event_points(s.connection, query, which, limit)
    )
    return JSONResponse({"type": "FeatureCollection", "features": features, "truncated": truncated})


@router.get("/timeline", summary="Articles and events per month")
async def timeline(state: State, filters: FiltersDep, which: EventsDep) -> JSONResponse:
    query = filters.query()
    key = ("timeline", filters, which)
    return JSONResponse(
        await state.cached(key, lambda s: queries.timeline(s.connection, query, which))
    )


@router.get("/stories", summary="Story clusters of the matching articles")
async def stories(state: State, filters: FiltersDep, cap: Cap = None) -> JSONResponse:
    query, limit = filters.query(), min(cap or state.corpus_cap, state.corpus_cap)
    key = ("stories", filters, limit)
    return JSONResponse(await state.cached(key, lambda s: corpus.stories(s, query, limit)))


@router.get("/outlets/graph", summary="Outlet republication network")
async def outlet_graph(state: State, filters: FiltersDep, cap: Cap = None) -> JSONResponse:
    query, limit = filters.query(), min(cap or state.corpus_cap, state.corpus_cap)
    key = ("graph", filters, limit)
    return JSONResponse(await state.cached(key, lambda s: corpus.outlet_graph(s, query, limit)))


def _spool(store: SQLiteStore, fmt: ExportFormat, filters: Filters) -> IO[bytes]:
    """The export written to an anonymous temporary file, rewound."""
    writer, _, _ = EXPORTS[fmt]
    query = filters.query() if filters.active else None
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - returned open, closed by _chunks
    try:
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        writer(store, query, text)
        text.flush()
        text.detach()
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return spool


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(1 << 16):
            yield chunk
    finally:
        spool.close()


@router.get("/export", summary="Download the matching articles: csv (ACLED events), geojson, jsonl")
async def export(
    state: State,
    filters: FiltersDep,
    format: Annotated[ExportFormat, Query(description="csv, geojson or jsonl")],
) -> StreamingResponse:
    filters.query()  # a bad filter is a 400 before any work
    spool = await state.run(lambda s: _spool(s, format, filters))
    _, media_type, name = EXPORTS[format]
    return StreamingResponse(
        _chunks(spool),
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="newsint-{name}"'},
    )


def _unwrapped(ring: list[tuple[float, float]]) -> list[list[float]]:
    """A ring rounded to 0.01 degree, its longitudes continued past +-180 degrees where it
    crosses the antimeridian (else the map draws a line across the whole world)."""
    points: list[list[float]] = []
    shift = 0.0
    for lon, lat in ring:
        if points:
            jump = lon + shift - points[-1][0]
            if jump > 180:
                shift -= 360
            elif jump < -180:
                shift += 360
        point = [round(lon + shift, 2), round(lat, 2)]
        if not points or points[-1] != point:
            points.append(point)
    lons = [p[0] for p in points]
    if lons and max(lons) - min(lons) > 360:  # a ring around a pole: keep it as it is
        return [[round(lon, 2), round(lat, 2)] for lon, lat in ring]
    return points


@cache
def _countries_gzip() -> bytes:
    from ..export.svgmap import country_outlines

    features = []
    for name, rings in country_outlines():
        polygons = []
        for ring in rings:
            points = _unwrapped(ring)
            if len(points) >= 4:
                polygons.append([points])
        geometry = {"type": "MultiPolygon", "coordinates": polygons}
        features.append({"type": "Feature", "properties": {"name": name}, "geometry": geometry})
    collection = {"type": "FeatureCollection", "features": features}
    return gzip.compress(json.dumps(collection, separators=(",", ":")).encode("utf-8"), 6)


@router.get("/geo/countries", summary="Country outlines (Natural Earth 1:50m) as GeoJSON")
async def countries(request: Request) -> Response:
    body = _countries_gzip()
    headers = {"cache-control": "public, max-age=86400", "vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["content-encoding"] = "gzip"
        return Response(body, media_type="application/geo+json", headers=headers)
    return Response(gzip.decompress(body), media_type="application/geo+json", headers=headers)


analyze_router = APIRouter(prefix="/api", tags=["analyze"])


@analyze_router.post("/analyze", summary="Analyse a text and store it (--allow-analyze only)")
async def analyze(state: State, body: AnalyzeRequest) -> JSONResponse:
    assert state.writer is not None
    meta: dict[str, Any] = body.model_dump(exclude={"text"})
    analysis, new = await state.writer.analyse(body.text, meta)
    article = analysis.article
    return JSONResponse(
        {
            "id": article.id,
            "new": new,
            "title": article.title,
            "url": f"/articles/{article.id}",
            "counts": {kind: len(items) for kind, items in analysis.spans().items()},
        },
        status_code=201 if new else 200,
    )


__all__ = ["EXPORTS", "ExportFormat", "analyze_router", "router"]
