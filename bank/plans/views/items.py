"""Plan item pages: add an offer or an accepted bid to the plan, edit an item, move its status."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from bank import db
from bank.auth.current import me
from bank.errors import Invalid, flash_invalid
from bank.needs.models import Course, GoalKind
from bank.plans import overview, services
from bank.plans.models import PlanItem
from bank.plans.rules import NEXT_STATUSES, ItemStatus
from bank.plans.views import bp, form_errors, today
from bank.unit_of_work import audited_read, keep, transaction


def choices(course: Course, active_only: bool = False) -> dict:
    """Return the goals and people a plan item form offers, as (value, label) pairs."""
    goals = [
        (g.id, f"{'Livsmål' if g.kind == GoalKind.LIFE else 'Delmål'}: {g.text}")
        for g, _ in overview.ordered_goals(course)
        if services.servable(g) or not active_only
    ]
    people = [
        (u.id, f"{u.name}, {u.unit.name}" if u.unit else u.name)
        for u in services.team_users(course)
    ]
    return {"goal_options": goals, "people_options": people}


def _at_item(course_id: int, item_id: int) -> str:
    return url_for("plans.plan", course_id=course_id) + f"#indsats-{item_id}"


def _item_form(course_id: int, values: dict, errors: dict | None = None, status: int = 200):
    """Render the form that adds a plan item; it records a read, which the caller keeps."""
    course = overview.open_for(db.session, me(), course_id, "ny indsats")
    offer, bid = services.plan_sources(
        db.session, course, values.get("offer_id"), values.get("bid_id"), refused=bool(errors)
    )
    if offer is None and bid is None:
        abort(404)
    page = render_template(
        "plans/item_form.html",
        course=course,
        offer=offer,
        bid=bid,
        values=values,
        errors=errors or {},
        **choices(course, active_only=True),
    )
    return page, status


@bp.route("/plan/ny")
@audited_read
def new_item(course_id: int):
    """Show the form that adds an offer or an accepted bid to the plan."""
    values = {
        "offer_id": request.args.get("tilbud", ""),
        "bid_id": request.args.get("bud", ""),
        "goal_id": request.args.get("maal", ""),
    }
    return _item_form(course_id, values)


@bp.route("/plan/indsatser", methods=["POST"])
def add_item(course_id: int):
    """Add a plan item; warn at once if it gives the same help as another item."""
    values = request.form.to_dict()
    try:
        with transaction():
            item = services.add_item(db.session, me(), course_id, values)
            doubles = overview.doubles_with(db.session, item)
    except Invalid as exc:
        return keep(_item_form(course_id, values, form_errors(exc), 422))
    flash(f"{item.title} er lagt i planen.", "info")
    for double in doubles:
        other = double.second if double.first is item else double.first
        flash(
            f"Pas på: {item.title} og {other.title} ligner den samme slags hjælp. "
            "I er ved at give den samme hjælp to gange.",
            "warning",
        )
    return redirect(_at_item(course_id, item.id))


def _own_item(course_id: int, item_id: int) -> PlanItem:
    item = services.get_item(db.session, me(), item_id, manage=False)
    if item.course_id != course_id:
        abort(404)
    return item


def _edit_form(course_id: int, item_id: int, values: dict | None = None, errors=None, status=200):
    """Render an item's edit form (its saved values unless given); the caller keeps the read."""
    item = _own_item(course_id, item_id)
    if values is None:
        values = {
            "goal_id": item.goal_id,
            "responsible_id": item.responsible_id or "",
            "starts_on": item.starts_on or "",
            "ends_on": item.ends_on or "",
            "next_step": item.next_step,
            "next_step_due": item.next_step_due or "",
            "waiting_weeks": "" if item.waiting_weeks is None else item.waiting_weeks,
        }
    overview.open_for(db.session, me(), course_id, f"indsats {item_id}")
    return render_template(
        "plans/item_edit.html",
        course=item.course,
        item=item,
        values=values,
        errors=errors or {},
        statuses=[s for s in ItemStatus if s in NEXT_STATUSES[item.status]],
        **choices(item.course),
    ), status


@bp.route("/plan/indsatser/<int:item_id>", methods=["GET", "POST"])
def edit_item(course_id: int, item_id: int):
    """Show and save who is responsible for an item, its dates and its next step."""
    if request.method == "GET":
        return keep(_edit_form(course_id, item_id))
    _own_item(course_id, item_id)
    values = request.form.to_dict()
    try:
        with transaction():
            services.update_item(db.session, me(), item_id, values)
    except Invalid as exc:
        return keep(_edit_form(course_id, item_id, values, form_errors(exc), 422))
    flash("Indsatsen er gemt.", "info")
    return redirect(_at_item(course_id, item_id))


@bp.route("/plan/indsatser/<int:item_id>/status", methods=["POST"])
def item_status(course_id: int, item_id: int):
    """Start, pause, end or drop an item."""
    _own_item(course_id, item_id)
    form = request.form
    try:
        with transaction():
            item = services.change_status(
                db.session, me(), item_id, form.get("status"), form.get("drop_reason", ""), today()
            )
    except Invalid as exc:
        flash_invalid(exc, "error")
    else:
        flash(f"{item.title}: {item.status.label.lower()}.", "info")
    return redirect(_at_item(course_id, item_id))
