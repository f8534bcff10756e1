"""The coverage report's page: published offers against needs per tag, as SVG charts."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, request
from flask_login import login_required
from markupsafe import Markup

from bank import db
from bank.auth.current import me
from bank.main.htmx import render
from bank.reports.coverage import counts_chart, coverage, form_totals, forms_chart
from bank.reports.export import download, to_csv
from bank.reports.management import centre_names
from bank.reports.tables import coverage_tables
from bank.reports.views import bp, centre_arg


@bp.route("/daekning", endpoint="coverage")
@bp.route("/daekning.<kind>", endpoint="coverage")
@login_required
def coverage_page(kind: str | None = None):
    """Show published offers against needs per tag, and the offers' forms, as SVG charts."""
    centre = centre_arg()
    rows = coverage(db.session, me(), date.today(), centre)
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
    totals = form_totals(db.session, me(), centre)
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
