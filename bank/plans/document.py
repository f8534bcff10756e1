"""The plan as a document: a print view and a PDF (WeasyPrint), kept when it is agreed."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import current_app, render_template
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.errors import Conflict, NotFound
from bank.needs import lookup, permissions
from bank.needs.models import Course
from bank.plans.flags import course_flags
from bank.plans.followup import dimensions_of, meetings_of, progress_of
from bank.plans.models import AgreedPlan
from bank.plans.overview import goal_rows, open_for
from bank.plans.services import course_items


def plan_context(session: Session, course: Course, today: date) -> dict:
    """Gather what the plan document says: goals, items, who, next meeting, latest progress."""
    items = course_items(session, course)
    entries = progress_of(session, course)
    latest = []
    for spec in dimensions_of(session, course):
        own = [e for e in entries if e.dimension == spec.key]
        if own:
            latest.append((spec, own[-1], own[0] if len(own) > 1 else None))
    meetings = meetings_of(session, course)
    return {
        "course": course,
        "age": course.citizen.age(today),
        "rows": goal_rows(course, items),
        "items": items,
        "flags": course_flags(session, course, today),
        "last_meeting": meetings[0] if meetings else None,
        "latest": latest,
        "today": today,
    }


def render_plan_html(context: dict) -> str:
    """Render the plan's print template for a PDF (works outside a request, e.g. in a task)."""
    template = current_app.jinja_env.get_template("plans/plan_print.html")
    return template.render(**(context | {"pdf": True}))


PDF_VARIANT = "pdf/ua-1"  # tagged PDF/UA: headings, tables, reading order for screen readers


def render_pdf(html: str) -> bytes:
    """Turn the print page into a tagged, accessible PDF (PDF/UA-1) with WeasyPrint."""
    from weasyprint import HTML  # not a cycle: it takes 1.3 s to load, and only PDFs need it

    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)


def plan_html(session: Session, user: User, course_id: int, today: date) -> str:
    """Return the plan's print page for someone who may open the course (audited)."""
    course = open_for(session, user, course_id, "plan udskrevet")
    return render_template("plans/plan_print.html", **plan_context(session, course, today))


def plan_pdf(session: Session, user: User, course_id: int, today: date) -> bytes:
    """Return the current plan as a PDF for someone who may open the course (audited)."""
    course = open_for(session, user, course_id, "plan som PDF")
    return render_pdf(render_plan_html(plan_context(session, course, today)))


def mark_agreed(session: Session, user: User, course_id: int, today: date) -> AgreedPlan:
    """Store the plan's PDF on the course as the next version agreed with the young person."""
    course = lookup.course(session, course_id)
    permissions.require_manage(user, course)
    last = session.scalar(
        sa.select(sa.func.max(AgreedPlan.version)).where(AgreedPlan.course_id == course.id)
    )
    pdf = render_pdf(render_plan_html(plan_context(session, course, today) | {"agreed": True}))
    agreed = AgreedPlan(
        course_id=course.id, version=(last or 0) + 1, pdf=pdf, agreed_on=today, agreed_by_id=user.id
    )
    try:
        with session.begin_nested():  # two coordinators at once: one gets the version
            session.add(agreed)
            session.flush()
    except IntegrityError:
        raise Conflict(
            "the plan was just marked agreed by someone else",
            "Planen er lige blevet gemt som aftalt af en anden. Prøv igen.",
        ) from None
    record_audit(
        session,
        user,
        "create",
        "agreed_plan",
        agreed.id,
        f"forløb {course.id}, version {agreed.version}",
    )
    return agreed


def agreed_versions(session: Session, course: Course) -> list[AgreedPlan]:
    """Return the agreed versions of the plan, newest first (without their PDF bytes)."""
    query = sa.select(AgreedPlan).where(AgreedPlan.course_id == course.id)
    return list(session.scalars(query.order_by(AgreedPlan.version.desc())))


def agreed_pdf(session: Session, user: User, course_id: int, version: int) -> bytes:
    """Return a stored agreed version's PDF for someone who may open the course (audited)."""
    course = open_for(session, user, course_id, f"godkendt plan version {version}")
    agreed = session.scalar(
        sa.select(AgreedPlan).where(
            AgreedPlan.course_id == course.id, AgreedPlan.version == version
        )
    )
    if agreed is None:
        raise NotFound(f"no agreed version {version}", "Den version af planen findes ikke.")
    return agreed.pdf
