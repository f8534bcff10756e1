"""The plan page and finding offers with the young person."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from bank import db
from bank.auth.current import me
from bank.decisions import services as decisions
from bank.decisions.models import NotFitReason
from bank.errors import Invalid, flash_invalid
from bank.inputs import query_int
from bank.main.htmx import render
from bank.plans import document, finder, overview
from bank.plans.flags import course_flags
from bank.plans.views import bp, today
from bank.unit_of_work import audited_read, transaction


@bp.route("/plan")
@audited_read
def plan(course_id: int):
    """Show the plan: per goal the items that serve it, unserved goals, double offers."""
    view = overview.plan_view(db.session, me(), course_id)
    flags = course_flags(db.session, view.course, today())
    versions = document.agreed_versions(db.session, view.course)
    bids = finder.unplanned_bids(view.course, view.items)
    return render_template(
        "plans/plan.html", view=view, course=view.course, flags=flags, versions=versions, bids=bids
    )


def _filters(values) -> dict:
    """Return the finder's filters (search text, age, step, large text) from query or form."""
    return {
        "q": values.get("q", "") or None,
        "alder": query_int("alder", low=0, high=120, values=values),
        "trin": query_int("trin", low=1, high=6, values=values),
        "stor": 1 if values.get("stor") == "1" else None,
    }


def _finder(course_id: int, filters: dict):
    """Render the finder (its results alone for htmx) for these filters; it records a read."""
    result = finder.find_offers(
        db.session,
        me(),
        course_id,
        text=filters["q"] or "",
        age=filters["alder"],
        step_max=filters["trin"],
        today=today(),
    )
    return render(
        "plans/finder.html",
        "plans/_finder_results.html",
        result=result,
        course=result.course,
        large=bool(filters["stor"]),
        filters=filters,
        reasons=list(NotFitReason),
    )


@bp.route("/plan/find")
@audited_read
def find(course_id: int):
    """Find offers with the young person: ranked for the course's needs and goals, or searched."""
    return _finder(course_id, _filters(request.args))


def _after_mark(course_id: int, filters: dict):
    """Show the results again: in place for htmx, else by a redirect to the finder."""
    if request.headers.get("HX-Request"):
        with transaction():
            return _finder(course_id, filters)
    return redirect(url_for("plans.find", course_id=course_id, **filters) + "#resultater")


@bp.route("/plan/find/passer-ikke", methods=["POST"])
def not_fit(course_id: int):
    """Mark an offer "Passer ikke" for the course: it leaves the finder's list."""
    form, filters = request.form, _filters(request.form)
    try:
        with transaction():
            decision = decisions.mark_offer_not_fit(
                db.session,
                me(),
                course_id,
                form.get("offer_id"),
                form.get("need_id"),
                form.get("goal_id"),
                form.get("reason"),
            )
    except Invalid as exc:
        flash_invalid(exc, "error@skjult")
    else:
        title = decision.offer.title if decision.offer else "Tilbuddet"
        flash(f"{title} er skjult. I kan fortryde under Skjult.", "info@skjult")
    return _after_mark(course_id, filters)


@bp.route("/plan/find/skjult/<int:decision_id>/fortryd", methods=["POST"])
def undo_not_fit(course_id: int, decision_id: int):
    """Undo a "Passer ikke": the offer comes back in the finder's list."""
    with transaction():
        offer = decisions.undo_offer_not_fit(db.session, me(), course_id, decision_id)
    flash(f"{offer.title} er med i listen igen.", "info@skjult")
    return _after_mark(course_id, _filters(request.form))
