"""The team's pages: team meetings and the communities the young person belongs to."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from bank import db
from bank.auth.current import me
from bank.errors import Invalid
from bank.plans import followup
from bank.plans.flags import course_flags
from bank.plans.overview import open_for
from bank.plans.views import bp, today
from bank.unit_of_work import keep, transaction

COMMUNITY_FIELDS = {"name": "navn", "kind": "slags", "joined_on": "start", "leaves_on": "slut"}


def _meetings_page(course_id: int, values: dict, errors: dict | None = None, status: int = 200):
    """Render the meetings page; it records a read, which the caller keeps."""
    course = open_for(db.session, me(), course_id, "møder")
    context = {
        "course": course,
        "meetings": followup.meetings_of(db.session, course),
        "communities": followup.communities_of(db.session, course),
        "kinds": followup.COMMUNITY_KINDS,
        "flags": course_flags(db.session, course, today()),
        "values": values,
        "errors": errors or {},
    }
    return render_template("plans/meetings.html", **context), status


@bp.route("/moeder", methods=["GET", "POST"])
def meetings(course_id: int):
    """Show the team meetings and record a new one."""
    if request.method == "GET":
        return keep(_meetings_page(course_id, {"held_on": today().isoformat()}))
    values = request.form.to_dict()
    try:
        with transaction():
            followup.record_meeting(
                db.session,
                me(),
                course_id,
                values.get("held_on"),
                values.get("participants", ""),
                values.get("decisions", ""),
                values.get("next_meeting_on"),
                today(),
            )
    except Invalid as exc:
        return keep(_meetings_page(course_id, values, exc.danish_errors(), 422))
    flash("Mødet er gemt.", "info")
    return redirect(url_for("plans.meetings", course_id=course_id))


@bp.route("/faellesskaber", methods=["POST"])
def add_community(course_id: int):
    """Record a community the young person belongs to and when they leave it."""
    form = request.form
    try:
        with transaction():
            followup.add_community(
                db.session,
                me(),
                course_id,
                form.get("name", ""),
                form.get("kind", "other"),
                form.get("joined_on"),
                form.get("leaves_on"),
            )
    except Invalid as exc:
        for field, messages in exc.danish_errors().items():
            flash(
                f"Fællesskab – {COMMUNITY_FIELDS.get(field, field)}: {' '.join(messages)}",
                "error@faellesskaber",
            )
    else:
        flash("Fællesskabet er gemt.", "info@faellesskaber")
    return redirect(url_for("plans.meetings", course_id=course_id) + "#faellesskaber")
