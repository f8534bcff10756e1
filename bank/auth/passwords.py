"""Password hashing with argon2."""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

_hasher = PasswordHasher()


@cache
def dummy_hash() -> str:
    """Return a hash of a random password, to verify against when the e-mail is unknown."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    """Return an argon2 hash of the password."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Return whether the password matches the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def waste_a_verification(password: str) -> None:
    """Spend the time of a real verification, so an unknown e-mail answers as slowly."""
    verify_password(dummy_hash(), password)
