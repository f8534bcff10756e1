"""Composing the plan: add plan items from offers and accepted bids, edit them, move status.

Every function checks the permission (the need bank's rules, once), enforces the item
rules of `rules.py`, writes an audit entry, and leaves the commit to the caller.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.db import utcnow
from bank.decisions import services as decisions
from bank.errors import Invalid, NotAllowed, NotFound
from bank.needs import fields, lookup, permissions
from bank.needs.models import Bid, BidState, Course, Goal, GoalStatus
from bank.offers.models import Offer, OfferStatus
from bank.plans.models import PlanItem
from bank.plans.rules import ItemStatus, item_errors, status_change_errors

MAX_WAITING_WEEKS = 104


def optional_date(errors: fields.Errors, field: str, value: object) -> date | None:
    """Return a date from a form value, None when empty, noting an error when unreadable."""
    if value in (None, ""):
        return None
    return fields.a_date(errors, field, value)


def team_users(course: Course) -> list[User]:
    """Return the people who may be responsible for an item: the coordinator and the team."""
    people = [course.coordinator] + [m.user for m in course.active_team]
    seen: dict[int, User] = {}
    for person in people:
        seen.setdefault(person.id, person)
    return list(seen.values())


def _responsible(errors: fields.Errors, course: Course, value: object) -> User | None:
    if value in (None, ""):
        return None
    person = next((u for u in team_users(course) if str(u.id) == str(value)), None)
    if person is None:
        errors["responsible"] = [
            (
                "the responsible person must be the coordinator or on the team",
                "Den ansvarlige skal være tovholder eller med i teamet. Tilføj personen til teamet "
                "først.",
            )
        ]
    return person


def _who_when(errors: fields.Errors, course: Course, values: dict) -> dict:
    """Parse the editable fields of an item: who, when, the next step, the waiting time."""
    out: dict[str, Any] = {
        "responsible": _responsible(errors, course, values.get("responsible_id")),
        "starts_on": optional_date(errors, "starts_on", values.get("starts_on")),
        "ends_on": optional_date(errors, "ends_on", values.get("ends_on")),
        "next_step": fields.text(errors, "next_step", values.get("next_step"), 1000, False),
        "next_step_due": optional_date(errors, "next_step_due", values.get("next_step_due")),
        "waiting_weeks": None,
    }
    if values.get("waiting_weeks") not in (None, ""):
        out["waiting_weeks"] = fields.integer(
            errors, "waiting_weeks", values["waiting_weeks"], 0, MAX_WAITING_WEEKS
        )
    return out


def servable(goal: Goal) -> bool:
    """Tell whether a plan item may serve the goal: only an active goal may."""
    return goal.status == GoalStatus.ACTIVE


def _goal(errors: fields.Errors, course: Course, goal_id: object) -> Goal | None:
    goal = next((g for g in course.goals if str(g.id) == str(goal_id)), None)
    if goal is None or not servable(goal):
        errors["goal"] = [
            ("choose an active goal of this course", "Vælg et af forløbets aktive mål.")
        ]
        return None
    return goal


MAX_ID = 2**31 - 1


def _id(value: object) -> int | None:
    text = str(value if value is not None else "")
    return int(text) if text.isdigit() and int(text) <= MAX_ID else None


def _published_offer(
    session: Session, offer_id: object, statuses=(OfferStatus.PUBLISHED,)
) -> Offer | None:
    """Return the offer if it is published; drafts and retired offers are not plan sources."""
    number = _id(offer_id)
    offer = session.get(Offer, number) if number is not None else None
    return offer if offer is not None and offer.status in statuses else None


def _accepted_bid(session: Session, course: Course, bid_id: object) -> Bid | None:
    """Return the bid if it was accepted on one of this course's needs."""
    number = _id(bid_id)
    bid = session.get(Bid, number) if number is not None else None
    if bid is None or bid.need.course_id != course.id or bid.state != BidState.ACCEPTED:
        return None
    return bid


def plan_sources(
    session: Session, course: Course, offer_id: object, bid_id: object, refused: bool = False
):
    """Return (offer, bid) a plan item form may show for the course; None for any other.

    A form shown again because the choice was refused may name a retired offer (its title
    was public); never a draft, nor a bid on another course's needs.
    """
    statuses = (OfferStatus.PUBLISHED, OfferStatus.RETIRED) if refused else (OfferStatus.PUBLISHED,)
    return _published_offer(session, offer_id, statuses), _accepted_bid(session, course, bid_id)


def _source(session: Session, errors: fields.Errors, course: Course, offer_id, bid_id):
    offer, bid = plan_sources(session, course, offer_id, bid_id)
    if offer_id not in (None, "") and offer is None:
        errors["source"] = [("choose a published offer", "Vælg et offentliggjort tilbud.")]
    if bid_id not in (None, "") and bid is None:
        errors["source"] = [
            (
                "choose a bid accepted on this course's needs",
                "Vælg et bud, der er accepteret på forløbets behov.",
            )
        ]
    return offer, bid


