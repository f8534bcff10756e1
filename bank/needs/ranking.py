"""Open needs ranked for a unit, through the ranking engine (by way of bank.ranking)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.decisions import services as decisions
from bank.needs.anonymised import PublicNeed, to_public
from bank.needs.models import Need
from bank.needs.published import visible_needs
from bank.offers.models import Offer, OfferStatus
from bank.ranking import get_index, need_record, offer_record, rank_needs_for_unit


@dataclass(frozen=True)
class RankedNeed:
    """An open need that fits the unit, with the engine's score and reasons in Danish."""

    need: PublicNeed
    score: float
    reasons: tuple[str, ...]
    maybe: bool = False  # a weaker fit, shown under "Måske også"
    best_offer: str | None = None  # the ref of the unit's offer that fits it best


def unit_offers(session: Session, unit_id: int) -> list[Offer]:
    """Return the unit's published offers."""
    query = sa.select(Offer).where(Offer.unit_id == unit_id, Offer.status == OfferStatus.PUBLISHED)
    return list(session.scalars(query.order_by(Offer.title)))


def needs_for_unit(
    session: Session, user: User, top: int = 20, needs: list[Need] | None = None
) -> list[RankedNeed]:
    """Rank the open needs the user's unit may see by how well the unit's offers fit them.

    Needs the unit marked "Passer ikke" are left out until the mark is undone.
    """
    unit_id = getattr(user, "unit_id", None)
    if unit_id is None:
        return []
    offers = unit_offers(session, unit_id)
    if not offers:
        return []
    needs = visible_needs(session, user) if needs is None else needs
    hidden = decisions.hidden_need_ids(session, unit_id)
    needs = [n for n in needs if n.id not in hidden]
    if not needs:
        return []
    today = date.today()
    by_id = {str(n.id): n for n in needs}
    matches = rank_needs_for_unit(
        [need_record(n, today) for n in needs],
        [offer_record(o) for o in offers],
        top=top,
        index=get_index(session),
    )
    return [
        RankedNeed(
            to_public(by_id[m.need_id], today),
            m.score,
            m.reasons,
            not m.hit,
            next(iter(m.why.get("offers", ())), None),
        )
        for m in matches
    ]
