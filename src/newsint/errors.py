"""One exception tree for newsint.

Everything the user can cause is a ``NewsintError``: the CLI prints its message on one
line and exits 1; library users catch the class they care about.
"""

from __future__ import annotations


class NewsintError(Exception):
    """Base class of every error newsint raises on purpose."""


class ConfigError(NewsintError, ValueError):
    """An option or configuration value is invalid."""


class MissingExtraError(NewsintError, ImportError):
    """An optional dependency is not installed; the message gives the install command."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs the optional dependencies of newsint[{extra}]: "
            f"pip install 'newsint[{extra}]'"
        )
        self.extra = extra


class InputError(NewsintError):
    """One input could not be read as an article. ``source`` names the input."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class MissingInputError(InputError):
    """The path does not exist or cannot be opened."""


class EmptyInputError(InputError):
    """The input holds no text (empty, or whitespace only)."""


class BinaryInputError(InputError):
    """The input is binary data (an image, an archive...), not text."""


class InputTooLargeError(InputError):
    """The input is larger than the configured size limit."""


class DecodeError(InputError):
    """The bytes could not be decoded as text in any plausible encoding."""


class MalformedRecordError(InputError):
    """A JSONL line or CSV row is broken or has no text field."""


class ModelNotFoundError(NewsintError):
    """The spaCy model package is not installed."""


__all__ = [
    "BinaryInputError",
    "ConfigError",
    "DecodeError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "MalformedRecordError",
    "MissingExtraError",
    "MissingInputError",
    "ModelNotFoundError",
    "NewsintError",
]
