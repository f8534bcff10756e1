"""What the engine hands back: ranked offers and ranked needs, each with its reasons."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Match:
    """One offer found for a need, a search or another offer, with why it was found.

    `why` is the interchange explanation (keys `tags` and `terms`, and `icf`, `concepts`,
    `age`, `step`, `fuzzy` when they played a part); `reasons` are short Danish sentences
    for the page; `full` is true when the offer has no places free right now; `hit` is
    false for a weaker match (below half the best score), shown apart as "Måske også".
    """

    offer_id: str
    score: float
    why: dict[str, list[str]] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    full: bool = False
    likeness: str = ""  # offer-to-offer only: "double", "partial" or ""
    hit: bool = True  # a real fit; False: weaker, shown under "Måske også"

    def to_interchange(self) -> dict[str, object]:
        """Return the match as an interchange dict (`offer`, `score`, `why`)."""
        return {"offer": self.offer_id, "score": self.score, "why": self.why}


@dataclass(frozen=True)
class NeedMatch:
    """One open need that fits what a unit's offers do, with why."""

    need_id: str
    score: float
    why: dict[str, list[str]] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    hit: bool = True  # a real fit; False: weaker, shown under "Måske også"
