"""Recording decisions: "Passer ikke" with undo, bids decided, offers in and out of plans.

Every function leaves the commit to the caller. A mark for a course is for the course's
coordinator, team and admins (and is written to the audit log); a mark on a unit's list of
needs is for the unit's members. The decisions point only at the published need, the goal
and the offer: they hold no text of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.db import utcnow
from bank.decisions.models import Decision, DecisionKind, NotFitReason
from bank.errors import Invalid, NotFound
from bank.needs import lookup, permissions
from bank.needs.anonymised import to_public
from bank.needs.models import Bid, BidState, Course, Goal, Need, NeedState
from bank.needs.personal_data import check_text
from bank.needs.published import get_public_need, visible_needs
from bank.offers.models import Offer, OfferStatus

if TYPE_CHECKING:
    from bank.plans.models import PlanItem

PUBLISHED_NEEDS = (NeedState.PUBLISHED, NeedState.CLOSED)  # needs that were shown to units
NO_MARK = ("no such mark", "Markeringen findes ikke.")
NO_OFFER = ("choose a published offer", "Vælg et offentliggjort tilbud.")


def _number(value: object) -> int | None:
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdigit() and int(text) < 2**31 else None


def _reason(value: object) -> NotFitReason | None:
    """Return the chosen reason, None when none was chosen; raise Invalid on an unknown one."""
    if value in (None, ""):
        return None
    try:
        return NotFitReason(str(value))
    except ValueError:
        raise Invalid({"reason": [("unknown reason", "Vælg en af grundene.")]}) from None


def _open_course(session: Session, user: User, course_id: int, what: str) -> Course:
    """Return the course for its coordinator, team or an admin, recording what was done."""
    course = lookup.course(session, course_id)
    permissions.require_open(user, course)
    record_audit(session, user, "update", "course", course.id, what)
    return course


def _active_marks(course_id: int, offer_id: int):
    return sa.select(Decision).where(
        Decision.course_id == course_id,
        Decision.offer_id == offer_id,
        Decision.kind == DecisionKind.NOT_FIT,
        Decision.undone_at.is_(None),
    )


def mark_offer_not_fit(
    session: Session,
    user: User,
    course_id: int,
    offer_id: object,
    need_id: object = None,
    goal_id: object = None,
    reason: object = None,
) -> Decision:
    """Mark an offer "Passer ikke" for a course, for the need or goal it was found for."""
    course = _open_course(session, user, course_id, "tilbud skjult i søgningen")
    number = _number(offer_id)
    offer = session.get(Offer, number) if number is not None else None
    if offer is None or offer.status != OfferStatus.PUBLISHED:
        raise Invalid({"offer": [NO_OFFER]})
    why = _reason(reason)
    need = next((n for n in course.needs if n.id == _number(need_id)), None)
    goal = next((g for g in course.goals if g.id == _number(goal_id)), None)
    if need is not None and goal is None:
        goal = need.goal
    existing = session.scalar(_active_marks(course.id, offer.id))
    if existing is not None:
        return existing  # hidden already (a second click, or two people at once)
    decision = Decision(
        kind=DecisionKind.NOT_FIT,
        offer=offer,
        need=need,
        goal=goal,
        course=course,
        reason=why,
        decided_by=user,
    )
    session.add(decision)
    session.flush()
    return decision


def undo_offer_not_fit(session: Session, user: User, course_id: int, decision_id: int) -> Offer:
    """Undo a "Passer ikke" on a course's offer: it comes back in the finder."""
    course = _open_course(session, user, course_id, "tilbud vist igen i søgningen")
    decision = session.get(Decision, decision_id)
    if (
        decision is None
        or decision.course_id != course.id
        or decision.kind != DecisionKind.NOT_FIT
        or decision.offer is None
    ):
        raise NotFound(*NO_MARK)
    now = utcnow()
    for mark in session.scalars(_active_marks(course.id, decision.offer.id)):
        mark.undone_at = now
    session.flush()
    return decision.offer


def hidden_for_course(session: Session, course_id: int) -> list[Decision]:
    """Return the course's offers marked "Passer ikke" and not undone, newest first.

    For a caller that has already checked the user may open the course.
    """
    query = (
        sa.select(Decision)
        .where(
            Decision.course_id == course_id,
            Decision.kind == DecisionKind.NOT_FIT,
            Decision.undone_at.is_(None),
            Decision.offer_id.is_not(None),
        )
        .options(orm.selectinload(Decision.offer))
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
    )
    seen: dict[int | None, Decision] = {}
    for decision in session.scalars(query):
        seen.setdefault(decision.offer_id, decision)
    return list(seen.values())


