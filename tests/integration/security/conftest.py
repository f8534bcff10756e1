"""Fixtures for the hardening tests: requests in their own contexts, the need bank's world."""

from __future__ import annotations

import pytest
from flask.globals import _cv_app

from tests.integration.needs.conftest import quick_user, world  # noqa: F401  (fixtures)


@pytest.fixture
def own_contexts(app):
    """Give every request its own app context and `g`, as a real server does.

    The `app` fixture keeps one app context open for the whole test, so Flask would share
    `g` (and Flask-Login's cached user) between requests; a replayed cookie must be judged
    on its own.
    """
    token = _cv_app.set(None)
    yield
    _cv_app.reset(token)
