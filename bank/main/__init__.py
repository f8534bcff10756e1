"""The front page, the navigation and the shared page furniture."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask
from flask_login import current_user

from bank.auth.models import Role, User
from bank.main.views import bp


@dataclass(frozen=True)
class NavItem:
    """A link in the top navigation, shown to the given roles (empty: everyone)."""

    endpoint: str
    label: str
    roles: tuple[Role, ...] = ()
    signed_in: bool = False
    order: int = 50


# A panel renders one box on the signed-in front page: it takes the user and returns
# (template name, context) or None when it has nothing to show that user.
Panel = Callable[[User], tuple[str, dict] | None]


def add_nav(app: Flask, item: NavItem) -> None:
    """Add a link to the top navigation."""
    items = app.extensions.setdefault("bank.nav", [])
    items.append(item)
    items.sort(key=lambda i: i.order)


def add_panel(app: Flask, panel: Panel, order: int = 50) -> None:
    """Add a box to the signed-in front page."""
    panels = app.extensions.setdefault("bank.panels", [])
    panels.append((order, panel))
    panels.sort(key=lambda p: p[0])


def init_app(app: Flask) -> None:
    """Register the main blueprint and the navigation helpers for templates."""
    app.register_blueprint(bp)

    @app.context_processor
    def _navigation() -> dict:
        def visible(item: NavItem) -> bool:
            if not (item.roles or item.signed_in):
                return True
            if not current_user.is_authenticated:
                return False
            return not item.roles or current_user.has_role(*item.roles)

        return {"nav_items": [i for i in app.extensions.get("bank.nav", []) if visible(i)]}
