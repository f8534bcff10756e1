"""The need bank: citizens' courses, consent, goals, needs and the units' bids."""

from __future__ import annotations

from flask import Flask

from bank.auth.models import Role
from bank.extensions import get_api
from bank.main import NavItem, add_nav, add_panel
from bank.needs.api import blp
from bank.needs.views import bp
from bank.needs.views.inbox import inbox_panel


def init_app(app: Flask) -> None:
    """Register the need bank's pages, API, navigation and front-page panel."""
    app.register_blueprint(bp)
    get_api(app).register_blueprint(blp)
    add_nav(app, NavItem("needs.my_courses", "Forløb", roles=(Role.COORDINATOR,), order=30))
    add_nav(app, NavItem("needs.board", "Behov", signed_in=True, order=35))
    add_nav(app, NavItem("needs.our_bids", "Vores bud", roles=(Role.UNIT_MEMBER,), order=40))
    add_nav(app, NavItem("needs.inbox", "Indbakke", signed_in=True, order=45))
    add_nav(app, NavItem("needs.audit", "Adgangslog", roles=(Role.LEADER,), order=85))
    add_panel(app, inbox_panel, order=10)
