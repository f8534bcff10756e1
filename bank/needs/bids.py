"""Bids (bud): a unit offers a solution model; the coordinator accepts or declines it once."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import cast

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.db import utcnow
from bank.decisions import services as decisions
from bank.errors import Conflict, Invalid, NotAllowed, NotFound
from bank.needs import fields, limits, lookup, permissions
from bank.needs.labels import BID_STATES
from bank.needs.models import LIVE_BID_STATES, Bid, BidState, DeclineReason, Need, NeedState
from bank.needs.personal_data import check_text
from bank.needs.published import get_public_need
from bank.offers.models import Offer, OfferStatus

DECISIONS = (BidState.ACCEPTED, BidState.DECLINED)
ALREADY_BID = (
    "your unit already has a bid on this need",
    "Jeres enhed har allerede et bud på dette behov.",
)


def _offers(
    session: Session, errors: fields.Errors, offer_ids: Iterable[object], offer_refs: Iterable[str]
) -> list[Offer]:
    """Return the published offers named by database id or by catalogue id (ref)."""
    try:
        ids = sorted({int(str(i)) for i in offer_ids or () if str(i).strip()})
    except ValueError:
        errors["offer_ids"] = [("must be offer ids", "Vælg tilbud fra listen.")]
        return []
    refs = sorted(set(offer_refs or ()))
    if not ids and not refs:
        return []
    offers = list(
        session.scalars(
            sa.select(Offer).where(
                sa.or_(Offer.id.in_(ids), Offer.ref.in_(refs)),
                Offer.status == OfferStatus.PUBLISHED,
            )
        )
    )
    if len(offers) != len(ids) + len(refs):
        errors["offers" if refs else "offer_ids"] = [
            ("names an offer that is not published", "Et af tilbuddene findes ikke i kataloget.")
        ]
    return offers


def has_live_bid(session: Session, need_id: int, unit_id: int | None) -> bool:
    """Tell whether the unit has a live (submitted or accepted) bid on the need: one at a time."""
    live = sa.select(Bid.id).where(
        Bid.need_id == need_id, Bid.unit_id == unit_id, Bid.state.in_(LIVE_BID_STATES)
    )
    return session.scalar(live) is not None


def submit_bid(
    session: Session,
    user: User,
    need_id: int,
    title: str,
    activities: str,
    expected_outcomes: str,
    who: str,
    earliest_start: object,
    duration_weeks: object,
    community: str = "",
    offer_ids: Iterable[object] = (),
    unit_id: int | None = None,
    today: date | None = None,
    offer_refs: Iterable[str] = (),
) -> Bid:
    """Bid for the user's unit on a published need with a solution model."""
    unit_id = user.unit_id if unit_id is None else unit_id
    permissions.require_bid_for(user, unit_id)
    need = lookup.need(session, need_id, for_update=True)  # closing waits for us, or we for it
    if need.state == NeedState.DRAFT or not permissions.need_visible_to_unit(need, unit_id, user):
        raise NotFound("no published need with this id", "Behovet findes ikke.")
    if need.state != NeedState.PUBLISHED:
        raise Conflict(
            "the need is no longer open for bids", "Behovet er ikke længere åbent for bud."
        )
    errors: fields.Errors = {}
    start = fields.a_date(errors, "earliest_start", earliest_start)
    values = {
        "title": fields.text(errors, "title", title, limits.BID_TITLE),
        "activities": fields.text(errors, "activities", activities, limits.BID_ACTIVITIES),
        "expected_outcomes": fields.text(
            errors, "expected_outcomes", expected_outcomes, limits.BID_OUTCOMES
        ),
        "community": fields.text(
            errors, "community", community, limits.BID_COMMUNITY, required=False
        ),
        "who": fields.text(errors, "who", who, limits.BID_WHO),
        "earliest_start": start,
        "duration_weeks": fields.integer(
            errors, "duration_weeks", duration_weeks, *limits.BID_WEEKS
        ),
    }
    if start and start < (today or date.today()):
        errors["earliest_start"] = [("must not be in the past", "Datoen må ikke ligge før i dag.")]
    offers = _offers(session, errors, offer_ids, offer_refs)
    fields.raise_if(errors)
    if has_live_bid(session, need.id, unit_id):
        raise Conflict(*ALREADY_BID)
    bid = Bid(need_id=need.id, unit_id=unit_id, bidder_id=user.id, offers=offers, **values)
    try:
        with session.begin_nested():
            session.add(bid)
    except sa_exc.IntegrityError:  # a colleague's bid got in first
        raise Conflict(*ALREADY_BID) from None
    record_audit(session, user, "create", "bid", bid.id, f"bud på behov {need.id}")
    return bid


