"""The plan pages: one blueprint, routes split by job over this package's modules."""

from __future__ import annotations

from datetime import date

from flask import Blueprint
from flask_login import login_required

from bank.errors import Invalid
from bank.plans.rules import past_end

bp = Blueprint("plans", __name__, url_prefix="/forloeb/<int:course_id>")


@bp.before_request
@login_required
def _signed_in() -> None:
    """Every plan page needs a signed-in user; the services check the rest."""


def today() -> date:
    """Return today's date (one place to change the clock)."""
    return date.today()


def past_end_date(item) -> bool:
    """Tell a template whether an open plan item's end date has passed (it needs a flag)."""
    return past_end(item.status, item.ends_on, today())


FORM_FIELDS = {"goal": "goal_id", "responsible": "responsible_id", "end": "ends_on"}


def form_errors(exc: Invalid) -> dict[str, list[str]]:
    """Return the Danish field errors keyed by the names of the form's inputs."""
    return {FORM_FIELDS.get(k, k): v for k, v in exc.danish_errors().items()}


from bank.plans.views import documents, items, meetings, plan, progress  # noqa: E402,F401
