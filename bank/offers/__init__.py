"""The offer catalogue: offers, their programme theory, revisions, vocabulary, import/export."""

from __future__ import annotations

from flask import Flask

from bank import db
from bank.auth.models import Role
from bank.extensions import get_api
from bank.main import NavItem, add_nav, add_panel
from bank.offers.access import is_editor
from bank.offers.review import editor_offers


def _editor_panel(user) -> tuple[str, dict] | None:
    """Show editors how many of their offers wait for a yearly review."""
    if not is_editor(user):
        return None
    rows = editor_offers(db.session, user)
    return "offers/_editor_panel.html", {
        "total": len(rows),
        "stale": sum(1 for row in rows if row.stale),
    }


def init_app(app: Flask) -> None:
    """Register the catalogue pages, the editor, the JSON API and the navigation."""
    # Imported here against a cycle: the pages import bank.ranking (doubles, search), and
    # bank.ranking imports bank.offers.models, which runs this package's __init__ first.
    from bank.offers.api import blp
    from bank.offers.views import bp

    app.register_blueprint(bp)
    get_api(app).register_blueprint(blp)
    add_nav(app, NavItem("offers.catalogue", "Tilbud", order=10))
    add_nav(app, NavItem("offers.editor_list", "Mine tilbud", roles=(Role.EDITOR,), order=20))
    add_nav(app, NavItem("offers.vocabulary", "Emner", roles=(Role.ADMIN,), order=90))
    add_panel(app, _editor_panel, order=30)
