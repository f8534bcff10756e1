"""The offer catalogue: offers, their programme theory, revisions, vocabulary, import/export."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the catalogue pages, the editor, the JSON API and the navigation."""
