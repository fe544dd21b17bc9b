"""Every input becomes an ``Article`` or an ``InputError`` naming it.

Files (text, HTML, JSON Lines, CSV/TSV), directories, glob patterns and stdin are read
by ``read_sources``; ``article_from_text`` wraps a text given directly.
"""

from __future__ import annotations

from .decode import decode_bytes
from .ids import article_id, normalise_text
from .sources import article_from_text, read_sources

__all__ = ["article_from_text", "article_id", "decode_bytes", "normalise_text", "read_sources"]
