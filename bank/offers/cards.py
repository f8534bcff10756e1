"""Offers as a list of results shows them: the few fields a result card needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

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


class _Record(Protocol):
    """The fields of the engine's record of an offer that a card reads (read-only)."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def unit(self) -> str: ...

    @property
    def centre(self) -> str: ...

    @property
    def age_min(self) -> int | None: ...

    @property
    def age_max(self) -> int | None: ...

    @property
    def step(self) -> int | None: ...

    @property
    def status(self) -> str: ...

    @property
    def tags(self) -> tuple[str, ...]: ...

    @property
    def capacity(self) -> int | None: ...


def cards_of_records(records: Iterable[_Record]) -> dict[str, OfferCard]:
    """Return the result cards of offers as the engine's index holds them, by reference.

    The index is rebuilt whenever the catalogue version moves, and every offer change moves
    it, so its records are the catalogue a search was ranked on: no query needed.
    """
    return {
        r.id: OfferCard(
            r.id,
            r.title,
            r.unit,
            r.centre,
            r.age_min,
            r.age_max,
            r.step,
            OfferStatus(r.status),
            list(r.tags),
            r.capacity,
        )
        for r in records
    }
