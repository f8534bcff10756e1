"""The plan's rules with a fixed clock: items, meeting cadence, transitions."""

from __future__ import annotations

from datetime import date

import pytest

from bank.plans.rules import (
    ItemFacts,
    ItemStatus,
    age_on,
    age_transitions,
    all_transitions,
    assumed_birth_date,
    community_leavings,
    item_endings,
    item_errors,
    meeting_status,
    milestone_date,
    past_end,
    status_change_errors,
)

TODAY = date(2026, 3, 1)


def _item(**overrides):
    values = dict(
        has_goal=True,
        sources=1,
        status=ItemStatus.PLANNED,
        has_responsible=False,
        start=date(2026, 3, 1),
        end=date(2026, 6, 1),
    )
    return item_errors(**(values | overrides))


def test_a_planned_item_may_wait_for_a_responsible_person():
    assert _item() == {}


def test_an_item_without_a_responsible_person_cannot_start():
    assert "responsible" in _item(status=ItemStatus.RUNNING)
    errors = status_change_errors(ItemStatus.PLANNED, ItemStatus.RUNNING, has_responsible=False)
    assert errors["responsible"][0][1] == "En indsats kan ikke gå i gang uden en ansvarlig person."
    assert status_change_errors(ItemStatus.PLANNED, ItemStatus.RUNNING, has_responsible=True) == {}


def test_an_item_must_serve_a_goal_and_come_from_one_offer_or_bid():
    assert set(_item(has_goal=False, sources=0)) == {"goal", "source"}
    assert "source" in _item(sources=2)


def test_an_item_cannot_end_before_it_starts():
    assert "end" in _item(start=date(2026, 5, 1), end=date(2026, 4, 1))


def test_dropping_an_item_needs_a_reason():
    assert "drop_reason" in status_change_errors(
        ItemStatus.RUNNING, ItemStatus.DROPPED, has_responsible=True, reason="  "
    )
    assert (
        status_change_errors(
            ItemStatus.RUNNING, ItemStatus.DROPPED, has_responsible=True, reason="Flyttede"
        )
        == {}
    )
    assert "drop_reason" in _item(status=ItemStatus.DROPPED)


@pytest.mark.parametrize(
    ("current", "new", "allowed"),
    [
        (ItemStatus.PLANNED, ItemStatus.RUNNING, True),
        (ItemStatus.PLANNED, ItemStatus.PAUSED, False),
        (ItemStatus.PLANNED, ItemStatus.ENDED, False),
        (ItemStatus.RUNNING, ItemStatus.PAUSED, True),
        (ItemStatus.PAUSED, ItemStatus.RUNNING, True),
        (ItemStatus.RUNNING, ItemStatus.ENDED, True),
        (ItemStatus.ENDED, ItemStatus.RUNNING, False),
        (ItemStatus.DROPPED, ItemStatus.PLANNED, False),
    ],
)
def test_items_move_only_along_the_allowed_statuses(current, new, allowed):
    errors = status_change_errors(current, new, has_responsible=True, reason="grund")
    assert (errors == {}) is allowed


def test_a_course_that_met_within_91_days_is_not_overdue():
    status = meeting_status(date(2025, 1, 1), [date(2025, 6, 1), date(2025, 12, 1)], TODAY)
    assert status.last == date(2025, 12, 1)
    assert status.due == date(2026, 3, 2)
    assert not status.overdue and status.due_soon


def test_a_course_is_overdue_92_days_after_its_last_meeting():
    status = meeting_status(date(2025, 1, 1), [date(2025, 11, 29)], TODAY)
    assert status.overdue and status.days_overdue == 1


def test_a_new_course_without_meetings_is_overdue_91_days_after_it_started():
    assert not meeting_status(date(2025, 12, 1), [], TODAY).overdue
    late = meeting_status(date(2025, 11, 1), [], TODAY)
    assert late.overdue and late.last is None and late.days_overdue == 29


def test_planned_meetings_in_the_future_do_not_count_as_held():
    status = meeting_status(date(2025, 1, 1), [date(2025, 10, 1), date(2026, 4, 1)], TODAY)
    assert status.last == date(2025, 10, 1) and status.overdue


def test_birthdays_from_a_birth_year_are_never_late():
    assert assumed_birth_date(2010) == date(2010, 1, 1)
    assert milestone_date(date(2010, 1, 1), 17, 6) == date(2027, 7, 1)
    assert age_on(date(2010, 5, 2), date(2026, 5, 1)) == 15


