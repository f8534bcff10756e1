"""GET /healthz for a load balancer: database, task queue and this process's index.

No sign-in, no personal data, JSON only. 200 when the database and the queue answer,
503 when either does not (take the process out of rotation). The index part says which
catalogue version this process serves and how old its saved copy is; an index not loaded
yet is no failure (the first search loads it), but `current: false` shows a lag.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Blueprint, Flask, current_app, jsonify

from bank import db
from bank.ranking import current_stamp
from bank.ranking import index_state as held
from bank.tasks import get_queue, queue_kind
from bank.unit_of_work import discard

bp = Blueprint("health", __name__)


def database_state() -> dict[str, object]:
    """Return whether the database answers a trivial query."""
    try:
        db.session.execute(sa.text("SELECT 1"))
        return {"ok": True}
    except Exception as error:  # any driver error means "not healthy"
        discard()
        return {"ok": False, "error": type(error).__name__}


def queue_state() -> dict[str, object]:
    """Return whether the task queue's storage answers, with how many tasks wait."""
    try:
        waiting = get_queue().huey.pending_count()
        return {"ok": True, "kind": queue_kind(current_app), "pending": waiting}
    except Exception as error:  # Redis down, SQLite file unreadable ...
        return {"ok": False, "error": type(error).__name__}


def index_state(database_ok: bool) -> dict[str, object]:
    """Return the version of the index this process serves, the catalogue's, and its age."""
    if not database_ok:
        return {"loaded": False}
    state = dict(held(db.session))
    catalogue = current_stamp(db.session).version
    state["catalogue_version"] = catalogue
    state["current"] = state.get("version") == catalogue
    saved_at = state.pop("saved_at", None)
    if isinstance(saved_at, str):
        age = datetime.now(UTC) - datetime.fromisoformat(saved_at)
        state["age_s"] = round(age.total_seconds())
    return state


@bp.get("/healthz")
def healthz():
    """Answer a load balancer: 200 if this process can serve, 503 if not."""
    database = database_state()
    queue = queue_state()
    healthy = bool(database["ok"] and queue["ok"])
    body = {
        "status": "ok" if healthy else "fail",
        "host": socket.gethostname(),
        "process": os.getpid(),
        "database": database,
        "queue": queue,
        "index": index_state(bool(database["ok"])),
    }
    response = jsonify(body)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Register /healthz."""
    app.register_blueprint(bp)