def hidden_offers(session: Session, user: User, course_id: int) -> list[Decision]:
    """Return the offers hidden for a course, for its coordinator, team or an admin."""
    course = lookup.course(session, course_id)
    permissions.require_open(user, course)
    record_audit(session, user, "read", "course", course.id, "skjulte tilbud")
    return hidden_for_course(session, course.id)


def _unit_marks(unit_id: int):
    return sa.select(Decision).where(
        Decision.unit_id == unit_id,
        Decision.course_id.is_(None),
        Decision.kind == DecisionKind.NOT_FIT,
        Decision.undone_at.is_(None),
    )


def _unit_offer(session: Session, unit_id: int, ref: object) -> Offer | None:
    """Return the unit's published offer with this ref, if it is one."""
    if not ref:
        return None
    offer = session.scalar(sa.select(Offer).where(Offer.ref == str(ref)))
    if offer is None or offer.unit_id != unit_id or offer.status != OfferStatus.PUBLISHED:
        return None
    return offer


def mark_need_not_fit(
    session: Session, user: User, need_id: int, offer_ref: object = None, reason: object = None
) -> Decision:
    """Mark a need "Passer ikke" on the user's unit's list, with the unit's best offer if known."""
    permissions.require_bid_for(user, user.unit_id)
    unit_id = user.unit_id
    assert unit_id is not None  # a member of a unit, checked above
    get_public_need(session, user, need_id)  # NotFound unless the unit may see it
    why = _reason(reason)
    existing = session.scalar(_unit_marks(unit_id).where(Decision.need_id == need_id))
    if existing is not None:
        return existing
    need = lookup.need(session, need_id)
    decision = Decision(
        kind=DecisionKind.NOT_FIT,
        offer=_unit_offer(session, unit_id, offer_ref),
        need=need,
        unit_id=unit_id,
        reason=why,
        decided_by=user,
    )
    session.add(decision)
    session.flush()
    record_audit(session, user, "update", "need", need.id, "passer ikke til enheden")
    return decision


def undo_need_not_fit(session: Session, user: User, decision_id: int) -> Need:
    """Undo a "Passer ikke" on the unit's list: the need comes back."""
    permissions.require_bid_for(user, user.unit_id)
    decision = session.get(Decision, decision_id)
    if (
        decision is None
        or decision.unit_id is None
        or decision.unit_id != user.unit_id
        or decision.course_id is not None
        or decision.need is None
    ):
        raise NotFound(*NO_MARK)
    now = utcnow()
    for mark in session.scalars(
        _unit_marks(decision.unit_id).where(Decision.need_id == decision.need_id)
    ):
        mark.undone_at = now
    session.flush()
    record_audit(session, user, "update", "need", decision.need.id, "vist igen for enheden")
    return decision.need


def hidden_needs(session: Session, user: User) -> list[Decision]:
    """Return the open needs the user's unit marked "Passer ikke" (and still sees), newest first."""
    unit_id = getattr(user, "unit_id", None)
    if unit_id is None or not permissions.can_bid_for(user, unit_id):
        return []
    query = (
        _unit_marks(unit_id)
        .options(orm.selectinload(Decision.need))
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
    )
    visible = {n.id for n in visible_needs(session, user)}
    seen: dict[int | None, Decision] = {}
    for decision in session.scalars(query):
        if decision.need_id in visible:
            seen.setdefault(decision.need_id, decision)
    return list(seen.values())


def hidden_need_ids(session: Session, unit_id: int | None) -> set[int]:
    """Return the ids of the needs a unit marked "Passer ikke" (and did not undo)."""
    if unit_id is None:
        return set()
    query = _unit_marks(unit_id).with_only_columns(Decision.need_id)
    return {need_id for need_id in session.scalars(query) if need_id is not None}


