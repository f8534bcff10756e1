"""Offers as a list of results shows them: the few fields a result card needs, in one query."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Centre, Unit
from bank.offers.models import Offer, OfferStatus


@dataclass(frozen=True)
class OfferCard:
    """One offer in a list of results (the fields `offers/_offer_card.html` shows)."""

    ref: str
    title: str
    unit_name: str
    centre_name: str
    age_min: int | None
    age_max: int | None
    step: int | None
    status: OfferStatus
    tags: list[str]
    capacity: int | None


def cards_by_ref(session: Session, refs: list[str]) -> dict[str, OfferCard]:
    """Read the result cards of some offers, by their public reference, in one query.

    A search page shows 20 offers out of 100,000: loading whole offers with their unit and
    centre took three queries and a third of the page's time.
    """
    if not refs:
        return {}
    query = (
        sa.select(
            Offer.ref,
            Offer.title,
            sa.func.coalesce(Unit.name, "").label("unit_name"),
            sa.func.coalesce(Centre.name, "").label("centre_name"),
            Offer.age_min,
            Offer.age_max,
            Offer.step,
            Offer.status,
            Offer.tags,
            Offer.capacity,
        )
        .outerjoin(Unit, Offer.unit_id == Unit.id)
        .outerjoin(Centre, Unit.centre_id == Centre.id)
        .where(Offer.ref.in_(refs))
    )
    return {row.ref: OfferCard(**row._asdict()) for row in session.execute(query)}
