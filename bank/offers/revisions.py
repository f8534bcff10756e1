"""Revisions: every changed field of an offer kept with who, when, the old and the new value."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank import danish
from bank.auth.models import User
from bank.offers.fields import FIELDS, label
from bank.offers.models import Offer, OfferRevision, OfferStatus, Referral
from bank.offers.terms import term_labels


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return list(value)
    return value


def snapshot(offer: Offer) -> dict[str, Any]:
    """Return the offer's editable fields as plain JSON values (the unit by name)."""
    values = {name: _plain(getattr(offer, name)) for name in FIELDS if name != "unit"}
    values["unit"] = offer.unit_name or None
    return values


def record_changes(
    session: Session,
    offer: Offer,
    user: User | None,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> list[OfferRevision]:
    """Add one revision per changed field (before=None: the offer was just created)."""
    at = offer.updated_at
    if before is None:
        changes: list[tuple[str, Any, Any]] = [("created", None, offer.ref)]
    else:
        changes = [(f, before.get(f), after[f]) for f in after if before.get(f) != after[f]]
    revisions = [
        OfferRevision(
            offer_id=offer.id,
            version=offer.version_id,
            at=at,
            user_id=user.id if user is not None else None,
            field=field,
            old=json.dumps(old, ensure_ascii=False),
            new=json.dumps(new, ensure_ascii=False),
        )
        for field, old, new in changes
    ]
    session.add_all(revisions)
    return revisions


@dataclass(frozen=True)
class FieldChange:
    """One field in a change, ready to show: Danish label, old and new value as text."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One saved change of an offer: who and when, and the fields it touched."""

    version: int
    at: datetime
    who: str
    fields: tuple[FieldChange, ...]


CHOICES: dict[str, type[OfferStatus] | type[Referral]] = {
    "status": OfferStatus,
    "referral": Referral,
}


def _text(field: str, raw: str, tag_labels: dict[str, str]) -> str:
    """Return a stored value as a person reads it: Danish labels, local time, tag names."""
    value = json.loads(raw)
    if value is None or value == [] or value == "":
        return "—"
    if field == "tags" and isinstance(value, list):
        return "; ".join(tag_labels.get(str(v), str(v)) for v in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if field in CHOICES and value in set(CHOICES[field]):
        return CHOICES[field](value).label
    if FIELDS.get(field, ("",))[0] == "date" and isinstance(value, str):
        try:
            return danish.local_time(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def history(session: Session, offer: Offer, since_version: int = 0) -> list[Change]:
    """Return the offer's changes after since_version, newest first, grouped per save."""
    revisions = session.scalars(
        sa.select(OfferRevision)
        .where(OfferRevision.offer_id == offer.id, OfferRevision.version > since_version)
        .options(selectinload(OfferRevision.user))
        .order_by(OfferRevision.version.desc(), OfferRevision.id)
    )
    tags = term_labels(session)
    grouped: dict[int, list[OfferRevision]] = {}
    for revision in revisions:
        grouped.setdefault(revision.version, []).append(revision)
    return [
        Change(
            version=version,
            at=items[0].at,
            who=items[0].user.name if items[0].user else "Import",
            fields=tuple(
                FieldChange(
                    r.field,
                    label(r.field),
                    _text(r.field, r.old, tags),
                    _text(r.field, r.new, tags),
                )
                for r in items
            ),
        )
        for version, items in grouped.items()
    ]
