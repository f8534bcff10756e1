"""The reports' pages: the index and the overlap report (double offers)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from bank import db
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
from bank.reports.highlight import highlight
from bank.reports.scans import normal_threshold
from bank.reports.tables import double_tables
from bank.tasks import queue_scan

bp = Blueprint("reports", __name__, url_prefix="/rapporter")
bp.add_app_template_filter(highlight, "highlight")


def _filters() -> dict[str, str]:
    return {k: request.values.get(k, "").strip() for k in ("graense", "center", "emne")}


@bp.route("/")
@login_required
def index():
    """List the reports the user may read."""
    require_role(current_user, *READERS)
    return render_template("reports/index.html", leader=current_user.has_role(Role.LEADER))


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
    view = double_report(db.session, current_user, threshold, args["center"], args["emne"])
    if view.pending is None and (view.scan is None or view.stale):
        queue_scan(db.session, threshold, current_user)  # the worker computes it, not we
        view = double_report(db.session, current_user, threshold, args["center"], args["emne"])
    return render(
        "reports/doubles.html",
        "reports/_doubles.html",
        view=view,
        args=args,
        threshold_error=error,
        editor=current_user.has_role(Role.EDITOR),
        editable=editable_refs(current_user, view),
    )


@bp.route("/dobbelttilbud/beregn", methods=["POST"])
@login_required
def rescan():
    """Queue a new scan of the catalogue now (it runs in the background)."""
    require_role(current_user, *READERS)
    args = _filters()
    try:
        if queue_scan(db.session, args["graense"] or None, current_user, force=True) is None:
            flash("En beregning er allerede i gang. Siden opdaterer sig selv, når den er klar.")
        else:
            flash("Rapporten bliver beregnet igen. Siden opdaterer sig selv, når den er klar.")
    except Invalid as exc:
        flash(exc.danish, "error")
    return redirect(url_for("reports.doubles", **{k: v for k, v in args.items() if v}))


@bp.route("/dobbelttilbud/ikke-dobbelt", methods=["POST"])
@login_required
def mark():
    """Mark a pair as not a double offer, with a comment; it leaves the report."""
    args = _filters()
    form = request.form
    try:
        a, b = int(form.get("a", "0")), int(form.get("b", "0"))
        mark_not_double(db.session, current_user, a, b, form.get("kommentar", ""))
        db.session.commit()
        flash(
            "Parret er markeret som ikke et dobbelttilbud og er taget ud af rapporten. "
            "Du kan fortryde herunder.",
            "info@markeret",
        )
        place = "#markeret"  # the message shows beside the list of marks, where undo is
    except (ValueError, BankError) as exc:
        db.session.rollback()
        if not isinstance(exc, BankError):
            exc = Invalid({"a": [("choose a pair", "Vælg et par.")]})
        if exc.status == 403:
            raise exc
        flash(exc.danish, "error@grupper")
        place = "#grupper"
    target = url_for("reports.doubles", **{k: v for k, v in args.items() if v})
    return redirect(target + place)


@bp.route("/dobbelttilbud/ikke-dobbelt/<int:mark_id>/fortryd", methods=["POST"])
@login_required
def unmark(mark_id: int):
    """Undo a not-double mark; the pair comes back into the report."""
    args = _filters()
    try:
        first, second = unmark_not_double(db.session, current_user, mark_id)
        db.session.commit()
        flash(
            f"Markeringen er fortrudt. {first} og {second} er med i rapporten igen.", "info@grupper"
        )
    except BankError as exc:
        db.session.rollback()
        if exc.status == 403:
            raise exc
        flash(exc.danish, "error@grupper")
    target = url_for("reports.doubles", **{k: v for k, v in args.items() if v})
    return redirect(target + "#grupper")


@bp.route("/dobbelttilbud/eksport.<kind>")
@login_required
def export_doubles(kind: str):
    """Download the overlap report as XLSX or CSV."""
    if kind not in ("csv", "xlsx"):
        return ("Ukendt format", 404)
    args = _filters()
    view = double_report(
        db.session, current_user, args["graense"] or None, args["center"], args["emne"]
    )
    tables = double_tables(view, term_labels(db.session))
    data = to_xlsx(tables) if kind == "xlsx" else to_csv(tables)
    return download(data, "dobbelttilbud", kind)
