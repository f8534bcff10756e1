"""Outcomes per offer: changes from an item's start to its end, hidden below five courses."""

from __future__ import annotations

from datetime import date

from bank.reports.outcomes import ItemFact, ProgressFact, change_during, offer_outcomes
from bank.reports.stats import Period

TODAY = date(2025, 6, 30)
HALF_YEAR = Period(date(2025, 1, 1), date(2025, 6, 30))
START, END = date(2025, 2, 1), date(2025, 5, 1)


def p(course: int, dimension: str, day: date, value: float) -> ProgressFact:
    return ProgressFact(course, dimension, day, value)


def test_the_change_runs_from_the_last_value_before_the_start_to_the_last_before_the_end():
    entries = [
        p(1, "coping", date(2025, 1, 15), 3),
        p(1, "coping", date(2025, 4, 20), 6),
        p(1, "coping", date(2025, 6, 1), 9),
    ]
    assert change_during(entries, START, END) == 3


def test_without_a_value_before_the_start_the_first_value_inside_the_item_is_used():
    entries = [p(1, "coping", date(2025, 2, 10), 2), p(1, "coping", date(2025, 4, 1), 5)]
    assert change_during(entries, START, END) == 3


def test_a_single_value_measures_no_change():
    assert change_during([p(1, "coping", date(2025, 3, 1), 5)], START, END) is None


ITEMS = [ItemFact(1, "Mentor", "Center A", course, START, END) for course in range(1, 6)] + [
    # Course 1 used the mentor offer twice: still one course.
    ItemFact(1, "Mentor", "Center A", 1, date(2025, 5, 10), date(2025, 5, 20)),
    # Four courses used the group offer: too few to show.
    *[ItemFact(2, "Gruppe", "Center B", course, START, END) for course in range(1, 5)],
    # An item that ended before the period does not count.
    ItemFact(3, "Gammelt", "Center B", 9, date(2024, 1, 1), date(2024, 6, 1)),
]
PROGRESS = [
    # Well-being: changes +3, 0, -2, +5, +1 (median 1, mean 1.4).
    p(1, "wellbeing", date(2025, 1, 20), 4),
    p(1, "wellbeing", date(2025, 4, 30), 7),
    p(2, "wellbeing", date(2025, 2, 1), 5),
    p(2, "wellbeing", date(2025, 3, 1), 5),
    p(3, "wellbeing", date(2025, 1, 1), 6),
    p(3, "wellbeing", date(2025, 5, 1), 4),
    p(4, "wellbeing", date(2025, 2, 15), 3),
    p(4, "wellbeing", date(2025, 4, 15), 8),
    p(5, "wellbeing", date(2025, 1, 31), 2),
    p(5, "wellbeing", date(2025, 2, 28), 3),
    # Coping: measured as a change for four courses only.
    p(1, "coping", date(2025, 1, 15), 3),
    p(1, "coping", date(2025, 4, 20), 6),
    p(2, "coping", date(2025, 2, 1), 4),
    p(2, "coping", date(2025, 5, 1), 5),
    p(3, "coping", date(2025, 2, 10), 2),
    p(3, "coping", date(2025, 4, 1), 2),
    p(4, "coping", date(2025, 1, 1), 5),
    p(4, "coping", date(2025, 3, 1), 7),
    p(5, "coping", date(2025, 3, 1), 5),
]


def test_an_offer_used_by_five_courses_shows_its_users_progress():
    outcomes = offer_outcomes(ITEMS, PROGRESS, HALF_YEAR, TODAY)
    mentor = outcomes[0]
    assert (mentor.offer, mentor.courses, mentor.suppressed) == ("Mentor", 5, False)
    wellbeing = next(c for c in mentor.changes if c.dimension == "wellbeing")
    assert wellbeing.courses == 5
    assert (wellbeing.change.median, wellbeing.change.mean) == (1.0, 1.4)
    assert (wellbeing.change.minimum, wellbeing.change.maximum) == (-2, 5)


def test_a_dimension_measured_for_fewer_than_five_courses_is_hidden():
    mentor = offer_outcomes(ITEMS, PROGRESS, HALF_YEAR, TODAY)[0]
    coping = next(c for c in mentor.changes if c.dimension == "coping")
    assert (coping.courses, coping.change) == (4, None)


def test_an_offer_used_by_fewer_than_five_courses_shows_only_its_count():
    outcomes = {o.offer: o for o in offer_outcomes(ITEMS, PROGRESS, HALF_YEAR, TODAY)}
    assert (outcomes["Gruppe"].courses, outcomes["Gruppe"].suppressed) == (4, True)
    assert outcomes["Gruppe"].changes == ()
    assert "Gammelt" not in outcomes


def test_outcomes_follow_the_centre_filter():
    outcomes = offer_outcomes(ITEMS, PROGRESS, HALF_YEAR, TODAY, centre="Center B")
    assert [o.offer for o in outcomes] == ["Gruppe"]
