"""Static word vectors from ``wordllama`` (shipped in its wheel; never downloads).

WordLlama pools token embeddings of an LLM's vocabulary, so a word, a span or a sentence
each get one 256-d vector in microseconds. Words are cached per process because the same
few thousand words make up most news text.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import MissingExtraError

DIM = 256
_LOCK = threading.Lock()
_MODEL: Any = None
_WORDS: dict[str, NDArray[np.float32]] = {}
_MAX_CACHED_WORDS = 50_000  # x 1 KB a vector: bounded at ~50 MB per process


def _wordllama() -> Any:
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            try:
                import wordllama
            except ImportError as exc:
                raise MissingExtraError("propaganda technique detection", "techniques") from exc
            _MODEL = wordllama.WordLlama.load(
                cache_dir=Path(wordllama.__file__).parent, disable_download=True
            )
        return _MODEL


def embed_texts(texts: Sequence[str]) -> NDArray[np.float32]:
    """One mean-pooled vector per text, shape ``(len(texts), 256)``; zeros for empty text."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if todo:
        vectors = _wordllama().embed([texts[i] for i in todo], batch_size=256)
        out[todo] = np.asarray(vectors, dtype=np.float32)
    return out


def embed_words(words: Sequence[str]) -> NDArray[np.float32]:
    """One vector per word (cached); shape ``(len(words), 256)``."""
    missing = sorted({w for w in words if w not in _WORDS})
    if missing:
        vectors = embed_texts(missing)
        with _LOCK:
            if len(_WORDS) + len(missing) > _MAX_CACHED_WORDS:
                _WORDS.clear()  # a pathological stream of unique words: start over
            _WORDS.update(zip(missing, vectors, strict=True))
    if not words:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([_WORDS[w] if w in _WORDS else embed_texts([w])[0] for w in words])
