"""The web workbench: browse, search, map and export a corpus (``newsint serve``).

Needs the ``web`` extra (FastAPI, uvicorn). ``create_app(store_path)`` returns the
FastAPI application; :mod:`newsint.cli.serve` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
