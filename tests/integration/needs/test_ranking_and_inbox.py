"""Open needs ranked for a unit, and the inbox that tells each user what waits for them."""

from __future__ import annotations

import pytest

from bank.errors import NotAllowed
from bank.needs import bids, inbox, ranking
from bank.needs.inbox import DECISION, FITTING_NEED, NEW_BID


@pytest.fixture
def catalogue(world):
    """Give the bidding unit (Ungdomsskolen) a mentor offer and Jobcentret a job offer."""
    world.offer(
        "Ungdomsskolen",
        "Morgenmentor",
        "En voksen henter dig og følger dig i skole, "
        "så du kommer op om morgenen og møder til tiden.",
        ["mentor", "fravaer", "skole"],
    )
    world.offer(
        "Jobcentret",
        "Fritidsjob med støtte",
        "Vi hjælper dig med at finde og passe et fritidsjob i en butik eller et værksted.",
        ["job", "praktik"],
    )


def test_a_unit_sees_the_open_needs_that_fit_its_offers_first_with_reasons(world, catalogue):
    course = world.course()
    job = world.need(
        course,
        title="Et fritidsjob",
        tags=("job",),
        description="Jeg vil gerne tjene mine egne penge i et fritidsjob.",
    )
    school = world.need(course)
    ranked = ranking.needs_for_unit(world.session, world.member)
    assert ranked[0].need.id == school.id
    assert any("Morgenmentor" in reason for reason in ranked[0].reasons)
    assert job.id not in [r.need.id for r in ranked[:1]]


def test_a_ranked_need_carries_the_age_band_and_never_the_pseudonym(world, catalogue):
    world.need()
    ranked = ranking.needs_for_unit(world.session, world.member)
    assert ranked[0].need.age_band == "16–17"
    assert "Zebra" not in repr(ranked)


def test_a_unit_without_offers_gets_no_ranking(world, catalogue):
    world.need()
    assert ranking.needs_for_unit(world.session, world.editor) == []


def test_the_coordinator_finds_new_bids_on_their_needs_in_the_inbox(world):
    need = world.need()
    world.bid(need)
    items = inbox.inbox(world.session, world.coordinator)
    assert [(i.kind, i.target_id) for i in items] == [(NEW_BID, need.id)]
    assert "Ungdomsskolen" in items[0].text


def test_the_unit_finds_the_decision_on_its_bid_and_new_fitting_needs(world, catalogue):
    decided = world.need()
    bid = world.bid(decided)
    bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    world.session.commit()
    fresh = world.need(title="Komme op om morgenen", tags=("fravaer", "mentor"))
    items = inbox.inbox(world.session, world.member)
    assert (DECISION, bid.id) in [(i.kind, i.target_id) for i in items]
    assert (FITTING_NEED, fresh.id) in [(i.kind, i.target_id) for i in items]
    assert (FITTING_NEED, decided.id) not in [(i.kind, i.target_id) for i in items]
    assert "taget imod" in next(i.text for i in items if i.kind == DECISION)
    assert inbox.inbox(world.session, world.coordinator) == []  # decided: nothing waits


def test_nobody_reads_another_users_inbox(world):
    with pytest.raises(NotAllowed):
        inbox.inbox(world.session, world.admin, world.coordinator)
