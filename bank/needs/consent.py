"""Consent (samtykke): record it, replace it, withdraw it — withdrawal takes needs down at once."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Unit, User
from bank.auth.services import record_audit
from bank.db import utcnow
from bank.errors import Conflict
from bank.needs import fields, limits, permissions
from bank.needs.models import Consent, ConsentKind, Course
from bank.needs.needs import take_down_needs


def _units(session: Session, errors: fields.Errors, unit_ids: Iterable[int | str]) -> list[Unit]:
    ids: list[int] = []
    for raw in unit_ids or ():
        try:
            ids.append(int(raw))
        except (TypeError, ValueError):
            errors["unit_ids"] = [("must be unit ids", "Vælg enheder fra listen.")]
            return []
    units = list(session.scalars(sa.select(Unit).where(Unit.id.in_(ids)))) if ids else []
    if len(units) != len(set(ids)):
        errors["unit_ids"] = [("names a unit that does not exist", "En af enhederne findes ikke.")]
    return units


def unit_choices(session: Session) -> list[Unit]:
    """Return every unit by name: those a consent may share the course's needs with."""
    return list(session.scalars(sa.select(Unit).order_by(Unit.name)))


def record_consent(
    session: Session,
    user: User,
    course: Course,
    kind: str,
    given_on: object,
    covers_publishing: bool,
    unit_ids: Iterable[int | str] = (),
    note: str = "",
    today: date | None = None,
) -> Consent:
    """Record the young person's consent; it replaces the consent in force, if any."""
    permissions.require_manage(user, course)
    errors: fields.Errors = {}
    kind = fields.choice(errors, "kind", kind, ConsentKind)
    given = fields.a_date(errors, "given_on", given_on)
    if given is not None and given > (today or date.today()):
        errors["given_on"] = [("must not be in the future", "Datoen må ikke ligge ud i fremtiden.")]
    note = fields.text(errors, "note", note, limits.CONSENT_NOTE, required=False)
    units = _units(session, errors, unit_ids)
    fields.raise_if(errors)
    previous = course.active_consent
    if previous is not None:
        previous.withdrawn_at, previous.withdrawn_by_id = utcnow(), user.id
        previous.replaced = True
    consent = Consent(
        course=course,
        kind=kind,
        given_on=given,
        recorded_by_id=user.id,
        covers_publishing=bool(covers_publishing),
        shared_with_units=units,
        note=note,
    )
    session.add(consent)
    session.flush()
    if not consent.allows_publishing:
        take_down_needs(session, user, course, "Behovet er taget af Behovsbanken.")
    record_audit(session, user, "create", "consent", consent.id, _summary(consent))
    return consent


def withdraw_consent(session: Session, user: User, course: Course) -> Consent:
    """Withdraw the consent in force; the course's published needs come down at once."""
    permissions.require_manage(user, course)
    consent = course.active_consent
    if consent is None:
        raise Conflict(
            "the course has no consent in force", "Der er ikke noget samtykke at trække tilbage."
        )
    consent.withdrawn_at, consent.withdrawn_by_id = utcnow(), user.id
    session.flush()
    taken_down = take_down_needs(session, user, course, "Behovet er taget af Behovsbanken.")
    record_audit(
        session,
        user,
        "withdraw",
        "consent",
        consent.id,
        f"samtykke trukket tilbage; {taken_down} behov taget ned",
    )
    return consent


def _summary(consent: Consent) -> str:
    parts = ["mundtligt" if consent.kind == ConsentKind.ORAL else "skriftligt"]
    if consent.covers_publishing:
        parts.append("dækker offentliggørelse")
    if consent.shared_with_units:
        parts.append("deles med " + ", ".join(u.name for u in consent.shared_with_units))
    return "; ".join(parts)
