"""Centres, units, users with one role each, and the audit log of citizen data."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from bank.db import Base, UTCDateTime, utcnow


class Role(enum.StrEnum):
    """What a user does in the bank (DESIGN.md, "Who uses it")."""

    COORDINATOR = "coordinator"
    UNIT_MEMBER = "unit_member"
    EDITOR = "editor"
    LEADER = "leader"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """Return the Danish name of the role."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.COORDINATOR: "Tovholder",
    Role.UNIT_MEMBER: "Fagperson i en enhed",
    Role.EDITOR: "Katalogredaktør",
    Role.LEADER: "Leder",
    Role.ADMIN: "Administrator",
}


class Centre(Base):
    """A welfare centre (velfærdscenter) that units belong to."""

    __tablename__ = "centres"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    units: Mapped[list[Unit]] = orm.relationship(back_populates="centre", order_by="Unit.name")


class Unit(Base):
    """A unit (enhed) that delivers offers and bids on needs."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    centre_id: Mapped[int | None] = mapped_column(sa.ForeignKey("centres.id"), index=True)
    contact: Mapped[str] = mapped_column(sa.String(300), default="")
    centre: Mapped[Centre | None] = orm.relationship(back_populates="units")

    @property
    def centre_name(self) -> str:
        """Return the name of the unit's centre, or an empty string."""
        return self.centre.name if self.centre else ""


class User(UserMixin, Base):
    """A person who signs in: a coordinator, unit member, editor, leader or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[Role] = mapped_column(sa.Enum(Role, native_enum=False, length=20))
    unit_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped by sign-out, a password change and deactivation: older session cookies stop working.
    session_generation: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    unit: Mapped[Unit | None] = orm.relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login asks this
        """Return whether the user may sign in."""
        return self.active

    def has_role(self, *roles: Role) -> bool:
        """Return whether the user holds one of the roles; admins hold them all."""
        return self.role == Role.ADMIN or self.role in roles


class AuditEntry(Base):
    """One read or change of citizen data: who, what, which record, when. Never edited."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(40))
    record_type: Mapped[str] = mapped_column(sa.String(40), index=True)
    record_id: Mapped[str] = mapped_column(sa.String(64))
    detail: Mapped[str] = mapped_column(sa.Text, default="")
    user: Mapped[User | None] = orm.relationship()
