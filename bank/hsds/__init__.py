"""Open Referral HSDS 3: the published catalogue as services, organizations and taxonomies."""

from __future__ import annotations

from flask import Flask

from bank.hsds.api import bp


def init_app(app: Flask) -> None:
    """Register the read-only /hsds/ endpoints."""
    app.register_blueprint(bp)
