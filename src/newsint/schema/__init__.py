"""The JSON Schema of the output contract, shipped with the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "analysis.schema.json"


@cache
def analysis_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``Analysis.to_dict()`` satisfies."""
    text = resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_analysis(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the contract.

    Beyond the schema, every span must cover exactly the text it names.
    """
    import jsonschema

    jsonschema.validate(data, analysis_schema(), cls=jsonschema.Draft202012Validator)
    text = data["article"]["text"]
    for kind, value in data.items():
        if kind not in ("article", "pipeline"):
            _check_span(text, kind, value)


def _check_span(text: str, kind: str, item: Any) -> None:
    if isinstance(item, list):
        for sub in item:
            _check_span(text, kind, sub)
        return
    if not isinstance(item, dict):
        return
    if "start" in item and text[item["start"] : item["end"]] != item["text"]:
        covered = text[item["start"] : item["end"]]
        raise ValueError(
            f"{kind}: span {item['start']}..{item['end']} is {covered!r}, not {item['text']!r}"
        )
    for value in item.values():
        _check_span(text, kind, value)
