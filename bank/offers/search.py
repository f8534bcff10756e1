"""Catalogue search: words and filters in, one page of offers out.

This is the one place the catalogue page and the API search. For now it is a plain
database query (every word must occur in the title, description or tags); the ranking
engine (bank.matching) can replace the body of search_offers through an adapter without
touching its callers.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Centre, Unit, User
from bank.offers.access import is_editor
from bank.offers.models import Offer, OfferStatus


@dataclass(frozen=True)
class OfferFilters:
    """The catalogue's filters; status other than published is for editors and admins."""

    tag: str | None = None
    centre: str | None = None
    unit: str | None = None
    age: int | None = None
    step: int | None = None
    status: OfferStatus | None = None


@dataclass(frozen=True)
class SearchPage:
    """One page of hits, best first, with the total number of hits."""

    items: list[Offer]
    total: int
    page: int
    per_page: int
    words: tuple[str, ...] = field(default=())

    @property
    def pages(self) -> int:
        """Return the number of pages (at least 1)."""
        return max(1, math.ceil(self.total / self.per_page))


def _text(column) -> sa.ColumnElement:
    return sa.type_coerce(column, sa.Text)


def _conditions(words: list[str], filters: OfferFilters, status: OfferStatus) -> list:
    conditions = [Offer.status == status]
    for word in words:
        conditions.append(
            sa.or_(
                Offer.title.icontains(word, autoescape=True),
                Offer.description.icontains(word, autoescape=True),
                _text(Offer.tags).icontains(word, autoescape=True),
            )
        )
    if filters.tag:
        tag = json.dumps(filters.tag, ensure_ascii=False)
        conditions.append(_text(Offer.tags).contains(tag, autoescape=True))
    if filters.unit:
        conditions.append(Unit.name == filters.unit)
    if filters.centre:
        conditions.append(Centre.name == filters.centre)
    if filters.age is not None:
        conditions.append(sa.or_(Offer.age_min.is_(None), Offer.age_min <= filters.age))
        conditions.append(sa.or_(Offer.age_max.is_(None), Offer.age_max >= filters.age))
    if filters.step is not None:
        conditions.append(Offer.step == filters.step)
    return conditions


def search_offers(
    session: Session,
    text: str,
    filters: OfferFilters,
    page: int = 1,
    per_page: int = 20,
    viewer: User | None = None,
) -> SearchPage:
    """Return one page of the offers that match the words and filters, best first."""
    status = filters.status if filters.status and is_editor(viewer) else OfferStatus.PUBLISHED
    words = [w for w in (text or "").split() if w][:10]
    where = _conditions(words, filters, status)
    joined = (
        sa.select(Offer.id)
        .outerjoin(Unit, Offer.unit_id == Unit.id)
        .outerjoin(Centre, Unit.centre_id == Centre.id)
        .where(*where)
    )
    total = session.scalar(sa.select(sa.func.count()).select_from(joined.subquery())) or 0
    order = [Offer.step.is_(None), Offer.step, Offer.title, Offer.id]
    if words:
        in_title = sa.and_(*(Offer.title.icontains(w, autoescape=True) for w in words))
        order.insert(0, sa.case((in_title, 0), else_=1))
    query = (
        sa.select(Offer)
        .where(Offer.id.in_(joined.scalar_subquery()))
        .options(selectinload(Offer.unit).selectinload(Unit.centre))
        .order_by(*order)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return SearchPage(list(session.scalars(query)), total, page, per_page, tuple(words))
