"""Demo history: a year of earlier, ended courses, whose decisions the bank learns from.

The data lives in fixtures/demo_history.json: a few situations that come back in different
words. Each need was published with consent, got a bid on the offer that helped (or the
coordinator put the offer in the plan from the finder), sometimes a "no" to a tempting wrong
offer, and was closed when met; then the course ended. Everything goes through the services,
so the decisions are what the app records; afterwards the dates are spread back in time.
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
from bank.decisions.models import Decision, DecisionKind, NotFitReason
from bank.demo import DEMO_PASSWORD, load_demo_users
from bank.needs import bids, consent, courses, goals, needs
from bank.needs.models import Bid, Citizen, Course, DeclineReason, Need
from bank.offers.models import Offer
from bank.plans import services
from bank.plans.models import PlanItem

FILE = "demo_history.json"
PSEUDONYM = "Ung T{:02d}"  # T for "tidligere": the first is Ung T01


def load_demo(session: Session, fixtures: Path, today: date | None = None) -> None:
    """Open, decide, close and end the demo's earlier courses, once (the caller commits)."""
    path = fixtures / FILE
    if not path.exists():
        return
    loaded = sa.select(Citizen.id).where(Citizen.pseudonym == PSEUDONYM.format(1))
    if session.scalar(loaded) is not None:
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    users = _users(session, data["bidders"])
    coordinator = users[data["coordinator"]]
    today, now = today or date.today(), utcnow()
    number = 0
    for situation in data["situations"]:
        for spec in situation["needs"]:
            number += 1
            _course(session, users, coordinator, situation, spec, number, today, now)
    session.flush()


def _users(session: Session, bidders: list[list[str]]) -> dict[str, User]:
    """Create the demo sign-ins and the history's bidders (once); return every user by e-mail."""
    load_demo_users(session)
    for email, name, unit in bidders:
        if session.scalar(sa.select(User.id).where(User.email == email)) is None:
            unit_row = get_or_create_unit(session, unit)
            create_user(session, email, name, DEMO_PASSWORD, Role.UNIT_MEMBER, unit_row)
    return {u.email: u for u in session.scalars(sa.select(User))}


def _course(
    session: Session,
    users: dict[str, User],
    coordinator: User,
    situation: dict,
    spec: dict,
    number: int,
    today: date,
    now: datetime,
) -> None:
    """One earlier course: a published need, its decisions, the need closed, the course ended."""
    days = spec["days_ago"]
    course = courses.create_course(
        session, coordinator, PSEUDONYM.format(number), today.year - spec["age"], [], today
    )
    kind = "written" if number % 2 else "oral"
    consent.record_consent(
        session, coordinator, course, kind, today - timedelta(days=days + 7), True, today=today
    )
    goal = goals.add_goal(session, coordinator, course, "life", spec["goal"])
    need = needs.create_need(
        session, coordinator, course, goal.id, spec["title"], spec["description"], spec["tags"]
    )
    needs.publish_need(session, coordinator, need)
    right = _offer(session, situation["offer"])
    wrong = situation["wrong"]
    if spec["wrong"] == "bid":
        bid = _bid(session, users[wrong["by"]], need, wrong["offer"], wrong["bid"], today)
        reason = DeclineReason.OTHER_BID_CHOSEN if number % 2 else DeclineReason.NOT_WANTED
        bids.decide_bid(session, coordinator, bid.id, "declined", reason.value)
    elif spec["wrong"] == "mark":
        reasons = list(NotFitReason)
        decisions.mark_offer_not_fit(
            session,
            coordinator,
            course.id,
            _offer(session, wrong["offer"]).id,
            need.id,
            goal.id,
            reasons[number % len(reasons)].value if number % 3 else None,
        )
    source: dict = {"offer_id": right.id}  # found in the finder and put straight in the plan
    if spec["via"] == "bid":
        bid = _bid(session, users[situation["by"]], need, right.ref, situation["bid"], today)
        bids.decide_bid(session, coordinator, bid.id, "accepted")
        source = {"bid_id": bid.id}
    start, end = today - timedelta(days=days - 10), today - timedelta(days=days - 60)
    item = services.add_item(
        session,
        coordinator,
        course.id,
        {**source, "goal_id": goal.id, "responsible_id": coordinator.id, "starts_on": start},
    )
    services.change_status(session, coordinator, item.id, "running", today=start)
    services.change_status(session, coordinator, item.id, "ended", today=end)
    needs.close_need(session, coordinator, need, "met")
    courses.end_course(session, coordinator, course)
    _back_in_time(session, course, need, days, today, now)


def _offer(session: Session, ref: str) -> Offer:
    return session.scalars(sa.select(Offer).where(Offer.ref == ref)).one()


def _bid(session: Session, bidder: User, need: Need, ref: str, text: dict, today: date) -> Bid:
    return bids.submit_bid(
        session,
        bidder,
        need.id,
        text["title"],
        text["activities"],
        text["expected_outcomes"],
        text["who"],
        today + timedelta(days=7),
        text["weeks"],
        community=text.get("community", ""),
        offer_refs=[ref],
    )


def _back_in_time(
    session: Session, course: Course, need: Need, days: int, today: date, now: datetime
) -> None:
    """Spread the course's dates over the past: published, decided, closed, ended."""

    def ago(n: int) -> datetime:
        return now - timedelta(days=n, hours=n % 7)

    course.started_on = today - timedelta(days=days + 14)
    course.ended_on = today - timedelta(days=days - 65)
    need.created_at = need.published_at = ago(days)
    need.closed_at = need.updated_at = ago(days - 60)
    for bid in need.bids:
        bid.created_at, bid.decided_at = ago(days - 2), ago(days - 7)
    query = sa.select(Decision).where(Decision.course_id == course.id)
    for decision in session.scalars(query):
        ended = decision.kind == DecisionKind.PLAN_COMPLETED
        decision.decided_at = ago(days - 60 if ended else days - 7)
    for item in session.scalars(sa.select(PlanItem).where(PlanItem.course_id == course.id)):
        item.created_at = ago(days - 8)
