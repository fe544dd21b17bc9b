"""Models read from files once per process: the shipped check-worthiness, ACLED sub-event
and propaganda-technique models each keep one ``LoadedOnce``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class LoadedOnce(Generic[T]):
    """``get(path)`` reads ``path`` (default: the shipped file) with ``read`` the first time
    and returns the same object afterwards; thread-safe. ``clear()`` forgets what was read
    (after ``newsint train`` rewrote the file)."""

    def __init__(self, read: Callable[[Path], T], default: Path) -> None:
        self._read = read
        self._default = default
        self._loaded: dict[Path, T] = {}
        self._lock = threading.Lock()

    def get(self, path: Path | None = None) -> T:
        key = (path or self._default).resolve()
        with self._lock:
            found = self._loaded.get(key)
            if found is None:
                found = self._loaded[key] = self._read(key)
            return found

    def clear(self) -> None:
        with self._lock:
            self._loaded.clear()


__all__ = ["LoadedOnce"]
