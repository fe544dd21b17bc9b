"""``newsint serve``: the web workbench over a corpus database (FastAPI + uvicorn).

Safe defaults: it listens on 127.0.0.1 only and never writes to the corpus. Listening on
another address needs ``--token`` (then every request must carry it); ``--allow-analyze``
adds a form that analyses pasted texts and stores them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import MissingExtraError
from .output import stderr

DEFAULT_PORT = 8765


def serve_command(
    db: Annotated[
        Path, typer.Option("--db", help="The corpus database (SQLite).", envvar="NEWSINT_DB")
    ],
    port: Annotated[int, typer.Option(help="TCP port to listen on.", min=1, max=65535)] = (
        DEFAULT_PORT
    ),
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; anything but loopback needs --token."),
    ] = "127.0.0.1",
    token: Annotated[
        str | None,
        typer.Option(
            help="Require this token on every request (Bearer header, or ?token= once).",
            envvar="NEWSINT_TOKEN",
        ),
    ] = None,
    allow_analyze: Annotated[
        bool,
        typer.Option(
            "--allow-analyze", help="Offer a form that analyses pasted texts and stores them."
        ),
    ] = False,
    tiles: Annotated[
        str | None,
        typer.Option(
            help="Offer online map tiles from this https URL template as a layer (off by "
            "default; e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png)."
        ),
    ] = None,
) -> None:
    """Serve the web workbench: browse, search, map and export a corpus."""
    from ..web.security import check_bind

    check_bind(host, token)
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        raise MissingExtraError("newsint serve", "web") from exc
    app = create_app(db, token=token, allow_analyze=allow_analyze, tiles_url=tiles)
    shown = f"[{host}]" if ":" in host else host
    stderr.print(f"newsint workbench on http://{shown}:{port}/ (corpus {db}); Ctrl+C stops it")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
    )


__all__ = ["DEFAULT_PORT", "serve_command"]
