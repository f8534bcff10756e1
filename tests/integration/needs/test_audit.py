"""Every read and change of citizen data is in the audit log, and only leaders search it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.auth.services import search_audit
from bank.errors import NotAllowed
from bank.needs import bids, courses, published


def entries(world) -> list[tuple[int, str, str]]:
    """Return (user id, action, record type) of every audit entry, oldest first."""
    rows = world.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id))
    return [(e.user_id, e.action, e.record_type) for e in rows]


def test_creating_a_course_consent_goal_need_and_publishing_are_recorded(world):
    world.need()
    me = world.coordinator.id
    assert entries(world) == [
        (me, "create", "course"),
        (me, "create", "consent"),
        (me, "create", "goal"),
        (me, "create", "need"),
        (me, "publish", "need"),
    ]


def test_opening_a_course_is_recorded_with_who_which_and_when(world):
    course = world.course()
    courses.open_course(world.session, world.admin, course.id)
    entry = world.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.user_id, entry.action, entry.record_type, entry.record_id) == (
        world.admin.id,
        "read",
        "course",
        str(course.id),
    )
    assert entry.at is not None


def test_bids_and_decisions_and_a_units_read_of_a_need_are_recorded(world):
    need = world.need()
    published.get_public_need(world.session, world.member, need.id)
    bid = world.bid(need)
    bids.decide_bid(world.session, world.coordinator, bid.id, "accepted")
    assert entries(world)[-3:] == [
        (world.member.id, "read", "need"),
        (world.member.id, "create", "bid"),
        (world.coordinator.id, "decide", "bid"),
    ]


def test_a_refused_read_is_recorded_as_refused_and_gives_out_no_data(world):
    course = world.course()
    before = entries(world)
    with pytest.raises(NotAllowed):
        courses.open_course(world.session, world.member, course.id)
    world.session.rollback()  # the refusal is written in its own transaction
    assert entries(world) == [*before, (world.member.id, "refused", "course")]


@pytest.mark.parametrize("role", ["leader", "admin"])
def test_leaders_and_admins_search_the_audit_log(world, role):
    course = world.course()
    courses.open_course(world.session, world.coordinator, course.id)
    world.session.commit()
    found = search_audit(
        world.session, getattr(world, role), record_type="course", record_id=str(course.id)
    )
    assert [e.action for e in found] == ["read", "create"]


def test_a_coordinator_cannot_search_the_audit_log(world):
    with pytest.raises(NotAllowed):
        search_audit(world.session, world.coordinator)


def test_the_course_list_records_that_each_young_person_was_shown(world, client, auth):
    first, second = world.course(), world.course(pseudonym="Ung To")
    auth.login(world.coordinator)
    client.get("/forloeb")
    shown = world.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "read", AuditEntry.record_type == "course")
    ).all()
    assert {e.record_id for e in shown} == {str(first.id), str(second.id)}
    assert all(e.user_id == world.coordinator.id for e in shown)
