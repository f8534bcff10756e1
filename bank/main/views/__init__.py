"""The front page."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_login import current_user
from markupsafe import Markup

from bank.unit_of_work import audited_read

bp = Blueprint("main", __name__)


@bp.route("/")
@audited_read  # a panel may record that it showed a course (the coordinator's watch panel)
def home():
    """Show the front page: what waits for the signed-in user, or an introduction."""
    panels = []
    if current_user.is_authenticated:
        for _order, panel in current_app.extensions.get("bank.panels", []):
            shown = panel(current_user)
            if shown is not None:
                template, context = shown
                panels.append(Markup(render_template(template, **context)))
    return render_template("main/home.html", panels=panels)


@bp.route("/favicon.ico")
def favicon():
    """Send browsers that ask for /favicon.ico to the bank's icon."""
    return redirect(url_for("static", filename="favicon.svg"), 301)
