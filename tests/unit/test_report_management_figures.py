"""Management information on known courses and needs: every figure checked exactly."""

from __future__ import annotations

from datetime import date, datetime

from bank.reports.figures import CourseFact, NeedFact, course_figures, meeting_figures, need_figures
from bank.reports.stats import Period

TODAY = date(2025, 6, 30)
HALF_YEAR = Period(date(2025, 1, 1), date(2025, 6, 30))

COURSES = [
    # 2024-10-01 -> 2025-03-01: 31 + 30 + 31 + 31 + 28 = 151 days, ended in the period.
    CourseFact(1, "Center A", "Enhed 1", "Sara", date(2024, 10, 1), date(2025, 3, 1)),
    # Running: 2025-02-01 -> 2025-06-30 is 149 days so far.
    CourseFact(2, "Center A", "Enhed 1", "Sara", date(2025, 2, 1)),
    # 2025-01-10 -> 2025-04-10: 21 + 28 + 31 + 10 = 90 days, ended in the period.
    CourseFact(3, "Center B", "Enhed 2", "Omar", date(2025, 1, 10), date(2025, 4, 10)),
    # Ended before the period: not counted.
    CourseFact(4, "Center B", "Enhed 2", "Omar", date(2024, 1, 1), date(2024, 12, 31)),
    # Starts after today: not counted.
    CourseFact(5, "Center A", "Enhed 3", "Sara", date(2025, 7, 15)),
    # Running: 2024-12-01 -> 2025-06-30 is 211 days so far.
    CourseFact(6, "Center B", "Enhed 2", "Omar", date(2024, 12, 1)),
]


def test_courses_are_counted_as_running_and_ended_with_their_durations():
    total = course_figures(COURSES, HALF_YEAR, TODAY).total
    assert (total.running, total.ended) == (2, 2)
    assert total.ended_days.median == 120.5  # (90 + 151) / 2
    assert (total.ended_days.minimum, total.ended_days.maximum) == (90, 151)
    assert total.running_days.median == 180.0  # (149 + 211) / 2


def test_courses_are_counted_per_centre_unit_and_coordinator():
    figures = course_figures(COURSES, HALF_YEAR, TODAY)
    by_centre = {g.name: (g.running, g.ended, g.ended_days.median) for g in figures.by_centre}
    assert by_centre == {"Center A": (1, 1, 151.0), "Center B": (1, 1, 90.0)}
    assert {g.name: g.running + g.ended for g in figures.by_unit} == {"Enhed 1": 2, "Enhed 2": 2}
    by_coordinator = {g.name: (g.running, g.ended) for g in figures.by_coordinator}
    assert by_coordinator == {"Omar": (1, 1), "Sara": (1, 1)}


def test_the_centre_filter_keeps_only_that_centres_courses():
    total = course_figures(COURSES, HALF_YEAR, TODAY, centre="Center B").total
    assert (total.running, total.ended, total.ended_days.median) == (1, 1, 90.0)


def test_a_course_ending_after_the_period_counts_as_running_in_it():
    course = CourseFact(7, "Center A", "Enhed 1", "Sara", date(2025, 1, 1), date(2025, 9, 1))
    total = course_figures([course], Period(date(2025, 1, 1), date(2025, 3, 31)), TODAY).total
    assert (total.running, total.ended, total.running_days.median) == (1, 0, 89.0)


NEEDS = [
    # First bid after 1 day; two bids; one accepted.
    NeedFact(
        1,
        "Center A",
        datetime(2025, 6, 1, 8),
        ((datetime(2025, 6, 2, 8), "submitted"), (datetime(2025, 6, 4, 20), "accepted")),
    ),
    # First bid after 20 days: no bid within 14 days.
    NeedFact(2, "Center A", datetime(2025, 6, 5, 12), ((datetime(2025, 6, 25, 12), "declined"),)),
    # No bid, published 20 days before the reference day.
    NeedFact(3, "Center B", datetime(2025, 6, 10, 0)),
    # First bid after half a day; published only 10 days ago, so not yet judged on 14 days.
    NeedFact(4, "Center B", datetime(2025, 6, 20, 6), ((datetime(2025, 6, 20, 18), "submitted"),)),
    # Published before the period: not counted.
    NeedFact(5, "Center A", datetime(2025, 5, 20, 9)),
]
JUNE = Period(date(2025, 6, 1), date(2025, 6, 30))


