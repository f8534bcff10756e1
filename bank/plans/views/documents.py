"""The plan as a document: the print page, the PDF, and the versions agreed on."""

from __future__ import annotations

from flask import Response, flash, make_response, redirect, url_for

from bank import db
from bank.auth.current import me
from bank.plans import document
from bank.plans.views import bp, today
from bank.unit_of_work import audited_read, transaction


@bp.route("/plan/udskrift")
@audited_read
def plan_print(course_id: int):
    """Show the plan as a page to print, in plain Danish."""
    return document.plan_html(db.session, me(), course_id, today())


@bp.route("/plan.pdf")
@audited_read
def plan_pdf(course_id: int):
    """Download the plan as a PDF."""
    pdf = document.plan_pdf(db.session, me(), course_id, today())
    return _pdf_response(pdf, f"plan-{course_id}-{today().isoformat()}.pdf")


@bp.route("/plan/aftalt", methods=["POST"])
def mark_agreed(course_id: int):
    """Keep the plan's PDF on the course as the version agreed with the young person."""
    with transaction():
        agreed = document.mark_agreed(db.session, me(), course_id, today())
    flash(f"Planen er gemt som aftalt (version {agreed.version}).", "info")
    return redirect(url_for("plans.plan", course_id=course_id))


@bp.route("/plan/aftalt/<int:version>.pdf")
@audited_read
def agreed_pdf(course_id: int, version: int):
    """Download an agreed version of the plan."""
    pdf = document.agreed_pdf(db.session, me(), course_id, version)
    return _pdf_response(pdf, f"plan-{course_id}-version-{version}.pdf")


def _pdf_response(pdf: bytes, filename: str) -> Response:
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
