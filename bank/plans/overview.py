"""The plan as the coordinator sees it: per goal the items serving it, and what to watch."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.needs import lookup, permissions
from bank.needs.models import Course, Goal, GoalKind
from bank.plans.models import PlanItem
from bank.plans.rules import ItemStatus
from bank.plans.services import course_items, servable
from bank.ranking import double_pairs_among, get_index, item_record


@dataclass
class GoalRow:
    """A goal with the plan items that serve it; flagged when nothing serves it."""

    goal: Goal
    depth: int
    items: list[PlanItem]
    flagged: bool


@dataclass(frozen=True)
class PlanDouble:
    """Two live items that give the same kind of help twice."""

    first: PlanItem
    second: PlanItem
    score: float


@dataclass
class PlanView:
    """Everything the plan page shows."""

    course: Course
    rows: list[GoalRow]
    items: list[PlanItem]
    doubles: list[PlanDouble]


def open_for(session: Session, user: User, course_id: int, what: str) -> Course:
    """Return the course for its coordinator, team or an admin, recording what was read."""
    course = lookup.course(session, course_id)
    permissions.require_open(user, course)
    record_audit(session, user, "read", "course", course.id, what)
    return course


def ordered_goals(course: Course) -> list[tuple[Goal, int]]:
    """Return the goals as (goal, depth): each life goal followed by its sub-goals."""
    out: list[tuple[Goal, int]] = []
    for goal in course.goals:
        if goal.kind == GoalKind.LIFE or goal.parent_id is None:
            out.append((goal, 0))
            out += [(g, 1) for g in course.goals if g.parent_id == goal.id]
    return out


def live(item: PlanItem) -> bool:
    """Tell whether the item is still part of the help (not ended or dropped)."""
    return not item.status.closed


def plan_doubles(session: Session, items: list[PlanItem]) -> list[PlanDouble]:
    """Return the pairs of live items that the engine judges to be double offers."""
    current = [i for i in items if live(i)]
    if len(current) < 2:
        return []
    records = [item_record(i) for i in current]
    by_id: dict[str, list[PlanItem]] = {}
    for record, item in zip(records, current, strict=True):
        by_id.setdefault(record.id, []).append(item)
    pairs = double_pairs_among(get_index(session), records)
    found, seen = [], set()
    for pair in pairs:
        firsts, seconds = by_id[pair.a], by_id[pair.b]
        first = firsts[0]
        second = seconds[1] if pair.a == pair.b and len(seconds) > 1 else seconds[0]
        key = (first.id, second.id)
        if first.id != second.id and key not in seen:
            seen.add(key)
            found.append(PlanDouble(first, second, pair.score))
    return found


def doubles_with(session: Session, item: PlanItem) -> list[PlanDouble]:
    """Return the plan's double offers that an item is one of (to warn as it is added)."""
    items = course_items(session, item.course)
    return [d for d in plan_doubles(session, items) if item in (d.first, d.second)]


def goal_rows(course: Course, items: list[PlanItem]) -> list[GoalRow]:
    """Return each goal with its items; an active goal that nothing serves is flagged."""
    rows = []
    for goal, depth in ordered_goals(course):
        own = [i for i in items if i.goal_id == goal.id]
        served = any(
            i.status != ItemStatus.DROPPED
            for i in items
            if i.goal_id == goal.id or i.goal.parent_id == goal.id
        )
        rows.append(GoalRow(goal, depth, own, servable(goal) and not served))
    return rows


def plan_view(session: Session, user: User, course_id: int) -> PlanView:
    """Return the plan: goals with their items, unserved goals flagged, double offers."""
    course = open_for(session, user, course_id, "plan")
    items = course_items(session, course)
    return PlanView(course, goal_rows(course, items), items, plan_doubles(session, items))
