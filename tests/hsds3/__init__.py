"""Validation against the vendored HSDS 3 schemas (CC BY-SA 4.0, see README.md here)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

HERE = Path(__file__).parent


@cache
def _schema(name: str) -> dict:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def _validator(schema: dict) -> Draft202012Validator:
    """Return a Draft 2020-12 validator that also checks formats (uuid, email, date-time)."""
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(validator: Draft202012Validator, instance: object) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


def service_errors(record: dict) -> list[str]:
    """Return why a record is not a valid fully nested HSDS 3 service (empty: valid)."""
    root = _schema("service_with_definitions.json")
    return _errors(_validator(root), record)


def service_list_errors(record: dict) -> list[str]:
    """Return why a record is not a valid HSDS 3 service in the list shape."""
    root = _schema("service_list.json")
    return _errors(_validator(root), record)


def definition_errors(name: str, record: dict) -> list[str]:
    """Return why a record is not a valid HSDS 3 `name` (organization, taxonomy, …)."""
    definitions = _schema("service_with_definitions.json")["definitions"]
    return _errors(_validator({**definitions[name], "definitions": definitions}), record)


def page_errors(body: dict) -> list[str]:
    """Return why an answer is not an HSDS 3 Page (the paginated list shape)."""
    page = _schema("openapi.json")["components"]["schemas"]["Page"]
    schema = {**page, "required": [*page["properties"], "contents"]}
    problems = _errors(Draft202012Validator(schema), body)
    if not isinstance(body.get("contents"), list):
        problems.append("contents: must be an array")
    return problems
