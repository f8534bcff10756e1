"""The overlap report's pages: the groups of double offers, a rescan, not-double marks, export."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from flask_login import login_required

from bank import db
from bank.auth.current import me
from bank.auth.models import Role
from bank.auth.services import require_role
from bank.errors import BankError, Invalid
from bank.main.htmx import render
from bank.offers.terms import term_labels
from bank.reports.doubles import (
    READERS,
    double_report,
    editable_refs,
    mark_not_double,
    unmark_not_double,
)
from bank.reports.export import download, to_csv, to_xlsx
from bank.reports.scans import normal_threshold, scan_due
from bank.reports.tables import double_tables
from bank.reports.views import bp
from bank.tasks import queue_scan
from bank.unit_of_work import transaction


def _filters() -> dict[str, str]:
    return {k: request.values.get(k, "").strip() for k in ("graense", "center", "emne")}


def _report_url(args: dict[str, str]) -> str:
    chosen: dict[str, Any] = {k: v for k, v in args.items() if v}
    return url_for("reports.doubles", **chosen)


@bp.route("/dobbelttilbud")
@login_required
def doubles():
    """Show the groups of double offers from the latest background scan, with filters."""
    args = _filters()
    try:
        threshold = normal_threshold(args["graense"] or None)
        error = None
    except Invalid as exc:
        threshold, error = normal_threshold(None), exc.danish
    with transaction():
        view = double_report(db.session, me(), threshold, args["center"], args["emne"])
        if scan_due(view.scan, view.pending, view.stale):
            queue_scan(db.session, threshold, me())  # the worker computes it, not we
            view = double_report(db.session, me(), threshold, args["center"], args["emne"])
    return render(
        "reports/doubles.html",
        "reports/_doubles.html",
        view=view,
        args=args,
        threshold_error=error,
        editor=me().has_role(Role.EDITOR),
        editable=editable_refs(me(), view),
    )


@bp.route("/dobbelttilbud/beregn", methods=["POST"])
@login_required
def rescan():
    """Queue a new scan of the catalogue now (it runs in the background)."""
    require_role(me(), *READERS)
    args = _filters()
    try:
        with transaction():
            queued = queue_scan(db.session, args["graense"] or None, me(), force=True)
    except Invalid as exc:
        flash(exc.danish, "error")
    else:
        if queued is None:
            flash("En beregning er allerede i gang. Siden opdaterer sig selv, når den er klar.")
        else:
            flash("Rapporten bliver beregnet igen. Siden opdaterer sig selv, når den er klar.")
    return redirect(_report_url(args))


def _pair(form) -> tuple[int, int]:
    """Return the ids of the two offers a form names, or raise Invalid."""
    try:
        return int(form.get("a", "0")), int(form.get("b", "0"))
    except ValueError:
        raise Invalid({"a": [("choose a pair", "Vælg et par.")]}) from None


@bp.route("/dobbelttilbud/ikke-dobbelt", methods=["POST"])
@login_required
def mark():
    """Mark a pair as not a double offer, with a comment; it leaves the report."""
    args = _filters()
    form = request.form
    try:
        a, b = _pair(form)
        with transaction():
            mark_not_double(db.session, me(), a, b, form.get("kommentar", ""))
    except BankError as exc:
        if exc.status == 403:
            raise
        flash(exc.danish, "error@grupper")
        place = "#grupper"
    else:
        flash(
            "Parret er markeret som ikke et dobbelttilbud og er taget ud af rapporten. "
            "Du kan fortryde herunder.",
            "info@markeret",
        )
        place = "#markeret"  # the message shows beside the list of marks, where undo is
    return redirect(_report_url(args) + place)


@bp.route("/dobbelttilbud/ikke-dobbelt/<int:mark_id>/fortryd", methods=["POST"])
@login_required
def unmark(mark_id: int):
    """Undo a not-double mark; the pair comes back into the report."""
    args = _filters()
    try:
        with transaction():
            first, second = unmark_not_double(db.session, me(), mark_id)
    except BankError as exc:
        if exc.status == 403:
            raise
        flash(exc.danish, "error@grupper")
    else:
        flash(
            f"Markeringen er fortrudt. {first} og {second} er med i rapporten igen.", "info@grupper"
        )
    return redirect(_report_url(args) + "#grupper")


@bp.route("/dobbelttilbud/eksport.<kind>")
@login_required
def export_doubles(kind: str):
    """Download the overlap report as XLSX or CSV."""
    if kind not in ("csv", "xlsx"):
        return ("Ukendt format", 404)
    args = _filters()
    view = double_report(db.session, me(), args["graense"] or None, args["center"], args["emne"])
    tables = double_tables(view, term_labels(db.session))
    data = to_xlsx(tables) if kind == "xlsx" else to_csv(tables)
    return download(data, "dobbelttilbud", kind)
