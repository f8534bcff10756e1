"""The demo data, with the double-offer scan done, crawled once per demo role."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import g

from bank.auth.models import User
from bank.demo import DEMO_PASSWORD, DEMO_USERS, load_demo
from bank.offers import services
from bank.offers.models import Offer, OfferStatus
from bank.tasks import run_pending
from tests.integration.site.crawl import Crawl, crawl

ROLES = {role.value: email for email, _name, role, _unit in DEMO_USERS} | {"anonymous": None}


def _crawl_as(app, role: str, starts: tuple[str, ...]) -> Crawl:
    g.pop("_login_user", None)  # the test's app context outlives each request
    client = app.test_client()
    if ROLES[role]:
        answer = client.post("/log-ind", data={"email": ROLES[role], "password": DEMO_PASSWORD})
        assert answer.status_code == 302, f"{role} could not sign in"
    return crawl(client, starts)


def _edit_an_offer(session) -> str:
    """Let the demo editor retag, retire and publish again one of their unit's offers."""
    editor = session.scalar(sa.select(User).where(User.email == ROLES["editor"]))
    offer = session.scalar(
        sa.select(Offer).where(
            Offer.unit_id == editor.unit_id, Offer.status == OfferStatus.PUBLISHED
        )
    )
    services.update_offer(session, editor, offer.ref, {"tags": [*offer.tags, "psykisk-trivsel"]})
    services.retire_offer(session, editor, offer.ref)
    services.publish_offer(session, editor, offer.ref)
    session.commit()
    return offer.ref


@pytest.fixture
def site(app, session, client) -> dict[str, Crawl]:
    """Load the demo, compute the double-offer report, and crawl the site as every role."""
    load_demo(session)
    session.commit()
    ref = _edit_an_offer(session)
    client.post("/log-ind", data={"email": ROLES["leader"], "password": DEMO_PASSWORD})
    client.get("/rapporter/dobbelttilbud")
    client.get("/rapporter/ledelsesinformation")  # an access-log entry without a record number
    run_pending(app)
    client.post("/log-ud")
    session.remove()
    starts = ("/", f"/tilbud/{ref}")  # the edited offer's history, whatever the crawl's bound
    return {role: _crawl_as(app, role, starts) for role in ROLES}
