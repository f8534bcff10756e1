"""Who may see and change offers: everyone reads published offers, editors read retired ones,
a draft is read and changed only by editors of its unit and by admins."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeGuard, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Role, Unit, User
from bank.errors import NotAllowed
from bank.offers.models import Offer, OfferStatus

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Filters = TypeVar("Filters", bound="DataclassInstance")


def is_editor(user: User | None) -> TypeGuard[User]:
    """Return whether the user is a signed-in catalogue editor or admin."""
    return bool(user is not None and user.is_authenticated and user.has_role(Role.EDITOR))


def can_edit(user: User | None, offer: Offer) -> bool:
    """Return whether the user may change this offer: an editor of its unit, or an admin."""
    if not is_editor(user):
        return False
    return user.role == Role.ADMIN or (offer.unit_id is not None and offer.unit_id == user.unit_id)


def can_see(user: User | None, offer: Offer) -> bool:
    """Return whether the user may read the offer: drafts only for their own unit's editors."""
    if offer.status == OfferStatus.PUBLISHED:
        return True
    if offer.status == OfferStatus.DRAFT:
        return can_edit(user, offer)
    return is_editor(user)


def scoped_filters(user: User | None, filters: Filters) -> Filters:
    """Return the listing filters the user may use: an editor lists only their unit's drafts."""
    if getattr(filters, "status", None) != OfferStatus.DRAFT or not is_editor(user):
        return filters
    if user.role == Role.ADMIN:
        return filters
    if user.unit is None:
        return replace(filters, status=None)  # no unit, no drafts: the published catalogue
    return replace(filters, unit=user.unit.name)


def require_editor(user: User | None) -> None:
    """Raise NotAllowed unless the user is a catalogue editor (or admin), who may use the editor."""
    if not is_editor(user):
        raise NotAllowed("only editors edit offers", "Kun redaktører kan redigere tilbud.")


def require_edit(user: User | None, offer: Offer) -> None:
    """Raise NotAllowed unless the user may change the offer."""
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
