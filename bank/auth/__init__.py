"""Users, roles, sign-in, permissions and the audit log."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register sign-in and the user loader."""
    from bank.auth import bearer, token_views  # noqa: F401  (token pages on the blueprint)
    from bank.auth.views import bp

    app.register_blueprint(bp)
    bearer.init_app(app)  # API tokens: Bearer on /api/, CSRF for cookie sessions only
    token_views.add_navigation(app)
