"""The audit log page: admins and leaders search who read or changed citizen data (read-only)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask import request

from bank import db
from bank.auth.current import me
from bank.auth.models import User
from bank.auth.services import search_audit
from bank.danish import LOCAL
from bank.main.htmx import render
from bank.needs.audit_text import ACTIONS, RECORD_TYPES, describe
from bank.needs.views import bp


def _day(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


@bp.route("/adgangslog")
def audit():
    """Search the audit log by person, kind of record, record number and dates."""
    viewer = me()
    email = request.args.get("email", "").strip().lower()
    user_id = None
    if email:
        user_id = db.session.scalar(sa.select(User.id).where(User.email == email)) or -1
    since, until = _day("fra"), _day("til")
    entries = search_audit(
        db.session,
        viewer,
        user_id=user_id,
        record_type=request.args.get("type") or None,
        record_id=request.args.get("id", "").strip() or None,
        since=datetime.combine(since, time(), LOCAL) if since else None,
        until=datetime.combine(until + timedelta(days=1), time(), LOCAL) if until else None,
    )
    return render(
        "needs/audit.html",
        "needs/_audit_results.html",
        entries=[describe(e) for e in entries],
        args=request.args,
        record_types=RECORD_TYPES,
        actions=ACTIONS,
    )
