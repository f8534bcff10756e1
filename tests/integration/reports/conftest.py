"""Known data for the reports: the demo catalogue, and courses, needs and bids on set dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from bank.auth.models import User
from bank.needs.models import (
    Bid,
    BidState,
    Citizen,
    Course,
    CourseStatus,
    Goal,
    GoalKind,
    Need,
    NeedState,
)
from bank.offers.models import Offer
from bank.plans.models import Meeting, PlanItem, ProgressEntry
from bank.plans.rules import ItemStatus


@pytest.fixture
def leader(make_user):
    """Return a leader (no unit)."""
    return make_user("leader", unit=None, name="Lars Leder")


def at(day: date, hour: int = 12) -> datetime:
    """Return noon (or the hour) of a day in UTC."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@dataclass
class Builder:
    """Adds courses, needs, bids, meetings, plan items and progress with exact dates."""

    session: object

    def course(
        self, coordinator: User, started: date, ended: date | None = None, birth_year: int = 2008
    ) -> Course:
        """Add a course for a new fictional citizen."""
        citizen = Citizen(pseudonym="Testperson", birth_year=birth_year)
        course = Course(
            citizen=citizen,
            coordinator=coordinator,
            started_on=started,
            ended_on=ended,
            status=CourseStatus.ENDED if ended else CourseStatus.ACTIVE,
        )
        self.session.add(course)
        self.session.flush()
        return course

    def need(
        self,
        course: Course,
        published: datetime | None,
        tags=("skole",),
        title: str = "Hjælp til skolen",
        description: str = "Jeg vil gerne i skole igen.",
        state: NeedState = NeedState.PUBLISHED,
    ) -> Need:
        """Add a need under a new goal, published at the given time."""
        goal = Goal(course=course, kind=GoalKind.LIFE, text="Et godt liv")
        need = Need(
            course=course,
            goal=goal,
            title=title,
            description=description,
            tags=list(tags),
            state=state,
            published_at=published,
        )
        self.session.add(need)
        self.session.flush()
        return need

    def bid(
        self, need: Need, bidder: User, created: datetime, state: BidState = BidState.SUBMITTED
    ) -> Bid:
        """Add a bid from the bidder's unit at the given time."""
        bid = Bid(
            need=need,
            unit_id=bidder.unit_id,
            bidder=bidder,
            title="Vores bud",
            activities="Samtaler",
            expected_outcomes="Mod på skolen",
            who="Vi",
            earliest_start=created.date(),
            duration_weeks=8,
            state=state,
            created_at=created,
        )
        self.session.add(bid)
        self.session.flush()
        return bid

    def meeting(self, course: Course, held: date) -> Meeting:
        """Add a team meeting."""
        meeting = Meeting(course_id=course.id, held_on=held)
        self.session.add(meeting)
        return meeting

    def item(
        self,
        course: Course,
        offer: Offer,
        start: date,
        end: date | None,
        status: ItemStatus = ItemStatus.RUNNING,
    ) -> PlanItem:
        """Add a plan item built on an offer."""
        goal = Goal(course=course, kind=GoalKind.LIFE, text="Mål")
        item = PlanItem(
            course=course, goal=goal, offer=offer, starts_on=start, ends_on=end, status=status
        )
        self.session.add(item)
        return item

    def progress(self, course: Course, dimension: str, day: date, value: float) -> None:
        """Add a progress entry."""
        self.session.add(
            ProgressEntry(course_id=course.id, dimension=dimension, recorded_on=day, value=value)
        )


@pytest.fixture
def build(session) -> Builder:
    """Return the builder of known report data."""
    return Builder(session)
