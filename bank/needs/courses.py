"""Courses and citizens: create, open (audited), list, the team, and ending a course."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.db import utcnow
from bank.errors import Conflict, Invalid, NotFound
from bank.needs import fields, limits, lookup, permissions
from bank.needs.models import Citizen, Course, CourseStatus, TeamMember
from bank.needs.needs import take_down_needs
from bank.needs.personal_data import check_text

MIN_AGE, MAX_AGE = 13, 30


def _names(value: list[str] | str | None) -> list[str]:
    items = value if isinstance(value, list | tuple) else str(value or "").splitlines()
    return [n.strip() for n in items if n and n.strip()]


def _citizen_fields(pseudonym: str, birth_year: object, family_names, today: date):
    errors: fields.Errors = {}
    pseudonym = fields.text(errors, "pseudonym", pseudonym, limits.PSEUDONYM)
    if pseudonym and any(f.kind == "cpr" for f in check_text({"pseudonym": pseudonym})):
        errors.setdefault("pseudonym", []).append(
            ("must not be a CPR number", "Må ikke være et CPR-nummer. Vælg et andet navn.")
        )
    year = fields.integer(
        errors, "birth_year", birth_year, today.year - MAX_AGE, today.year - MIN_AGE
    )
    names = _names(family_names)
    if any(len(n) > limits.FAMILY_NAME for n in names):
        errors["family_names"] = [
            (
                f"a name is longer than {limits.FAMILY_NAME} characters",
                f"Et navn er længere end {limits.FAMILY_NAME} tegn.",
            )
        ]
    fields.raise_if(errors)
    return pseudonym, year, names


def create_course(
    session: Session,
    user: User,
    pseudonym: str,
    birth_year: object,
    family_names: list[str] | str | None = None,
    today: date | None = None,
) -> Course:
    """Open a course for a young person under a pseudonym, with the user as coordinator."""
    permissions.require_create_course(user)
    today = today or date.today()
    pseudonym, year, names = _citizen_fields(pseudonym, birth_year, family_names, today)
    citizen = Citizen(pseudonym=pseudonym, birth_year=year, family_names=names)
    course = Course(citizen=citizen, coordinator=user, started_on=today)
    session.add(course)
    session.flush()
    record_audit(session, user, "create", "course", course.id, "forløb oprettet")
    return course


def update_citizen(
    session: Session,
    user: User,
    course: Course,
    pseudonym: str,
    birth_year: object,
    family_names: list[str] | str | None,
) -> Citizen:
    """Change the citizen's pseudonym, birth year and the recorded family names."""
    permissions.require_manage(user, course)
    pseudonym, year, names = _citizen_fields(pseudonym, birth_year, family_names, date.today())
    citizen = course.citizen
    citizen.pseudonym, citizen.birth_year, citizen.family_names = pseudonym, year, names
    session.flush()
    record_audit(session, user, "update", "citizen", citizen.id, "pseudonym, fødselsår, navne")
    return citizen


def open_course(session: Session, user: User, course_id: int) -> Course:
    """Return the course for its coordinator, team or an admin, and record the read."""
    course = lookup.course(session, course_id)
    permissions.require_open(user, course)
    record_audit(session, user, "read", "course", course.id)
    return course


def my_courses(session: Session, user: User, include_ended: bool = False) -> list[Course]:
    """Return the courses the user coordinates or is on the team of (admins: all)."""
    query = sa.select(Course).order_by(Course.started_on.desc(), Course.id.desc())
    if not permissions.is_admin(user):
        on_team = sa.select(TeamMember.course_id).where(
            TeamMember.user_id == user.id, TeamMember.removed_at.is_(None)
        )
        query = query.where(sa.or_(Course.coordinator_id == user.id, Course.id.in_(on_team)))
    if not include_ended:
        query = query.where(Course.status == CourseStatus.ACTIVE)
    query = query.options(  # what the course list shows, in one query each (not per course)
        orm.selectinload(Course.citizen),
        orm.selectinload(Course.needs),
        orm.selectinload(Course.consents),
    )
    return list(session.scalars(query))


def list_my_courses(session: Session, user: User, include_ended: bool = False) -> list[Course]:
    """Return my courses for the course list, recording that their citizens were shown."""
    found = my_courses(session, user, include_ended)
    for course in found:
        record_audit(session, user, "read", "course", course.id, "forløbsliste")
    return found


def add_team_member(
    session: Session, user: User, course: Course, email: str, task: str = ""
) -> TeamMember:
    """Add a professional (found by e-mail) to the course's team."""
    permissions.require_manage(user, course)
    errors: fields.Errors = {}
    email = fields.text(errors, "email", email, limits.EMAIL).lower()
    task = fields.text(errors, "task", task, limits.TEAM_TASK, required=False)
    fields.raise_if(errors)
    member_user = session.scalar(sa.select(User).where(User.email == email))
    if member_user is None or not member_user.active:
        raise Invalid(
            {
                "email": [
                    ("no active user has this e-mail", "Der er ingen aktiv bruger med den e-mail.")
                ]
            }
        )
    if member_user.id == course.coordinator_id or permissions.on_team(member_user, course):
        raise Conflict(
            f"{email} is already on the team", f"{member_user.name} er allerede med.", "email"
        )
    member = TeamMember(course=course, user=member_user, task=task)
    session.add(member)
    session.flush()
    record_audit(session, user, "add", "team", course.id, f"{member_user.email} tilføjet")
    return member


def remove_team_member(session: Session, user: User, course: Course, member_id: int) -> None:
    """Take a professional off the course's team (kept in the history with the date)."""
    permissions.require_manage(user, course)
    member = next((m for m in course.active_team if m.id == member_id), None)
    if member is None:
        raise NotFound(f"no active team member {member_id}", "Personen er ikke på teamet.")
    member.removed_at = utcnow()
    session.flush()
    record_audit(session, user, "remove", "team", course.id, f"{member.user.email} fjernet")


def end_course(session: Session, user: User, course: Course) -> Course:
    """End the course: its published needs are withdrawn and waiting bids declined."""
    permissions.require_manage(user, course)
    if course.status == CourseStatus.ENDED:
        raise Conflict("the course has already ended", "Forløbet er allerede afsluttet.")
    take_down_needs(session, user, course, "Forløbet er afsluttet.")
    course.status, course.ended_on = CourseStatus.ENDED, date.today()
    session.flush()
    record_audit(session, user, "end", "course", course.id, "forløb afsluttet")
    return course
