"""Demo courses for invented young people (Ung A–F): consent, goals, needs, bids in every state.

The data lives in fixtures/demo_courses.json. Everything goes through the services, so the
demo obeys the same rules (consent, the personal-data check, the bid state machine) and
leaves a real audit trail; afterwards the dates are spread back in time.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Role, User
from bank.auth.services import create_user, get_or_create_unit
from bank.db import utcnow
from bank.decisions import services as decisions
from bank.decisions.models import NotFitReason
from bank.demo import DEMO_PASSWORD, load_demo_users
from bank.needs import bids, consent, courses, goals, needs, ranking
from bank.needs.models import Citizen, Course, Goal, GoalStatus, Need
from bank.offers.models import Offer, OfferStatus

COORDINATOR = "tovholder@demo.dk"


def _users(session: Session, bidders: list[list[str]]) -> dict[str, User]:
    """Create the demo sign-ins and the demo units' bidders (once); return them by e-mail."""
    load_demo_users(session)
    for email, name, unit, *role in bidders:
        if session.scalar(sa.select(User.id).where(User.email == email)) is None:
            create_user(
                session,
                email,
                name,
                DEMO_PASSWORD,
                role[0] if role else Role.UNIT_MEMBER,
                get_or_create_unit(session, unit),
            )
    return {u.email: u for u in session.scalars(sa.select(User))}


def _offer_refs(session: Session, refs: list[str]) -> list[str]:
    """Keep the offers the demo catalogue really has (published)."""
    query = sa.select(Offer.ref).where(Offer.ref.in_(refs), Offer.status == OfferStatus.PUBLISHED)
    return list(session.scalars(query))


def _ago(days: int, now: datetime) -> datetime:
    return now - timedelta(days=days, hours=days % 7)


def _bid(
    session: Session,
    users: dict[str, User],
    coordinator: User,
    need: Need,
    spec: dict,
    now: datetime,
    today: date,
) -> None:
    bidder = users[spec["by"]]
    bid = bids.submit_bid(
        session,
        bidder,
        need.id,
        spec["title"],
        spec["activities"],
        spec["expected_outcomes"],
        spec["who"],
        today + timedelta(days=7 + spec["weeks"]),
        spec["weeks"],
        community=spec.get("community", ""),
        offer_refs=_offer_refs(session, spec.get("offers", [])),
    )
    if spec["state"] in ("accepted", "declined"):
        bids.decide_bid(
            session, coordinator, bid.id, spec["state"], spec.get("reason"), spec.get("note", "")
        )
        bid.decided_at = _ago(spec["decided_days_ago"], now)
    elif spec["state"] == "withdrawn":
        bids.withdraw_bid(session, bidder, bid.id)
        bid.withdrawn_at = _ago(spec["days_ago"] - 1, now)
    bid.created_at = _ago(spec["days_ago"], now)


def _course(
    session: Session, users: dict[str, User], spec: dict, now: datetime, today: date
) -> None:
    coordinator = users[COORDINATOR]
    course = courses.create_course(
        session, coordinator, spec["pseudonym"], today.year - spec["age"], spec["family"]
    )
    given = spec["consent"]
    units = [get_or_create_unit(session, name).id for name in given.get("units", [])]
    consent.record_consent(
        session,
        coordinator,
        course,
        given["kind"],
        today - timedelta(days=given["days_ago"]),
        given["publishing"],
        units,
    )
    for email, task in spec["team"]:
        courses.add_team_member(session, coordinator, course, email, task)
    by_key: dict[str, Goal] = {}
    for goal_spec in spec["goals"]:
        parent = by_key.get(goal_spec.get("parent", ""))
        goal = goals.add_goal(
            session,
            coordinator,
            course,
            goal_spec["kind"],
            goal_spec["text"],
            parent.id if parent else None,
        )
        if goal_spec.get("status"):
            goal.status = GoalStatus(goal_spec["status"])
        by_key[goal_spec["key"]] = goal
    for need_spec in spec["needs"]:
        need = needs.create_need(
            session,
            coordinator,
            course,
            by_key[need_spec["goal"]].id,
            need_spec["title"],
            need_spec["description"],
            need_spec["tags"],
        )
        if need_spec.get("draft"):
            continue
        needs.publish_need(session, coordinator, need)
        for bid_spec in need_spec["bids"]:
            _bid(session, users, coordinator, need, bid_spec, now, today)
        if need_spec.get("closed"):
            needs.close_need(session, coordinator, need, need_spec["closed"])
        need.published_at = need.created_at = need.updated_at = _ago(need_spec["days_ago"], now)
    if "withdrawn_days_ago" in given:
        consent.withdraw_consent(session, coordinator, course)
        course.consents[-1].withdrawn_at = _ago(given["withdrawn_days_ago"], now)
    course.started_on = today - timedelta(days=given["days_ago"] + 14)
    session.flush()


def load_demo(session: Session, fixtures: Path, today: date | None = None) -> None:
    """Open the demo courses through the services, once (the caller commits)."""
    path = fixtures / "demo_courses.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    names = [c["pseudonym"] for c in data["courses"]]
    loaded = sa.select(Course.id).join(Citizen).where(Citizen.pseudonym.in_(names))
    if session.scalar(loaded) is not None:
        return
    users = _users(session, data["bidders"])
    today, now = today or date.today(), utcnow()
    for spec in data["courses"]:
        _course(session, users, spec, now, today)
    _not_fit(session, users)


# Units whose members mark the need that fits them least "Passer ikke" (not a demo sign-in's
# unit, so every demo user still sees the whole list).
NOT_FIT = (("klub@demo.dk", NotFitReason.WRONG_TARGET_GROUP), ("ppr@demo.dk", None))


def _not_fit(session: Session, users: dict[str, User]) -> None:
    for email, reason in NOT_FIT:
        member = users[email]
        listed = ranking.needs_for_unit(session, member)
        if listed:
            last = listed[-1]
            decisions.mark_need_not_fit(session, member, last.need.id, last.best_offer, reason)
