"""Gaps in the range of offers: published needs that no offer meets with a good score.

The needs are ranked against the engine's index from bank.ranking, kept per process and
rebuilt only when the catalogue version moves, so the page does not rebuild it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Role, User
from bank.auth.services import require_role
from bank.needs.models import Course, Need, NeedState
from bank.offers.models import Offer
from bank.ranking import get_index, need_record
from bank.vocabulary import label as tag_label

GOOD_SCORE = 0.35  # below this the best offer does not meet the need (set on the demo: its
# two gap needs score about 0.32, the lowest need with a fitting offer about 0.37)
NO_TAG = "(uden emne)"


@dataclass(frozen=True)
class Gap:
    """A published need, its best offer (if any) and that offer's score."""

    need: Need
    offer: Offer | None
    score: float


@dataclass(frozen=True)
class GapGroup:
    """The gaps that carry one tag."""

    tag: str
    label: str
    gaps: list[Gap]


def _centre_of(need: Need) -> str:
    unit = need.course.coordinator.unit
    return unit.centre_name if unit else ""


def published_needs(session: Session, centre: str | None = None) -> list[Need]:
    """Return the needs open for bids now (optionally of one centre's coordinators)."""
    query = (
        sa.select(Need)
        .where(Need.state == NeedState.PUBLISHED)
        .options(
            selectinload(Need.course).selectinload(Course.coordinator),
            selectinload(Need.course).selectinload(Course.citizen),
            selectinload(Need.goal),
        )
        .order_by(Need.published_at, Need.id)
    )
    needs = list(session.scalars(query))
    return [n for n in needs if not centre or _centre_of(n) == centre]


def find_gaps(
    session: Session,
    viewer: User | None,
    good: float = GOOD_SCORE,
    centre: str | None = None,
    today: date | None = None,
) -> tuple[list[GapGroup], int]:
    """Return the gaps grouped by tag (most gaps first) and how many needs were checked."""
    require_role(viewer, Role.LEADER)
    needs = published_needs(session, centre)
    if not needs:
        return [], 0  # no index is built for no needs
    index = get_index(session)
    gaps = []
    for need in needs:
        # The catalogue's own cover: votes from decisions on similar needs add none
        best = index.rank(need_record(need, today), top=1, learned=None)
        score = best[0].score if best else 0.0
        if score < good:
            offer = (
                session.scalar(sa.select(Offer).where(Offer.ref == best[0].offer_id))
                if best
                else None
            )
            gaps.append(Gap(need, offer, score))
    by_tag: dict[str, list[Gap]] = {}
    for gap in gaps:
        for tag in gap.need.tags or [NO_TAG]:
            by_tag.setdefault(tag, []).append(gap)
    groups = [
        GapGroup(t, tag_label(t) if t != NO_TAG else "Uden emne", g) for t, g in by_tag.items()
    ]
    return sorted(groups, key=lambda g: (-len(g.gaps), g.label)), len(needs)
