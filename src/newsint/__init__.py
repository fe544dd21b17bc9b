"""newsint: what news articles claim, and how far to trust them — with evidence.

>>> from newsint import analyze
>>> result = analyze(text, published="2017-09-28")
>>> result.to_dict()["dates"][0]["value"]
"""

from __future__ import annotations

__version__ = "0.1.0"

from . import ingest  # noqa: E402
from .api import analyze, analyze_many, get_pipeline  # noqa: E402
from .config import Config  # noqa: E402
from .errors import (  # noqa: E402
    ConfigError,
    EmptyInputError,
    InputError,
    NewsintError,
)
from .model import (  # noqa: E402
    Analysis,
    Article,
    Byline,
    DateMention,
    Entity,
    Quantity,
    Section,
)
from .pipeline import AnalysisFailedError  # noqa: E402

__all__ = [
    "Analysis",
    "AnalysisFailedError",
    "Article",
    "Byline",
    "Config",
    "ConfigError",
    "DateMention",
    "EmptyInputError",
    "Entity",
    "InputError",
    "NewsintError",
    "Quantity",
    "Section",
    "__version__",
    "analyze",
    "analyze_many",
    "get_pipeline",
    "ingest",
]
