"""Users, roles, sign-in, permissions and the audit log."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register sign-in and the user loader."""
    from bank.auth.views import bp

    app.register_blueprint(bp)
