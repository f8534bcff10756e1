"""Reports for leaders: double offers, gaps in the range of offers, management information."""

from __future__ import annotations

from flask import Flask

from bank import db
from bank.auth.models import Role, User
from bank.main import NavItem, add_nav, add_panel
from bank.reports.doubles import READERS, double_report


def _double_panel(user: User) -> tuple[str, dict] | None:
    """Show leaders and editors how many groups of double offers the latest scan found."""
    if not user.has_role(*READERS):
        return None
    view = double_report(db.session, user)
    return "reports/_panel.html", {"view": view, "leader": user.has_role(Role.LEADER)}


def init_app(app: Flask) -> None:
    """Register the report pages, the navigation and the front-page panel."""
    # Imported here, not at the top: bank.tasks imports bank.reports.scans (this package),
    # and the overlap page imports bank.tasks to queue scans.
    from bank.reports.views import bp

    app.register_blueprint(bp)
    add_nav(app, NavItem("reports.index", "Rapporter", roles=(Role.LEADER, Role.EDITOR), order=60))
    add_panel(app, _double_panel, order=40)
