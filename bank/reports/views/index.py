"""The reports' index: the reports the user may read."""

from __future__ import annotations

from flask import render_template
from flask_login import login_required

from bank import db
from bank.auth.current import me
from bank.auth.models import Role
from bank.auth.services import require_role
from bank.reports.doubles import READERS
from bank.reports.learning import learning_state
from bank.reports.views import bp


@bp.route("/")
@login_required
def index():
    """List the reports the user may read."""
    require_role(me(), *READERS)
    leader = me().has_role(Role.LEADER)
    learning = learning_state(db.session) if leader else None
    return render_template("reports/index.html", leader=leader, learning=learning)
