"""Needs: write them as drafts, check them for personal data, publish, close, withdraw."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.db import utcnow
from bank.errors import Conflict, Invalid
from bank.needs import fields, limits, lookup, permissions
from bank.needs.bids import decline_open_bids
from bank.needs.models import (
    CloseReason,
    Course,
    CourseStatus,
    Goal,
    Need,
    NeedState,
)
from bank.needs.personal_data import Finding, check_text

FIELD_LABELS = {
    "title": ("Title", "Titel"),
    "description": ("Description", "Beskrivelse"),
    "goals": ("Goals", "Mål"),
}
EDITABLE = (NeedState.DRAFT, NeedState.WITHDRAWN)
NO_CONSENT = (
    "publishing needs consent that covers it; record the consent first",
    "Behovet kan ikke offentliggøres, før der er registreret et samtykke, der dækker det.",
)


def _fields(
    session: Session, course: Course, goal_id: object, title: str, description: str, tags: object
) -> tuple[Goal, str, str, list[str]]:
    errors: fields.Errors = {}
    title = fields.text(errors, "title", title, limits.NEED_TITLE)
    description = fields.text(errors, "description", description, limits.NEED_DESCRIPTION)
    goal = None
    try:
        goal = session.get(Goal, int(str(goal_id)))
    except ValueError:
        pass
    if goal is None or goal.course_id != course.id:
        errors["goal_id"] = [("must be a goal of this course", "Vælg et af forløbets mål.")]
    fields.raise_if(errors)
    return cast(Goal, goal), title, description, fields.tags(tags)  # no goal: raise_if raised


def create_need(
    session: Session,
    user: User,
    course: Course,
    goal_id: object,
    title: str,
    description: str,
    tags: object = (),
) -> Need:
    """Write a need as a draft under one of the course's goals."""
    permissions.require_manage(user, course)
    goal, title, description, tag_list = _fields(session, course, goal_id, title, description, tags)
    need = Need(course=course, goal=goal, title=title, description=description, tags=tag_list)
    session.add(need)
    session.flush()
    record_audit(session, user, "create", "need", need.id)
    return need


def update_need(
    session: Session,
    user: User,
    need: Need,
    goal_id: object,
    title: str,
    description: str,
    tags: object = (),
) -> Need:
    """Change a draft (or withdrawn) need; a published need must be withdrawn first."""
    permissions.require_manage(user, need.course)
    if need.state not in EDITABLE:
        raise Conflict(
            "only a draft or withdrawn need can be changed",
            "Et offentliggjort eller lukket behov kan ikke ændres. Træk det tilbage først.",
        )
    goal, title, description, tag_list = _fields(
        session, need.course, goal_id, title, description, tags
    )
    need.goal, need.title, need.description, need.tags = goal, title, description, tag_list
    need.updated_at = utcnow()
    session.flush()
    record_audit(session, user, "update", "need", need.id)
    return need


def personal_data_findings(
    course: Course, title: str, description: str, goals: Iterable[str]
) -> list[Finding]:
    """Return what the personal-data check finds in a need's public text."""
    citizen = course.citizen
    texts = {"title": title, "description": description, "goals": "\n".join(goals)}
    return check_text(texts, citizen.pseudonym, citizen.family_names or ())


def check_draft(
    session: Session, user: User, course: Course, goal_id: str, title: str, description: str
) -> list[Finding]:
    """Check a need being written for personal data, with its goal's texts (if the course's)."""
    permissions.require_manage(user, course)
    goal = session.get(Goal, int(goal_id)) if goal_id.isdigit() else None
    texts = goal.texts if goal is not None and goal.course_id == course.id else []
    return personal_data_findings(course, title, description, texts)


def findings_error(findings: list[Finding]) -> Invalid:
    """Turn the check's findings into field errors that say what was found and where."""
    errors: fields.Errors = {}
    for f in findings:
        english, danish = FIELD_LABELS[f.field]
        errors.setdefault(f.field, []).append((f.english(english), f.danish(danish)))
    return Invalid(errors)


def publish_need(session: Session, user: User, need: Need) -> Need:
    """Publish a need: consent must cover it and the personal-data check must find nothing."""
    course = need.course
    permissions.require_manage(user, course)
    if course.status != CourseStatus.ACTIVE:
        raise Conflict("the course has ended", "Forløbet er afsluttet.")
    if need.state not in EDITABLE:
        raise Conflict(
            f"a {need.state.value} need cannot be published",
            "Behovet er allerede offentliggjort eller lukket.",
        )
    consent = course.active_consent
    if consent is None or not consent.allows_publishing:
        raise Conflict(*NO_CONSENT, field="consent")
    findings = personal_data_findings(course, need.title, need.description, need.goal_texts)
    if findings:
        raise findings_error(findings)
    now = utcnow()
    if not lookup.transition(
        session,
        Need,
        need.id,
        EDITABLE,
        state=NeedState.PUBLISHED,
        published_at=now,
        withdrawn_at=None,
        updated_at=now,
    ):
        raise Conflict(
            "the need changed while you published it", "Behovet blev ændret samtidig. Se det igen."
        )
    record_audit(session, user, "publish", "need", need.id)
    return need


def close_need(session: Session, user: User, need: Need, reason: str) -> Need:
    """Close a published need (met, or no longer relevant); waiting bids are declined."""
    permissions.require_manage(user, need.course)
    errors: fields.Errors = {}
    close_reason = fields.choice(errors, "reason", reason, CloseReason)
    fields.raise_if(errors)
    if not lookup.transition(
        session,
        Need,
        need.id,
        [NeedState.PUBLISHED],
        state=NeedState.CLOSED,
        closed_at=utcnow(),
        closed_reason=close_reason,
    ):
        raise Conflict(
            "only a published need can be closed", "Kun et offentliggjort behov kan lukkes."
        )
    decline_open_bids(session, user, need, "Behovet er lukket.")
    record_audit(session, user, "close", "need", need.id, close_reason.value)
    return need


def withdraw_need(session: Session, user: User, need: Need) -> Need:
    """Take a published need out of the bank; waiting bids are declined."""
    permissions.require_manage(user, need.course)
    if not _take_down(session, user, need, "Behovet er trukket tilbage."):
        raise Conflict(
            "only a published need can be withdrawn",
            "Kun et offentliggjort behov kan trækkes tilbage.",
        )
    record_audit(session, user, "withdraw", "need", need.id)
    return need


def _take_down(session: Session, user: User, need: Need, note: str) -> bool:
    if not lookup.transition(
        session,
        Need,
        need.id,
        [NeedState.PUBLISHED],
        state=NeedState.WITHDRAWN,
        withdrawn_at=utcnow(),
    ):
        return False
    decline_open_bids(session, user, need, note)
    return True


def take_down_needs(session: Session, user: User, course: Course, note: str) -> int:
    """Withdraw every published need of the course at once; return how many came down."""
    published = session.scalars(
        sa.select(Need).where(Need.course_id == course.id, Need.state == NeedState.PUBLISHED)
    )
    count = 0
    for need in list(published):
        if _take_down(session, user, need, note):
            record_audit(session, user, "withdraw", "need", need.id, note)
            count += 1
    return count


def open_need(session: Session, user: User, need_id: int) -> Need:
    """Return a need with its course for the coordinator, team or an admin; record the read."""
    need = lookup.need(session, need_id)
    permissions.require_open(user, need.course)
    record_audit(session, user, "read", "need", need.id)
    return need
