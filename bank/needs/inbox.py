"""The inbox: what waits for a user — new bids on my needs, decisions on my bids, new needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Role, User
from bank.db import utcnow
from bank.needs import permissions
from bank.needs.bids import needs_bid_on
from bank.needs.courses import my_courses
from bank.needs.labels import BID_STATES
from bank.needs.models import Bid, BidState, Need
from bank.needs.published import visible_needs
from bank.needs.ranking import needs_for_unit

RECENT = timedelta(days=14)
NEW_BID, DECISION, FITTING_NEED = "new_bid", "decision", "fitting_need"


@dataclass(frozen=True)
class InboxItem:
    """One thing that waits for the user: a sentence, when it happened, and what it links to."""

    kind: str
    text: str
    at: datetime
    target: str  # "need" or "bid"
    target_id: int


def _new_bids(session: Session, user: User) -> list[InboxItem]:
    course_ids = [
        c.id
        for c in my_courses(session, user)  # an admin's inbox is their own too
        if (c.coordinator_id == user.id or permissions.on_team(user, c))
        and permissions.can_manage_course(user, c)
    ]
    if not course_ids:
        return []
    bids = session.scalars(
        sa.select(Bid)
        .join(Need)
        .where(Need.course_id.in_(course_ids), Bid.state == BidState.SUBMITTED)
    )
    return [
        InboxItem(
            NEW_BID,
            f"Nyt bud fra {b.unit.name} på »{b.need.title}«",
            b.created_at,
            "need",
            b.need_id,
        )
        for b in bids
    ]


def _decisions(session: Session, user: User, since: datetime) -> list[InboxItem]:
    bids = session.scalars(
        sa.select(Bid).where(
            Bid.unit_id == user.unit_id,
            Bid.decided_at >= since,
            Bid.state.in_([BidState.ACCEPTED, BidState.DECLINED]),
        )
    )
    return [
        InboxItem(
            DECISION,
            f"Jeres bud på »{b.need.title}«: {BID_STATES[b.state][1].lower()}",
            b.decided_at,
            "bid",
            b.id,
        )
        for b in bids
        if b.decided_at is not None  # always: the query asks for decided bids
    ]


def _fitting_needs(session: Session, user: User, since: datetime) -> list[InboxItem]:
    bid_on = needs_bid_on(session, user.unit_id)
    fresh = [
        n
        for n in visible_needs(session, user)
        if n.published_at and n.published_at >= since and n.id not in bid_on
    ]
    published = {n.id: n.published_at for n in fresh if n.published_at is not None}
    return [
        InboxItem(
            FITTING_NEED,
            f"Nyt behov, der passer til jer: »{r.need.title}«",
            published[r.need.id],
            "need",
            r.need.id,
        )
        for r in needs_for_unit(session, user, top=10, needs=fresh)
    ]


def inbox(
    session: Session, viewer: User, owner: User | None = None, now: datetime | None = None
) -> list[InboxItem]:
    """Return what waits for the owner (the viewer, unless told otherwise), newest first."""
    owner = owner or viewer
    permissions.require_inbox(viewer, owner)
    since = (now or utcnow()) - RECENT
    items = _new_bids(session, owner) if owner.has_role(Role.COORDINATOR) else []
    if owner.unit_id is not None and owner.has_role(Role.UNIT_MEMBER):
        items += _decisions(session, owner, since) + _fitting_needs(session, owner, since)
    return sorted(items, key=lambda i: i.at, reverse=True)
