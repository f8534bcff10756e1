"""The gaps report's page: published needs that no offer meets well, by tag."""

from __future__ import annotations

from datetime import date

from flask import abort, request
from flask_login import login_required

from bank import db
from bank.auth.current import me
from bank.errors import Invalid
from bank.main.htmx import render
from bank.reports.export import download, to_csv
from bank.reports.gaps import GOOD_SCORE, find_gaps
from bank.reports.management import centre_names
from bank.reports.tables import gap_tables
from bank.reports.views import bp, centre_arg


def _score(raw: str) -> float:
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise Invalid({"god": [("must be a number", "Skriv et tal mellem 0 og 1.")]}) from None
    if not 0 < value < 1:
        raise Invalid({"god": [("must be between 0 and 1", "Skriv et tal mellem 0 og 1.")]})
    return value


@bp.route("/huller")
@bp.route("/huller.<kind>")
@login_required
def gaps(kind: str | None = None):
    """Show the published needs that no offer meets with a good score, grouped by tag."""
    centre = centre_arg()
    error = None
    try:
        good = _score(request.args.get("god", "")) if request.args.get("god") else GOOD_SCORE
    except Invalid as exc:
        good, error = GOOD_SCORE, exc.danish
    groups, checked = find_gaps(db.session, me(), good, centre, date.today())
    if kind == "csv":
        return download(to_csv(gap_tables(groups)), "huller", "csv")
    if kind is not None:
        abort(404)
    gap_count = len({gap.need.id for g in groups for gap in g.gaps})
    return render(
        "reports/gaps.html",
        "reports/_gaps.html",
        groups=groups,
        checked=checked,
        good=good,
        centre=centre,
        centres=centre_names(db.session),
        error=error,
        gap_count=gap_count,
    )
