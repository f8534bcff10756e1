"""The plan of a course: plan items, team meetings, progress, communities, agreed versions."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from bank.auth.models import Unit, User
from bank.db import Base, UTCDateTime, utcnow
from bank.needs.models import Bid, Course, Goal
from bank.offers.models import Offer
from bank.plans.dimensions import Kind
from bank.plans.rules import ItemStatus


def _enum(cls, name: str, length: int = 20) -> sa.Enum:
    return sa.Enum(
        cls,
        name=name,
        native_enum=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
    )


class PlanItem(Base):
    """One thing in the plan: an offer or accepted bid serving a goal, with who and when."""

    __tablename__ = "plan_items"
    __table_args__ = (
        sa.CheckConstraint("(offer_id IS NULL) <> (bid_id IS NULL)", name="one_source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    goal_id: Mapped[int] = mapped_column(sa.ForeignKey("goals.id"), index=True)
    offer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("offers.id"), index=True)
    bid_id: Mapped[int | None] = mapped_column(sa.ForeignKey("bids.id"), index=True)
    responsible_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    responsible_unit_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"))
    starts_on: Mapped[date | None] = mapped_column(sa.Date)
    ends_on: Mapped[date | None] = mapped_column(sa.Date)
    next_step: Mapped[str] = mapped_column(sa.Text, default="")
    next_step_due: Mapped[date | None] = mapped_column(sa.Date)
    status: Mapped[ItemStatus] = mapped_column(
        _enum(ItemStatus, "item_status"), default=ItemStatus.PLANNED
    )
    drop_reason: Mapped[str] = mapped_column(sa.Text, default="")
    no_capacity: Mapped[bool] = mapped_column(default=False)  # full when it was added
    waiting_weeks: Mapped[int | None] = mapped_column()  # the waiting time the unit gave
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    course: Mapped[Course] = orm.relationship()
    goal: Mapped[Goal] = orm.relationship()
    offer: Mapped[Offer | None] = orm.relationship()
    bid: Mapped[Bid | None] = orm.relationship()
    responsible: Mapped[User | None] = orm.relationship(foreign_keys=[responsible_id])
    responsible_unit: Mapped[Unit | None] = orm.relationship()

    @property
    def title(self) -> str:
        """Return what the item is called: the offer's or the bid's title."""
        if self.offer is not None:
            return self.offer.title
        return self.bid.title if self.bid is not None else ""

    @property
    def provider(self) -> str:
        """Return the unit that delivers the offer or made the bid."""
        if self.offer is not None:
            return self.offer.unit_name
        return self.bid.unit.name if self.bid is not None else ""


class Meeting(Base):
    """A team meeting on the course: when, who took part, what was decided, the next one."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    held_on: Mapped[date] = mapped_column(sa.Date, index=True)
    participants: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    decisions: Mapped[str] = mapped_column(sa.Text, default="")
    next_meeting_on: Mapped[date | None] = mapped_column(sa.Date)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    recorded_by: Mapped[User | None] = orm.relationship()


class Dimension(Base):
    """A progress dimension a team added to its course (the four built-in ones are code)."""

    __tablename__ = "progress_dimensions"
    __table_args__ = (sa.UniqueConstraint("course_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    key: Mapped[str] = mapped_column(sa.String(60))
    label: Mapped[str] = mapped_column(sa.String(80))
    kind: Mapped[Kind] = mapped_column(_enum(Kind, "dimension_kind"))
    low: Mapped[int] = mapped_column(default=0)
    high: Mapped[int] = mapped_column(default=100)
    choices: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ProgressEntry(Base):
    """One small step measured: on a date, a value on a dimension, a note, who recorded it."""

    __tablename__ = "progress_entries"
    __table_args__ = (sa.Index("ix_progress_entries_course_dimension", "course_id", "dimension"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"))
    recorded_on: Mapped[date] = mapped_column(sa.Date)
    dimension: Mapped[str] = mapped_column(sa.String(60))
    value: Mapped[float] = mapped_column(sa.Float)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    recorded_by: Mapped[User | None] = orm.relationship()


class Community(Base):
    """An ordinary community the young person belongs to (school, job, club), and leaving it."""

    __tablename__ = "course_communities"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(20), default="other")
    joined_on: Mapped[date | None] = mapped_column(sa.Date)
    leaves_on: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AgreedPlan(Base):
    """The plan's PDF as the coordinator and the young person agreed it, kept for the file."""

    __tablename__ = "agreed_plans"
    __table_args__ = (sa.UniqueConstraint("course_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    version: Mapped[int] = mapped_column()
    pdf: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    agreed_on: Mapped[date] = mapped_column(sa.Date)
    agreed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    agreed_by: Mapped[User | None] = orm.relationship()
