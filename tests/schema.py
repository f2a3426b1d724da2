"""The shipped JSON Schema of ``timeline.json``, as the tests apply it to every output."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator

from briefing.render.json_export import SCHEMA_FILE


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(data: Any) -> list[str]:
    """Every way ``data`` breaks the schema, as "path: message" lines; [] when valid."""
    return [
        f"{'/'.join(str(part) for part in error.absolute_path)}: {error.message}"
        for error in validator().iter_errors(data)
    ]


def check(payload: bytes) -> None:
    """Raise AssertionError when a written ``timeline.json`` breaks the schema."""
    problems = errors(json.loads(payload))
    assert not problems, "timeline.json breaks its schema:\n" + "\n".join(problems[:20])
