"""The access log as a person reads it: Danish names for records, actions and details."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import AuditEntry, User
from bank.auth.services import search_audit
from bank.needs import labels
from bank.plans.dimensions import BUILT_IN
from bank.plans.rules import ItemStatus

RECORD_TYPES = {
    "course": "Forløb",
    "citizen": "Borger",
    "consent": "Samtykke",
    "goal": "Mål",
    "need": "Behov",
    "bids": "Bud på et behov",
    "bid": "Bud",
    "team": "Team",
    "plan_item": "Indsats i planen",
    "meeting": "Møde",
    "progress": "Måling",
    "dimension": "Måleemne",
    "community": "Fællesskab",
    "agreed_plan": "Aftalt plan",
    "management_report": "Ledelsesinformation",
    "needs": "Behov (udtræk)",
}
ACTIONS = {
    "read": "Læst",
    "create": "Oprettet",
    "update": "Ændret",
    "publish": "Offentliggjort",
    "withdraw": "Trukket tilbage",
    "close": "Lukket",
    "decide": "Besluttet",
    "add": "Tilføjet",
    "remove": "Fjernet",
    "end": "Afsluttet",
    "export": "Hentet ud",
}
_VALUES = (
    {s.value: s.label for s in ItemStatus}
    | {k.value: da for kind in labels.ALL.values() for k, (_en, da) in kind.items()}
    | {d.key: d.label for d in BUILT_IN}
)
_WORD = re.compile(r"\b[a-z][a-z_]+\b")
_MANAGEMENT = re.compile(r"^period=(?P<period>[^;]*); centre=(?P<centre>.*)$")


@dataclass(frozen=True)
class AuditLine:
    """One access-log entry in Danish: when, who, what was done, to which record, details."""

    at: datetime
    user: User | None
    action: str
    record: str
    detail: str


def record_text(record_type: str, record_id: str) -> str:
    """Return the record in Danish: 'Forløb nr. 5', or 'Ledelsesinformation' for a report."""
    name = RECORD_TYPES.get(record_type, "Oplysning")
    return f"{name} nr. {record_id}" if str(record_id).isdigit() else name


def detail_text(detail: str | None) -> str:
    """Return the detail with internal values (statuses, keys, report filters) in Danish."""
    if not detail:
        return ""
    if detail in _VALUES:
        return _VALUES[detail]
    found = _MANAGEMENT.match(detail)
    if found:
        return f"periode: {found['period']}, center: {found['centre']}"
    return _WORD.sub(
        lambda m: (
            _VALUES.get(m.group(0), m.group(0)).lower() if m.group(0) in _VALUES else m.group(0)
        ),
        detail,
    )


def describe(entry: AuditEntry) -> AuditLine:
    """Return the entry as a person reads it."""
    return AuditLine(
        entry.at,
        entry.user,
        ACTIONS.get(entry.action, entry.action),
        record_text(entry.record_type, entry.record_id),
        detail_text(entry.detail),
    )


def search_log(
    session: Session,
    viewer: User,
    email: str = "",
    record_type: str | None = None,
    record_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[AuditLine]:
    """Search the access log by the person's e-mail (none found: no entries), record and dates."""
    user_id = None
    if email:
        user_id = session.scalar(sa.select(User.id).where(User.email == email)) or -1
    entries = search_audit(
        session,
        viewer,
        user_id=user_id,
        record_type=record_type,
        record_id=record_id,
        since=since,
        until=until,
    )
    return [describe(e) for e in entries]
