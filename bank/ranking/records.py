"""Database rows as the engine's records: offers, drafts, needs, goals, bids and plan items.

The only place that turns the app's rows into bank.matching's OfferRecord and NeedRecord.
Needs, goals, bids and plan items are read by their attributes only (their models are named
for the type checker), so the offer side of the app does not import the need bank or the plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, cast

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Session

from bank.auth.models import Unit
from bank.matching import NeedRecord, OfferRecord
from bank.offers.cards import OfferCard
from bank.offers.fields import PROGRAMME_THEORY
from bank.offers.models import Offer, OfferStatus

if TYPE_CHECKING:
    from bank.needs.models import Bid, Goal, Need
    from bank.plans.models import PlanItem

DRAFT_ID = "\x00draft"  # the id of a draft that has no reference yet


def offer_record(offer: Offer) -> OfferRecord:
    """Return the engine's record of an offer from the catalogue."""
    parts: list[str] = []
    for name in PROGRAMME_THEORY:
        value = getattr(offer, name)
        parts.extend(value if isinstance(value, list) else [value])
    return OfferRecord(
        id=offer.ref,
        title=offer.title,
        description=offer.description,
        unit=offer.unit_name,
        centre=offer.centre_name,
        tags=tuple(offer.tags or ()),
        age_min=offer.age_min,
        age_max=offer.age_max,
        step=offer.step,
        status=offer.status.value,
        capacity=offer.capacity,
        legal_basis=tuple(offer.legal_basis or ()),
        programme_text="\n".join(p for p in parts if p),
        target_group=offer.target_group or "",
    )


def offer_card(record: OfferRecord) -> OfferCard:
    """Return an indexed offer as a result card shows it (see bank.offers.cards).

    The index is rebuilt whenever the catalogue version moves, and every offer change moves
    it, so its records are the catalogue a search was ranked on: no query is needed.
    """
    return OfferCard(
        record.id,
        record.title,
        record.unit,
        record.centre,
        record.age_min,
        record.age_max,
        record.step,
        OfferStatus(record.status),
        list(record.tags),
        record.capacity,
    )


def all_offer_records(session: Session) -> list[OfferRecord]:
    """Return every offer of the catalogue as engine records (the engine applies the filters)."""
    query = sa.select(Offer).options(orm.selectinload(Offer.unit).selectinload(Unit.centre))
    query = query.order_by(Offer.id)
    return [offer_record(o) for o in session.scalars(query)]


def published_offer_records(session: Session) -> tuple[list[OfferRecord], dict[str, int]]:
    """Return the engine records of the published offers, and a map from ref to id."""
    query = (
        sa.select(Offer)
        .where(Offer.status == OfferStatus.PUBLISHED)
        .options(orm.selectinload(Offer.unit).selectinload(Unit.centre))
        .order_by(Offer.id)
    )
    offers = list(session.scalars(query))
    return [offer_record(o) for o in offers], {o.ref: o.id for o in offers}


def draft_record(values: Mapping[str, object], ref: str | None = None) -> OfferRecord:
    """Return the engine's record of offer values typed into the editor form."""
    parts: list[str] = []
    for name in PROGRAMME_THEORY:
        value = values.get(name) or ""
        parts.extend(value if isinstance(value, list) else [str(value)])
    return OfferRecord(
        id=ref or DRAFT_ID,
        title=str(values.get("title") or ""),
        description=str(values.get("description") or ""),
        unit=str(values.get("unit") or ""),
        tags=tuple(cast(Iterable[str], values.get("tags") or ())),
        age_min=cast(int | None, values.get("age_min")),
        age_max=cast(int | None, values.get("age_max")),
        step=cast(int | None, values.get("step")),
        status="draft",
        programme_text="\n".join(p for p in parts if p),
        target_group=str(values.get("target_group") or ""),
    )


def need_record(need: Need, today: date | None = None) -> NeedRecord:
    """Return the engine's record of a need (its age stays inside the engine)."""
    return _need(need, str(need.id), need.course.citizen.age(today))


def course_need_record(need: Need, age: int | None) -> NeedRecord:
    """Return a course's need as the plan's finder asks it, at the given age.

    Its id, course-<id>/need-<id>, names the course as a learned decision's group does, so
    the course's own decisions are not offered back to it as "lignende behov".
    """
    return _need(need, f"course-{need.course_id}/need-{need.id}", age)


def _need(need: Need, record_id: str, age: int | None) -> NeedRecord:
    return NeedRecord(
        id=record_id,
        title=need.title,
        description=need.description,
        goals=tuple(need.goal_texts),
        tags=tuple(need.tags or ()),
        age=age,
    )


def _goal_id(goal: Goal) -> str:
    return f"course-{goal.course_id}/goal-{goal.id}"


def goal_record(goal: Goal, age: int | None, with_goals: bool = True) -> NeedRecord:
    """Return a goal as something to rank offers for (id goal-<id>): its text, at the age.

    With goals, the goal's text and its parent's are the record's goals; the demo's plain
    question (with_goals=False) has none.
    """
    if not with_goals:
        return NeedRecord(id=_goal_id(goal), title=goal.text, description=goal.text, age=age)
    parents = (goal.parent.text,) if goal.parent else ()
    return NeedRecord(
        id=_goal_id(goal),
        title=goal.text,
        description=goal.text,
        goals=(*parents, goal.text),
        age=age,
    )


def bid_record(bid: Bid) -> OfferRecord:
    """Return an accepted bid as a draft offer the engine can compare with offers."""
    return OfferRecord(
        id=f"bid-{bid.id}",
        title=bid.title,
        description=f"{bid.activities} {bid.expected_outcomes}",
        unit=bid.unit.name,
        tags=tuple(bid.need.tags or ()),
        programme_text=bid.community,
    )


def item_record(item: PlanItem) -> OfferRecord:
    """Return the engine's record of what a plan item gives: its offer or its bid."""
    if item.offer is not None:
        return offer_record(item.offer)
    if item.bid is None:
        raise ValueError(f"plan item {item.id} gives neither an offer nor a bid")
    return bid_record(item.bid)
