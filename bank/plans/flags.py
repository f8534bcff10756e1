"""What to watch on a course: the meeting cadence and coming transitions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.needs.models import Course, CourseStatus
from bank.plans.models import Community, Meeting, PlanItem
from bank.plans.rules import (
    ItemFacts,
    MeetingStatus,
    Transition,
    all_transitions,
    assumed_birth_date,
    meeting_status,
)


@dataclass(frozen=True)
class CourseFlags:
    """A course's meeting status, its next planned meeting and its transitions."""

    course: Course
    meetings: MeetingStatus
    next_meeting: date | None
    transitions: list[Transition]

    @property
    def needs_attention(self) -> bool:
        """Tell whether the coordinator should look at this course now."""
        return self.meetings.overdue or self.meetings.due_soon or bool(self.transitions)


def course_flags(session: Session, course: Course, today: date) -> CourseFlags:
    """Return the meeting cadence and the transitions of one course on a date."""
    return flags_of(session, [course], today)[0]


def flags_of(session: Session, courses: Sequence[Course], today: date) -> list[CourseFlags]:
    """Return the flags of many courses, with a fixed number of queries (not per course)."""
    ids = [c.id for c in courses]
    held: dict[int, list[date]] = defaultdict(list)
    planned: dict[int, date] = {}
    meetings = sa.select(Meeting.course_id, Meeting.held_on, Meeting.next_meeting_on)
    for course_id, held_on, next_on in session.execute(meetings.where(Meeting.course_id.in_(ids))):
        held[course_id].append(held_on)
        if next_on is not None and (course_id not in planned or next_on > planned[course_id]):
            planned[course_id] = next_on
    items: dict[int, list[ItemFacts]] = defaultdict(list)
    query = (
        sa.select(PlanItem)
        .where(PlanItem.course_id.in_(ids))
        .options(orm.selectinload(PlanItem.offer), orm.selectinload(PlanItem.bid))
        .order_by(PlanItem.starts_on.is_(None), PlanItem.starts_on, PlanItem.id)
    )
    for item in session.scalars(query):
        items[item.course_id].append(ItemFacts(item.title, item.ends_on, item.status))
    communities: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
    joined = sa.select(Community).where(Community.course_id.in_(ids)).order_by(Community.id)
    for community in session.scalars(joined):
        communities[community.course_id].append((community.name, community.leaves_on))
    flags = []
    for course in courses:
        upcoming = planned.get(course.id)
        birth = assumed_birth_date(course.citizen.birth_year)
        flags.append(
            CourseFlags(
                course,
                meeting_status(course.started_on, held[course.id], today),
                upcoming if upcoming is not None and upcoming >= today else None,
                all_transitions(
                    birth, held[course.id], items[course.id], communities[course.id], today
                ),
            )
        )
    return flags


def coordinator_watchlist(session: Session, user: User, today: date) -> list[CourseFlags]:
    """Return the user's own active courses that are overdue, due soon or in transition."""
    query = (
        sa.select(Course)
        .where(Course.coordinator_id == user.id, Course.status == CourseStatus.ACTIVE)
        .order_by(Course.id)
        .options(orm.selectinload(Course.citizen))
    )
    flagged = flags_of(session, list(session.scalars(query)), today)
    return sorted(
        (f for f in flagged if f.needs_attention),
        key=lambda f: (not f.meetings.overdue, -f.meetings.days_overdue, f.course.id),
    )
