"""The sign-in and token pages: one blueprint, routes split by job over this package's modules."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("auth", __name__)

from bank.auth.views import sign_in, tokens  # noqa: E402,F401
