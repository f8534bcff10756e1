"""Users, roles, sign-in, permissions and the audit log."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register sign-in and the user loader."""
    # Imported here against a cycle: bank.main imports bank.auth.models, which runs this
    # package's __init__ first, and the token pages import bank.main (for the navigation).
    from bank.auth import bearer
    from bank.auth.views import bp, tokens

    app.register_blueprint(bp)
    bearer.init_app(app)  # API tokens: Bearer on /api/, CSRF for cookie sessions only
    tokens.add_navigation(app)
