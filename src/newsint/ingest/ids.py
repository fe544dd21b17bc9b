"""Stable article ids: a hash of the text with Unicode and whitespace differences removed."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
ID_LENGTH = 16


def normalise_text(text: str) -> str:
    """Unicode NFC, every whitespace run as one space, no leading/trailing space.

    Case is kept: "US" and "us" are different texts.
    """
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of the normalised text in UTF-8.

    Lone surrogates (possible in JSON input) are hashed as their raw code units.
    """
    digest = hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:ID_LENGTH]


__all__ = ["article_id", "normalise_text"]
