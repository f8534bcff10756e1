"""The bid state machine: submitted, then accepted, declined or withdrawn — once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bank.errors import Conflict, Invalid, NotAllowed, NotFound
from bank.needs import bids, needs
from bank.needs.models import BidState, DeclineReason


def test_the_coordinator_accepts_a_bid_and_the_unit_sees_it_accepted(world):
    bid = world.bid(world.need())
    bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    world.session.commit()
    seen = bids.get_bid(world.session, world.member, bid.id)
    assert seen.state == BidState.ACCEPTED
    assert seen.decided_by_id == world.coordinator.id and seen.decided_at is not None


def test_declining_needs_a_reason_from_the_list(world):
    bid = world.bid(world.need())
    with pytest.raises(Invalid) as refused:
        bids.decide_bid(world.session, world.coordinator, bid.id, "declined")
    assert "reason" in refused.value.errors
    bids.decide_bid(world.session, world.coordinator, bid.id, "declined", "no_capacity")
    assert bid.state == BidState.DECLINED and bid.decision_reason == DeclineReason.NO_CAPACITY


@pytest.mark.parametrize(
    ("first", "second"),
    [("accepted", "declined"), ("declined", "accepted"), ("accepted", "accepted")],
)
def test_a_bid_decided_once_cannot_be_decided_again(world, first, second):
    bid = world.bid(world.need())
    bids.decide_bid(world.session, world.coordinator, bid.id, first, "other")
    world.session.commit()
    with pytest.raises(Conflict) as refused:
        bids.decide_bid(world.session, world.coordinator, bid.id, second, "other")
    assert "allerede" in refused.value.danish
    assert bid.state == BidState(first)


def test_the_unit_can_withdraw_its_bid_before_a_decision_but_not_after(world):
    need = world.need()
    bid = world.bid(need)
    bids.withdraw_bid(world.session, world.member, bid.id)
    assert bid.state == BidState.WITHDRAWN
    with pytest.raises(Conflict):
        bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    second = world.bid(need)  # a withdrawn bid may be followed by a new one
    bids.decide_bid(world.session, world.coordinator, second.id, "accepted")
    with pytest.raises(Conflict):
        bids.withdraw_bid(world.session, world.member, second.id)


def test_several_bids_on_one_need_may_be_accepted(world):
    need = world.need()
    first, second = world.bid(need), world.bid(need, member=world.third_member)
    for bid in (first, second):
        bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    assert {first.state, second.state} == {BidState.ACCEPTED}


def test_a_unit_has_one_live_bid_per_need(world):
    need = world.need()
    world.bid(need)
    with pytest.raises(Conflict):
        world.bid(need)


def test_closing_a_need_declines_the_waiting_bids_and_keeps_the_accepted(world):
    need = world.need()
    accepted, waiting = world.bid(need), world.bid(need, member=world.third_member)
    bids.decide_bid(world.session, world.coordinator, accepted.id, "accepted")
    needs.close_need(world.session, world.coordinator, need, "met")
    world.session.commit()
    assert accepted.state == BidState.ACCEPTED
    assert waiting.state == BidState.DECLINED and waiting.decision_note == "Behovet er lukket."
    with pytest.raises(Conflict):
        world.bid(need, member=world.third_member)


def test_nobody_can_bid_on_a_draft_need(world):
    draft = world.need(publish=False)
    with pytest.raises(NotFound):
        world.bid(draft)


def test_a_bid_needs_a_solution_model_and_a_start_that_is_not_in_the_past(world):
    need = world.need()
    with pytest.raises(Invalid) as refused:
        world.bid(
            need, activities="", earliest_start=date.today() - timedelta(days=1), duration_weeks=0
        )
    assert set(refused.value.errors) == {"activities", "earliest_start", "duration_weeks"}


def test_a_bid_can_build_on_published_offers_from_the_catalogue(world):
    offer = world.offer(
        "Ungdomsskolen", "Morgenmentor", "En voksen følger dig i skole.", ["mentor", "fravaer"]
    )
    bid = world.bid(world.need(), offer_ids=[offer.id])
    assert [o.title for o in bid.offers] == ["Morgenmentor"]
    with pytest.raises(Invalid):
        world.bid(world.need(), offer_ids=[offer.id + 999])


def test_a_decision_note_that_names_the_young_person_is_refused(world):
    bid = world.bid(world.need())
    with pytest.raises(Invalid) as refused:
        bids.decide_bid(
            world.session,
            world.coordinator,
            bid.id,
            "declined",
            "other",
            "Zebra Ulvsen vil hellere noget andet",
        )
    assert "navn" in refused.value.danish_errors()["note"][0]


def test_a_unit_sees_only_its_own_bids_on_a_need_and_the_coordinator_sees_all(world):
    need = world.need()
    own, other = world.bid(need), world.bid(need, member=world.third_member)
    assert bids.bids_on_need(world.session, world.member, need) == [own]
    assert bids.bids_on_need(world.session, world.coordinator, need) == [own, other]
    with pytest.raises(NotAllowed):
        bids.bids_on_need(world.session, world.editor, need)