def decide_bid(
    session: Session,
    user: User,
    bid_id: int,
    decision: str,
    reason: str | None = None,
    note: str = "",
) -> Bid:
    """Accept or decline a waiting bid; a bid is decided once, whoever comes first."""
    bid = lookup.bid(session, bid_id)
    permissions.require_decide(user, bid)
    errors: fields.Errors = {}
    state = fields.choice(errors, "decision", decision, BidState)
    if state is not None and state not in DECISIONS:
        errors["decision"] = [("must be accepted or declined", "Vælg at tage imod eller sige nej.")]
    why = None
    if state == BidState.DECLINED:
        why = fields.choice(errors, "reason", reason, DeclineReason)
    note = fields.text(errors, "note", note, limits.DECISION_NOTE, required=False)
    fields.raise_if(errors)
    citizen = bid.need.course.citizen
    findings = check_text({"note": note}, citizen.pseudonym, citizen.family_names or ())
    if findings:
        raise Invalid({"note": [(f.english("Note"), f.danish("Begrundelsen")) for f in findings]})
    if not lookup.transition(
        session,
        Bid,
        bid.id,
        [BidState.SUBMITTED],
        state=state,
        decision_reason=why,
        decision_note=note,
        decided_by_id=user.id,
        decided_at=utcnow(),
    ):
        label = BID_STATES[bid.state][1].lower()
        raise Conflict(f"the bid is already {bid.state.value}", f"Buddet er allerede {label}.")
    record_audit(session, user, "decide", "bid", bid.id, state.value)
    decisions.record_bid_decision(session, user, bid, state)
    return bid


def withdraw_bid(session: Session, user: User, bid_id: int) -> Bid:
    """Withdraw the unit's bid before the coordinator has decided on it."""
    bid = lookup.bid(session, bid_id)
    permissions.require_withdraw_bid(user, bid)
    if not lookup.transition(
        session, Bid, bid.id, [BidState.SUBMITTED], state=BidState.WITHDRAWN, withdrawn_at=utcnow()
    ):
        label = BID_STATES[bid.state][1].lower()
        raise Conflict(f"the bid is already {bid.state.value}", f"Buddet er allerede {label}.")
    record_audit(session, user, "withdraw", "bid", bid.id)
    return bid


def decline_open_bids(session: Session, user: User, need: Need, note: str) -> int:
    """Decline every waiting bid on a need that came down; return how many."""
    update = (
        sa.update(Bid)
        .where(Bid.need_id == need.id, Bid.state == BidState.SUBMITTED)
        .values(
            state=BidState.DECLINED,
            decision_reason=DeclineReason.OTHER,
            decision_note=note,
            decided_by_id=user.id,
            decided_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
    result = cast(sa.CursorResult, session.execute(update))  # an UPDATE: it has a rowcount
    for bid in need.bids:
        session.refresh(bid)
    return result.rowcount


def get_bid(session: Session, user: User, bid_id: int) -> Bid:
    """Return a bid the user may read; record the read."""
    bid = lookup.bid(session, bid_id)
    permissions.require_read_bid(user, bid)
    record_audit(session, user, "read", "bid", bid.id)
    return bid


def bids_on_need(session: Session, user: User, need: Need) -> list[Bid]:
    """Return the bids on a need: all for the course's people, the unit's own for a unit."""
    if permissions.can_read_all_bids(user, need):
        record_audit(session, user, "read", "bids", need.id)
        return list(need.bids)
    unit_id = getattr(user, "unit_id", None)
    if unit_id is None or not permissions.can_bid_for(user, unit_id):
        raise NotAllowed(*permissions.DENIED_READ_BID)
    return [b for b in need.bids if b.unit_id == unit_id]


def readable_bids(session: Session, user: User, need_id: int) -> list[Bid]:
    """Return the bids on a need the user may read; a unit must also be able to see the need.

    Raises NotFound when a unit may not see the need (its read is audited when it may).
    """
    need = lookup.need(session, need_id)
    if not permissions.can_read_all_bids(user, need):
        get_public_need(session, user, need_id)
    return bids_on_need(session, user, need)


def unit_bids(session: Session, user: User) -> list[Bid]:
    """Return the bids of the user's unit, newest first."""
    if getattr(user, "unit_id", None) is None:
        return []
    query = sa.select(Bid).where(Bid.unit_id == user.unit_id)
    return list(session.scalars(query.order_by(Bid.created_at.desc(), Bid.id.desc())))


def own_bids_on_need(session: Session, user: User, need_id: int) -> list[Bid]:
    """Return the bids of the user's unit on the need that the user may read."""
    return [
        b
        for b in lookup.need(session, need_id).bids
        if b.unit_id == user.unit_id and permissions.can_read_bid(user, b)
    ]


def needs_bid_on(session: Session, unit_id: int | None) -> set[int]:
    """Return the ids of the needs the unit has bid on, in any state."""
    if unit_id is None:
        return set()
    return set(session.scalars(sa.select(Bid.need_id).where(Bid.unit_id == unit_id)))
