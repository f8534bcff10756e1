"""Possible double offers of one offer, or of a draft the editor is still writing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Unit, User
from bank.offers.access import can_see, is_editor
from bank.offers.models import Offer
from bank.ranking import DRAFT_ID, Match, draft_record, get_index


@dataclass(frozen=True)
class SimilarOffer:
    """An offer like the one at hand: how alike, why, and whether it looks like a double."""

    offer: Offer
    score: float
    reasons: tuple[str, ...]
    likeness: str  # "double", "partial" or ""

    @property
    def is_double(self) -> bool:
        """Tell whether the engine judges the two to be the same offer delivered twice."""
        return self.likeness == "double"


def _offers(
    session: Session, matches: list[Match], skip: str | None, viewer: User | None
) -> list[SimilarOffer]:
    """Load the matched offers the viewer may open (another unit's draft is not shown)."""
    matches = [m for m in matches if m.offer_id not in (skip, DRAFT_ID)]
    query = (
        sa.select(Offer)
        .where(Offer.ref.in_([m.offer_id for m in matches]))
        .options(selectinload(Offer.unit).selectinload(Unit.centre))
    )
    by_ref = {o.ref: o for o in session.scalars(query) if can_see(viewer, o)}
    return [
        SimilarOffer(by_ref[m.offer_id], m.score, m.reasons, m.likeness)
        for m in matches
        if m.offer_id in by_ref
    ]


def similar_offers(
    session: Session, offer: Offer, viewer: User | None, top: int = 5
) -> list[SimilarOffer]:
    """Return, for editors, the offers most like this one (possible doubles), most alike first."""
    if not is_editor(viewer):
        return []
    index = get_index(session)
    try:
        matches = index.similar(offer.ref, top=top)
    except KeyError:  # not yet in the index (an import still running elsewhere)
        return []
    return _offers(session, matches, offer.ref, viewer)


def likely_doubles(
    session: Session,
    values: Mapping[str, object],
    viewer: User | None,
    ref: str | None = None,
    top: int = 5,
) -> list[SimilarOffer]:
    """Return the offers the draft would likely double (those the viewer may open)."""
    if len(str(values.get("title") or "")) + len(str(values.get("description") or "")) < 12:
        return []
    matches = get_index(session).similar_to_draft(draft_record(values, ref), top=top)
    return [s for s in _offers(session, matches, ref, viewer) if s.likeness]
