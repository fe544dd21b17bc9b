"""The workbench application: ``create_app(store_path)`` gives a FastAPI app to serve.

>>> app = create_app("corpus.db")                      # read-only, this machine only
>>> app = create_app("corpus.db", token="s3cret")      # every request needs the token
>>> app = create_app("corpus.db", allow_analyze=True)  # plus the "analyse a text" form

Static files come from a fixed folder inside the package through Starlette's
``StaticFiles`` (which refuses paths outside it); templates are autoescaped; every
response carries the security headers of :mod:`.security`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ConfigError, InputError, NewsintError
from ..store import ArticleNotFoundError, StoreBusyError
from . import api, pages
from .db import StoreWorkers, Writer, open_reader
from .security import SecurityMiddleware, content_security_policy
from .state import DEFAULT_CAP, WebState

STATIC_DIR = Path(str(resources.files("newsint.web").joinpath("static")))


def create_app(
    store_path: str | os.PathLike[str],
    *,
    token: str | None = None,
    allow_analyze: bool = False,
    tiles_url: str | None = None,
    threads: int = 4,
    corpus_cap: int = DEFAULT_CAP,
) -> FastAPI:
    """The workbench over the corpus database at ``store_path``.

    Read-only unless ``allow_analyze`` (then pasted texts are analysed and stored; the
    database is created when missing). ``token``: required on every request. ``tiles_url``:
    an https tile URL template offered as an optional, off-by-default map layer.
    ``corpus_cap``: stories and the outlet network use at most this many recent articles.
    """
    path = Path(store_path)
    if allow_analyze:
        from ..store import open_store

        open_store(path).close()  # create it, so that readers find a database
    open_reader(path).close()  # a clear StoreError now, not on the first request
    csp = content_security_policy(tiles_url)
    if corpus_cap < 1:
        raise ConfigError(f"corpus_cap must be at least 1, not {corpus_cap}")
    state = WebState(
        store_path=path,
        workers=StoreWorkers(path, threads=threads),
        writer=Writer(path) if allow_analyze else None,
        tiles_url=tiles_url,
        corpus_cap=corpus_cap,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        warm = asyncio.create_task(state.warm_up())
        yield
        warm.cancel()
        state.close()

    app = FastAPI(
        title="newsint workbench",
        version=__version__,
        description="Browse, search, map and export a newsint corpus.",
        docs_url=None,  # the docs pages load scripts from a CDN, which the CSP forbids
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.newsint = state
    app.include_router(api.router)
    app.include_router(pages.router)
    if allow_analyze:
        app.include_router(api.analyze_router)
        app.include_router(pages.analyze_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR, follow_symlink=False), name="static")
    _error_handlers(app, state)
    app.add_middleware(SecurityMiddleware, token=token, csp=csp)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/static/", "/openapi"))


def _error_handlers(app: FastAPI, state: WebState) -> None:
    """Errors as JSON for the API and as pages for people; messages are never markup."""

    def answer(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return pages.error_page(request, state, status, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/static/"):
            return Response("not found\n", status_code=exc.status_code, media_type="text/plain")
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return answer(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        if _wants_json(request):
            detail = jsonable_encoder(exc.errors(), exclude={"input", "ctx"})
            return JSONResponse({"error": problems, "detail": detail}, status_code=422)
        return pages.error_page(request, state, 400, problems)

    @app.exception_handler(NewsintError)
    async def newsint_error(request: Request, exc: NewsintError) -> Response:
        if isinstance(exc, ArticleNotFoundError):
            return answer(request, 404, "no article with this id")
        if isinstance(exc, ConfigError | InputError):
            return answer(request, 400, str(exc))
        if isinstance(exc, StoreBusyError):
            return answer(request, 503, "the corpus database is busy; try again")
        return answer(request, 500, str(exc))


__all__ = ["STATIC_DIR", "create_app"]
