"""The demo data, with the double-offer scan done, crawled once per demo role."""

from __future__ import annotations

import pytest
from flask import g

from bank.demo import DEMO_PASSWORD, DEMO_USERS, load_demo
from bank.tasks import run_pending
from tests.integration.site.crawl import Crawl, crawl

ROLES = {role.value: email for email, _name, role, _unit in DEMO_USERS} | {"anonymous": None}


def _crawl_as(app, role: str) -> Crawl:
    g.pop("_login_user", None)  # the test's app context outlives each request
    client = app.test_client()
    if ROLES[role]:
        answer = client.post("/log-ind", data={"email": ROLES[role], "password": DEMO_PASSWORD})
        assert answer.status_code == 302, f"{role} could not sign in"
    return crawl(client)


@pytest.fixture
def site(app, session, client) -> dict[str, Crawl]:
    """Load the demo, compute the double-offer report, and crawl the site as every role."""
    load_demo(session)
    client.post("/log-ind", data={"email": ROLES["leader"], "password": DEMO_PASSWORD})
    client.get("/rapporter/dobbelttilbud")
    run_pending(app)
    client.post("/log-ud")
    session.remove()
    return {role: _crawl_as(app, role) for role in ROLES}
