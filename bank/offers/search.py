"""Catalogue search: words and filters in, one page of offers out.

This is the one place the catalogue page and the API search. Words typed into the search
box go to the ranking engine (through bank.ranking), which folds Danish letters, stems,
splits compounds and forgives typos, and says why each offer was found. Browsing without
words, and an editor's view of drafts or retired offers, is a plain database query.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Centre, Unit, User
from bank.offers.access import is_editor
from bank.offers.cards import OfferCard
from bank.offers.models import Offer, OfferStatus
from bank.ranking import Match, get_index, offer_card


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

    items: list[Offer] | list[OfferCard]
    total: int
    page: int
    per_page: int
    words: tuple[str, ...] = field(default=())
    reasons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    maybe: list[Offer] | list[OfferCard] = field(default_factory=list)  # "Måske også"

    @property
    def pages(self) -> int:
        """Return the number of pages (at least 1)."""
        return max(1, math.ceil(self.total / self.per_page))


# Engine hits weaker than this share of the best hit are noise, not results.
RELATIVE_FLOOR = 0.2
MAX_HITS = 500
MAYBE_SHOWN = 10  # weaker matches shown under "Måske også", after the last page of hits


def _engine_page(
    session: Session, text: str, filters: OfferFilters, page: int, per_page: int, cards: bool
) -> SearchPage:
    """Rank and count every hit, but have the engine explain only the page shown."""
    index = get_index(session)
    start, end = (page - 1) * per_page, page * per_page

    def ranked(explain: range) -> list[Match]:
        return index.search(
            text,
            age=filters.age,
            top=MAX_HITS,
            tags=(filters.tag,) if filters.tag else (),
            centre=filters.centre,
            unit=filters.unit,
            step_max=filters.step,
            explain_rows=explain,
        )

    matches = ranked(range(start, end))
    position = {m.offer_id: n for n, m in enumerate(matches)}
    if filters.step is not None:
        steps = dict(
            session.execute(
                sa.select(Offer.ref, Offer.step).where(Offer.ref.in_([m.offer_id for m in matches]))
            ).all()
        )
        matches = [m for m in matches if steps.get(m.offer_id) == filters.step]
    if matches:
        floor = matches[0].score * RELATIVE_FLOOR
        matches = [m for m in matches if m.score >= floor]
    hits = [m for m in matches if m.hit]
    shown = hits[start:end]
    last_page = end >= len(hits)
    maybe = [m for m in matches if not m.hit][:MAYBE_SHOWN] if last_page else []
    explained = shown + maybe
    if explained and any(not (start <= position[m.offer_id] < end) for m in explained):
        # the filters or "Måske også" hold rows the first ranking did not explain
        wanted = [position[m.offer_id] for m in explained]
        again = {m.offer_id: m for m in ranked(range(min(wanted), max(wanted) + 1))}
        shown = [again.get(m.offer_id, m) for m in shown]
        maybe = [again.get(m.offer_id, m) for m in maybe]
    refs = [m.offer_id for m in shown + maybe]
    by_ref: dict = (
        {ref: offer_card(index.offer(ref)) for ref in refs}
        if cards
        else _offers_by_ref(session, refs)
    )
    items = [by_ref[m.offer_id] for m in shown if m.offer_id in by_ref]
    reasons = {m.offer_id: m.reasons for m in shown + maybe}
    return SearchPage(
        items,
        len(hits),
        page,
        per_page,
        tuple(text.split()),
        reasons,
        [by_ref[m.offer_id] for m in maybe if m.offer_id in by_ref],
    )


def _offers_by_ref(session: Session, refs: list[str]) -> dict[str, Offer]:
    """Load offers (with unit and centre) by their public reference."""
    query = (
        sa.select(Offer)
        .where(Offer.ref.in_(refs))
        .options(selectinload(Offer.unit).selectinload(Unit.centre))
    )
    return {o.ref: o for o in session.scalars(query)}


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
    cards: bool = False,
) -> SearchPage:
    """Return one page of the offers that match the words and filters, best first.

    With `cards`, the engine's hits come as result cards (`OfferCard`, what a page shows)
    rather than whole offers (what the API returns).
    """
    status = filters.status if filters.status and is_editor(viewer) else OfferStatus.PUBLISHED
    words = [w for w in (text or "").split() if w][:10]
    if words and status == OfferStatus.PUBLISHED:
        return _engine_page(session, " ".join(words), filters, page, per_page, cards)
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
