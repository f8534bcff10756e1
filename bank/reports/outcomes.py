"""Outcomes per offer: how the young people who used an offer moved during it.

Pure. For each course that had the offer as a plan item, and each progress dimension, the
change is the last value recorded on or before the item's end (running items: the
reference day) minus the value at its start (the last value on or before the start, or
else the first inside the item). An offer's figures are shown only when at least
MIN_GROUP courses used it, and a dimension's only when at least MIN_GROUP of those
courses have a measured change: below that they would point at individuals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bank.reports.stats import MIN_GROUP, Period, Summary, is_suppressed, summarise


@dataclass(frozen=True)
class ItemFact:
    """A plan item built on an offer: which offer, which course, when it ran."""

    offer_id: int
    offer: str
    centre: str
    course_id: int
    start: date
    end: date | None = None


@dataclass(frozen=True)
class ProgressFact:
    """One progress entry of a course."""

    course_id: int
    dimension: str
    day: date
    value: float


@dataclass(frozen=True)
class DimensionChange:
    """The change on one dimension over the courses that measured it (None: too few)."""

    dimension: str
    courses: int
    change: Summary | None


@dataclass(frozen=True)
class OfferOutcome:
    """One offer: how many courses used it, and the changes (empty when suppressed)."""

    offer_id: int
    offer: str
    centre: str
    courses: int
    suppressed: bool
    changes: tuple[DimensionChange, ...] = ()


def change_during(entries: Sequence[ProgressFact], start: date, end: date) -> float | None:
    """Return the change of one dimension from an item's start to its end, or None."""
    ordered = sorted(entries, key=lambda e: e.day)
    before = [e for e in ordered if e.day <= start]
    inside = [e for e in ordered if start <= e.day <= end]
    first = before[-1] if before else (inside[0] if inside else None)
    upto = [e for e in ordered if e.day <= end]
    last = upto[-1] if upto else None
    if first is None or last is None or last.day <= first.day:
        return None
    return last.value - first.value


def offer_outcomes(
    items: Sequence[ItemFact],
    progress: Sequence[ProgressFact],
    period: Period,
    today: date,
    centre: str | None = None,
    minimum: int = MIN_GROUP,
) -> list[OfferOutcome]:
    """Return each offer's use and its users' progress, most used first (centre: the offer's)."""
    ref = period.reference_day(today)
    spans: dict[int, dict[int, tuple[date, date]]] = {}
    names: dict[int, tuple[str, str]] = {}
    for item in items:
        if centre and item.centre != centre:
            continue
        if not period.overlaps(item.start, item.end, today):
            continue
        end = min(item.end, ref) if item.end else ref
        per_course = spans.setdefault(item.offer_id, {})
        old = per_course.get(item.course_id)
        per_course[item.course_id] = (
            (min(old[0], item.start), max(old[1], end)) if old else (item.start, end)
        )
        names[item.offer_id] = (item.offer, item.centre)
    by_course: dict[tuple[int, str], list[ProgressFact]] = {}
    for entry in progress:
        by_course.setdefault((entry.course_id, entry.dimension), []).append(entry)
    dimensions = sorted({e.dimension for e in progress})
    results = []
    for offer_id, per_course in spans.items():
        offer, centre = names[offer_id]
        if is_suppressed(len(per_course), minimum):
            results.append(OfferOutcome(offer_id, offer, centre, len(per_course), True))
            continue
        changes = []
        for dimension in dimensions:
            values = [
                change_during(by_course.get((course_id, dimension), []), start, end)
                for course_id, (start, end) in per_course.items()
            ]
            measured = [v for v in values if v is not None]
            if not measured:
                continue
            hidden = is_suppressed(len(measured), minimum)
            changes.append(
                DimensionChange(dimension, len(measured), None if hidden else summarise(measured))
            )
        results.append(
            OfferOutcome(offer_id, offer, centre, len(per_course), False, tuple(changes))
        )
    return sorted(results, key=lambda o: (-o.courses, o.offer))
