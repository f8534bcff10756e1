"""Users, units and centres, sign-in, and the audit log: the rules, once."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import AuditEntry, Centre, Role, Unit, User
from bank.auth.password_rules import MAX_LENGTH, MIN_LENGTH, password_problems
from bank.auth.passwords import hash_password, verify_password, waste_a_verification
from bank.auth.sessions import end_all_sessions
from bank.errors import Conflict, Invalid, NotAllowed

MIN_PASSWORD_LENGTH = MIN_LENGTH


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
    if problems := password_problems(password, email, name):
        errors["password"] = problems
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
    """Return the active user with this e-mail and password, or None, in the same time either way.

    An unknown e-mail is checked against a dummy hash, so the answer's time does not tell
    which accounts exist; an over-long password is never hashed.
    """
    email = email.strip().lower()
    if len(password) > MAX_LENGTH or len(email) > 254:
        waste_a_verification("")
        return None
    user = session.scalar(sa.select(User).where(User.email == email))
    if user is None:
        waste_a_verification(password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    return user


def get_user(session: Session, user_id: int) -> User | None:
    """Return the user with this id, or None."""
    return session.get(User, user_id)


def active_users(session: Session) -> list[User]:
    """Return the active users by name (and e-mail)."""
    query = sa.select(User).where(User.active.is_(True)).order_by(User.name, User.email)
    return list(session.scalars(query))


def change_password(session: Session, user: User, new_password: str) -> None:
    """Set a new password that passes the rule and end every session of the user; caller commits."""
    if problems := password_problems(new_password, user.email, user.name):
        raise Invalid({"password": problems})
    user.password_hash = hash_password(new_password)
    end_all_sessions(session, user)


def set_active(session: Session, user: User, active: bool) -> None:
    """Activate or deactivate a user; deactivation ends every session at once; caller commits."""
    user.active = active
    session.flush()
    if not active:
        end_all_sessions(session, user)


def require_role(user: User | None, *roles: Role) -> User:
    """Return the user if they hold one of the roles, else raise NotAllowed."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.has_role(*roles):
        raise NotAllowed("your role does not allow this", "Din rolle giver ikke adgang til dette.")
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
