"""The plan pages: the plan per goal, finding offers with the young person, plan items."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import login_required

from bank import db
from bank.auth.current import me
from bank.errors import Invalid
from bank.main.htmx import render
from bank.plans import document, finder, overview, services
from bank.plans.rules import NEXT_STATUSES, ItemStatus, past_end

bp = Blueprint("plans", __name__, url_prefix="/forloeb/<int:course_id>")


@bp.before_request
@login_required
def _signed_in() -> None:
    """Every plan page needs a signed-in user; the services check the rest."""


def today() -> date:
    """Return today's date (one place to change the clock)."""
    return date.today()


@bp.app_template_global()
def past_end_date(item) -> bool:
    """Tell a template whether an open plan item's end date has passed (it needs a flag)."""
    return past_end(item.status, item.ends_on, today())


@bp.route("/plan")
def plan(course_id: int):
    """Show the plan: per goal the items that serve it, unserved goals, double offers."""
    view = overview.plan_view(db.session, me(), course_id)
    from bank.plans.flags import course_flags

    flags = course_flags(db.session, view.course, today())
    versions = document.agreed_versions(db.session, view.course)
    bids = finder.unplanned_bids(view.course, view.items)
    db.session.commit()
    return render_template(
        "plans/plan.html", view=view, course=view.course, flags=flags, versions=versions, bids=bids
    )


def _int_arg(name: str, low: int, high: int) -> int | None:
    value = request.args.get(name, "").strip()
    return int(value) if value.isdigit() and low <= int(value) <= high else None


@bp.route("/plan/find")
def find(course_id: int):
    """Find offers with the young person: ranked for the course's needs and goals, or searched."""
    large = request.args.get("stor") == "1"
    result = finder.find_offers(
        db.session,
        me(),
        course_id,
        text=request.args.get("q", ""),
        age=_int_arg("alder", 0, 120),
        step_max=_int_arg("trin", 1, 6),
        today=today(),
    )
    db.session.commit()
    return render(
        "plans/finder.html",
        "plans/_finder_results.html",
        result=result,
        course=result.course,
        large=large,
    )


FORM_FIELDS = {"goal": "goal_id", "responsible": "responsible_id", "end": "ends_on"}


def form_errors(exc: Invalid) -> dict[str, list[str]]:
    """Return the Danish field errors keyed by the names of the form's inputs."""
    return {FORM_FIELDS.get(k, k): v for k, v in exc.danish_errors().items()}


def choices(course, active_only: bool = False) -> dict:
    """Return the goals and people a plan item form offers, as (value, label) pairs."""
    goals = [
        (g.id, f"{'Livsmål' if g.kind.value == 'life' else 'Delmål'}: {g.text}")
        for g, _ in overview.ordered_goals(course)
        if g.status.value == "active" or not active_only
    ]
    people = [
        (u.id, f"{u.name}, {u.unit.name}" if u.unit else u.name)
        for u in services.team_users(course)
    ]
    return {"goal_options": goals, "people_options": people}


def _item_form(course_id: int, values: dict, errors: dict | None = None, status: int = 200):
    course = overview.open_for(db.session, me(), course_id, "ny indsats")
    offer, bid = services.plan_sources(
        db.session, course, values.get("offer_id"), values.get("bid_id"), refused=bool(errors)
    )
    if offer is None and bid is None:
        abort(404)
    db.session.commit()
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
        item = services.add_item(db.session, me(), course_id, values)
    except Invalid as exc:
        db.session.rollback()
        return _item_form(course_id, values, form_errors(exc), 422)
    doubles = [
        d
        for d in overview.plan_doubles(db.session, services.course_items(db.session, item.course))
        if item in (d.first, d.second)
    ]
    db.session.commit()
    flash(f"{item.title} er lagt i planen.", "info")
    for double in doubles:
        other = double.second if double.first is item else double.first
        flash(
            f"Pas på: {item.title} og {other.title} ligner den samme slags hjælp. "
            "I er ved at give den samme hjælp to gange.",
            "warning",
        )
    return redirect(url_for("plans.plan", course_id=course_id) + f"#indsats-{item.id}")


def _own_item(course_id: int, item_id: int):
    item = services.get_item(db.session, me(), item_id, manage=False)
    if item.course_id != course_id:
        abort(404)
    return item


@bp.route("/plan/indsatser/<int:item_id>", methods=["GET", "POST"])
def edit_item(course_id: int, item_id: int):
    """Show and save who is responsible for an item, its dates and its next step."""
    item = _own_item(course_id, item_id)
    errors, status = {}, 200
    values = {
        "goal_id": item.goal_id,
        "responsible_id": item.responsible_id or "",
        "starts_on": item.starts_on or "",
        "ends_on": item.ends_on or "",
        "next_step": item.next_step,
        "next_step_due": item.next_step_due or "",
        "waiting_weeks": "" if item.waiting_weeks is None else item.waiting_weeks,
    }
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            services.update_item(db.session, me(), item_id, values)
            db.session.commit()
            flash("Indsatsen er gemt.", "info")
            return redirect(url_for("plans.plan", course_id=course_id) + f"#indsats-{item_id}")
        except Invalid as exc:
            db.session.rollback()
            item = _own_item(course_id, item_id)
            errors, status = form_errors(exc), 422
    overview.open_for(db.session, me(), course_id, f"indsats {item_id}")
    db.session.commit()
    return render_template(
        "plans/item_edit.html",
        course=item.course,
        item=item,
        values=values,
        errors=errors,
        statuses=[s for s in ItemStatus if s in NEXT_STATUSES[item.status]],
        **choices(item.course),
    ), status


@bp.route("/plan/indsatser/<int:item_id>/status", methods=["POST"])
def item_status(course_id: int, item_id: int):
    """Start, pause, end or drop an item."""
    _own_item(course_id, item_id)
    try:
        item = services.change_status(
            db.session,
            me(),
            item_id,
            request.form.get("status"),
            request.form.get("drop_reason", ""),
            today(),
        )
        db.session.commit()
        flash(f"{item.title}: {item.status.label.lower()}.", "info")
    except Invalid as exc:
        db.session.rollback()
        for messages in exc.danish_errors().values():
            for message in messages:
                flash(message, "error")
    return redirect(url_for("plans.plan", course_id=course_id) + f"#indsats-{item_id}")


@bp.route("/plan/udskrift")
def plan_print(course_id: int):
    """Show the plan as a page to print, in plain Danish."""
    html = document.plan_html(db.session, me(), course_id, today())
    db.session.commit()
    return html


@bp.route("/plan.pdf")
def plan_pdf(course_id: int):
    """Download the plan as a PDF."""
    pdf = document.plan_pdf(db.session, me(), course_id, today())
    db.session.commit()
    return _pdf_response(pdf, f"plan-{course_id}-{today().isoformat()}.pdf")


@bp.route("/plan/aftalt", methods=["POST"])
def mark_agreed(course_id: int):
    """Keep the plan's PDF on the course as the version agreed with the young person."""
    agreed = document.mark_agreed(db.session, me(), course_id, today())
    db.session.commit()
    flash(f"Planen er gemt som aftalt (version {agreed.version}).", "info")
    return redirect(url_for("plans.plan", course_id=course_id))


@bp.route("/plan/aftalt/<int:version>.pdf")
def agreed_pdf(course_id: int, version: int):
    """Download an agreed version of the plan."""
    pdf = document.agreed_pdf(db.session, me(), course_id, version)
    db.session.commit()
    return _pdf_response(pdf, f"plan-{course_id}-version-{version}.pdf")


def _pdf_response(pdf: bytes, filename: str) -> Response:
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
