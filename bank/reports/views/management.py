"""The management information page: figures for a period and centre, as a page, CSV or XLSX."""

from __future__ import annotations

from datetime import date

from flask import abort, request
from flask_login import login_required
from markupsafe import Markup

from bank import db
from bank.auth.current import me
from bank.charts.bars import BarGroup, bar_chart
from bank.main.htmx import render
from bank.reports.export import download, to_csv, to_xlsx
from bank.reports.management import centre_names, management
from bank.reports.stats import Period, last_months
from bank.reports.tables import management_tables
from bank.reports.views import bp, centre_arg
from bank.unit_of_work import keep


def _date(name: str, errors: dict) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = "Skriv datoen som åååå-mm-dd, fx 2025-01-31."
        return None


def period_from_request(today: date) -> tuple[Period, dict[str, str]]:
    """Return the period the user chose (fra/til), the last 12 months by default, and errors."""
    errors: dict[str, str] = {}
    start, end = _date("fra", errors), _date("til", errors)
    if start and end and end < start:
        errors["til"] = "Slutdatoen ligger før startdatoen."
    if errors or not (start or end):
        return last_months(today), errors
    return Period(start, end), errors


@bp.route("/ledelsesinformation", endpoint="management")
@bp.route("/ledelsesinformation.<kind>", endpoint="management")
@login_required
def management_page(kind: str | None = None):
    """Show the management figures for a period and centre; CSV or XLSX on request."""
    today = date.today()
    period, errors = period_from_request(today)
    centre = centre_arg()
    figures = keep(management(db.session, me(), period, today, centre))  # its audit entry
    if kind in ("csv", "xlsx"):
        tables = management_tables(figures)
        data = to_csv(tables) if kind == "csv" else to_xlsx(tables)
        return download(data, "ledelsesinformation", kind)
    if kind is not None:
        abort(404)
    by_centre = [BarGroup(g.name, (g.running, g.ended)) for g in figures.courses.by_centre]
    chart = (
        bar_chart(
            by_centre, ["I gang", "Afsluttet"], title="Forløb pr. center", chart_id="forloeb-centre"
        )
        if by_centre
        else ""
    )
    return render(
        "reports/management.html",
        "reports/_management.html",
        m=figures,
        errors=errors,
        centre=centre,
        centres=centre_names(db.session),
        args=request.args,
        courses_svg=Markup(chart),
    )
