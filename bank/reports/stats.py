"""Plain statistics for the leaders' reports: summaries, medians, shares, periods, suppression.

Pure functions over numbers and dates; no Flask, no database. Every report figure is built
from these, so that the tests can check each one against a hand-computed value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from bank import danish

Moment = TypeVar("Moment", datetime, date)  # two timestamps or two days, never one of each

# Figures about fewer young people than this are not shown: they would point at individuals.
MIN_GROUP = 5


def median(values: Iterable[float]) -> float | None:
    """Return the middle value (the mean of the two middle ones for an even count), or None."""
    ordered = sorted(values)
    if not ordered:
        return None
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2


def mean(values: Iterable[float]) -> float | None:
    """Return the arithmetic mean, or None for no values."""
    values = list(values)
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class Summary:
    """How many values, and their median, mean, smallest and largest."""

    count: int
    median: float | None
    mean: float | None
    minimum: float | None
    maximum: float | None


def summarise(values: Iterable[float]) -> Summary:
    """Return the count, median, mean, minimum and maximum of the values."""
    values = list(values)
    return Summary(
        len(values),
        median(values),
        mean(values),
        min(values) if values else None,
        max(values) if values else None,
    )


def share(part: int, whole: int) -> float | None:
    """Return part / whole, or None when the whole is zero."""
    return part / whole if whole else None


def is_suppressed(count: int, minimum: int = MIN_GROUP) -> bool:
    """Tell whether a figure about `count` young people must be hidden (too few)."""
    return count < minimum


def days_between(start: Moment, end: Moment) -> float:
    """Return the time from start to end in days (fractions for timestamps)."""
    return (end - start) / timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included; None means open at that end."""

    start: date | None = None
    end: date | None = None

    def contains(self, day: date | datetime | None) -> bool:
        """Tell whether a day (or the day of a timestamp) lies inside the period."""
        if day is None:
            return False
        if isinstance(day, datetime):
            day = day.date()
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def reference_day(self, today: date) -> date:
        """Return the day the figures are taken on: the period's end, never after today."""
        return min(self.end, today) if self.end else today

    def overlaps(self, first: date, last: date | None, today: date) -> bool:
        """Tell whether something that ran from first to last (None: still running) touched it."""
        if first > self.reference_day(today):
            return False
        return last is None or self.start is None or last >= self.start

    @property
    def label(self) -> str:
        """Return the period in Danish words, e.g. '1.1.2025–31.12.2025'."""
        if self.start is None and self.end is None:
            return "Hele perioden"
        start = f"{self.start.day}.{self.start.month}.{self.start.year}" if self.start else ""
        end = f"{self.end.day}.{self.end.month}.{self.end.year}" if self.end else "i dag"
        return f"{start}–{end}" if start else f"til {end}"


def last_months(today: date, months: int = 12) -> Period:
    """Return the period of the last `months` months up to and including today."""
    month0 = today.month - 1 - months
    year, month = today.year + month0 // 12, month0 % 12 + 1
    for day in (today.day, 30, 29, 28):
        try:
            return Period(date(year, month, day) + timedelta(days=1), today)
        except ValueError:
            continue
    raise ValueError(today)  # pragma: no cover


def danish_number(value: float | None, decimals: int = 1) -> str:
    """Return a number as Danes write it (12,5), or a dash for no value."""
    return danish.number(value, decimals)


def danish_percent(value: float | None) -> str:
    """Return a share as a whole Danish percentage, halves rounded up (0.125 -> '13 %')."""
    return danish.percent(value)


def counts(keys: Sequence[str]) -> dict[str, int]:
    """Return how many times each key occurs, largest first, then by name."""
    tally: dict[str, int] = {}
    for key in keys:
        tally[key] = tally.get(key, 0) + 1
    return dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
