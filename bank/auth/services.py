"""Users, units and centres, sign-in, and the audit log: the rules, once."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import AuditEntry, Centre, Role, Unit, User
from bank.auth.passwords import hash_password, verify_password
from bank.errors import Conflict, Invalid, NotAllowed

MIN_PASSWORD_LENGTH = 10


def get_or_create_centre(session: Session, name: str) -> Centre:
    """Return the centre with this name, creating it if it is new."""
    centre = session.scalar(sa.select(Centre).where(Centre.name == name))
    if centre is None:
        centre = Centre(name=name)
        session.add(centre)
        session.flush()
    return centre


def get_or_create_unit(
    session: Session, name: str, centre: str | None = None, contact: str | None = None
) -> Unit:
    """Return the unit with this name, creating it (and its centre) if new; fill in the centre."""
    unit = session.scalar(sa.select(Unit).where(Unit.name == name))
    if unit is None:
        unit = Unit(name=name, contact=contact or "")
        session.add(unit)
    if centre and (unit.centre is None or unit.centre.name != centre):
        unit.centre = get_or_create_centre(session, centre)
    if contact:
        unit.contact = contact
    session.flush()
    return unit


def create_user(
    session: Session,
    email: str,
    name: str,
    password: str,
    role: Role | str,
    unit: Unit | None = None,
) -> User:
    """Add a user with an argon2-hashed password; the caller commits."""
    email = email.strip().lower()
    errors: dict[str, list[tuple[str, str]]] = {}
    if "@" not in email:
        errors["email"] = [("is not an e-mail address", "er ikke en e-mailadresse")]
    if len(password) < MIN_PASSWORD_LENGTH:
        errors["password"] = [
            (
                f"must be at least {MIN_PASSWORD_LENGTH} characters",
                f"skal være mindst {MIN_PASSWORD_LENGTH} tegn",
            )
        ]
    try:
        role = Role(role)
    except ValueError:
        errors["role"] = [(f"must be one of {', '.join(Role)}", "er ikke en kendt rolle")]
    if errors:
        raise Invalid(errors)
    if session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"a user with e-mail {email} exists", f"{email} findes allerede", "email")
    user = User(
        email=email, name=name.strip(), password_hash=hash_password(password), role=role, unit=unit
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """Return the active user with this e-mail and password, or None."""
    user = session.scalar(sa.select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active or not verify_password(user.password_hash, password):
        return None
    return user


def require_role(user: User | None, *roles: Role) -> User:
    """Return the user if they hold one of the roles, else raise NotAllowed."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.has_role(*roles):
        raise NotAllowed(
            "your role does not allow this", "Din rolle giver ikke adgang til dette."
        )
    return user


def record_audit(
    session: Session,
    user: User | None,
    action: str,
    record_type: str,
    record_id: object,
    detail: str = "",
) -> AuditEntry:
    """Write who read or changed which citizen record; part of the caller's transaction."""
    entry = AuditEntry(
        user_id=user.id if user is not None else None,
        action=action,
        record_type=record_type,
        record_id=str(record_id),
        detail=detail,
    )
    session.add(entry)
    return entry


def search_audit(
    session: Session,
    viewer: User,
    user_id: int | None = None,
    record_type: str | None = None,
    record_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    """Return audit entries, newest first; only admins and leaders may search them."""
    require_role(viewer, Role.LEADER)
    query = sa.select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if user_id is not None:
        query = query.where(AuditEntry.user_id == user_id)
    if record_type:
        query = query.where(AuditEntry.record_type == record_type)
    if record_id:
        query = query.where(AuditEntry.record_id == record_id)
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at < until)
    return list(session.scalars(query.limit(limit)))
