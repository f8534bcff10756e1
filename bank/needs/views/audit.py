"""The audit log page: admins and leaders search who read or changed citizen data (read-only)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import request

from bank import db
from bank.auth.current import me
from bank.danish import LOCAL
from bank.main.htmx import render
from bank.needs.audit_text import ACTIONS, RECORD_TYPES, search_log
from bank.needs.views import bp


def _day(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


@bp.route("/adgangslog")
def audit():
    """Search the audit log by person, kind of record, record number and dates."""
    since, until = _day("fra"), _day("til")
    entries = search_log(
        db.session,
        me(),
        email=request.args.get("email", "").strip().lower(),
        record_type=request.args.get("type") or None,
        record_id=request.args.get("id", "").strip() or None,
        since=datetime.combine(since, time(), LOCAL) if since else None,
        until=datetime.combine(until + timedelta(days=1), time(), LOCAL) if until else None,
    )
    return render(
        "needs/audit.html",
        "needs/_audit_results.html",
        entries=entries,
        args=request.args,
        record_types=RECORD_TYPES,
        actions=ACTIONS,
    )
