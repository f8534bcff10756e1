"""Meetings, progress entries and transitions on a course, with a fixed clock."""

from __future__ import annotations

from datetime import date

import pytest

from bank.errors import Invalid, NotAllowed
from bank.plans import followup, services
from bank.plans.flags import coordinator_watchlist, course_flags
from tests.integration.plans.conftest import STARTED, TODAY


def test_a_meeting_is_recorded_with_who_took_part_and_what_was_decided(plan_world):
    w = plan_world
    meeting = followup.record_meeting(
        w.session,
        w.coordinator,
        w.course.id,
        "2026-02-20",
        "Kim\nMor\nMads, mentor",
        "Kim starter i mentorordningen.",
        "2026-05-01",
        today=TODAY,
    )
    assert meeting.participants == ["Kim", "Mor", "Mads, mentor"]
    assert course_flags(w.session, w.course, TODAY).next_meeting == date(2026, 5, 1)


@pytest.mark.parametrize(
    ("held", "participants", "following", "field"),
    [
        ("", "Kim", "", "held_on"),
        ("2026-03-10", "Kim", "", "held_on"),  # in the future
        ("2026-02-20", " ", "", "participants"),
        ("2026-02-20", "Kim", "2026-02-19", "next_meeting_on"),
    ],
)
def test_a_meeting_with_a_bad_field_is_refused_naming_it(
    plan_world, held, participants, following, field
):
    w = plan_world
    with pytest.raises(Invalid) as caught:
        followup.record_meeting(
            w.session, w.coordinator, w.course.id, held, participants, "", following, today=TODAY
        )
    assert field in caught.value.errors


def test_a_course_that_has_not_met_for_91_days_is_on_the_coordinators_watchlist(plan_world):
    w = plan_world
    followup.record_meeting(
        w.session, w.coordinator, w.course.id, "2025-12-01", "Kim", "", today=TODAY
    )
    assert not course_flags(w.session, w.course, TODAY).meetings.overdue
    later = date(2026, 3, 3)  # 92 days after 1 December
    flags = course_flags(w.session, w.course, later)
    assert flags.meetings.overdue and flags.meetings.days_overdue == 1
    assert [f.course for f in coordinator_watchlist(w.session, w.coordinator, later)] == [w.course]
    assert coordinator_watchlist(w.session, w.outsider, later) == []


def test_turning_16_and_ending_items_are_flagged_as_transitions(plan_world):
    w = plan_world  # born 2010: reckoned as 1 January, 16 on 1 January 2026
    followup.record_meeting(
        w.session, w.coordinator, w.course.id, "2025-10-15", "Kim", "", today=TODAY
    )
    assert course_flags(w.session, w.course, date(2025, 12, 1)).transitions == []
    services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values("mentor", w.school, starts_on="2025-09-01", ends_on="2026-04-01"),
    )
    followup.add_community(
        w.session, w.coordinator, w.course.id, "9. klasse", "school", "2025-08-10", "2026-05-20"
    )
    kinds = [t.kind for t in course_flags(w.session, w.course, TODAY).transitions]
    assert kinds == ["item_ending", "community"]
    # 17½ on 1 July 2027: flagged from 1 April 2027 until a meeting prepares it.
    flags = course_flags(w.session, w.course, date(2027, 4, 1)).transitions
    assert [t.text for t in flags if t.kind == "age"] == [
        "Den unge bliver 17½ år 1. jul 2027. Hold et teammøde, der forbereder overgangen til "
        "voksenområdet ved 18 år."
    ]


def test_progress_is_recorded_on_the_built_in_dimensions(plan_world):
    w = plan_world
    entry = followup.record_progress(
        w.session,
        w.member,
        w.course.id,
        "attendance",
        "72,5",
        "2026-02-01",
        "Flere morgener i skole",
        today=TODAY,
    )
    assert (entry.value, entry.recorded_by, entry.recorded_on) == (72.5, w.member, date(2026, 2, 1))
    choice = followup.record_progress(
        w.session, w.coordinator, w.course.id, "participation", "Prøver", today=TODAY
    )
    assert choice.value == 1.0 and choice.recorded_on == TODAY
    assert [e.dimension for e in followup.progress_of(w.session, w.course)] == [
        "attendance",
        "participation",
    ]


@pytest.mark.parametrize(
    ("dimension", "value", "day", "field"),
    [
        ("coping", "11", "", "value"),
        ("wellbeing", "", "", "value"),
        ("humoer", "5", "", "dimension"),
        ("coping", "5", "2026-04-01", "recorded_on"),
    ],
)
def test_a_progress_entry_off_its_scale_is_refused_naming_the_field(
    plan_world, dimension, value, day, field
):
    w = plan_world
    with pytest.raises(Invalid) as caught:
        followup.record_progress(
            w.session, w.coordinator, w.course.id, dimension, value, day, today=TODAY
        )
    assert field in caught.value.errors


def test_a_team_adds_its_own_dimension_and_records_on_it(plan_world):
    w = plan_world
    spec = followup.add_dimension(w.session, w.member, w.course.id, "Søvn", "scale", "1", "5")
    assert [d.key for d in followup.dimensions_of(w.session, w.course)][-1] == spec.key
    entry = followup.record_progress(w.session, w.member, w.course.id, spec.key, "4", today=TODAY)
    assert entry.value == 4.0
    with pytest.raises(Invalid):
        followup.add_dimension(w.session, w.member, w.course.id, "søvn", "scale")
    with pytest.raises(Invalid):
        followup.record_progress(w.session, w.member, w.course.id, spec.key, "6", today=TODAY)


def test_people_outside_the_course_cannot_record_anything(plan_world):
    w = plan_world
    with pytest.raises(NotAllowed):
        followup.record_progress(w.session, w.outsider, w.course.id, "coping", "5", today=TODAY)
    with pytest.raises(NotAllowed):
        followup.record_meeting(
            w.session, w.outsider, w.course.id, "2026-02-01", "Kim", "", today=TODAY
        )
    assert STARTED < TODAY
