"""The plan page and finding offers with the young person."""

from __future__ import annotations

from flask import render_template, request

from bank import db
from bank.auth.current import me
from bank.inputs import query_int
from bank.main.htmx import render
from bank.plans import document, finder, overview
from bank.plans.flags import course_flags
from bank.plans.views import bp, today
from bank.unit_of_work import audited_read


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


@bp.route("/plan/find")
@audited_read
def find(course_id: int):
    """Find offers with the young person: ranked for the course's needs and goals, or searched."""
    large = request.args.get("stor") == "1"
    result = finder.find_offers(
        db.session,
        me(),
        course_id,
        text=request.args.get("q", ""),
        age=query_int("alder", low=0, high=120),
        step_max=query_int("trin", low=1, high=6),
        today=today(),
    )
    return render(
        "plans/finder.html",
        "plans/_finder_results.html",
        result=result,
        course=result.course,
        large=large,
    )
