"""A decision on an offer for a need or goal: what was chosen, by whom, when; never free text."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from bank.auth.models import User
from bank.db import Base, UTCDateTime, utcnow

if TYPE_CHECKING:  # the need bank's services record decisions: no import cycle at run time
    from bank.needs.models import Course, Goal, Need
    from bank.offers.models import Offer


class DecisionKind(enum.StrEnum):
    """What was decided: an offer or need marked as not fitting, a bid, a plan item."""

    NOT_FIT = "not_fit"  # "Passer ikke" in the finder or on a unit's list of needs
    BID_ACCEPTED = "bid_accepted"
    BID_DECLINED = "bid_declined"
    IN_PLAN = "in_plan"  # an offer put in a plan item
    PLAN_COMPLETED = "plan_completed"
    PLAN_DROPPED = "plan_dropped"  # the item was stopped before its end

    @property
    def fits(self) -> bool:
        """Tell whether the decision says the offer fits (a positive example)."""
        return self in (
            DecisionKind.BID_ACCEPTED,
            DecisionKind.IN_PLAN,
            DecisionKind.PLAN_COMPLETED,
        )


class NotFitReason(enum.StrEnum):
    """The short list of reasons one may give for "Passer ikke" (optional)."""

    WRONG_AGE = "wrong_age"
    WRONG_TARGET_GROUP = "wrong_target_group"
    TOO_MUCH = "too_much"
    TOO_LITTLE = "too_little"
    TRIED = "tried"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Return the reason in Danish."""
        return REASON_LABELS[self]


REASON_LABELS = {
    NotFitReason.WRONG_AGE: "Forkert alder",
    NotFitReason.WRONG_TARGET_GROUP: "Forkert målgruppe",
    NotFitReason.TOO_MUCH: "For meget",
    NotFitReason.TOO_LITTLE: "For lidt",
    NotFitReason.TRIED: "Prøvet før",
    NotFitReason.OTHER: "Andet",
}


def _enum(cls: type[enum.Enum], name: str) -> sa.Enum:
    return sa.Enum(
        cls,
        name=name,
        native_enum=False,
        length=20,
        values_callable=lambda e: [m.value for m in e],
    )


class Decision(Base):
    """One decision, pointing only at the published need, the goal and the offer it was about.

    The offer is known for every decision but a unit's "Passer ikke" on a need, when the unit
    has no offer the engine found fitting; it is then the unit the mark is for.
    """

    __tablename__ = "decisions"
    __table_args__ = (
        sa.CheckConstraint(
            "offer_id IS NOT NULL OR (kind = 'not_fit' AND unit_id IS NOT NULL)",
            name="offer_known",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DecisionKind] = mapped_column(_enum(DecisionKind, "decision_kind"), index=True)
    offer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("offers.id"), index=True)
    need_id: Mapped[int | None] = mapped_column(sa.ForeignKey("needs.id"), index=True)
    goal_id: Mapped[int | None] = mapped_column(sa.ForeignKey("goals.id"), index=True)
    course_id: Mapped[int | None] = mapped_column(sa.ForeignKey("courses.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"), index=True)
    reason: Mapped[NotFitReason | None] = mapped_column(_enum(NotFitReason, "not_fit_reason"))
    decided_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    offer: Mapped[Offer | None] = orm.relationship()
    need: Mapped[Need | None] = orm.relationship()
    goal: Mapped[Goal | None] = orm.relationship()
    course: Mapped[Course | None] = orm.relationship()
    decided_by: Mapped[User] = orm.relationship()
