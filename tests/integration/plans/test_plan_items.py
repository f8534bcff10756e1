"""Composing the plan: items from offers and accepted bids, who is responsible, statuses."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.errors import Invalid, NotAllowed
from bank.plans import overview, services
from bank.plans.rules import ItemStatus
from tests.integration.plans.conftest import TODAY


def _danish(caught) -> dict[str, list[str]]:
    return caught.value.danish_errors()


def test_an_offer_is_added_to_the_plan_for_a_goal_with_who_and_when(plan_world):
    w = plan_world
    item = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values(
            "mentor",
            w.morning,
            responsible_id=w.member.id,
            starts_on="2026-03-09",
            ends_on="2026-06-30",
            next_step="Mads ringer til Kim mandag",
            next_step_due="2026-03-06",
        ),
    )
    w.session.commit()
    assert item.status is ItemStatus.PLANNED
    assert (item.goal, item.responsible, item.responsible_unit.name) == (
        w.morning,
        w.member,
        "Ungdomsskolen",
    )
    assert (item.starts_on, item.ends_on) == (date(2026, 3, 9), date(2026, 6, 30))
    assert item.title == "Mentorordning for unge i skolen"


def test_an_item_must_serve_one_of_the_courses_active_goals(plan_world):
    w = plan_world
    with pytest.raises(Invalid) as caught:
        services.add_item(
            w.session,
            w.coordinator,
            w.course.id,
            {"offer_id": w.offers["mentor"].id, "goal_id": ""},
        )
    assert _danish(caught)["goal"] == ["Vælg et af forløbets aktive mål."]


def test_an_item_comes_from_exactly_one_offer_or_bid(plan_world):
    w = plan_world
    with pytest.raises(Invalid) as caught:
        services.add_item(w.session, w.coordinator, w.course.id, {"goal_id": w.job.id})
    assert "source" in _danish(caught)


def test_the_responsible_person_must_be_on_the_team(plan_world):
    w = plan_world
    with pytest.raises(Invalid) as caught:
        services.add_item(
            w.session,
            w.coordinator,
            w.course.id,
            w.item_values("fritidsjob", w.job, responsible_id=w.outsider.id),
        )
    assert "Tilføj personen til teamet" in _danish(caught)["responsible"][0]


def test_an_offer_with_no_capacity_is_added_with_the_waiting_time(plan_world):
    w = plan_world
    item = services.add_item(
        w.session, w.coordinator, w.course.id, w.item_values("angst", w.school, waiting_weeks="6")
    )
    assert item.no_capacity and item.waiting_weeks == 6
    with pytest.raises(Invalid) as caught:
        services.add_item(
            w.session,
            w.coordinator,
            w.course.id,
            w.item_values("angst", w.school, waiting_weeks="200"),
        )
    assert "waiting_weeks" in _danish(caught)


def test_an_item_without_a_responsible_person_cannot_start(plan_world):
    w = plan_world
    item = services.add_item(
        w.session, w.coordinator, w.course.id, w.item_values("fritidsjob", w.job)
    )
    with pytest.raises(Invalid) as caught:
        services.change_status(w.session, w.coordinator, item.id, "running", today=TODAY)
    assert _danish(caught)["responsible"] == [
        "En indsats kan ikke gå i gang uden en ansvarlig person."
    ]
    services.update_item(w.session, w.coordinator, item.id, {"responsible_id": w.member.id})
    started = services.change_status(w.session, w.coordinator, item.id, "running", today=TODAY)
    assert started.status is ItemStatus.RUNNING and started.starts_on == TODAY


def test_a_running_item_cannot_lose_its_responsible_person(plan_world):
    w = plan_world
    item = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values("fritidsjob", w.job, responsible_id=w.member.id),
    )
    services.change_status(w.session, w.coordinator, item.id, "running", today=TODAY)
    with pytest.raises(Invalid) as caught:
        services.update_item(w.session, w.coordinator, item.id, {"responsible_id": ""})
    assert "responsible" in _danish(caught)


def test_statuses_move_through_pause_to_end_and_dropping_needs_a_reason(plan_world):
    w = plan_world
    item = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values("mentor", w.school, responsible_id=w.member.id),
    )
    services.change_status(w.session, w.coordinator, item.id, "running", today=TODAY)
    services.change_status(w.session, w.member, item.id, "paused", today=TODAY)
    with pytest.raises(Invalid) as caught:
        services.change_status(w.session, w.coordinator, item.id, "dropped", "", today=TODAY)
    assert "drop_reason" in _danish(caught)
    dropped = services.change_status(
        w.session,
        w.coordinator,
        item.id,
        "dropped",
        "Kim vil hellere have en anden mentor",
        today=TODAY,
    )
    assert dropped.drop_reason == "Kim vil hellere have en anden mentor"
    assert dropped.ends_on == TODAY
    with pytest.raises(Invalid):
        services.change_status(w.session, w.coordinator, item.id, "running", today=TODAY)


def test_only_the_coordinator_composes_the_plan_and_outsiders_cannot_open_it(plan_world):
    w = plan_world
    with pytest.raises(NotAllowed):
        services.add_item(w.session, w.member, w.course.id, w.item_values("mentor", w.school))
    with pytest.raises(NotAllowed):
        overview.plan_view(w.session, w.outsider, w.course.id)
    assert overview.plan_view(w.session, w.member, w.course.id).course == w.course
    assert overview.plan_view(w.session, w.admin, w.course.id).course == w.course


def test_the_plan_flags_goals_that_nothing_serves(plan_world):
    w = plan_world
    services.add_item(w.session, w.coordinator, w.course.id, w.item_values("mentor", w.morning))
    rows = {r.goal.text: r for r in overview.plan_view(w.session, w.coordinator, w.course.id).rows}
    assert not rows["Jeg vil komme op om morgenen"].flagged
    # A life goal counts as served through its sub-goal.
    assert not rows["Jeg vil gennemføre 9. klasse"].flagged
    assert rows["Jeg vil have et fritidsjob"].flagged


def test_two_items_that_are_double_offers_are_flagged(plan_world):
    w = plan_world
    first = services.add_item(
        w.session, w.coordinator, w.course.id, w.item_values("mentor", w.morning)
    )
    services.add_item(w.session, w.coordinator, w.course.id, w.item_values("fritidsjob", w.job))
    assert overview.plan_view(w.session, w.coordinator, w.course.id).doubles == []
    third = services.add_item(
        w.session, w.coordinator, w.course.id, w.item_values("skolementor", w.school)
    )
    doubles = overview.plan_view(w.session, w.coordinator, w.course.id).doubles
    assert [(d.first.id, d.second.id) for d in doubles] in (
        [(first.id, third.id)],
        [(third.id, first.id)],
    )
    # Dropping one of them clears the warning.
    services.change_status(
        w.session, w.coordinator, third.id, "dropped", "Valgte den anden", today=TODAY
    )
    assert overview.plan_view(w.session, w.coordinator, w.course.id).doubles == []


def test_every_read_and_change_of_the_plan_is_audited(plan_world):
    w = plan_world
    before = w.session.scalar(sa.select(sa.func.count(AuditEntry.id)))
    item = services.add_item(
        w.session, w.coordinator, w.course.id, w.item_values("mentor", w.school)
    )
    overview.plan_view(w.session, w.member, w.course.id)
    w.session.commit()
    entries = w.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id).offset(before)).all()
    assert [(e.user_id, e.action, e.record_type) for e in entries] == [
        (w.coordinator.id, "create", "plan_item"),
        (w.member.id, "read", "course"),
    ]
    assert entries[0].record_id == str(item.id)
