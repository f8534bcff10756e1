"""The reports' pages: one blueprint, routes split by report over this package's modules."""

from __future__ import annotations

from flask import Blueprint, request

bp = Blueprint("reports", __name__, url_prefix="/rapporter")


def centre_arg() -> str | None:
    """Return the centre the user filters on, or None for all centres."""
    return request.args.get("center", "").strip() or None


from bank.reports.views import coverage, doubles, gaps, index, management  # noqa: E402,F401
