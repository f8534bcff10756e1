"""The follow-up pages: team meetings, communities, progress entries and the charts."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from bank import db
from bank.auth.current import me
from bank.errors import Invalid
from bank.plans import followup, services
from bank.plans.charts import progress_charts
from bank.plans.dimensions import Kind
from bank.plans.flags import course_flags
from bank.plans.overview import open_for
from bank.plans.views import bp, today


@bp.route("/moeder", methods=["GET", "POST"])
def meetings(course_id: int):
    """Show the team meetings and record a new one."""
    errors, status, values = {}, 200, {"held_on": today().isoformat()}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
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
            db.session.commit()
            flash("Mødet er gemt.", "info")
            return redirect(url_for("plans.meetings", course_id=course_id))
        except Invalid as exc:
            db.session.rollback()
            errors, status = exc.danish_errors(), 422
    course = open_for(db.session, me(), course_id, "møder")
    context = {
        "course": course,
        "meetings": followup.meetings_of(db.session, course),
        "communities": followup.communities_of(db.session, course),
        "kinds": followup.COMMUNITY_KINDS,
        "flags": course_flags(db.session, course, today()),
        "values": values,
        "errors": errors,
    }
    db.session.commit()
    return render_template("plans/meetings.html", **context), status


@bp.route("/faellesskaber", methods=["POST"])
def add_community(course_id: int):
    """Record a community the young person belongs to and when they leave it."""
    form = request.form
    try:
        followup.add_community(
            db.session,
            me(),
            course_id,
            form.get("name", ""),
            form.get("kind", "other"),
            form.get("joined_on"),
            form.get("leaves_on"),
        )
        db.session.commit()
        flash("Fællesskabet er gemt.", "info@faellesskaber")
    except Invalid as exc:
        db.session.rollback()
        for field, messages in exc.danish_errors().items():
            flash(
                f"Fællesskab – {FIELD_NAMES.get(field, field)}: {' '.join(messages)}",
                "error@faellesskaber",
            )
    return redirect(url_for("plans.meetings", course_id=course_id) + "#faellesskaber")


FIELD_NAMES = {
    "name": "navn",
    "kind": "slags",
    "joined_on": "start",
    "leaves_on": "slut",
    "label": "navn",
    "high": "skala",
    "choices": "valg",
    "low": "skala",
}


@bp.route("/fremskridt", methods=["GET", "POST"])
def progress(course_id: int):
    """Show the progress charts and record a new entry."""
    errors, status = {}, 200
    values = {"recorded_on": today().isoformat(), "dimension": request.args.get("maal", "")}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            followup.record_progress(
                db.session,
                me(),
                course_id,
                values.get("dimension", ""),
                values.get("value"),
                values.get("recorded_on"),
                values.get("note", ""),
                today(),
            )
            db.session.commit()
            flash("Målingen er gemt.", "info@grafer")  # shown beside the charts it lands on
            return redirect(url_for("plans.progress", course_id=course_id) + "#grafer")
        except Invalid as exc:
            db.session.rollback()
            errors, status = exc.danish_errors(), 422
    course = open_for(db.session, me(), course_id, "fremskridt")
    specs = followup.dimensions_of(db.session, course)
    entries = followup.progress_of(db.session, course)
    charts = progress_charts(
        specs, entries, services.course_items(db.session, course), course.started_on, today()
    )
    db.session.commit()
    return render_template(
        "plans/progress.html",
        course=course,
        specs=specs,
        charts=charts,
        values=values,
        errors=errors,
        kinds=list(Kind),
        recent=list(reversed(entries))[:10],
        labels={s.key: s for s in specs},
        dimension_options=[(s.key, s.label) for s in specs],
    ), status


@bp.route("/fremskridt/dimensioner", methods=["POST"])
def add_dimension(course_id: int):
    """Add something the team wants to measure on this course."""
    form = request.form
    try:
        spec = followup.add_dimension(
            db.session,
            me(),
            course_id,
            form.get("label", ""),
            form.get("kind", ""),
            form.get("low"),
            form.get("high"),
            form.get("choices", ""),
        )
        db.session.commit()
        flash(f"I måler nu også: {spec.label}.", "info@ny-dimension")
    except Invalid as exc:
        db.session.rollback()
        for field, messages in exc.danish_errors().items():
            flash(
                f"Ny måling – {FIELD_NAMES.get(field, field)}: {' '.join(messages)}",
                "error@ny-dimension",
            )
    return redirect(url_for("plans.progress", course_id=course_id) + "#ny-dimension")
