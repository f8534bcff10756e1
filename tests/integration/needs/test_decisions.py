"""Decisions on bids and a unit's "Passer ikke", and what the learning may read of them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.decisions import services as decisions
from bank.decisions.models import Decision, DecisionKind, NotFitReason
from bank.errors import NotAllowed, NotFound
from bank.needs import bids, goals, inbox, needs, ranking
from tests.integration.needs.conftest import FAMILY, PSEUDONYM


@pytest.fixture
def catalogue(world):
    """Give the bidding unit (Ungdomsskolen) a mentor offer and Jobcentret a job offer."""
    mentor = world.offer(
        "Ungdomsskolen",
        "Morgenmentor",
        "En voksen henter dig og følger dig i skole, "
        "så du kommer op om morgenen og møder til tiden.",
        ["mentor", "fravaer", "skole"],
        ref="morgenmentor",
    )
    job = world.offer(
        "Jobcentret",
        "Fritidsjob med støtte",
        "Vi hjælper dig med at finde og passe et fritidsjob i en butik eller et værksted.",
        ["job", "praktik"],
        ref="fritidsjob",
    )
    return {"mentor": mentor, "job": job}


def _kinds(session) -> list[tuple[DecisionKind, int | None]]:
    rows = session.scalars(sa.select(Decision).order_by(Decision.id))
    return [(d.kind, d.offer_id) for d in rows]


def test_accepting_a_bid_records_a_decision_for_each_offer_it_names(world, catalogue):
    need = world.need()
    bid = world.bid(need, offer_ids=[catalogue["mentor"].id])
    bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    world.session.commit()
    decision = world.session.scalar(sa.select(Decision))
    assert (decision.kind, decision.offer_id, decision.need_id) == (
        DecisionKind.BID_ACCEPTED,
        catalogue["mentor"].id,
        need.id,
    )
    assert (decision.goal_id, decision.course_id) == (need.goal_id, need.course_id)
    assert decision.decided_by_id == world.coordinator.id
    assert decision.decided_at.tzinfo is not None and decision.undone_at is None


def test_declining_a_bid_records_a_declined_decision(world, catalogue):
    bid = world.bid(world.need(), offer_ids=[catalogue["mentor"].id])
    bids.decide_bid(world.session, world.coordinator, bid.id, "declined", "not_wanted")
    world.session.commit()
    assert _kinds(world.session) == [(DecisionKind.BID_DECLINED, catalogue["mentor"].id)]


def test_a_decision_that_fails_records_nothing(world, catalogue):
    bid = world.bid(world.need(), offer_ids=[catalogue["mentor"].id])
    bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    world.session.commit()
    with pytest.raises(Exception):  # noqa: B017  (decided already: a Conflict)
        bids.decide_bid(world.session, world.coordinator, bid.id, "declined", "other")
    world.session.rollback()
    assert decisions.decision_count(world.session) == 1


def test_a_unit_marks_a_need_passer_ikke_and_it_leaves_its_list_until_undone(world, catalogue):
    need = world.need()
    listed = ranking.needs_for_unit(world.session, world.member)
    assert [r.need.id for r in listed] == [need.id]
    assert listed[0].best_offer == "morgenmentor"
    mark = decisions.mark_need_not_fit(
        world.session, world.member, need.id, listed[0].best_offer, "tried"
    )
    world.session.commit()
    assert (mark.kind, mark.unit_id, mark.offer_id) == (
        DecisionKind.NOT_FIT,
        world.member.unit_id,
        catalogue["mentor"].id,
    )
    assert mark.reason is NotFitReason.TRIED and mark.course_id is None
    assert ranking.needs_for_unit(world.session, world.member) == []
    assert [d.need_id for d in decisions.hidden_needs(world.session, world.member)] == [need.id]
    decisions.undo_need_not_fit(world.session, world.member, mark.id)
    world.session.commit()
    assert [r.need.id for r in ranking.needs_for_unit(world.session, world.member)] == [need.id]
    assert decisions.hidden_needs(world.session, world.member) == []


def test_a_need_marked_passer_ikke_leaves_the_units_inbox_too(world, catalogue):
    need = world.need()
    assert [i.target_id for i in inbox.inbox(world.session, world.member)] == [need.id]
    decisions.mark_need_not_fit(world.session, world.member, need.id)
    world.session.commit()
    assert inbox.inbox(world.session, world.member) == []


def test_a_units_mark_keeps_only_an_offer_of_that_unit(world, catalogue):
    need = world.need()
    mark = decisions.mark_need_not_fit(world.session, world.member, need.id, "fritidsjob")
    assert mark.offer_id is None and mark.unit_id == world.member.unit_id


def test_only_a_unit_member_marks_on_a_units_list_and_only_their_units_marks(world, catalogue):
    need = world.need()
    with pytest.raises(NotAllowed):
        decisions.mark_need_not_fit(world.session, world.coordinator, need.id)
    draft = world.need(publish=False)
    with pytest.raises(NotFound):
        decisions.mark_need_not_fit(world.session, world.member, draft.id)
    mark = decisions.mark_need_not_fit(world.session, world.member, need.id)
    world.session.commit()
    with pytest.raises(NotFound):
        decisions.undo_need_not_fit(world.session, world.third_member, mark.id)
    assert decisions.hidden_need_ids(world.session, world.third_member.unit_id) == set()


def test_the_board_shows_passer_ikke_and_undo_brings_the_need_back(world, catalogue, client):
    need = world.need()
    client.post("/log-ind", data={"email": world.member.email, "password": "korrekt-hest-batteri"})
    page = client.get("/behov").get_data(as_text=True)
    assert f"/behov/{need.id}/passer-ikke" in page and "Forkert målgruppe" in page
    answer = client.post(
        f"/behov/{need.id}/passer-ikke",
        data={"reason": "wrong_target_group", "offer": "morgenmentor"},
        headers={"HX-Request": "true"},
    )
    body = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "<html" not in body
    assert "Skjult (1)" in body and f"/behov/{need.id}/passer-ikke" not in body
    assert "Behovet er skjult for jeres enhed" in body
    mark = world.session.scalar(sa.select(Decision))
    plain = client.post(f"/behov/skjult/{mark.id}/fortryd")
    assert plain.status_code == 302 and plain.headers["Location"].endswith("/behov#behovsliste")
    page = client.get("/behov").get_data(as_text=True)
    assert "Skjult (" not in page and f"/behov/{need.id}/passer-ikke" in page


def _examples_world(world, catalogue):
    """A course whose young person has a pseudonym and family names, with decided bids."""
    course = world.course()
    published = world.need(course)
    bid = world.bid(published, offer_ids=[catalogue["mentor"].id])
    bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    other = world.need(
        course,
        title="Et fritidsjob",
        description="Jeg vil gerne tjene mine egne penge i et fritidsjob.",
        tags=("job",),
    )
    declined = world.bid(other, world.third_member, offer_ids=[catalogue["job"].id])
    bids.decide_bid(world.session, world.coordinator, declined.id, "declined", "not_wanted")
    world.session.commit()
    return course, published, other


def test_learning_examples_hold_the_published_need_text_and_whether_it_fits(world, catalogue):
    course, published, other = _examples_world(world, catalogue)
    examples = decisions.learning_examples(world.session)
    school_text = "\n".join(
        [published.title, published.description, "Jeg vil have en 9.-klasses eksamen"]
    )
    key = f"course-{published.course_id}/need-{published.id}"
    assert (key, school_text, "morgenmentor", True) in examples
    assert [(g, ref, fits) for g, _, ref, fits in examples] == [
        (key, "morgenmentor", True),
        (f"course-{other.course_id}/need-{other.id}", "fritidsjob", False),
    ]
    assert decisions.decision_count(world.session) == 2
    entry = world.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.action, entry.record_type) == ("read", "needs")


def test_learning_examples_never_hold_a_pseudonym_a_family_name_or_unpublished_text(
    world, catalogue
):
    course, published, other = _examples_world(world, catalogue)
    # A goal that names the young person: a decision on it must not teach its words.
    named = goals.add_goal(
        world.session, world.coordinator, course, "life", f"{PSEUDONYM} vil bo hos {FAMILY[0]}"
    )
    plain = goals.add_goal(world.session, world.coordinator, course, "life", "Jeg vil i praktik")
    for goal in (named, plain):
        world.session.add(
            Decision(
                kind=DecisionKind.IN_PLAN,
                offer_id=catalogue["job"].id,
                goal_id=goal.id,
                course_id=course.id,
                decided_by_id=world.coordinator.id,
            )
        )
    draft = needs.create_need(
        world.session,
        world.coordinator,
        course,
        plain.id,
        "Kladde om lommepenge",
        "Endnu ikke lagt ud.",
        [],
    )
    world.session.add(
        Decision(
            kind=DecisionKind.NOT_FIT,
            offer_id=catalogue["mentor"].id,
            need_id=draft.id,
            course_id=course.id,
            decided_by_id=world.coordinator.id,
        )
    )
    world.session.commit()
    examples = decisions.learning_examples(world.session)
    groups = [g for g, *_ in examples]
    assert f"course-{plain.course_id}/goal-{plain.id}" in groups
    assert f"course-{named.course_id}/goal-{named.id}" not in groups
    assert f"course-{draft.course_id}/need-{draft.id}" not in groups
    secrets = [PSEUDONYM, *PSEUDONYM.split(), *FAMILY, "Kladde om lommepenge"]
    for _, text, _, _ in examples:
        assert not [s for s in secrets if s.lower() in text.lower()]
    rows = world.session.execute(sa.select(Decision.__table__)).all()
    stored = " ".join(str(value) for row in rows for value in row).lower()
    assert not [s for s in secrets if s.lower() in stored]


def test_an_undone_decision_teaches_nothing(world, catalogue):
    need = world.need()
    mark = decisions.mark_need_not_fit(world.session, world.member, need.id, "morgenmentor")
    world.session.commit()
    assert [fits for *_, fits in decisions.learning_examples(world.session)] == [False]
    decisions.undo_need_not_fit(world.session, world.member, mark.id)
    world.session.commit()
    assert decisions.learning_examples(world.session) == []
    assert decisions.decision_count(world.session) == 0