def add_item(session: Session, user: User, course_id: int, values: dict) -> PlanItem:
    """Add an offer or an accepted bid to the plan as a planned item serving a goal."""
    course = lookup.course(session, course_id)
    permissions.require_manage(user, course)
    errors: fields.Errors = {}
    goal = _goal(errors, course, values.get("goal_id"))
    offer, bid = _source(session, errors, course, values.get("offer_id"), values.get("bid_id"))
    parsed = _who_when(errors, course, values)
    errors = (
        item_errors(
            has_goal=goal is not None,
            sources=(offer is not None) + (bid is not None),
            status=ItemStatus.PLANNED,
            has_responsible=parsed["responsible"] is not None,
            start=parsed["starts_on"],
            end=parsed["ends_on"],
        )
        | errors
    )
    fields.raise_if(errors)
    responsible = parsed.pop("responsible")
    item = PlanItem(
        course=course,
        goal=goal,
        offer=offer,
        bid=bid,
        responsible=responsible,
        responsible_unit=_unit_for(responsible, offer, bid),
        created_by_id=user.id,
        no_capacity=offer is not None and offer.capacity is not None and offer.capacity <= 0,
        status=ItemStatus.PLANNED,
        **parsed,
    )
    session.add(item)
    session.flush()
    record_audit(session, user, "create", "plan_item", item.id, f"forløb {course.id}: {item.title}")
    decisions.record_in_plan(session, user, item)
    return item


def _unit_for(responsible: User | None, offer: Offer | None, bid: Bid | None):
    """Return the responsible unit: the responsible person's, else the one delivering."""
    if responsible is not None and responsible.unit is not None:
        return responsible.unit
    if offer is not None:
        return offer.unit
    return bid.unit if bid is not None else None


def get_item(session: Session, user: User, item_id: int, manage: bool = True) -> PlanItem:
    """Return a plan item for someone who may change it (or read it), or raise."""
    item = session.get(PlanItem, item_id)
    if item is None:
        raise NotFound(f"no plan item with id {item_id}", "Indsatsen findes ikke.")
    if manage and not (
        permissions.can_manage_course(user, item.course) or item.responsible_id == user.id
    ):
        raise NotAllowed(*permissions.DENIED_MANAGE)
    if not manage:
        permissions.require_open(user, item.course)
    return item


def update_item(session: Session, user: User, item_id: int, values: dict) -> PlanItem:
    """Change who is responsible, the dates, the next step and the waiting time of an item."""
    item = get_item(session, user, item_id)
    errors: fields.Errors = {}
    parsed = _who_when(errors, item.course, values)
    if values.get("goal_id") not in (None, "") and str(values["goal_id"]) != str(item.goal_id):
        goal = _goal(errors, item.course, values["goal_id"])
        if goal is not None:
            item.goal = goal
    errors = (
        item_errors(
            has_goal=True,
            sources=1,
            status=item.status,
            has_responsible=parsed["responsible"] is not None,
            start=parsed["starts_on"],
            end=parsed["ends_on"],
            drop_reason=item.drop_reason,
        )
        | errors
    )
    fields.raise_if(errors)
    responsible = parsed.pop("responsible")
    if responsible is None or responsible.id != item.responsible_id:
        item.responsible_unit = _unit_for(responsible, item.offer, item.bid)
    item.responsible = responsible
    for name, value in parsed.items():
        setattr(item, name, value)
    item.updated_at = utcnow()
    session.flush()
    record_audit(session, user, "update", "plan_item", item.id, "hvem, hvornår, næste skridt")
    return item


def change_status(
    session: Session,
    user: User,
    item_id: int,
    status: object,
    reason: str = "",
    today: date | None = None,
) -> PlanItem:
    """Start, pause, end or drop an item; starting needs a responsible person."""
    today = today or date.today()
    item = get_item(session, user, item_id)
    errors: fields.Errors = {}
    new = fields.choice(errors, "status", status, ItemStatus)
    fields.raise_if(errors)
    fields.raise_if(
        status_change_errors(
            item.status,
            new,
            has_responsible=item.responsible_id is not None,
            reason=reason,
        )
    )
    if new is ItemStatus.RUNNING and item.starts_on is None:
        item.starts_on = today
    if new.closed and (item.ends_on is None or item.ends_on > today):
        item.ends_on = max(today, item.starts_on) if item.starts_on else today
    if new is ItemStatus.DROPPED:
        item.drop_reason = reason.strip()
    item.status = new
    item.updated_at = utcnow()
    session.flush()
    record_audit(session, user, "update", "plan_item", item.id, f"status: {new.value}")
    if new.closed:
        decisions.record_item_closed(session, user, item, completed=new is ItemStatus.ENDED)
    return item


def course_items(session: Session, course: Course) -> list[PlanItem]:
    """Return the course's plan items, in the order they start."""
    query = (
        sa.select(PlanItem)
        .where(PlanItem.course_id == course.id)
        .order_by(PlanItem.starts_on.is_(None), PlanItem.starts_on, PlanItem.id)
    )
    return list(session.scalars(query))


def invalid(field: str, english: str, danish: str) -> Invalid:
    """Return a one-field Invalid error."""
    return Invalid({field: [(english, danish)]})
