"""JSON and JSON Lines output of analyses."""

from __future__ import annotations

import json
from typing import Any

from ..model import Analysis


def to_json(analysis: Analysis, *, indent: int | None = 2) -> str:
    """The analysis as a JSON document (the output contract)."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent)


def to_jsonl_line(analysis: Analysis) -> str:
    """One compact line, for streaming many analyses."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":"))


def from_json(text: str) -> Analysis:
    """Read an analysis back from ``to_json``/``to_jsonl_line`` output."""
    data: dict[str, Any] = json.loads(text)
    return Analysis.from_dict(data)
