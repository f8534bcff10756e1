"""Consent is required to publish, and withdrawing it takes the course's needs down at once."""

from __future__ import annotations

from datetime import date

import pytest

from bank.errors import Conflict, Invalid
from bank.needs import consent, needs, published
from bank.needs.models import BidState, NeedState


def test_publishing_a_need_without_consent_is_refused(world):
    course = world.course(with_consent=False)
    need = world.need(course, publish=False)
    with pytest.raises(Conflict) as refused:
        needs.publish_need(world.session, world.coordinator, need)
    assert "samtykke" in refused.value.danish
    assert need.state == NeedState.DRAFT


def test_consent_that_does_not_cover_publishing_does_not_let_a_need_out(world):
    course = world.course(with_consent=False)
    consent.record_consent(
        world.session, world.coordinator, course, "written", date.today(), covers_publishing=False
    )
    need = world.need(course, publish=False)
    with pytest.raises(Conflict):
        needs.publish_need(world.session, world.coordinator, need)


def test_a_need_is_published_once_consent_covers_it(world):
    need = world.need()
    assert need.state == NeedState.PUBLISHED
    assert need.published_at is not None
    assert [n.id for n in published.visible_needs(world.session, world.member)] == [need.id]


def test_withdrawing_consent_unpublishes_the_courses_needs_at_once(world):
    course = world.course()
    first, second = world.need(course), world.need(course, title="Et fritidsjob")
    bid = world.bid(first)
    consent.withdraw_consent(world.session, world.coordinator, course)
    world.session.commit()
    assert {first.state, second.state} == {NeedState.WITHDRAWN}
    assert published.visible_needs(world.session, world.member) == []
    world.session.refresh(bid)
    assert bid.state == BidState.DECLINED


def test_a_withdrawn_need_cannot_be_published_again_without_new_consent(world):
    course = world.course()
    need = world.need(course)
    consent.withdraw_consent(world.session, world.coordinator, course)
    with pytest.raises(Conflict):
        needs.publish_need(world.session, world.coordinator, need)
    consent.record_consent(world.session, world.coordinator, course, "written", date.today(), True)
    needs.publish_need(world.session, world.coordinator, need)
    assert need.state == NeedState.PUBLISHED


def test_consent_shared_with_named_units_shows_the_need_only_to_those_units(world):
    course = world.course(with_consent=False)
    consent.record_consent(
        world.session,
        world.coordinator,
        course,
        "written",
        date.today(),
        covers_publishing=False,
        unit_ids=[world.member.unit_id],
    )
    need = world.need(course)
    assert [n.id for n in published.visible_needs(world.session, world.member)] == [need.id]
    assert published.visible_needs(world.session, world.third_member) == []


def test_recording_new_consent_replaces_the_old_one(world):
    course = world.course()
    first = course.active_consent
    second = consent.record_consent(
        world.session, world.coordinator, course, "written", date.today(), True
    )
    assert course.active_consent is second
    assert first.replaced and first.withdrawn_at is not None


def test_consent_dated_in_the_future_is_refused_with_the_field_named(world):
    course = world.course(with_consent=False)
    with pytest.raises(Invalid) as refused:
        consent.record_consent(
            world.session,
            world.coordinator,
            course,
            "oral",
            date(date.today().year + 1, 1, 1),
            True,
        )
    assert "given_on" in refused.value.errors
