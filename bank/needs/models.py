"""Citizens under pseudonym, their courses, team, consent, goals, needs and the units' bids."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from bank.auth.models import Unit, User
from bank.db import Base, UTCDateTime, utcnow
from bank.needs import limits
from bank.offers.models import Offer


def _enum(cls: type[enum.Enum], length: int = 20) -> sa.Enum:
    """Store an enum by its lower-case value in a plain string column."""
    return sa.Enum(
        cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e]
    )


class CourseStatus(enum.StrEnum):
    """Whether the course is running."""

    ACTIVE = "active"
    ENDED = "ended"


class ConsentKind(enum.StrEnum):
    """How the young person gave consent."""

    ORAL = "oral"
    WRITTEN = "written"


class GoalKind(enum.StrEnum):
    """A life goal (livsmål) or a sub-goal (delmål) on the way to it."""

    LIFE = "life"
    SUB = "sub"


class GoalStatus(enum.StrEnum):
    """How far the young person has come with a goal."""

    ACTIVE = "active"
    REACHED = "reached"
    DROPPED = "dropped"


class NeedState(enum.StrEnum):
    """draft -> published -> closed, or withdrawn (and published again)."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class CloseReason(enum.StrEnum):
    """Why a need was closed."""

    MET = "met"
    NOT_RELEVANT = "not_relevant"


class BidState(enum.StrEnum):
    """submitted -> accepted / declined (by the coordinator) / withdrawn (by the unit)."""

    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class DeclineReason(enum.StrEnum):
    """The list a coordinator chooses from when declining a bid."""

    NOT_WANTED = "not_wanted"
    NO_CAPACITY = "no_capacity"
    OTHER_BID_CHOSEN = "other_bid_chosen"
    OTHER = "other"


class Citizen(Base):
    """A young person, known only by a pseudonym and a birth year; never a CPR number."""

    __tablename__ = "citizens"

    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = mapped_column(sa.String(limits.PSEUDONYM))
    birth_year: Mapped[int]
    # Names the coordinator recorded for the family, used only by the personal-data check.
    family_names: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def age(self, today: date | None = None) -> int:
        """Return the age this year, derived from the birth year."""
        return (today or date.today()).year - self.birth_year


class Course(Base):
    """A coherent citizen course (sammenhængende borgerforløb) with one coordinator."""

    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizens.id"), index=True)
    coordinator_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    status: Mapped[CourseStatus] = mapped_column(_enum(CourseStatus), default=CourseStatus.ACTIVE)
    started_on: Mapped[date] = mapped_column(sa.Date, default=date.today)
    ended_on: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    citizen: Mapped[Citizen] = orm.relationship()
    coordinator: Mapped[User] = orm.relationship()
    team: Mapped[list[TeamMember]] = orm.relationship(
        back_populates="course", order_by="TeamMember.id"
    )
    consents: Mapped[list[Consent]] = orm.relationship(
        back_populates="course", order_by="Consent.id"
    )
    goals: Mapped[list[Goal]] = orm.relationship(back_populates="course", order_by="Goal.id")
    needs: Mapped[list[Need]] = orm.relationship(back_populates="course", order_by="Need.id")

    @property
    def active_consent(self) -> Consent | None:
        """Return the consent in force, if any."""
        return next((c for c in reversed(self.consents) if c.withdrawn_at is None), None)

    @property
    def active_team(self) -> list[TeamMember]:
        """Return the team members who have not been removed."""
        return [m for m in self.team if m.removed_at is None]


class TeamMember(Base):
    """A professional on the course's cross-disciplinary team (tværfagligt team)."""

    __tablename__ = "team_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    task: Mapped[str] = mapped_column(sa.String(limits.TEAM_TASK), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    course: Mapped[Course] = orm.relationship(back_populates="team")
    user: Mapped[User] = orm.relationship()


