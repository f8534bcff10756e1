"""The demo holds decisions to learn from: bids, plan items and some "Passer ikke"."""

from __future__ import annotations

import sqlalchemy as sa

from bank.decisions import services as decisions
from bank.decisions.models import Decision, DecisionKind
from bank.demo import load_demo


def test_the_demo_records_its_bids_plan_items_and_some_passer_ikke_marks(session):
    load_demo(session)
    session.commit()
    kinds = set(session.scalars(sa.select(Decision.kind)))
    assert {
        DecisionKind.BID_ACCEPTED,
        DecisionKind.BID_DECLINED,
        DecisionKind.IN_PLAN,
        DecisionKind.PLAN_COMPLETED,
        DecisionKind.NOT_FIT,
    } <= kinds
    before = decisions.decision_count(session)
    assert before >= 30
    units = session.scalars(sa.select(Decision).where(Decision.unit_id.is_not(None))).all()
    assert len(units) == 2
    examples = decisions.learning_examples(session)
    assert {fits for *_, fits in examples} == {True, False}
    load_demo(session)  # a second run adds nothing
    assert decisions.decision_count(session) == before
