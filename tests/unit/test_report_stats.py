"""Plain statistics behind the leaders' reports, checked against hand-computed values."""

from __future__ import annotations

from datetime import date, datetime

from bank.reports.stats import (
    Period,
    counts,
    danish_number,
    danish_percent,
    days_between,
    is_suppressed,
    last_months,
    median,
    share,
    summarise,
)


def test_the_median_of_an_odd_count_is_the_middle_value():
    assert median([7, 1, 3]) == 3.0


def test_the_median_of_an_even_count_is_the_mean_of_the_two_middle_values():
    assert median([4, 1, 3, 10]) == 3.5


def test_no_values_have_no_median():
    assert median([]) is None


def test_a_summary_gives_count_median_mean_minimum_and_maximum():
    summary = summarise([10, 20, 60])
    assert (summary.count, summary.median, summary.mean) == (3, 20.0, 30.0)
    assert (summary.minimum, summary.maximum) == (10, 60)


def test_a_share_of_nothing_is_no_share():
    assert share(1, 4) == 0.25
    assert share(0, 0) is None


def test_figures_about_fewer_than_five_young_people_are_suppressed():
    assert is_suppressed(4)
    assert not is_suppressed(5)


def test_days_between_timestamps_keep_the_fraction_of_a_day():
    assert days_between(datetime(2025, 6, 1, 8), datetime(2025, 6, 2, 20)) == 1.5


def test_a_period_includes_both_of_its_ends():
    period = Period(date(2025, 1, 1), date(2025, 12, 31))
    assert period.contains(date(2025, 1, 1))
    assert period.contains(datetime(2025, 12, 31, 23, 59))
    assert not period.contains(date(2026, 1, 1))
    assert not period.contains(None)


def test_figures_are_taken_on_the_periods_end_but_never_after_today():
    assert Period(end=date(2025, 12, 31)).reference_day(date(2025, 6, 1)) == date(2025, 6, 1)
    assert Period(end=date(2025, 3, 31)).reference_day(date(2025, 6, 1)) == date(2025, 3, 31)


def test_the_last_twelve_months_end_today_and_start_the_day_after_a_year_ago():
    assert last_months(date(2025, 3, 15)) == Period(date(2024, 3, 16), date(2025, 3, 15))
    assert last_months(date(2024, 2, 29)) == Period(date(2023, 3, 1), date(2024, 2, 29))


def test_numbers_and_shares_are_written_the_danish_way():
    assert danish_number(2.5) == "2,5"
    assert danish_number(3.0) == "3"
    assert danish_number(None) == "–"
    assert danish_percent(0.125) == "13 %"
    assert danish_percent(2 / 3) == "67 %"
    assert danish_percent(None) == "–"


def test_counts_come_largest_first():
    assert list(counts(["b", "a", "b", "c", "a", "b"]).items()) == [("b", 3), ("a", 2), ("c", 1)]
