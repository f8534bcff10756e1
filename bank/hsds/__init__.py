"""Open Referral HSDS 3: the published catalogue as services, organizations and taxonomies."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the read-only /hsds/ endpoints."""
    from bank.hsds.api import bp

    app.register_blueprint(bp)