def record_bid_decision(session: Session, user: User, bid: Bid, state: BidState) -> list[Decision]:
    """Record an accepted or declined bid, once for each offer the bid named."""
    kind = DecisionKind.BID_ACCEPTED if state == BidState.ACCEPTED else DecisionKind.BID_DECLINED
    need = bid.need
    made = [
        Decision(
            kind=kind,
            offer=offer,
            need=need,
            goal_id=need.goal_id,
            course_id=need.course_id,
            decided_by=user,
        )
        for offer in bid.offers
    ]
    session.add_all(made)
    return made


def _item_offers(item: PlanItem) -> list[Offer]:
    if item.offer is not None:
        return [item.offer]
    return list(item.bid.offers) if item.bid is not None else []


def _item_need(item: PlanItem) -> Need | None:
    """Return the need the item answers: the bid's, else the goal's only published need."""
    if item.bid is not None:
        return item.bid.need
    published = [
        n for n in item.course.needs if n.goal_id == item.goal_id and n.state in PUBLISHED_NEEDS
    ]
    return published[0] if len(published) == 1 else None


def _record_item(
    session: Session, user: User, item: PlanItem, kind: DecisionKind
) -> list[Decision]:
    need = _item_need(item)
    made = [
        Decision(
            kind=kind,
            offer=offer,
            need=need,
            goal_id=item.goal_id,
            course_id=item.course_id,
            decided_by=user,
        )
        for offer in _item_offers(item)
    ]
    session.add_all(made)
    return made


def record_in_plan(session: Session, user: User, item: PlanItem) -> list[Decision]:
    """Record that an offer (or an accepted bid's offers) went into the plan."""
    return _record_item(session, user, item, DecisionKind.IN_PLAN)


def record_item_closed(
    session: Session, user: User, item: PlanItem, completed: bool
) -> list[Decision]:
    """Record that a plan item was completed, or stopped before its end."""
    kind = DecisionKind.PLAN_COMPLETED if completed else DecisionKind.PLAN_DROPPED
    return _record_item(session, user, item, kind)


def _need_text(need: Need) -> str | None:
    """Return the need's text as the public need page shows it, if it was published."""
    consent = need.course.active_consent
    if need.state not in PUBLISHED_NEEDS or need.published_at is None:
        return None
    if consent is None or not consent.allows_publishing:
        return None
    public = to_public(need)
    return "\n".join([public.title, public.description, *public.goals])


def _goal_text(goal: Goal) -> str | None:
    """Return the goal's text if the personal-data check finds nothing in it."""
    citizen = goal.course.citizen
    if goal.course.active_consent is None:
        return None
    if check_text({"goal": goal.text}, citizen.pseudonym, citizen.family_names or ()):
        return None
    return goal.text


def learning_examples(session: Session) -> list[tuple[str, str, str, bool]]:
    """Return (group, text, offer_ref, fits) for every decision not undone, for learning.

    The group is "course-<id>/need-<id>" (the text: the published need as units read it)
    or, for a decision on a goal without a need, "course-<id>/goal-<id>" (the goal's text,
    when the personal-data check passes it): the engine keeps a course's decisions together
    and does not offer them to the same course as "lignende behov". Decisions on unpublished
    needs are left out. The read is written to the audit log; the caller commits it with its
    own work.
    """
    query = (
        sa.select(Decision)
        .where(Decision.undone_at.is_(None), Decision.offer_id.is_not(None))
        .options(
            orm.selectinload(Decision.offer),
            orm.selectinload(Decision.need).selectinload(Need.course),
            orm.selectinload(Decision.goal).selectinload(Goal.course),
        )
        .order_by(Decision.id)
    )
    texts: dict[str, str | None] = {}
    examples = []
    for decision in session.scalars(query):
        if decision.offer is None:
            continue
        if decision.need is not None:
            group = f"course-{decision.need.course_id}/need-{decision.need.id}"
            if group not in texts:
                texts[group] = _need_text(decision.need)
        elif decision.goal is not None:
            group = f"course-{decision.goal.course_id}/goal-{decision.goal.id}"
            if group not in texts:
                texts[group] = _goal_text(decision.goal)
        else:
            continue
        text = texts[group]
        if text:
            examples.append((group, text, decision.offer.ref, decision.kind.fits))
    record_audit(session, None, "read", "needs", "læring", f"{len(examples)} eksempler")
    return examples


def decision_count(session: Session) -> int:
    """Return how many decisions stand (not undone)."""
    query = sa.select(sa.func.count(Decision.id)).where(Decision.undone_at.is_(None))
    return session.scalar(query) or 0
