"""The need bank's pages: one blueprint, routes split by job over this package's modules."""

from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import login_required
from werkzeug.routing import BuildError

from bank.errors import Invalid
from bank.needs import labels, limits

bp = Blueprint("needs", __name__)


@bp.before_request
@login_required
def _signed_in() -> None:
    """Every page of the need bank needs a signed-in user; the services check the rest."""


def errors_of(exc: Invalid) -> dict[str, list[str]]:
    """Return a form's field errors in Danish."""
    return exc.danish_errors()


@bp.context_processor
def _limits() -> dict[str, object]:
    """Give the need bank's forms their field limits (maxlength) from the one source."""
    return {"limits": limits}


def label_da(kind: str, value: object) -> str:
    """Return the Danish label of a state, kind or reason (e.g. label_da('bid_state', s))."""
    return labels.danish(kind, value)


def plan_link(course_id: int) -> str | None:
    """Return the URL of the course's plan, if the plan pages are installed."""
    try:
        return url_for("plans.plan", course_id=course_id)
    except BuildError:
        return None


from bank.needs.views import audit, bids, board, courses, inbox, needs  # noqa: E402,F401
