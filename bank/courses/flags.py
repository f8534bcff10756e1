"""What to watch on a course: the meeting cadence and coming transitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.courses.followup import communities_of
from bank.courses.models import Meeting
from bank.courses.rules import (
    ItemFacts,
    MeetingStatus,
    Transition,
    all_transitions,
    assumed_birth_date,
    meeting_status,
)
from bank.courses.services import course_items
from bank.needs.models import Course, CourseStatus


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
    held = list(session.scalars(
        sa.select(Meeting.held_on).where(Meeting.course_id == course.id)
    ))
    planned = session.scalar(
        sa.select(sa.func.max(Meeting.next_meeting_on)).where(Meeting.course_id == course.id)
    )
    next_meeting = planned if planned is not None and planned >= today else None
    items = [ItemFacts(i.title, i.ends_on, i.status) for i in course_items(session, course)]
    communities = [(c.name, c.leaves_on) for c in communities_of(session, course)]
    birth = assumed_birth_date(course.citizen.birth_year)
    return CourseFlags(
        course,
        meeting_status(course.started_on, held, today),
        next_meeting,
        all_transitions(birth, held, items, communities, today),
    )


def coordinator_watchlist(session: Session, user: User, today: date) -> list[CourseFlags]:
    """Return the user's own active courses that are overdue, due soon or in transition."""
    query = sa.select(Course).where(
        Course.coordinator_id == user.id, Course.status == CourseStatus.ACTIVE
    ).order_by(Course.id)
    flagged = [course_flags(session, c, today) for c in session.scalars(query)]
    return sorted(
        (f for f in flagged if f.needs_attention),
        key=lambda f: (not f.meetings.overdue, -f.meetings.days_overdue, f.course.id),
    )
