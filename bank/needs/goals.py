"""Goals in the young person's own words: life goals (livsmål) and sub-goals (delmål)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.errors import Invalid
from bank.needs import fields, limits, permissions
from bank.needs.models import Course, Goal, GoalKind, GoalStatus


def add_goal(
    session: Session,
    user: User,
    course: Course,
    kind: str,
    text: str,
    parent_id: object = None,
) -> Goal:
    """Add a life goal, or a sub-goal (optionally under one of the course's life goals)."""
    permissions.require_manage(user, course)
    errors: fields.Errors = {}
    kind = fields.choice(errors, "kind", kind, GoalKind)
    text = fields.text(errors, "text", text, limits.GOAL_TEXT)
    parent = None
    if parent_id not in (None, ""):
        try:
            parent = session.get(Goal, int(str(parent_id)))
        except ValueError:
            parent = None
        if parent is None or parent.course_id != course.id or parent.kind != GoalKind.LIFE:
            errors["parent_id"] = [
                ("must be a life goal of this course", "Vælg et livsmål fra dette forløb.")
            ]
        elif kind == GoalKind.LIFE:
            errors["parent_id"] = [
                ("a life goal has no parent goal", "Et livsmål kan ikke ligge under et andet mål.")
            ]
    fields.raise_if(errors)
    goal = Goal(course=course, kind=kind, text=text, parent=parent)
    session.add(goal)
    session.flush()
    record_audit(session, user, "create", "goal", goal.id)
    return goal


def set_goal_status(session: Session, user: User, goal: Goal, status: str) -> Goal:
    """Mark a goal active, reached or dropped."""
    permissions.require_manage(user, goal.course)
    errors: fields.Errors = {}
    new_status = fields.choice(errors, "status", status, GoalStatus)
    if errors:
        raise Invalid(errors)
    goal.status = new_status
    session.flush()
    record_audit(session, user, "update", "goal", goal.id, f"status: {new_status.value}")
    return goal
