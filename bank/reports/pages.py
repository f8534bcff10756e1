"""The leaders' pages: gaps, coverage by tag (SVG charts) and management information."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, request
from flask_login import current_user, login_required
from markupsafe import Markup

from bank import db
from bank.charts.bars import BarGroup, bar_chart
from bank.errors import Invalid
from bank.reports.coverage import counts_chart, coverage, form_totals, forms_chart
from bank.reports.export import download, to_csv, to_xlsx
from bank.reports.gaps import GOOD_SCORE, find_gaps
from bank.reports.management import centre_names, management
from bank.reports.stats import Period, last_months
from bank.reports.tables import coverage_tables, gap_tables, management_tables
from bank.reports.views import bp, render


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
    centre = request.args.get("center", "").strip() or None
    error = None
    try:
        good = _score(request.args.get("god", "")) if request.args.get("god") else GOOD_SCORE
    except Invalid as exc:
        good, error = GOOD_SCORE, exc.danish
    groups, checked = find_gaps(db.session, current_user, good, centre, date.today())
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


@bp.route("/daekning", endpoint="coverage")
@bp.route("/daekning.<kind>", endpoint="coverage")
@login_required
def coverage_page(kind: str | None = None):
    """Show published offers against needs per tag, and the offers' forms, as SVG charts."""
    centre = request.args.get("center", "").strip() or None
    rows = coverage(db.session, current_user, date.today(), centre)
    if kind == "csv":
        return download(to_csv(coverage_tables(rows)), "daekning", "csv")
    if kind == "svg":
        chart = forms_chart if request.args.get("diagram") == "former" else counts_chart
        svg, _ = chart(rows)
        return Response(svg, mimetype="image/svg+xml")
    if kind is not None:
        abort(404)
    counts_svg, counts_table = counts_chart(rows)
    forms_svg, forms_table = forms_chart(rows)
    totals = form_totals(db.session, current_user, centre)
    return render(
        "reports/coverage.html",
        "reports/_coverage.html",
        rows=rows,
        centre=centre,
        centres=centre_names(db.session),
        counts_svg=Markup(counts_svg),
        counts_table=Markup(counts_table),
        forms_svg=Markup(forms_svg),
        forms_table=Markup(forms_table),
        totals=totals,
    )


@bp.route("/ledelsesinformation", endpoint="management")
@bp.route("/ledelsesinformation.<kind>", endpoint="management")
@login_required
def management_page(kind: str | None = None):
    """Show the management figures for a period and centre; CSV or XLSX on request."""
    today = date.today()
    period, errors = period_from_request(today)
    centre = request.args.get("center", "").strip() or None
    figures = management(db.session, current_user, period, today, centre)
    db.session.commit()  # the audit entry of this read
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
