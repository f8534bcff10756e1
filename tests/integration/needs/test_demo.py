"""The demo courses load through the services and give every page something real to show."""

from __future__ import annotations

import sqlalchemy as sa

from bank.demo import FIXTURES
from bank.needs import demo
from bank.needs.models import Bid, Citizen, Course, Need, NeedState
from bank.offers import demo as offers_demo


def test_the_demo_has_fictional_courses_with_needs_and_bids_in_every_state(session):
    offers_demo.load_demo(session, FIXTURES)
    demo.load_demo(session, FIXTURES)
    session.commit()
    pseudonyms = session.scalars(sa.select(Citizen.pseudonym).order_by(Citizen.id)).all()
    assert pseudonyms == ["Ung A", "Ung B", "Ung C", "Ung D", "Ung E", "Ung F", "Ung G", "Ung H"]
    assert set(session.scalars(sa.select(Bid.state))) == {
        "submitted",
        "accepted",
        "declined",
        "withdrawn",
    }
    states = set(session.scalars(sa.select(Need.state)))
    assert states == {NeedState.DRAFT, NeedState.PUBLISHED, NeedState.CLOSED, NeedState.WITHDRAWN}
    assert all(c.consents for c in session.scalars(sa.select(Course)))
    demo.load_demo(session, FIXTURES)  # a second run adds nothing
    assert session.scalar(sa.select(sa.func.count(Course.id))) == 8
