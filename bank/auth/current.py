"""Who is asking: the signed-in user as a plain object, for views and API endpoints."""

from __future__ import annotations

from flask_login import current_user
from flask_smorest import abort

from bank.auth.models import User


def me() -> User:
    """Return the signed-in user object (not the proxy); pages behind login_required use it."""
    return current_user._get_current_object()


def viewer() -> User | None:
    """Return the signed-in user, or None for an anonymous reader of the public catalogue."""
    return me() if current_user.is_authenticated else None


def signed_in() -> User:
    """Return the signed-in user for an API endpoint, or answer 401."""
    if not current_user.is_authenticated:
        abort(401, message="sign in first")
    return me()
