"""An accepted bid becomes a plan item; a bid that is not accepted cannot."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bank.errors import Invalid
from bank.needs import bids, needs
from bank.plans import finder, services
from tests.conftest import PASSWORD


def _bid(w):
    need = needs.create_need(
        w.session,
        w.coordinator,
        w.course,
        w.job.id,
        "Hjælp til at finde et fritidsjob",
        "Jeg vil gerne tjene mine egne penge og prøve at gå på arbejde.",
        ["job"],
    )
    needs.publish_need(w.session, w.coordinator, need)
    bid = bids.submit_bid(
        w.session,
        w.member,
        need.id,
        "Jobtræning i Ungdomsskolens café",
        "Den unge arbejder to eftermiddage om ugen i caféen med en voksen ved siden af.",
        "Erfaring og en udtalelse til et fritidsjob.",
        "Mads fra Ungdomsskolen",
        date.today() + timedelta(days=7),
        10,
    )
    w.session.commit()
    return bid


def test_a_bid_that_is_not_accepted_cannot_be_added(plan_world):
    w = plan_world
    bid = _bid(w)
    with pytest.raises(Invalid) as caught:
        services.add_item(
            w.session, w.coordinator, w.course.id, {"bid_id": bid.id, "goal_id": w.job.id}
        )
    assert "source" in caught.value.errors


def test_an_accepted_bid_is_waiting_for_the_plan_until_it_is_added(plan_world):
    w = plan_world
    bid = _bid(w)
    bids.decide_bid(w.session, w.coordinator, bid.id, "accepted")
    w.session.commit()
    assert finder.unplanned_bids(w.course, []) == [bid]
    item = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        {"bid_id": bid.id, "goal_id": w.job.id, "responsible_id": w.member.id},
    )
    assert (item.title, item.provider) == ("Jobtræning i Ungdomsskolens café", "Ungdomsskolen")
    assert finder.unplanned_bids(w.course, [item]) == []


def test_a_bid_the_course_did_not_accept_is_refused_by_the_form_and_not_shown(client, plan_world):
    w = plan_world
    bid = _bid(w)  # submitted on the course's need, never accepted
    client.post("/log-ind", data={"email": w.coordinator.email, "password": PASSWORD})
    shown = client.get(f"/forloeb/{w.course.id}/plan/ny?bud={bid.id}")
    assert shown.status_code == 404
    assert "Jobtræning" not in shown.get_data(as_text=True)
    posted = client.post(
        f"/forloeb/{w.course.id}/plan/indsatser",
        data={"bid_id": bid.id, "goal_id": w.job.id, "responsible_id": w.member.id},
    )
    assert posted.status_code == 404
    assert "Jobtræning" not in posted.get_data(as_text=True)
    assert services.course_items(w.session, w.course) == []
    bids.decide_bid(w.session, w.coordinator, bid.id, "accepted")
    w.session.commit()
    accepted = client.get(f"/forloeb/{w.course.id}/plan/ny?bud={bid.id}")
    assert accepted.status_code == 200 and "Jobtræning" in accepted.get_data(as_text=True)
