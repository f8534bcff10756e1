"""Pages that htmx can ask for in part: one helper every blueprint renders through."""

from __future__ import annotations

from flask import Response, make_response, render_template, request


def render(page: str, partial: str | None = None, status: int = 200, **context) -> Response:
    """Render the page, or only its partial for an htmx request; always vary on HX-Request."""
    name = partial if partial and request.headers.get("HX-Request") else page
    response = make_response(render_template(name, **context), status)
    response.headers["Vary"] = "HX-Request"
    return response
