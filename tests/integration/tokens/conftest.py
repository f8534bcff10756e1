"""Token tests reuse the need bank's world (users of every role, needs, bids)."""

from __future__ import annotations

import pytest

from bank.auth.tokens import create_token
from tests.integration.needs.conftest import quick_user, world  # noqa: F401  (fixtures)


@pytest.fixture
def make_token(session):
    """Return a factory: a token's secret for a user, with a scope and lifetime."""

    def _make(user, scope: str = "read", days: int = 30, name: str = "Ungeportalen") -> str:
        new = create_token(session, None, user.email, scope, days, name)
        session.commit()
        return new.secret

    return _make


def bearer(secret: str) -> dict[str, str]:
    """Return the Authorization header for a token secret."""
    return {"Authorization": f"Bearer {secret}"}
