"""Offers with their programme theory, their revisions, the vocabulary and the catalogue version."""

from __future__ import annotations

import enum
import json
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from bank.auth.models import Unit, User
from bank.db import Base, UTCDateTime, utcnow
from bank.offers.fields import PROGRAMME_THEORY
from bank.offers.lix import lix


class JSONList(sa.types.TypeDecorator):
    """A list of strings kept as readable JSON text (æ, ø, å unescaped, so LIKE finds them)."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: D102
        return json.dumps(list(value or []), ensure_ascii=False)

    def process_result_value(self, value, dialect):  # noqa: D102
        return json.loads(value) if value else []


class OfferStatus(enum.StrEnum):
    """Where an offer is in its life: being written, visible to all, or withdrawn."""

    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"

    @property
    def label(self) -> str:
        """Return the Danish name of the status."""
        return {"draft": "Kladde", "published": "Offentliggjort", "retired": "Udgået"}[self.value]


class Referral(enum.StrEnum):
    """How a young person gets the offer: through a case decision or by walking in."""

    VISITATION = "visitation"
    DIRECT = "direct"

    @property
    def label(self) -> str:
        """Return the Danish explanation of the referral route."""
        if self is Referral.VISITATION:
            return "Kræver visitation (en afgørelse fra sagsbehandler)"
        return "Direkte adgang (man kan selv henvende sig)"


class Offer(Base):
    """An offer (tilbud / kompetence) from a unit, with its programme theory."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(sa.String(64), unique=True)  # the interchange `id`
    title: Mapped[str] = mapped_column(sa.String(200), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    unit_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"), index=True)
    tags: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    age_min: Mapped[int | None] = mapped_column()
    age_max: Mapped[int | None] = mapped_column()
    step: Mapped[int | None] = mapped_column()
    legal_basis: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    # The programme theory (forandringsteori), interchange.md's `programme_theory` object.
    problem: Mapped[str] = mapped_column(sa.Text, default="")
    target_group: Mapped[str] = mapped_column(sa.Text, default="")
    activities: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    outputs: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    outcomes_short: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    outcomes_long: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    community: Mapped[str] = mapped_column(sa.Text, default="")
    assumptions: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    capacity: Mapped[int | None] = mapped_column()
    status: Mapped[OfferStatus] = mapped_column(
        sa.Enum(OfferStatus, native_enum=False, length=20), default=OfferStatus.DRAFT, index=True
    )
    contact: Mapped[str] = mapped_column(sa.String(300), default="")
    referral: Mapped[Referral | None] = mapped_column(
        sa.Enum(Referral, native_enum=False, length=20)
    )
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retired_reason: Mapped[str | None] = mapped_column(sa.Text)  # why it was last taken out
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)

    unit: Mapped[Unit | None] = orm.relationship()
    updated_by: Mapped[User | None] = orm.relationship()
    revisions: Mapped[list[OfferRevision]] = orm.relationship(
        back_populates="offer",
        order_by="(OfferRevision.at.desc(), OfferRevision.id.desc())",
        cascade="all, delete-orphan",
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def unit_name(self) -> str:
        """Return the name of the offer's unit, or an empty string."""
        return self.unit.name if self.unit else ""

    @property
    def centre_name(self) -> str:
        """Return the name of the offer's centre, or an empty string."""
        return self.unit.centre_name if self.unit else ""

    @property
    def programme_theory(self) -> dict[str, object]:
        """Return the programme theory as interchange.md's nested object."""
        return {name: getattr(self, name) for name in PROGRAMME_THEORY}

    @property
    def lix(self) -> int:
        """Return the LIX readability score of the description."""
        return lix(self.description)


class OfferRevision(Base):
    """One changed field of an offer: who changed it, when, the old and the new value (JSON)."""

    __tablename__ = "offer_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(sa.ForeignKey("offers.id"), index=True)
    version: Mapped[int] = mapped_column()  # the offer's version_id after this change
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    field: Mapped[str] = mapped_column(sa.String(40))
    old: Mapped[str] = mapped_column(sa.Text, default="null")
    new: Mapped[str] = mapped_column(sa.Text, default="null")

    offer: Mapped[Offer] = orm.relationship(back_populates="revisions")
    user: Mapped[User | None] = orm.relationship()


class VocabularyTerm(Base):
    """A tag of the controlled vocabulary; shipped by the migration, extended by admins."""

    __tablename__ = "vocabulary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(60), unique=True)
    label: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(10), default="area")  # "area" or "form"
    icf: Mapped[str] = mapped_column(sa.String(100), default="")  # comma-separated codes
    added_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CatalogueVersion(Base):
    """The single catalogue version counter; bumped in the transaction of every offer change."""

    __tablename__ = "catalogue_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
