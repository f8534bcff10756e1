"""The progress pages: the charts, a new progress entry, and what the team measures."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from bank import db
from bank.auth.current import me
from bank.errors import Invalid
from bank.plans import followup, services
from bank.plans.charts import progress_charts
from bank.plans.dimensions import Kind
from bank.plans.overview import open_for
from bank.plans.views import bp, today
from bank.unit_of_work import keep, transaction

DIMENSION_FIELDS = {
    "label": "navn",
    "kind": "slags",
    "high": "skala",
    "choices": "valg",
    "low": "skala",
}


def _progress_page(course_id: int, values: dict, errors: dict | None = None, status: int = 200):
    """Render the progress page; it records a read, which the caller keeps."""
    course = open_for(db.session, me(), course_id, "fremskridt")
    specs = followup.dimensions_of(db.session, course)
    entries = followup.progress_of(db.session, course)
    charts = progress_charts(
        specs, entries, services.course_items(db.session, course), course.started_on, today()
    )
    return render_template(
        "plans/progress.html",
        course=course,
        specs=specs,
        charts=charts,
        values=values,
        errors=errors or {},
        kinds=list(Kind),
        recent=list(reversed(entries))[:10],
        labels={s.key: s for s in specs},
        dimension_options=[(s.key, s.label) for s in specs],
    ), status


@bp.route("/fremskridt", methods=["GET", "POST"])
def progress(course_id: int):
    """Show the progress charts and record a new entry."""
    if request.method == "GET":
        values = {"recorded_on": today().isoformat(), "dimension": request.args.get("maal", "")}
        return keep(_progress_page(course_id, values))
    values = request.form.to_dict()
    try:
        with transaction():
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
    except Invalid as exc:
        return keep(_progress_page(course_id, values, exc.danish_errors(), 422))
    flash("Målingen er gemt.", "info@grafer")  # shown beside the charts it lands on
    return redirect(url_for("plans.progress", course_id=course_id) + "#grafer")


@bp.route("/fremskridt/dimensioner", methods=["POST"])
def add_dimension(course_id: int):
    """Add something the team wants to measure on this course."""
    form = request.form
    try:
        with transaction():
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
    except Invalid as exc:
        for field, messages in exc.danish_errors().items():
            flash(
                f"Ny måling – {DIMENSION_FIELDS.get(field, field)}: {' '.join(messages)}",
                "error@ny-dimension",
            )
    else:
        flash(f"I måler nu også: {spec.label}.", "info@ny-dimension")
    return redirect(url_for("plans.progress", course_id=course_id) + "#ny-dimension")
