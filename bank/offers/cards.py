"""Offers as a list of results shows them: the few fields a result card needs.

A search page builds its cards from the engine's index (bank.ranking.offer_card).
"""

from __future__ import annotations

from dataclasses import dataclass

from bank.offers.models import OfferStatus


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
