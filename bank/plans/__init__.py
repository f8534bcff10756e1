"""The plan: plan items, responsibilities, team meetings, transitions and progress."""

from __future__ import annotations

from datetime import date

from flask import Flask, url_for

from bank import db
from bank.auth.models import Role, User
from bank.auth.services import record_audit
from bank.main import add_panel
from bank.plans.flags import coordinator_watchlist
from bank.plans.views import bp


def watch_panel(user: User) -> tuple[str, dict] | None:
    """Show a coordinator the courses with overdue meetings or coming transitions (audited)."""
    if user.role != Role.COORDINATOR:
        return None
    flagged = coordinator_watchlist(db.session, user, date.today())
    if not flagged:
        return None
    for flags in flagged:
        record_audit(db.session, user, "read", "course", flags.course.id, "forside: møder")
    return "plans/_watch_panel.html", {"flagged": flagged}


def course_link(course_id: int) -> str:
    """Return the URL of the need bank's page for a course."""
    return url_for("needs.course", course_id=course_id)


def init_app(app: Flask) -> None:
    """Register the plan pages and the coordinator's panel."""
    app.register_blueprint(bp)
    add_panel(app, watch_panel, order=20)