consent_units = sa.Table(
    "consent_units",
    Base.metadata,
    sa.Column("consent_id", sa.ForeignKey("consents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), primary_key=True),
)


class Consent(Base):
    """The young person's consent (samtykke): how, when, what it covers; can be withdrawn."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    kind: Mapped[ConsentKind] = mapped_column(_enum(ConsentKind))
    given_on: Mapped[date] = mapped_column(sa.Date)
    recorded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    covers_publishing: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    replaced: Mapped[bool] = mapped_column(default=False)

    course: Mapped[Course] = orm.relationship(back_populates="consents")
    recorded_by: Mapped[User] = orm.relationship(foreign_keys=[recorded_by_id])
    shared_with_units: Mapped[list[Unit]] = orm.relationship(
        secondary=consent_units, order_by="Unit.name"
    )

    @property
    def allows_publishing(self) -> bool:
        """Tell whether needs may be shown in the bank under this consent (to all or some)."""
        return self.withdrawn_at is None and (
            self.covers_publishing or bool(self.shared_with_units)
        )


class Goal(Base):
    """A goal in the young person's own words: a life goal or a sub-goal under one."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("goals.id"), index=True)
    kind: Mapped[GoalKind] = mapped_column(_enum(GoalKind))
    text: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[GoalStatus] = mapped_column(_enum(GoalStatus), default=GoalStatus.ACTIVE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    course: Mapped[Course] = orm.relationship(back_populates="goals")
    parent: Mapped[Goal | None] = orm.relationship(remote_side=[id])

    @property
    def texts(self) -> list[str]:
        """Return the goal in the young person's words, under its life goal if it has one."""
        return [self.parent.text, self.text] if self.parent else [self.text]


class Need(Base):
    """A need (behov) of the young person that units may bid on once it is published."""

    __tablename__ = "needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    goal_id: Mapped[int] = mapped_column(sa.ForeignKey("goals.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(limits.NEED_TITLE))
    description: Mapped[str] = mapped_column(sa.Text)
    tags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    state: Mapped[NeedState] = mapped_column(_enum(NeedState), default=NeedState.DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_reason: Mapped[CloseReason | None] = mapped_column(_enum(CloseReason))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    course: Mapped[Course] = orm.relationship(back_populates="needs")
    goal: Mapped[Goal] = orm.relationship()
    bids: Mapped[list[Bid]] = orm.relationship(back_populates="need", order_by="Bid.id")

    @property
    def goal_texts(self) -> list[str]:
        """Return the need's goals in the young person's words: the life goal first."""
        return self.goal.texts


bid_offers = sa.Table(
    "bid_offers",
    Base.metadata,
    sa.Column("bid_id", sa.ForeignKey("bids.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("offer_id", sa.ForeignKey("offers.id"), primary_key=True),
)

LIVE_BID_STATES = (BidState.SUBMITTED.value, BidState.ACCEPTED.value)


class Bid(Base):
    """A unit's bid (bud) on a need: a solution model with a short programme theory."""

    __tablename__ = "bids"
    __table_args__ = (
        # One live bid per unit per need; a withdrawn or declined bid may be followed by a new one.
        sa.Index(
            "uq_bids_need_id_unit_id_live",
            "need_id",
            "unit_id",
            unique=True,
            sqlite_where=sa.text("state IN ('submitted', 'accepted')"),
            postgresql_where=sa.text("state IN ('submitted', 'accepted')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(sa.ForeignKey("needs.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"), index=True)
    bidder_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(sa.String(limits.BID_TITLE))
    activities: Mapped[str] = mapped_column(sa.Text)
    expected_outcomes: Mapped[str] = mapped_column(sa.Text)
    community: Mapped[str] = mapped_column(sa.Text, default="")
    who: Mapped[str] = mapped_column(sa.String(limits.BID_WHO))
    earliest_start: Mapped[date] = mapped_column(sa.Date)
    duration_weeks: Mapped[int]
    state: Mapped[BidState] = mapped_column(_enum(BidState), default=BidState.SUBMITTED, index=True)
    decision_reason: Mapped[DeclineReason | None] = mapped_column(_enum(DeclineReason))
    decision_note: Mapped[str] = mapped_column(sa.Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    need: Mapped[Need] = orm.relationship(back_populates="bids")
    unit: Mapped[Unit] = orm.relationship()
    bidder: Mapped[User] = orm.relationship(foreign_keys=[bidder_id])
    decided_by: Mapped[User | None] = orm.relationship(foreign_keys=[decided_by_id])
    offers: Mapped[list[Offer]] = orm.relationship(secondary=bid_offers, order_by="Offer.title")
