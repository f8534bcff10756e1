"""Management information (ledelsesinformation) computed from plain facts.

Pure: the facts are dataclasses read from the database elsewhere (management.py), so every
figure can be checked against hand-computed values. Choices:
- A course counts in a period when it ran on any of its days up to the reference day (the
  period's end, never after today). It is "ended" when it ended inside the period, else
  "running". Durations are whole days from start to end (running: to the reference day).
- A need counts in a period when it was published inside the period. "No bid after 14
  days": of the needs published at least 14 days before the reference day, those that got
  no bid within 14 days of publishing.
- Meetings: a course running on the reference day is overdue when the courses' cadence
  rule (bank.plans.rules.meeting_status: at most 91 days between meetings) says so.
- Transitions: a 16 or 17½ milestone that fell in the period for a course running on that
  day was prepared on time when a team meeting was held in the three months up to and
  including the milestone; late when the first meeting came after it but before 18.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar

from bank.charts.svg import add_months
from bank.plans.rules import (
    ADULT_AGE,
    AGE_MILESTONES,
    TRANSITION_NOTICE_MONTHS,
    meeting_status,
    milestone_date,
)
from bank.reports.stats import Period, Summary, days_between, share, summarise

NO_BID_DAYS = 14
F = TypeVar("F", "CourseFact", "NeedFact")


@dataclass(frozen=True)
class CourseFact:
    """One course as the figures see it."""

    id: int
    centre: str
    unit: str
    coordinator: str
    started: date
    ended: date | None = None
    meetings: tuple[date, ...] = ()
    birth: date | None = None


@dataclass(frozen=True)
class NeedFact:
    """One published need: when it was published and when its bids came, with their states."""

    id: int
    centre: str
    published_at: datetime
    bids: tuple[tuple[datetime, str], ...] = ()


@dataclass(frozen=True)
class CourseGroup:
    """Course counts and durations for one centre, unit or coordinator (or all)."""

    name: str
    running: int
    ended: int
    ended_days: Summary
    running_days: Summary


@dataclass(frozen=True)
class CourseFigures:
    """The course figures of a period: all, and per centre, unit and coordinator."""

    total: CourseGroup
    by_centre: list[CourseGroup] = field(default_factory=list)
    by_unit: list[CourseGroup] = field(default_factory=list)
    by_coordinator: list[CourseGroup] = field(default_factory=list)


def _in_period(course: CourseFact, period: Period, today: date) -> bool:
    return period.overlaps(course.started, course.ended, today)


def _group(name: str, courses: Sequence[CourseFact], ref: date, period: Period) -> CourseGroup:
    ended = [
        c for c in courses if c.ended is not None and period.contains(c.ended) and c.ended <= ref
    ]
    running = [c for c in courses if c not in ended]
    return CourseGroup(
        name,
        len(running),
        len(ended),
        summarise((c.ended - c.started).days for c in ended if c.ended is not None),
        summarise((ref - c.started).days for c in running),
    )


def _by(key, courses: Sequence[CourseFact], ref: date, period: Period) -> list[CourseGroup]:
    names = sorted({key(c) or "(ukendt)" for c in courses})
    return [
        _group(n, [c for c in courses if (key(c) or "(ukendt)") == n], ref, period) for n in names
    ]


def only_centre(facts: Sequence[F], centre: str | None) -> list[F]:
    """Return the facts of one centre (all facts when centre is None or empty)."""
    return [f for f in facts if not centre or f.centre == centre]


def course_figures(
    courses: Sequence[CourseFact], period: Period, today: date, centre: str | None = None
) -> CourseFigures:
    """Count running and ended courses and their durations, in all and per group."""
    ref = period.reference_day(today)
    scope = [c for c in only_centre(courses, centre) if _in_period(c, period, today)]
    return CourseFigures(
        _group("I alt", scope, ref, period),
        _by(lambda c: c.centre, scope, ref, period),
        _by(lambda c: c.unit, scope, ref, period),
        _by(lambda c: c.coordinator, scope, ref, period),
    )


@dataclass(frozen=True)
class NeedFigures:
    """How units answer published needs."""

    published: int
    with_bid: int
    days_to_first_bid: Summary
    bids_per_need: Summary
    with_accepted: int
    accepted_share: float | None
    old_enough: int  # published at least 14 days before the reference day
    no_bid_in_14_days: int


def need_figures(
    needs: Sequence[NeedFact], period: Period, today: date, centre: str | None = None
) -> NeedFigures:
    """Return time to first bid, bids per need, accepted share and needs left without bids."""
    ref = period.reference_day(today)
    scope = [
        n
        for n in only_centre(needs, centre)
        if period.contains(n.published_at) and n.published_at.date() <= ref
    ]
    firsts = [min(at for at, _ in n.bids) for n in scope if n.bids]
    waits = [days_between(n.published_at, min(at for at, _ in n.bids)) for n in scope if n.bids]
    accepted = sum(1 for n in scope if any(state == "accepted" for _, state in n.bids))
    limit = timedelta(days=NO_BID_DAYS)
    old = [n for n in scope if n.published_at.date() + limit <= ref]
    unanswered = [n for n in old if not any(at - n.published_at <= limit for at, _ in n.bids)]
    return NeedFigures(
        published=len(scope),
        with_bid=len(firsts),
        days_to_first_bid=summarise(waits),
        bids_per_need=summarise(len(n.bids) for n in scope),
        with_accepted=accepted,
        accepted_share=share(accepted, len(scope)),
        old_enough=len(old),
        no_bid_in_14_days=len(unanswered),
    )


@dataclass(frozen=True)
class MeetingFigures:
    """Courses overdue for a team meeting, and the 16 / 17½ transition meetings."""

    running: int
    overdue: list[int]
    milestones_due: int
    on_time: int
    late: int
    missing: int

    @property
    def on_time_share(self) -> float | None:
        """Return the share of due milestones prepared by a meeting on time."""
        return share(self.on_time, self.milestones_due)


def meeting_figures(
    courses: Sequence[CourseFact], period: Period, today: date, centre: str | None = None
) -> MeetingFigures:
    """Return the overdue courses (ids) and how the transition meetings were kept."""
    ref = period.reference_day(today)
    courses = only_centre(courses, centre)
    running = [c for c in courses if c.started <= ref and (c.ended is None or c.ended > ref)]
    overdue = [c.id for c in running if meeting_status(c.started, c.meetings, ref).overdue]
    due = on_time = late = 0
    for course in courses:
        if course.birth is None:
            continue
        adult = milestone_date(course.birth, ADULT_AGE)
        for years, months in AGE_MILESTONES:
            when = milestone_date(course.birth, years, months)
            ran = course.started <= when and (course.ended is None or course.ended >= when)
            if not (period.contains(when) and when <= ref and ran):
                continue
            due += 1
            notice = add_months(when, -TRANSITION_NOTICE_MONTHS)
            if any(notice <= d <= when for d in course.meetings):
                on_time += 1
            elif any(when < d < adult and d <= ref for d in course.meetings):
                late += 1
    return MeetingFigures(len(running), sorted(overdue), due, on_time, late, due - on_time - late)
