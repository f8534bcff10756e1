"""The plan: plan items, responsibilities, team meetings, transitions and progress."""

from __future__ import annotations

from datetime import date

from flask import Flask


def watch_panel(user) -> tuple[str, dict] | None:
    """Show a coordinator the courses with overdue meetings or coming transitions."""
    from bank import db
    from bank.auth.models import Role
    from bank.auth.services import record_audit
    from bank.plans.flags import coordinator_watchlist

    if user.role != Role.COORDINATOR:
        return None
    flagged = coordinator_watchlist(db.session, user, date.today())
    if not flagged:
        return None
    for flags in flagged:
        record_audit(db.session, user, "read", "course", flags.course.id, "forside: møder")
    db.session.commit()
    return "plans/_watch_panel.html", {"flagged": flagged}


COURSE_ENDPOINTS = ("needs.course", "needs.show_course", "needs.course_page")


def course_link(course_id: int) -> str | None:
    """Return the URL of the need bank's page for a course, if that page exists."""
    from flask import url_for
    from werkzeug.routing import BuildError

    for endpoint in COURSE_ENDPOINTS:
        try:
            return url_for(endpoint, course_id=course_id)
        except BuildError:
            continue
    return None


def init_app(app: Flask) -> None:
    """Register the plan pages, the date filter and the coordinator's front-page panel."""
    from bank.main import add_panel
    from bank.plans import views, views_followup  # noqa: F401  (routes on the blueprint)

    app.register_blueprint(views.bp)
    app.add_template_global(course_link, "course_link")
    add_panel(app, watch_panel, order=20)
