"""The need bank: citizens' courses, consent, goals, needs and the units' bids."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the need bank's pages, API, navigation and front-page panel."""
