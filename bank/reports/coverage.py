"""Coverage by tag: published offers against needs, and the mix of forms, per life area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Centre, Role, Unit, User
from bank.auth.services import require_role
from bank.charts.bars import BarGroup, bar_chart, data_table
from bank.needs.models import Course, Need, NeedState
from bank.offers.models import Offer, OfferStatus, VocabularyTerm
from bank.reports.stats import Period, last_months
from bank.vocabulary import SHORT_LABELS, VOCABULARY

FORMS = (("individuel", "Individuelt"), ("gruppe", "Gruppe"), ("familieforloeb", "Familie"))
NO_FORM = "Form ikke angivet"
COUNT_SERIES = ("Offentliggjorte tilbud", "Åbne behov", "Behov de sidste 12 måneder")


@dataclass(frozen=True)
class TagCoverage:
    """One life area: offers, open needs, needs of the last 12 months, and the offers' forms."""

    slug: str
    label: str
    offers: int
    needs_open: int
    needs_year: int
    forms: tuple[int, ...]  # per FORMS, then offers with none of them


def area_terms(session: Session) -> list[tuple[str, str]]:
    """Return (slug, short Danish label) of every life-area tag, from the vocabulary data."""
    query = (
        sa.select(VocabularyTerm.slug, VocabularyTerm.label)
        .where(VocabularyTerm.kind == "area")
        .order_by(VocabularyTerm.id)
    )
    rows = [(slug, label) for slug, label in session.execute(query)]
    if not rows:
        rows = [(t.slug, t.label) for t in VOCABULARY if t.kind == "area"]
    return [(slug, _short(slug, label)) for slug, label in rows]


def _short(slug: str, label: str) -> str:
    text = SHORT_LABELS.get(slug, label)
    return text[:1].upper() + text[1:]


def coverage(
    session: Session, viewer: User | None, today: date, centre: str | None = None
) -> list[TagCoverage]:
    """Count, per life area, the published offers, open needs and needs of the last year."""
    require_role(viewer, Role.LEADER)
    offer_query = (
        sa.select(Offer.tags)
        .outerjoin(Unit, Offer.unit_id == Unit.id)
        .outerjoin(Centre, Unit.centre_id == Centre.id)
        .where(Offer.status == OfferStatus.PUBLISHED)
    )
    need_query = (
        sa.select(Need.tags, Need.state, Need.published_at)
        .join(Course, Need.course_id == Course.id)
        .join(User, Course.coordinator_id == User.id)
        .outerjoin(Unit, User.unit_id == Unit.id)
        .outerjoin(Centre, Unit.centre_id == Centre.id)
        .where(Need.published_at.is_not(None))
    )
    if centre:
        offer_query = offer_query.where(Centre.name == centre)
        need_query = need_query.where(Centre.name == centre)
    offers = [set(tags or []) for tags in session.scalars(offer_query)]
    year: Period = last_months(today, 12)
    needs = [(set(tags or []), state, at) for tags, state, at in session.execute(need_query)]
    result = []
    for slug, label in area_terms(session):
        tagged = [o for o in offers if slug in o]
        forms = [sum(1 for o in tagged if form in o) for form, _ in FORMS]
        none = sum(1 for o in tagged if not any(form in o for form, _ in FORMS))
        result.append(
            TagCoverage(
                slug,
                label,
                len(tagged),
                sum(1 for t, state, _ in needs if slug in t and state == NeedState.PUBLISHED),
                sum(1 for t, _, at in needs if slug in t and year.contains(at)),
                (*forms, none),
            )
        )
    return result


@dataclass(frozen=True)
class FormTotals:
    """The published offers by form, each offer counted once: the five parts add up to `offers`."""

    offers: int
    only: tuple[int, ...]  # per FORMS: offers with that form and no other
    several: int  # offers with two or more of the forms
    none: int  # offers with none of the forms


def form_totals(session: Session, viewer: User | None, centre: str | None = None) -> FormTotals:
    """Count the published offers (of a centre) by form, each offer once."""
    require_role(viewer, Role.LEADER)
    query = (
        sa.select(Offer.tags)
        .outerjoin(Unit, Offer.unit_id == Unit.id)
        .outerjoin(Centre, Unit.centre_id == Centre.id)
        .where(Offer.status == OfferStatus.PUBLISHED)
    )
    if centre:
        query = query.where(Centre.name == centre)
    forms = [{f for f, _ in FORMS if f in (tags or [])} for tags in session.scalars(query)]
    only = tuple(sum(1 for found in forms if found == {form}) for form, _ in FORMS)
    return FormTotals(
        len(forms),
        only,
        sum(1 for found in forms if len(found) > 1),
        sum(1 for found in forms if not found),
    )


def counts_chart(rows: list[TagCoverage]) -> tuple[str, str]:
    """Return the grouped bar chart (SVG) of offers against needs per area, and its table."""
    groups = [BarGroup(r.label, (r.offers, r.needs_open, r.needs_year)) for r in rows]
    title = "Tilbud og behov pr. emne"
    return (
        bar_chart(groups, COUNT_SERIES, title=title, chart_id="daekning-antal"),
        data_table(groups, COUNT_SERIES, caption=title, first="Emne"),
    )


def forms_chart(rows: list[TagCoverage]) -> tuple[str, str]:
    """Return the stacked bar chart (SVG) of the offers' forms per area, and its table."""
    series = [name for _, name in FORMS] + [NO_FORM]
    groups = [BarGroup(r.label, r.forms) for r in rows if r.offers]
    title = "Tilbuddenes form pr. emne (et tilbud kan have flere former)"
    return (
        bar_chart(groups, series, title=title, chart_id="daekning-former", stacked=True),
        data_table(groups, series, caption=title, first="Emne"),
    )
