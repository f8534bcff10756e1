"""The demo holds decisions to learn from, and its first load fits the learned signal on them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bank.decisions import services as decisions
from bank.decisions.models import Decision, DecisionKind
from bank.demo import DEMO_PASSWORD, load_demo
from bank.matching.learned import MARGIN
from bank.needs.models import Citizen, Course, CourseStatus
from bank.plans import finder
from bank.ranking.learning import LearnedFit, adopted_fit, forget_attached

PENGECAFEEN = "dm-o070"  # the offer the demo's earlier courses chose for needs about debt


@pytest.fixture
def fresh_look():
    forget_attached()
    yield
    forget_attached()


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
    assert before >= 100
    units = session.scalars(sa.select(Decision).where(Decision.unit_id.is_not(None))).all()
    assert len(units) == 2
    examples = decisions.learning_examples(session)
    assert {fits for *_, fits in examples} == {True, False}
    load_demo(session)  # a second run adds nothing
    assert decisions.decision_count(session) == before


def test_the_demos_earlier_courses_are_ended_and_their_needs_closed(session):
    load_demo(session)
    earlier = session.scalars(
        sa.select(Course).join(Citizen).where(Citizen.pseudonym.like("Ung T%"))
    ).all()
    assert len(earlier) >= 20
    assert all(c.status == CourseStatus.ENDED for c in earlier)
    assert all(n.state == "closed" and n.published_at for c in earlier for n in c.needs)


def test_the_first_demo_load_fits_the_learned_signal_and_the_leader_sees_it(session, client):
    load_demo(session)
    fit = adopted_fit(session)
    assert fit is not None and fit.after >= fit.before + MARGIN, fit.why if fit else None
    client.post("/log-ind", data={"email": "leder@demo.dk", "password": DEMO_PASSWORD})
    page = client.get("/rapporter/").get_data(as_text=True)
    assert "Tilpasset" in page and f"ud fra {fit.decision_count} beslutninger" in page
    load_demo(session)  # a second run fits nothing again
    assert session.scalar(sa.select(sa.func.count(LearnedFit.id))) == 1


def test_an_open_demo_need_about_bills_gets_the_offer_chosen_for_similar_needs(session, fresh_look):
    load_demo(session)
    query = sa.select(Course).join(Citizen).where(Citizen.pseudonym == "Ung C")
    course = session.scalars(query).one()
    found = finder.find_offers(session, course.coordinator, course.id)
    hit = next(h for h in found.hits if h.offer.ref == PENGECAFEEN)
    assert any(r.startswith("Valgt til lignende behov") for r in hit.reasons)