def test_need_figures_give_time_to_first_bid_bids_per_need_and_accepted_share():
    figures = need_figures(NEEDS, JUNE, TODAY)
    assert (figures.published, figures.with_bid) == (4, 3)
    waits = figures.days_to_first_bid
    assert (waits.count, waits.median, waits.minimum, waits.maximum) == (3, 1.0, 0.5, 20.0)
    assert waits.mean == 21.5 / 3
    assert (figures.bids_per_need.median, figures.bids_per_need.mean) == (1.0, 1.0)
    assert (figures.with_accepted, figures.accepted_share) == (1, 0.25)


def test_needs_with_no_bid_after_fourteen_days_count_only_needs_that_old():
    figures = need_figures(NEEDS, JUNE, TODAY)
    assert (figures.old_enough, figures.no_bid_in_14_days) == (3, 2)


def test_need_figures_follow_the_centre_filter():
    figures = need_figures(NEEDS, JUNE, TODAY, centre="Center B")
    assert (figures.published, figures.with_bid, figures.no_bid_in_14_days) == (2, 1, 1)


MEETING_COURSES = [
    # Last meeting 2025-05-01: next due 2025-07-31, not overdue.
    CourseFact(11, "A", "U", "S", date(2025, 1, 1), None, (date(2025, 2, 1), date(2025, 5, 1))),
    # Last meeting 2025-03-01: due 2025-05-31, overdue.
    CourseFact(12, "A", "U", "S", date(2024, 9, 1), None, (date(2024, 10, 1), date(2025, 3, 1))),
    # New course without meetings: due 2025-07-15, not overdue.
    CourseFact(13, "A", "U", "S", date(2025, 4, 15)),
    # Started 2025-01-01 without meetings: due 2025-04-02, overdue.
    CourseFact(14, "B", "U", "S", date(2025, 1, 1)),
    # Ended: not running, never overdue.
    CourseFact(15, "B", "U", "S", date(2024, 1, 1), date(2025, 5, 1)),
]


def test_running_courses_with_more_than_91_days_since_the_last_meeting_are_overdue():
    figures = meeting_figures(MEETING_COURSES, HALF_YEAR, TODAY)
    assert (figures.running, figures.overdue) == (4, [12, 14])


TRANSITION_COURSES = [
    # Turns 16 on 2025-03-01; met 2025-01-15, inside the three months before: on time.
    CourseFact(21, "A", "U", "S", date(2024, 6, 1), None, (date(2025, 1, 15),), date(2009, 3, 1)),
    # Turns 17½ on 2025-05-01; first meeting 2025-05-20, before 18: late.
    CourseFact(22, "A", "U", "S", date(2024, 6, 1), None, (date(2025, 5, 20),), date(2007, 11, 1)),
    # Turns 16 on 2025-06-01; the only meeting was before the notice (2025-03-01): missing.
    CourseFact(23, "B", "U", "S", date(2024, 6, 1), None, (date(2024, 12, 1),), date(2009, 6, 1)),
    # Turns 16 on 2025-08-01, after the reference day: not yet due.
    CourseFact(24, "B", "U", "S", date(2024, 6, 1), None, (), date(2009, 8, 1)),
    # Turned 16 on 2025-02-01, before the course started: not the course's transition.
    CourseFact(25, "B", "U", "S", date(2025, 4, 1), None, (), date(2009, 2, 1)),
]


def test_transition_meetings_at_16_and_17_and_a_half_are_on_time_late_or_missing():
    figures = meeting_figures(TRANSITION_COURSES, HALF_YEAR, TODAY)
    assert (figures.milestones_due, figures.on_time, figures.late, figures.missing) == (3, 1, 1, 1)
    assert figures.on_time_share == 1 / 3


def test_transition_meetings_follow_the_centre_filter():
    figures = meeting_figures(TRANSITION_COURSES, HALF_YEAR, TODAY, centre="A")
    assert (figures.milestones_due, figures.on_time, figures.late, figures.missing) == (2, 1, 1, 0)
