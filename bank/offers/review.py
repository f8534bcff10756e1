"""The yearly review: offers nobody has confirmed for 12 months, flagged on the editor's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Role, User
from bank.db import utcnow
from bank.errors import NotAllowed
from bank.offers.access import is_editor
from bank.offers.models import Offer

REVIEW_AFTER = timedelta(days=365)


def needs_review(offer: Offer) -> bool:
    """Return whether nobody has confirmed the offer for 12 months (or ever)."""
    return offer.reviewed_at is None or offer.reviewed_at < utcnow() - REVIEW_AFTER


@dataclass(frozen=True)
class EditorRow:
    """One offer on the editor's list, with the flag for a missing review."""

    offer: Offer
    stale: bool


def editor_offers(session: Session, user: User) -> list[EditorRow]:
    """Return the offers the user edits (own unit; all for admins), unreviewed ones first."""
    if not is_editor(user):
        raise NotAllowed("only editors have an offer list", "Kun redaktører har en liste.")
    query = sa.select(Offer).options(selectinload(Offer.unit))
    if user.role != Role.ADMIN:
        query = query.where(Offer.unit_id == user.unit_id)
    rows = [EditorRow(o, needs_review(o)) for o in session.scalars(query)]
    return sorted(rows, key=lambda r: (not r.stale, r.offer.title.lower()))
