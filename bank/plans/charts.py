"""The course's progress charts: one line chart per dimension, plan items' dates marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from bank.charts.line import Event, Series, data_table, line_chart
from bank.plans.dimensions import DimensionSpec
from bank.plans.models import PlanItem, ProgressEntry


@dataclass(frozen=True)
class DimensionChart:
    """A dimension's chart, its table fallback and its latest entry."""

    spec: DimensionSpec
    svg: Markup
    table: Markup
    latest: ProgressEntry | None
    count: int


def item_events(items: Sequence[PlanItem]) -> list[Event]:
    """Return the start and end dates of the plan items as chart events."""
    events = []
    for item in items:
        if item.starts_on and item.status.value != "planned":
            events.append(Event(item.starts_on, item.title, "start"))
        elif item.starts_on:
            events.append(Event(item.starts_on, f"{item.title} (planlagt)", "start"))
        if item.ends_on:
            events.append(Event(item.ends_on, item.title, "end"))
    return events


def progress_charts(
    specs: Sequence[DimensionSpec],
    entries: Sequence[ProgressEntry],
    items: Sequence[PlanItem],
    start: date,
    today: date,
) -> list[DimensionChart]:
    """Draw one chart per dimension that has entries, over the course's time so far."""
    charts = []
    dated = [e.recorded_on for e in entries]
    first = min([start, *dated])
    last = max([today, *dated])
    events = [e for e in item_events(items) if first <= e.day <= last]
    for position, spec in enumerate(specs):
        own = [e for e in entries if e.dimension == spec.key]
        if not own:
            continue
        series = Series(spec.label, tuple((e.recorded_on, e.value) for e in own), position)
        axis = spec.axis()
        svg = line_chart(
            [series],
            axis,
            events,
            title=f"{spec.label} over tid",
            chart_id=f"chart-{spec.key}",
            start=first,
            end=last,
        )
        table = data_table([series], axis, events, caption=f"{spec.label}: alle målinger")
        charts.append(DimensionChart(spec, Markup(svg), Markup(table), own[-1], len(own)))
    return charts
