"""Possible double offers of one offer, or of a draft the editor is still writing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Unit, User
from bank.matching import Match, OfferRecord
from bank.offers.access import is_editor
from bank.offers.fields import PROGRAMME_THEORY
from bank.offers.models import Offer

DRAFT_ID = "\x00draft"


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


def _offers(session: Session, matches: list[Match], skip: str | None) -> list[SimilarOffer]:
    matches = [m for m in matches if m.offer_id not in (skip, DRAFT_ID)]
    query = (
        sa.select(Offer)
        .where(Offer.ref.in_([m.offer_id for m in matches]))
        .options(selectinload(Offer.unit).selectinload(Unit.centre))
    )
    by_ref = {o.ref: o for o in session.scalars(query)}
    return [
        SimilarOffer(by_ref[m.offer_id], m.score, m.reasons, m.likeness)
        for m in matches
        if m.offer_id in by_ref
    ]


def similar_offers(
    session: Session, offer: Offer, viewer: User | None, top: int = 5
) -> list[SimilarOffer]:
    """Return, for editors, the offers most like this one (possible doubles), most alike first."""
    from bank.ranking import get_index

    if not is_editor(viewer):
        return []

    index = get_index(session)
    try:
        matches = index.similar(offer.ref, top=top)
    except KeyError:  # not yet in the index (an import still running elsewhere)
        return []
    return _offers(session, matches, offer.ref)


def draft_record(values: Mapping[str, object], ref: str | None = None) -> OfferRecord:
    """Return the engine's record of offer values typed into the editor form."""
    parts: list[str] = []
    for name in PROGRAMME_THEORY:
        value = values.get(name) or ""
        parts.extend(value if isinstance(value, list) else [str(value)])
    return OfferRecord(
        id=ref or DRAFT_ID,
        title=str(values.get("title") or ""),
        description=str(values.get("description") or ""),
        unit=str(values.get("unit") or ""),
        tags=tuple(values.get("tags") or ()),
        age_min=values.get("age_min"),
        age_max=values.get("age_max"),
        step=values.get("step"),
        status="draft",
        programme_text="\n".join(p for p in parts if p),
        target_group=str(values.get("target_group") or ""),
    )


def likely_doubles(
    session: Session, values: Mapping[str, object], ref: str | None = None, top: int = 5
) -> list[SimilarOffer]:
    """Return the catalogue's offers that the draft would likely double, before it is saved."""
    from bank.ranking import get_index

    if len(str(values.get("title") or "")) + len(str(values.get("description") or "")) < 12:
        return []
    matches = get_index(session).similar_to_draft(draft_record(values, ref), top=top)
    return [s for s in _offers(session, matches, ref) if s.likeness]