def test_turning_16_is_flagged_three_months_ahead_until_a_team_meeting_is_held():
    birth = date(2010, 5, 15)  # 16 on 15 May 2026; notice from 15 February 2026
    assert age_transitions(birth, [], date(2026, 2, 14)) == []
    flags = age_transitions(birth, [], date(2026, 2, 15))
    assert [(f.due, f.overdue) for f in flags] == [(date(2026, 5, 15), False)]
    assert "bliver 16 år 15. maj 2026" in flags[0].text
    assert "voksenområdet" in flags[0].text
    assert age_transitions(birth, [date(2026, 3, 1)], date(2026, 3, 2)) == []
    # A meeting before the notice does not prepare the transition.
    assert len(age_transitions(birth, [date(2026, 1, 10)], date(2026, 3, 2))) == 1


def test_a_missed_16_meeting_stays_flagged_as_overdue():
    flags = age_transitions(date(2010, 1, 1), [], date(2026, 6, 1))
    assert [(f.due, f.overdue) for f in flags] == [(date(2026, 1, 1), True)]
    assert "blev 16 år" in flags[0].text


def test_turning_17_and_a_half_is_flagged_three_months_ahead():
    birth = date(2009, 1, 1)  # 17½ on 1 July 2026; notice from 1 April 2026
    held = [date(2024, 11, 1)]  # the 16-meeting
    assert age_transitions(birth, held, date(2026, 3, 31)) == []
    flags = age_transitions(birth, held, date(2026, 4, 1))
    assert [f.due for f in flags] == [date(2026, 7, 1)]
    assert "bliver 17½ år" in flags[0].text
    assert age_transitions(birth, [*held, date(2026, 5, 1)], date(2026, 5, 2)) == []


def test_nothing_is_flagged_for_an_adult():
    assert age_transitions(date(2007, 1, 1), [], date(2026, 3, 1)) == []


def test_ending_items_are_flagged_six_weeks_ahead_and_closed_ones_never():
    items = [
        ItemFacts("Mentorordning", date(2026, 4, 12), ItemStatus.RUNNING),
        ItemFacts("Lektiecafé", date(2026, 4, 13), ItemStatus.RUNNING),
        ItemFacts("Fritidsjob", date(2026, 3, 10), ItemStatus.ENDED),
        ItemFacts("Klub", None, ItemStatus.RUNNING),
        ItemFacts("Praktik", date(2026, 2, 20), ItemStatus.PAUSED),
    ]
    flags = item_endings(items, TODAY)
    assert [(f.text.split(" ")[0], f.overdue) for f in flags] == [
        ("Mentorordning", False),
        ("Praktik", True),
    ]
    assert "slutter 12. apr 2026" in flags[0].text


def test_leaving_a_community_is_flagged_three_months_ahead():
    flags = community_leavings(
        [
            ("10. klasse", date(2026, 6, 1)),
            ("Fodboldklubben", date(2026, 6, 2)),
            ("Fritidsjob", None),
        ],
        TODAY,
    )
    assert [f.text for f in flags] == [
        "Den unge forlader 10. klasse 1. jun 2026. Hvad skal den unge være en del af bagefter?"
    ]


def test_all_transitions_come_soonest_first():
    flags = all_transitions(
        date(2010, 5, 15),
        [],
        [ItemFacts("Mentorordning", date(2026, 3, 20), ItemStatus.RUNNING)],
        [("10. klasse", date(2026, 4, 30))],
        TODAY,
    )
    assert [f.kind for f in flags] == ["item_ending", "community", "age"]


def test_an_item_still_running_months_after_its_end_date_stays_flagged():
    items = [
        ItemFacts("Mentorordning", date(2025, 11, 30), ItemStatus.RUNNING),
        ItemFacts("Lektiecafé", date(2025, 11, 30), ItemStatus.ENDED),
    ]
    flags = item_endings(items, TODAY)
    assert [(f.text.split(" ")[0], f.overdue) for f in flags] == [("Mentorordning", True)]
    assert "står stadig som »i gang«" in flags[0].text
    assert past_end(ItemStatus.RUNNING, date(2025, 11, 30), TODAY)
    assert not past_end(ItemStatus.ENDED, date(2025, 11, 30), TODAY)
