"""The API's docs page: the OpenAPI document drawn as plain HTML on the server (no CDN)."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template

from bank.extensions import get_api
from bank.offers.views import bp

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema: dict | None) -> str:
    """Return a readable type for a (possibly referenced) OpenAPI schema."""
    if not schema:
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"] if v is not None)
    if schema.get("type") == "array":
        return f"list of {_schema_name(schema.get('items')) or 'values'}"
    return schema.get("type", "object")


NO_CONTENT: dict[str, Any] = {}  # a response without a body


def operations(spec: dict) -> list[dict]:
    """Return every operation of the spec as plain rows: method, path, summary, in, out."""
    rows: list[dict] = []
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {})
            responses = {
                code: _schema_name(
                    next(iter(r.get("content", {}).values()), NO_CONTENT).get("schema")
                )
                for code, r in operation.get("responses", {}).items()
            }
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [*shared, *operation.get("parameters", [])],
                    "body": _schema_name(body.get("application/json", {}).get("schema")),
                    "responses": responses,
                }
            )
    return rows


@bp.route("/api/docs")
def api_docs():
    """Show the JSON API's operations and schemas, read from the OpenAPI document."""
    spec = get_api(current_app).spec.to_dict()
    return render_template(
        "offers/api_docs.html",
        spec=spec,
        operations=operations(spec),
        schemas=spec.get("components", {}).get("schemas", {}),
        schema_name=_schema_name,
    )
