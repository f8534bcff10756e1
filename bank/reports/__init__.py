"""Reports for leaders: double offers, gaps in the range of offers, management information."""

from __future__ import annotations

from flask import Flask

from bank import db
from bank.auth.models import Role, User
from bank.main import NavItem, add_nav, add_panel
from bank.plans.dimensions import BUILT_IN
from bank.reports.doubles import READERS, double_report
from bank.reports.stats import danish_number
from bank.reports.views import bp


def _signed(value: float | None) -> str:
    """Return a change with its sign, the Danish way: +1,5 or -2."""
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + danish_number(value)


def _double_panel(user: User) -> tuple[str, dict] | None:
    """Show leaders and editors how many groups of double offers the latest scan found."""
    if not user.has_role(*READERS):
        return None
    view = double_report(db.session, user)
    return "reports/_panel.html", {"view": view, "leader": user.has_role(Role.LEADER)}


def init_app(app: Flask) -> None:
    """Register the report pages, their template helpers and the navigation."""
    labels = {d.key: d.label for d in BUILT_IN}
    app.register_blueprint(bp)
    app.add_template_global(lambda key: labels.get(key, key), "dimension_label")
    app.add_template_global(_signed, "signed")
    add_nav(app, NavItem("reports.index", "Rapporter", roles=(Role.LEADER, Role.EDITOR), order=60))
    add_panel(app, _double_panel, order=40)
