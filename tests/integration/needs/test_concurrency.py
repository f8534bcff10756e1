"""Two people acting on the same bid or need at the same moment leave one consistent result.

These run on PostgreSQL with real connections: one transaction holds its change
uncommitted while a second, in another thread, runs into the row lock and waits; the
first commits; the second then finds the state changed and is refused.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank import db
from bank.auth.models import User
from bank.errors import Conflict
from bank.needs import bids, courses, needs
from bank.needs.models import Bid, BidState, Need, NeedState

pytestmark = pytest.mark.postgres_only


class Attempt(threading.Thread):
    """Run a service call in its own session and transaction; keep its result or error."""

    def __init__(self, app, action: Callable[[Session], object]):
        super().__init__(daemon=True)
        self.engine, self.action = db.get_engine(app), action
        self.error: BaseException | None = None

    def run(self) -> None:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                self.action(session)
                session.commit()
            except BaseException as exc:  # noqa: BLE001 - handed to the test
                session.rollback()
                self.error = exc


def wait_until_blocked(app, attempt: Attempt | None = None, count: int = 1) -> None:
    """Wait until `count` connections to this database wait for a row lock.

    Fails at once with the attempt's own error if it finished without ever waiting.
    """
    query = sa.text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
    )
    # Autocommit: pg_stat_activity is a snapshot fixed for the length of a transaction.
    monitor = db.get_engine(app).execution_options(isolation_level="AUTOCOMMIT")
    with monitor.connect() as connection:
        for _ in range(1500):
            if connection.execute(query).scalar() >= count:
                return
            if attempt is not None and not attempt.is_alive():
                raise AssertionError(
                    f"the second transaction ended without waiting: {attempt.error!r}"
                )
            threading.Event().wait(0.02)
        activity = connection.execute(
            sa.text(
                "SELECT state, wait_event_type, wait_event, left(query, 120) FROM pg_stat_activity "
                "WHERE datname = current_database()"
            )
        ).all()
    stack = ""
    if attempt is not None and attempt.ident in sys._current_frames():
        stack = "".join(traceback.format_stack(sys._current_frames()[attempt.ident]))
    raise AssertionError(f"the second transaction never waited for the lock\n{activity}\n{stack}")


def as_user(session: Session, user: User) -> User:
    """Return the user loaded in this session."""
    return session.get(User, user.id)


def co_coordinated(world):
    """Return a published need whose course two coordinators manage, with one waiting bid."""
    course = world.course()
    courses.add_team_member(
        world.session, world.coordinator, course, world.other_coordinator.email, "Medtovholder"
    )
    world.session.commit()
    need = world.need(course)
    return need, world.bid(need)


def test_two_coordinators_deciding_the_same_bid_at_once_leave_one_decision(app, world):
    _need, bid = co_coordinated(world)
    with Session(db.get_engine(app), expire_on_commit=False) as first:
        bids.decide_bid(first, as_user(first, world.coordinator), bid.id, "accepted")
        second = Attempt(
            app,
            lambda s: bids.decide_bid(
                s, as_user(s, world.other_coordinator), bid.id, "declined", "no_capacity"
            ),
        )
        second.start()
        wait_until_blocked(app, second)
        first.commit()
    second.join(timeout=10)
    assert isinstance(second.error, Conflict)
    world.session.expire_all()
    decided = world.session.get(Bid, bid.id)
    assert (decided.state, decided.decided_by_id) == (BidState.ACCEPTED, world.coordinator.id)


def test_a_unit_withdrawing_while_the_coordinator_accepts_leaves_one_result(app, world):
    _need, bid = co_coordinated(world)
    with Session(db.get_engine(app), expire_on_commit=False) as unit_side:
        bids.withdraw_bid(unit_side, as_user(unit_side, world.member), bid.id)
        coordinator = Attempt(
            app, lambda s: bids.decide_bid(s, as_user(s, world.coordinator), bid.id, "accepted")
        )
        coordinator.start()
        wait_until_blocked(app, coordinator)
        unit_side.commit()
    coordinator.join(timeout=10)
    assert isinstance(coordinator.error, Conflict)
    world.session.expire_all()
    assert world.session.get(Bid, bid.id).state == BidState.WITHDRAWN


def test_many_decisions_racing_for_one_bid_let_exactly_one_through(app, world):
    _need, bid = co_coordinated(world)
    start = threading.Barrier(6)
    deciders = [world.coordinator, world.other_coordinator] * 3

    def decide(user, decision):
        def action(session):
            start.wait(timeout=10)
            bids.decide_bid(session, as_user(session, user), bid.id, decision, "other")

        return action

    attempts = [
        Attempt(app, decide(u, "accepted" if i % 2 else "declined")) for i, u in enumerate(deciders)
    ]
    for attempt in attempts:
        attempt.start()
    for attempt in attempts:
        attempt.join(timeout=20)
    errors = [a.error for a in attempts]
    assert errors.count(None) == 1
    assert all(isinstance(e, Conflict) for e in errors if e is not None)
    world.session.expire_all()
    assert world.session.get(Bid, bid.id).state in (BidState.ACCEPTED, BidState.DECLINED)


def test_two_members_of_one_unit_bidding_at_once_give_one_bid(app, world):
    need = world.need()
    colleague = User(
        email="kollega@test.dk",
        name="Kollega",
        password_hash="x",
        role=world.member.role,
        unit_id=world.member.unit_id,
    )
    world.session.add(colleague)
    world.session.commit()
    values = {
        "title": "Bud",
        "activities": "Mentor",
        "expected_outcomes": "Mere i skole",
        "who": "Os",
        "earliest_start": "2099-01-01",
        "duration_weeks": 8,
    }
    with Session(db.get_engine(app), expire_on_commit=False) as first:
        bids.submit_bid(first, as_user(first, world.member), need.id, **values)
        second = Attempt(
            app, lambda s: bids.submit_bid(s, as_user(s, colleague), need.id, **values)
        )
        second.start()
        wait_until_blocked(app, second)
        first.commit()
    second.join(timeout=10)
    assert isinstance(second.error, Conflict)
    count = world.session.scalar(sa.select(sa.func.count(Bid.id)).where(Bid.need_id == need.id))
    assert count == 1


def test_closing_a_need_while_a_unit_bids_leaves_no_waiting_bid_on_a_closed_need(app, world):
    need = world.need()
    values = {
        "title": "Bud",
        "activities": "Mentor",
        "expected_outcomes": "Mere i skole",
        "who": "Os",
        "earliest_start": "2099-01-01",
        "duration_weeks": 8,
    }
    with Session(db.get_engine(app), expire_on_commit=False) as unit_side:
        bids.submit_bid(unit_side, as_user(unit_side, world.member), need.id, **values)
        closing = Attempt(
            app,
            lambda s: needs.close_need(
                s, as_user(s, world.coordinator), s.get(Need, need.id), "not_relevant"
            ),
        )
        closing.start()
        wait_until_blocked(app, closing)
        unit_side.commit()
    closing.join(timeout=10)
    assert closing.error is None
    world.session.expire_all()
    assert world.session.get(Need, need.id).state == NeedState.CLOSED
    states = world.session.scalars(sa.select(Bid.state).where(Bid.need_id == need.id)).all()
    assert states == [BidState.DECLINED]
