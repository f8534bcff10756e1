"""Sign-in throttling with Flask-Limiter: failed attempts counted per account and per address.

Only failed sign-ins count (Flask-Limiter's deduct_when); when an account or an address has
used its attempts (SIGN_IN_LIMIT_ACCOUNT, SIGN_IN_LIMIT_ADDRESS), every further attempt,
right or wrong, answers 429 until the window passes. The counts live in memory by default
(demo, tests) and in Redis in production (BANK_RATELIMIT_STORAGE_URI=redis://host:6379/2).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, current_app, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


def account_key() -> str:
    """Return the account a sign-in attempt is for: a hash of its normalised e-mail."""
    email = request.form.get("email", "").strip().lower()[:254]
    return "account:" + hashlib.sha256(email.encode("utf-8", "replace")).hexdigest()[:32]


def address_key() -> str:
    """Return the address a sign-in attempt comes from."""
    return "address:" + (get_remote_address() or "unknown")


def mark_failed_sign_in() -> None:
    """Note that this request's sign-in failed, so the limits count it."""
    g.sign_in_failed = True


def failed_sign_in(_response: Response) -> bool:
    """Return whether this request was a failed sign-in (Flask-Limiter's deduct_when)."""
    return bool(g.get("sign_in_failed"))


def account_limit() -> str:
    """Return the limit on failed sign-ins per account, from the configuration."""
    return current_app.config.get("SIGN_IN_LIMIT_ACCOUNT", "10 per minute")


def address_limit() -> str:
    """Return the limit on failed sign-ins per address, from the configuration."""
    return current_app.config.get("SIGN_IN_LIMIT_ADDRESS", "30 per minute")


def init_app(app: Flask) -> Limiter:
    """Give the app its own limiter (its storage and key prefix) and throttle sign-in with it."""
    limiter = Limiter(key_func=get_remote_address, app=app)
    app.extensions["bank.limiter"] = limiter
    view: Callable[..., Any] = app.view_functions["auth.login"]
    for limit, key in ((account_limit, account_key), (address_limit, address_key)):
        view = limiter.limit(limit, key_func=key, methods=["POST"], deduct_when=failed_sign_in)(
            view
        )
    app.view_functions["auth.login"] = view
    return limiter
