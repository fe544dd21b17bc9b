"""Server-rendered pages (Jinja2, autoescaped). Scripts are files under ``/static/js``; the
pages give them what they need in ``data-`` attributes and they read the rest from the API.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from .. import __version__
from ..store import SQLiteStore
from . import views
from .filters import Filters, event_filter_param, filters_param
from .queries import EventFilter
from .state import WebState, web_state

State = Annotated[WebState, Depends(web_state)]
FiltersDep = Annotated[Filters, Depends(filters_param)]
EventsDep = Annotated[EventFilter, Depends(event_filter_param)]
NAV = (
    ("/", "Overview"),
    ("/articles", "Articles"),
    ("/map", "Map"),
    ("/timeline", "Timeline"),
    ("/stories", "Stories"),
    ("/network", "Network"),
)

router = APIRouter(include_in_schema=False)


@functools.cache
def environment() -> jinja2.Environment:
    """Templates with autoescaping on for everything (article text is hostile input)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsint.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: no stat() per request
    )
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    return env


def render_text(state: WebState, name: str, path: str, **context: Any) -> str:
    """Template ``name`` with the workbench's navigation around it."""
    nav = list(NAV) + ([("/analyze", "Analyse a text")] if state.allow_analyze else [])
    template = environment().get_template(name)
    return template.render(
        nav=nav,
        path=path,
        store_name=state.store_path.name,
        version=__version__,
        tiles_url=state.tiles_url or "",
        **context,
    )


def render(
    request: Request, state: WebState, name: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    page = render_text(state, name, request.url.path, **context)
    return HTMLResponse(page, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request, state: State) -> HTMLResponse:
    numbers = await state.stats()
    return render(
        request,
        state,
        "overview.html.j2",
        stats=numbers,
        outlets=views.bars(numbers["by_outlet"]),
        labels=views.bars(numbers["by_reliability"]),
        types=views.bars(numbers["by_event_type"]),
        countries=views.bars(numbers["by_country"]),
        months=views.columns(numbers["by_month"]),
        chart=(views.CHART_W, views.CHART_H),
    )


@router.get("/articles", response_class=HTMLResponse)
async def articles(
    request: Request,
    state: State,
    filters: FiltersDep,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    found = await state.search(filters, page, 20)
    return render(
        request,
        state,
        "articles.html.j2",
        filters=filters,
        facets=await state.facets(),
        found=found,
        pages=views.page_links(found.page, found.pages),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article(state: State, article_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    return HTMLResponse(await state.run(lambda s: _article_page(s, state, article_id)))


def _article_page(store: SQLiteStore, state: WebState, article_id: str) -> str:
    """The page, rendered once: a stored analysis never changes, only the places where its
    text was seen can grow (they are part of the cache key)."""
    sources = store.sources(article_id)

    def render_page() -> str:
        context = views.article_context(store.get(article_id), sources)
        return render_text(state, "article.html.j2", "/articles/", **context)

    page: str = state.cache.get(store, ("article-page", article_id, tuple(sources)), render_page)
    return page


async def _filtered_page(
    request: Request, state: WebState, filters: Filters, name: str, **more: Any
) -> HTMLResponse:
    filters.query()  # a bad filter is a 400 page, not a broken script
    return render(
        request,
        state,
        name,
        filters=filters,
        facets=await state.facets(),
        api_query=filters.encode(),
        **more,
    )


@router.get("/map", response_class=HTMLResponse)
async def events_map(
    request: Request, state: State, filters: FiltersDep, which: EventsDep
) -> HTMLResponse:
    return await _filtered_page(request, state, filters, "map.html.j2", which=which)


@router.get("/timeline", response_class=HTMLResponse)
async def timeline(
    request: Request, state: State, filters: FiltersDep, which: EventsDep
) -> HTMLResponse:
    return await _filtered_page(request, state, filters, "timeline.html.j2", which=which)


@router.get("/stories", response_class=HTMLResponse)
async def stories(request: Request, state: State, filters: FiltersDep) -> HTMLResponse:
    return await _filtered_page(request, state, filters, "stories.html.j2", cap=state.corpus_cap)


@router.get("/network", response_class=HTMLResponse)
async def network(request: Request, state: State, filters: FiltersDep) -> HTMLResponse:
    return await _filtered_page(request, state, filters, "network.html.j2", cap=state.corpus_cap)


analyze_router = APIRouter(include_in_schema=False)


@analyze_router.get("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request, state: State) -> HTMLResponse:
    return render(request, state, "analyze.html.j2")


def error_page(request: Request, state: WebState, status: int, message: str) -> HTMLResponse:
    """An error as a page of the workbench (the message is escaped like everything else)."""
    titles = {400: "Bad request", 404: "Not found", 503: "Busy"}
    title = titles.get(status, "Error")
    return render(request, state, "error.html.j2", status, title=title, message=message)


__all__ = ["analyze_router", "environment", "error_page", "render", "router"]
