"""``newsint schema``: print the JSON Schema of the output contract."""

from __future__ import annotations

import json


def schema_command() -> None:
    """Print the JSON Schema that every analysis (``--format json``) satisfies."""
    from ..schema import analysis_schema

    print(json.dumps(analysis_schema(), indent=2))
