"""Refused attempts on citizen data go to the audit log in a transaction of their own, so the
refused request's rollback does not take the entry with it."""

from __future__ import annotations

import logging
from typing import cast

import sqlalchemy as sa

from bank import db
from bank.auth.models import AuditEntry, User
from bank.db import utcnow

log = logging.getLogger(__name__)
SQLITE_WAIT_MS = 2000  # never hold a refused request long for its audit entry


def _user_id(user: User | None) -> int | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.id


def audit_refusal(user: User | None, record_type: str, record_id: object, detail: str) -> None:
    """Write a 'refused' audit entry at once, apart from the caller's transaction; never raise."""
    row = {
        "at": utcnow(),
        "user_id": _user_id(user),
        "action": "refused",
        "record_type": record_type,
        "record_id": str(record_id),
        "detail": detail,
    }
    try:
        engine = cast(sa.Engine, db.session.get_bind())  # the app's engine, never a connection
        with engine.begin() as connection:
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_WAIT_MS}")
            connection.execute(sa.insert(cast(sa.Table, AuditEntry.__table__)), row)
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA busy_timeout = 30000")
    except Exception:  # the refusal itself must still reach the user
        log.exception("could not write the audit entry for a refused %s %s", record_type, record_id)
