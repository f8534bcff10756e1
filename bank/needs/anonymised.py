"""The anonymised face of a need: what units may see — never the pseudonym or the course."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bank.needs.models import Need, NeedState

AGE_BANDS = ((13, 15), (16, 17), (18, 24), (25, 30))


def age_band(age: int) -> str:
    """Return the age band shown publicly (13–15, 16–17, 18–24, 25–30) for an age."""
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}–{high}"
    return "under 13" if age < AGE_BANDS[0][0] else "over 30"


@dataclass(frozen=True)
class PublicNeed:
    """A published need as units see it: no name, no exact age, no link to the course."""

    id: int
    title: str
    description: str
    goals: tuple[str, ...]
    tags: tuple[str, ...]
    age_band: str
    unit: str
    published_on: date | None
    state: str

    @property
    def is_open(self) -> bool:
        """Tell whether units may still bid on the need."""
        return self.state == NeedState.PUBLISHED.value


def to_public(need: Need, today: date | None = None) -> PublicNeed:
    """Return the anonymised view of a need."""
    coordinator_unit = need.course.coordinator.unit
    return PublicNeed(
        id=need.id,
        title=need.title,
        description=need.description,
        goals=tuple(need.goal_texts),
        tags=tuple(need.tags or ()),
        age_band=age_band(need.course.citizen.age(today)),
        unit=coordinator_unit.name if coordinator_unit else "",
        published_on=need.published_at.date() if need.published_at else None,
        state=need.state.value,
    )
