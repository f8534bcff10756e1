"""Personal access tokens for outside systems: created by admins, stored hashed, shown once.

A token acts as its owner with the owner's role, never more: the `read` scope allows only
safe methods (GET, HEAD, OPTIONS); `write` allows what the owner may do. Only the SHA-256
of the secret is stored; the secret (a 256-bit random string) is shown once, at creation.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, Session, mapped_column

from bank.auth.models import Role, User
from bank.auth.services import require_role
from bank.db import Base, UTCDateTime, utcnow
from bank.errors import Conflict, Errors, Invalid, NotFound

SECRET_PREFIX = "kb_"
MAX_DAYS = 366
TOUCH_EVERY = timedelta(minutes=1)  # last-used time is kept to the minute, not every call


class TokenScope(enum.StrEnum):
    """What a token may do: read (safe methods only) or write (all its owner may do)."""

    READ = "read"
    WRITE = "write"

    @property
    def label(self) -> str:
        """Return the Danish name of the scope."""
        return {"read": "Kun læse", "write": "Læse og skrive"}[self.value]


class ApiToken(Base):
    """A personal access token: owner, scope, expiry, revocation, last use; the hash only."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    prefix: Mapped[str] = mapped_column(sa.String(16))  # the secret's start, to recognise it
    secret_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    scope: Mapped[TokenScope] = mapped_column(sa.Enum(TokenScope, native_enum=False, length=10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = orm.relationship(foreign_keys=[user_id])
    created_by: Mapped[User | None] = orm.relationship(foreign_keys=[created_by_id])

    def is_usable(self, now: datetime | None = None) -> bool:
        """Return whether the token is neither revoked nor expired, and its owner active."""
        now = now or utcnow()
        return self.revoked_at is None and self.expires_at > now and self.user.active

    @property
    def state(self) -> str:
        """Return the token's state: active, expired or revoked."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.expires_at > utcnow() else "expired"

    @property
    def state_label(self) -> str:
        """Return the token's state in Danish."""
        return {"active": "Aktiv", "expired": "Udløbet", "revoked": "Spærret"}[self.state]


@dataclass(frozen=True)
class NewToken:
    """A token just created, with its secret: the only time the secret is known."""

    token: ApiToken
    secret: str


def hash_secret(secret: str) -> str:
    """Return the hex SHA-256 of a token secret (what the database keeps)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _owner(session: Session, email: str, errors: Errors) -> User | None:
    if not email.strip():
        errors["user"] = [("is required (the e-mail of the token's owner)", "Vælg en bruger.")]
        return None
    owner = session.scalar(sa.select(User).where(User.email == email.strip().lower()))
    if owner is None:
        errors["user"] = [(f"no user with e-mail {email}", "Brugeren findes ikke.")]
    elif not owner.active:
        errors["user"] = [(f"{email} is deactivated", "Brugeren er deaktiveret.")]
    return owner


def _check(name: str, scope: str, days: int, errors: Errors) -> None:
    if not name.strip() or len(name.strip()) > 100:
        errors["name"] = [("must be 1 to 100 characters", "Skriv et navn på højst 100 tegn.")]
    if scope not in set(TokenScope):
        errors["scope"] = [("must be read or write", "Vælg læse eller læse og skrive.")]
    if not 1 <= days <= MAX_DAYS:
        errors["days"] = [
            (f"must be from 1 to {MAX_DAYS}", f"Skriv et antal dage fra 1 til {MAX_DAYS}.")
        ]


def create_token(
    session: Session, admin: User | None, email: str, scope: str, days: int, name: str
) -> NewToken:
    """Create a token for the user with this e-mail (admins only; None is the command line)."""
    if admin is not None:
        require_role(admin, Role.ADMIN)
    errors: Errors = {}
    owner = _owner(session, email, errors)
    _check(name, str(scope), days, errors)
    if errors:
        raise Invalid(errors)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=owner,
        name=name.strip(),
        prefix=secret[: len(SECRET_PREFIX) + 6],
        secret_hash=hash_secret(secret),
        scope=TokenScope(scope),
        created_by=admin,
        expires_at=utcnow() + timedelta(days=days),
    )
    session.add(token)
    session.flush()
    return NewToken(token, secret)


def list_tokens(session: Session, admin: User | None) -> list[ApiToken]:
    """Return every token, newest first (admins only; None is the command line)."""
    if admin is not None:
        require_role(admin, Role.ADMIN)
    query = sa.select(ApiToken).options(orm.selectinload(ApiToken.user))
    return list(session.scalars(query.order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def revoke_token(session: Session, admin: User | None, token_id: int) -> ApiToken:
    """Revoke a token at once; it answers 401 from the next call (admins only)."""
    if admin is not None:
        require_role(admin, Role.ADMIN)
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"no token with id {token_id}", "Nøglen findes ikke.", "id")
    if token.revoked_at is not None:
        raise Conflict(f"token {token_id} is already revoked", "Nøglen er allerede spærret.")
    token.revoked_at = utcnow()
    session.flush()
    return token


def authenticate_token(session: Session, secret: str) -> ApiToken | None:
    """Return the usable token with this secret and note its use, or None; the caller commits."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    token = session.scalar(sa.select(ApiToken).where(ApiToken.secret_hash == hash_secret(secret)))
    now = utcnow()
    if token is None or not token.is_usable(now):
        return None
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        token.last_used_at = now  # the caller commits, whatever the call goes on to do
    return token
