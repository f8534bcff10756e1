"""Stored results of the double-offer scan, and the leaders' "not a double offer" marks."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from bank.auth.models import User
from bank.db import Base, UTCDateTime, utcnow
from bank.offers.models import Offer


class ScanStatus(enum.StrEnum):
    """Where a scan is: waiting for the worker, running, done, or failed."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class DoubleScan(Base):
    """One run of the engine's double-offer scan over the catalogue, computed by the worker.

    `results` holds the engine's answer with offers by database id:
    {"pairs": [{"a": 3, "b": 9, "score": 0.61, "why": {...}}], "partial": [...]}.
    """

    __tablename__ = "overlap_scans"
    __table_args__ = (sa.Index("ix_overlap_scans_threshold_status", "threshold", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[ScanStatus] = mapped_column(
        sa.Enum(
            ScanStatus,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
        ),
        default=ScanStatus.QUEUED,
    )
    threshold: Mapped[float] = mapped_column(sa.Float)
    catalogue_version: Mapped[int] = mapped_column(default=0)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # the worker's lease
    computed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    offer_count: Mapped[int] = mapped_column(default=0)
    results: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    error: Mapped[str] = mapped_column(sa.Text, default="")

    requested_by: Mapped[User | None] = orm.relationship()


class NotDoubleMark(Base):
    """A leader's or editor's judgment that two offers are not the same offer twice.

    The pair is kept with the lower offer id first; a marked pair leaves the report and stays
    out after every re-scan.
    """

    __tablename__ = "not_double_marks"
    __table_args__ = (
        sa.UniqueConstraint("offer_a_id", "offer_b_id"),
        sa.CheckConstraint("offer_a_id < offer_b_id", name="ordered_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_a_id: Mapped[int] = mapped_column(sa.ForeignKey("offers.id"), index=True)
    offer_b_id: Mapped[int] = mapped_column(sa.ForeignKey("offers.id"), index=True)
    comment: Mapped[str] = mapped_column(sa.Text)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    offer_a: Mapped[Offer] = orm.relationship(foreign_keys=[offer_a_id])
    offer_b: Mapped[Offer] = orm.relationship(foreign_keys=[offer_b_id])
    user: Mapped[User | None] = orm.relationship()
