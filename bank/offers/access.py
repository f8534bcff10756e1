"""Who may see and change offers: editors of the offer's unit, and admins."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Role, Unit, User
from bank.errors import NotAllowed
from bank.offers.models import Offer


def is_editor(user: User | None) -> bool:
    """Return whether the user is a signed-in catalogue editor or admin."""
    return bool(user is not None and user.is_authenticated and user.has_role(Role.EDITOR))


def can_edit(user: User | None, offer: Offer) -> bool:
    """Return whether the user may change this offer: an editor of its unit, or an admin."""
    if not is_editor(user):
        return False
    return user.role == Role.ADMIN or (offer.unit_id is not None and offer.unit_id == user.unit_id)


def require_edit(user: User | None, offer: Offer) -> None:
    if not can_edit(user, offer):
        raise NotAllowed(
            "only an editor of the offer's unit may change it",
            "Kun redaktører fra tilbuddets enhed kan ændre det.",
        )


def units_for(session: Session, user: User) -> list[Unit]:
    """Return the units the user may place offers in (own unit; every unit for admins)."""
    if user.role == Role.ADMIN:
        return list(session.scalars(sa.select(Unit).order_by(Unit.name)))
    return [user.unit] if user.unit is not None else []
