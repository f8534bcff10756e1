"""Demo plans: items for the demo courses' goals, a year of meetings and of progress.

Runs after the need bank's loader, on whatever courses it made. Seeded, so every demo
looks the same: values drift upwards with some ups and downs, one course has missed its
meeting (so the coordinator's front page shows it), and one goal is left without an item.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.decisions import services as decisions
from bank.decisions.models import NotFitReason
from bank.needs.models import BidState, Course, CourseStatus, Goal
from bank.offers.models import Offer
from bank.plans import finder, followup, services
from bank.plans.models import PlanItem
from bank.plans.services import team_users
from bank.ranking import CatalogueIndex, get_index, goal_record

YEAR = 365
PARTICIPANTS = ("Den unge", "Forælder", "Tovholder", "Mentor", "UU-vejleder", "Lærer")


def load_demo(session: Session, fixtures: Path, today: date | None = None) -> None:
    """Give each demo course a plan, meetings and a year of progress (the caller commits)."""
    today = today or date.today()
    query = sa.select(Course).where(Course.status == CourseStatus.ACTIVE).order_by(Course.id)
    for number, course in enumerate(session.scalars(query)):
        if session.scalar(sa.select(PlanItem.id).where(PlanItem.course_id == course.id)):
            continue  # loaded before
        if course.started_on > today - timedelta(days=YEAR + 30):
            course.started_on = today - timedelta(days=YEAR + 30)
        rng = random.Random(f"plan-{number}")
        _plan(session, course, number, rng, today)
        _not_fit(session, course, number, today)
        _meetings(session, course, number, rng, today)
        _progress(session, course, rng, today)
        _communities(session, course, number, today)
    session.flush()


def _plan(session: Session, course: Course, number: int, rng: random.Random, today: date):
    user = course.coordinator
    people = team_users(course)
    index = get_index(session)
    used: set[str] = set()
    goals = [g for g in course.goals if services.servable(g)]
    if number == 0 and len(goals) > 1:
        goals = goals[:-1]  # one goal left without an item: the plan page flags it
    for position, goal in enumerate(goals[:3]):
        bid = next(
            (
                b
                for n in course.needs
                if n.goal_id == goal.id
                for b in n.bids
                if b.state == BidState.ACCEPTED
            ),
            None,
        )
        source = {"bid_id": bid.id} if bid else _offer_for(session, index, course, goal, used)
        if source is None:
            continue
        start = today - timedelta(days=300 - 90 * position)
        values = {
            **source,
            "goal_id": goal.id,
            "responsible_id": people[position % len(people)].id,
            "starts_on": start,
            "ends_on": start + timedelta(days=240),
            "next_step": "Aftal næste samtale med den unge",
            "next_step_due": today + timedelta(days=10 + 7 * position),
        }
        item = services.add_item(session, user, course.id, values)
        if position < 2:
            services.change_status(session, user, item.id, "running", today=start)
        if position == 0 and number % 2 == 1:
            services.change_status(session, user, item.id, "ended", today=start + timedelta(200))


def _offer_for(
    session: Session, index: CatalogueIndex, course: Course, goal: Goal, used: set[str]
) -> dict | None:
    need = goal_record(goal, course.citizen.age(), with_goals=False)
    for match in index.rank(need, top=10):
        if match.offer_id not in used:
            used.add(match.offer_id)
            offer = session.scalar(sa.select(Offer).where(Offer.ref == match.offer_id))
            if offer is None:
                return None
            full = offer.capacity is not None and offer.capacity <= 0
            return {"offer_id": offer.id, "waiting_weeks": "6" if full else ""}
    return None


def _not_fit(session: Session, course: Course, number: int, today: date) -> None:
    """Mark two of the finder's hits "Passer ikke" (one with a reason), as a coordinator does.

    The fifth and sixth hit: the demo's finder then has a "Skjult" list, and the learning has
    negative examples beside the plan's positive ones.
    """
    found = finder.find_offers(session, course.coordinator, course.id, today=today)
    hits = [h for h in found.hits if not h.on_plan][4:6]
    reasons = list(NotFitReason)
    for position, hit in enumerate(hits):
        reason = reasons[number % len(reasons)] if position == 0 else None
        decisions.mark_offer_not_fit(
            session, course.coordinator, course.id, hit.offer.id, hit.need_id, hit.goal_id, reason
        )


def _meetings(session: Session, course: Course, number: int, rng: random.Random, today: date):
    """Meet every 80 days; the second course every 90 days, and not for the last 100 days."""
    gap, last = (90, today - timedelta(days=100)) if number == 1 else (80, today - timedelta(5))
    day = today - timedelta(days=YEAR)
    while day <= last:
        followup.record_meeting(
            session,
            course.coordinator,
            course.id,
            day,
            list(rng.sample(PARTICIPANTS, 4)),
            rng.choice(
                (
                    "Vi fortsætter planen.",
                    "Den unge vil prøve et fritidsjob.",
                    "Mentoren kommer to morgener om ugen.",
                    "Vi tager en ny snak om skolen.",
                )
            ),
            day + timedelta(days=gap),
            today=today,
        )
        day += timedelta(days=gap)


def _progress(session: Session, course: Course, rng: random.Random, today: date):
    user = course.coordinator
    start = today - timedelta(days=YEAR)
    level = rng.uniform(0.2, 0.4)
    for month in range(13):
        day = min(start + timedelta(days=28 * month + rng.randint(0, 6)), today)
        level = min(0.95, max(0.05, level + rng.uniform(-0.06, 0.12)))
        values = {
            "attendance": round(100 * level),
            "coping": max(1, min(10, round(1 + 9 * level + rng.uniform(-1, 1)))),
            "wellbeing": max(1, min(10, round(1 + 9 * level + rng.uniform(-2, 1.5)))),
        }
        if month % 3 == 0:
            values["participation"] = 0 if level < 0.4 else 1 if level < 0.7 else 2
        for dimension, value in values.items():
            followup.record_progress(
                session, user, course.id, dimension, str(value), day, today=today
            )


def _communities(session: Session, course: Course, number: int, today: date):
    if number % 2 == 0:
        followup.add_community(
            session,
            course.coordinator,
            course.id,
            "Folkeskolens 9. klasse",
            "school",
            today - timedelta(days=300),
            today + timedelta(days=60),
        )
    else:
        followup.add_community(
            session,
            course.coordinator,
            course.id,
            "Fodboldklubben",
            "club",
            today - timedelta(days=120),
        )
