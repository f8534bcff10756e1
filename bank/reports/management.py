"""Management information: read the facts from the database and compute the figures.

Only leaders and admins see it. The figures are aggregates, but they are built from
citizens' courses, so every read is written to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Centre, Role, Unit, User
from bank.auth.services import record_audit, require_role
from bank.needs.models import Course, Need
from bank.offers.models import Offer
from bank.plans.models import Meeting, PlanItem, ProgressEntry
from bank.plans.rules import ItemStatus, assumed_birth_date
from bank.reports.figures import (
    CourseFact,
    CourseFigures,
    MeetingFigures,
    NeedFact,
    NeedFigures,
    course_figures,
    meeting_figures,
    need_figures,
)
from bank.reports.outcomes import ItemFact, OfferOutcome, ProgressFact, offer_outcomes
from bank.reports.stats import Period


@dataclass(frozen=True)
class Management:
    """All management figures for one period and (optionally) one centre."""

    period: Period
    centre: str | None
    today: date
    courses: CourseFigures
    needs: NeedFigures
    meetings: MeetingFigures
    outcomes: list[OfferOutcome]


def _where(user: User | None) -> tuple[str, str]:
    unit = user.unit if user is not None else None
    return (unit.centre_name if unit else ""), (unit.name if unit else "")


def course_facts(session: Session) -> list[CourseFact]:
    """Return every course as a fact: centre, unit and name of its coordinator, dates."""
    courses = session.scalars(
        sa.select(Course).options(
            selectinload(Course.coordinator).selectinload(User.unit).selectinload(Unit.centre),
            selectinload(Course.citizen),
        )
    )
    meetings: dict[int, list[date]] = {}
    for course_id, held_on in session.execute(sa.select(Meeting.course_id, Meeting.held_on)):
        meetings.setdefault(course_id, []).append(held_on)
    facts = []
    for course in courses:
        centre, unit = _where(course.coordinator)
        month = getattr(course.citizen, "birth_month", None)
        facts.append(
            CourseFact(
                course.id,
                centre,
                unit,
                course.coordinator.name,
                course.started_on,
                course.ended_on,
                tuple(sorted(meetings.get(course.id, []))),
                assumed_birth_date(course.citizen.birth_year, month),
            )
        )
    return facts


def need_facts(session: Session) -> list[NeedFact]:
    """Return every need that has been published, with its bids' times and states."""
    needs = session.scalars(
        sa.select(Need)
        .where(Need.published_at.is_not(None))
        .options(
            selectinload(Need.bids),
            selectinload(Need.course)
            .selectinload(Course.coordinator)
            .selectinload(User.unit)
            .selectinload(Unit.centre),
        )
    )
    return [
        NeedFact(
            n.id,
            _where(n.course.coordinator)[0],
            n.published_at,
            tuple((b.created_at, b.state.value) for b in n.bids),
        )
        for n in needs
        if n.published_at is not None  # the query's condition, for the type checker
    ]


def outcome_facts(session: Session) -> tuple[list[ItemFact], list[ProgressFact]]:
    """Return the plan items built on offers (started ones) and every progress entry."""
    items = session.scalars(
        sa.select(PlanItem)
        .where(
            PlanItem.offer_id.is_not(None),
            PlanItem.starts_on.is_not(None),
            PlanItem.status != ItemStatus.PLANNED,
        )
        .options(selectinload(PlanItem.offer).selectinload(Offer.unit).selectinload(Unit.centre))
    )
    item_facts = []
    for item in items:
        if item.offer is None or item.starts_on is None:  # the query's conditions
            continue
        end = item.ends_on
        if end is None and item.status.closed:
            end = item.updated_at.date()
        item_facts.append(
            ItemFact(
                item.offer.id,
                item.offer.title,
                item.offer.centre_name,
                item.course_id,
                item.starts_on,
                end,
            )
        )
    rows = session.execute(
        sa.select(
            ProgressEntry.course_id,
            ProgressEntry.dimension,
            ProgressEntry.recorded_on,
            ProgressEntry.value,
        )
    )
    return item_facts, [ProgressFact(c, d, day, v) for c, d, day, v in rows]


def management(
    session: Session,
    viewer: User | None,
    period: Period,
    today: date,
    centre: str | None = None,
) -> Management:
    """Compute every management figure for the period and centre; the caller commits."""
    require_role(viewer, Role.LEADER)
    courses = course_facts(session)
    items, progress = outcome_facts(session)
    record_audit(
        session,
        viewer,
        "read",
        "management_report",
        "all",
        f"period={period.label}; centre={centre or 'alle'}",
    )
    return Management(
        period,
        centre,
        today,
        course_figures(courses, period, today, centre),
        need_figures(need_facts(session), period, today, centre),
        meeting_figures(courses, period, today, centre),
        offer_outcomes(items, progress, period, today, centre),
    )


def centre_names(session: Session) -> list[str]:
    """Return the names of every centre, for the filter."""
    return list(session.scalars(sa.select(Centre.name).order_by(Centre.name)))
