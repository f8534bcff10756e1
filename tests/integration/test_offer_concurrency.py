"""Two editors saving the same offer: the second is told who got there first, nothing is lost."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa
from sqlalchemy import orm

from bank import db
from bank.auth.models import User
from bank.errors import Conflict
from bank.offers.catalogue import catalogue_version
from bank.offers.models import Offer
from bank.offers.services import get_offer, update_offer
from tests.offers_support import add_offer, editor_of


def _open(app, ref: str, user_id: int) -> tuple[orm.Session, Offer, User]:
    """Open the offer in a second session, as a second editor's request would."""
    other = orm.Session(db.get_engine(app), expire_on_commit=False)
    offer = other.scalar(sa.select(Offer).where(Offer.ref == ref))
    return other, offer, other.get(User, user_id)


def test_a_save_that_lost_the_race_raises_a_conflict_naming_the_winner(app, session, make_user):
    first = editor_of(make_user)
    second = editor_of(make_user, name="Ali Anden")
    offer = add_offer(session, first, publish=True)
    other, _seen, other_user = _open(app, offer.ref, second.id)
    update_offer(session, first, offer.ref, {"title": "Vinderens titel"})
    session.commit()
    version = catalogue_version(session)
    try:
        with pytest.raises(Conflict) as lost:
            update_offer(other, other_user, offer.ref, {"title": "Taberens titel"})
        assert lost.value.message == "the offer was changed by Eva Redaktør since you opened it"
    finally:
        other.close()
    session.expire_all()
    assert get_offer(session, offer.ref, first).title == "Vinderens titel"
    assert catalogue_version(session) == version


@pytest.mark.postgres_only
def test_two_saves_at_the_same_moment_on_postgresql_let_exactly_one_win(app, session, make_user):
    first = editor_of(make_user)
    second = editor_of(make_user, name="Ali Anden")
    offer = add_offer(session, first, publish=True)
    start = catalogue_version(session)
    other, _seen, other_user = _open(app, offer.ref, second.id)
    update_offer(session, first, offer.ref, {"title": "Først"})  # holds the row lock
    outcome: dict[str, object] = {}

    def second_save() -> None:
        try:
            update_offer(other, other_user, offer.ref, {"title": "Samtidig"})
            other.commit()
            outcome["result"] = "saved"
        except Conflict as exc:
            outcome["result"] = exc.message
        finally:
            other.close()

    thread = threading.Thread(target=second_save)
    thread.start()
    thread.join(timeout=0.5)  # it waits for our lock
    session.commit()
    thread.join(timeout=10)
    assert outcome["result"] == "the offer was changed by Eva Redaktør since you opened it"
    session.expire_all()
    assert get_offer(session, offer.ref, first).title == "Først"
    assert catalogue_version(session) == start + 1
