"""A line chart of values over time, with dated events (plan items' start and end) marked.

Readable without colour: each series has its own marker shape and dash style; events are
labelled vertical lines (start solid, end dashed); `data_table` gives the same numbers as a
table for screen readers and print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bank.charts.svg import (
    DateScale,
    LinearScale,
    esc,
    marker,
    month_ticks,
    nice_ticks,
    num,
    style,
    svg_open,
    text_width,
)
from bank.danish import danish_date, month_label, number


@dataclass(frozen=True)
class Series:
    """One line: a name and its (date, value) points."""

    name: str
    points: tuple[tuple[date, float], ...]
    style_index: int = 0


@dataclass(frozen=True)
class Event:
    """A dated mark across the chart, e.g. 'Start: Mentorordning'."""

    day: date
    label: str
    kind: str = "start"  # "start" (solid line) or "end" (dashed line)


@dataclass(frozen=True)
class YAxis:
    """The value axis: its range, what it measures, and named ticks for categories."""

    low: float
    high: float
    label: str = ""
    ticks: tuple[tuple[float, str], ...] = ()

    def tick_list(self) -> list[tuple[float, str]]:
        """Return (value, label) ticks: the named ones, or round numbers."""
        if self.ticks:
            return list(self.ticks)
        return [(v, value_text(v, self)) for v in nice_ticks(self.low, self.high, 5)]


def value_text(value: float, axis: YAxis) -> str:
    """Return a value as a person reads it: its category name, or a Danish number."""
    for tick, label in axis.ticks:
        if tick == value:
            return label
    return number(value)


@dataclass(frozen=True)
class Layout:
    """Where things go: the chart's size, plot area, scales and the event label rows."""

    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float
    x: DateScale
    y: LinearScale
    label_rows: tuple[int, ...] = field(default=())


EVENT_ROW_HEIGHT = 16


def _event_rows(events: Sequence[Event], x: DateScale, limit: float) -> tuple[int, ...]:
    """Give each event label the first row where it does not overlap the one before it."""
    row_ends: list[float] = []
    rows = []
    for event in events:
        start, end = _label_span(x(event.day), _event_text(event), limit)
        row = next((i for i, last in enumerate(row_ends) if last < start - 4), len(row_ends))
        if row == len(row_ends):
            row_ends.append(0.0)
        row_ends[row] = end
        rows.append(row)
    return tuple(rows)


def _label_span(x: float, text: str, limit: float) -> tuple[float, float]:
    """Return where a label at a line goes: right of the line, or left of it near the edge."""
    width = text_width(text, 11)
    if x + 3 + width <= limit or x - 3 - width < 0:
        start = min(x + 3, limit - width)
        return start, start + width
    return x - 3 - width, x - 3


MAX_LABEL = 36  # longer event labels are shortened on the chart (in full in <title> and table)


def _event_full(event: Event) -> str:
    return f"{'Start' if event.kind == 'start' else 'Slut'}: {event.label}"


def _event_text(event: Event) -> str:
    text = _event_full(event)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def layout(
    series: Sequence[Series],
    axis: YAxis,
    events: Sequence[Event] = (),
    start: date | None = None,
    end: date | None = None,
    width: float = 720,
    height: float = 260,
) -> Layout:
    """Compute the plot area and scales; the time span covers every point and event."""
    days = [d for s in series for d, _ in s.points] + [e.day for e in events]
    start = start or (min(days) if days else date.today())
    end = end or (max(days) if days else start)
    if end <= start:
        start, end = start - timedelta(days=15), start + timedelta(days=15)
    left = 12 + max((text_width(label) for _, label in axis.tick_list()), default=20)
    right = 16.0
    probe = DateScale(start, end, left, width - right)
    rows = _event_rows(sorted(events, key=lambda e: e.day), probe, width - right)
    top = 12 + (max(rows) + 1 if rows else 0) * EVENT_ROW_HEIGHT
    bottom = 30 + (22 if len(series) > 1 else 0)
    plot_bottom = height - bottom
    return Layout(
        width,
        height,
        left,
        top,
        right,
        bottom,
        DateScale(start, end, left, width - right),
        LinearScale(axis.low, axis.high, plot_bottom, top),
        rows,
    )


def plot_points(series: Series, box: Layout) -> list[tuple[float, float]]:
    """Return the pixel coordinates of a series' points, in date order, rounded as drawn."""
    return [(float(num(box.x(d))), float(num(box.y(v)))) for d, v in sorted(series.points)]


def _describe(series: Sequence[Series], axis: YAxis, events: Sequence[Event]) -> str:
    parts = []
    for s in series:
        pts = sorted(s.points)
        if not pts:
            parts.append(f"{s.name}: ingen målinger endnu.")
            continue
        parts.append(
            f"{s.name}: {len(pts)} målinger fra {danish_date(pts[0][0])} til "
            f"{danish_date(pts[-1][0])}. Første {value_text(pts[0][1], axis)}, "
            f"seneste {value_text(pts[-1][1], axis)}."
        )
    if events:
        parts.append("Lodrette linjer viser, hvornår indsatser starter (hel) og slutter (stiplet).")
    return " ".join(parts)


def line_chart(
    series: Sequence[Series],
    axis: YAxis,
    events: Sequence[Event] = (),
    *,
    title: str,
    chart_id: str = "chart",
    start: date | None = None,
    end: date | None = None,
    width: float = 720,
    height: float = 260,
) -> str:
    """Draw the series over time as an accessible SVG with labelled event lines."""
    events = sorted(events, key=lambda e: (e.day, e.label))
    box = layout(series, axis, events, start, end, width, height)
    plot_bottom, plot_right = height - box.bottom, width - box.right
    out = [svg_open(width, height, chart_id, title, _describe(series, axis, events))]
    out.append('<g class="grid" stroke="#d4dadf" stroke-width="1">')
    for value, label in axis.tick_list():
        tick_y = num(box.y(value))
        out.append(
            f'<line x1="{num(box.left)}" x2="{num(plot_right)}" y1="{tick_y}" y2="{tick_y}"/>'
        )
        out.append(
            f'<text x="{num(box.left - 6)}" y="{tick_y}" dy="4" text-anchor="end" fill="#1d2327" '
            f'stroke="none">{esc(label)}</text>'
        )
    for day in month_ticks(box.x.start, box.x.end):
        tick_x = num(box.x(day))
        out.append(
            f'<line x1="{tick_x}" x2="{tick_x}" y1="{num(plot_bottom)}" '
            f'y2="{num(plot_bottom + 5)}"/>'
            f'<text x="{tick_x}" y="{num(plot_bottom + 18)}" text-anchor="middle" fill="#1d2327" '
            f'stroke="none">{esc(month_label(day))}</text>'
        )
    out.append(
        f'<rect x="{num(box.left)}" y="{num(box.top)}" width="{num(plot_right - box.left)}" '
        f'height="{num(plot_bottom - box.top)}" fill="none"/></g>'
    )
    out.append('<g class="events" stroke="#1d2327" stroke-width="1.5">')
    for event, row in zip(events, box.label_rows, strict=True):
        x = box.x(event.day)
        text = _event_text(event)
        dash = ' stroke-dasharray="5 4"' if event.kind != "start" else ""
        label_x, _ = _label_span(x, text, plot_right)
        out.append(
            f'<g class="event {esc(event.kind)}"><title>{esc(_event_full(event))}, '
            f"{esc(danish_date(event.day))}</title>"
            f'<line x1="{num(x)}" x2="{num(x)}" y1="{num(12 + row * EVENT_ROW_HEIGHT)}" '
            f'y2="{num(plot_bottom)}"{dash}/>'
            f'<text x="{num(label_x)}" y="{num(12 + row * EVENT_ROW_HEIGHT + 10)}" '
            f'font-size="11" stroke="none" fill="#1d2327">{esc(text)}</text></g>'
        )
    out.append("</g>")
    for s in series:
        look = style(s.style_index)
        coords = plot_points(s, box)
        dash = f' stroke-dasharray="{look.dash}"' if look.dash else ""
        out.append(f'<g class="series" data-series="{esc(s.name)}">')
        if len(coords) > 1:
            path = " L".join(f"{num(x)},{num(y)}" for x, y in coords)
            out.append(
                f'<path d="M{path}" fill="none" stroke="{look.colour}" stroke-width="2"{dash}/>'
            )
        for (day, value), (x, y) in zip(sorted(s.points), coords, strict=True):
            out.append(
                f'<g class="point" data-date="{day.isoformat()}" data-value="{num(value)}">'
                f"<title>{esc(s.name)} {esc(danish_date(day))}: {esc(value_text(value, axis))}"
                f"</title>{marker(look.marker, x, y, fill=look.colour, stroke='#fff')}</g>"
            )
        out.append("</g>")
    if len(series) > 1:
        out.append(_legend(series, box.left, height - 12))
    out.append("</svg>")
    return "".join(out)


def _legend(series: Sequence[Series], left: float, y: float) -> str:
    out, x = ['<g class="legend">'], left
    for s in series:
        look = style(s.style_index)
        dash = f' stroke-dasharray="{look.dash}"' if look.dash else ""
        out.append(
            f'<line x1="{num(x)}" x2="{num(x + 30)}" y1="{num(y - 4)}" y2="{num(y - 4)}" '
            f'stroke="{look.colour}" stroke-width="2"{dash}/>'
            + marker(look.marker, x + 15, y - 4, fill=look.colour, stroke="#fff")
            + f'<text x="{num(x + 36)}" y="{num(y)}">{esc(s.name)}</text>'
        )
        x += 48 + text_width(s.name)
    out.append("</g>")
    return "".join(out)


def data_table(
    series: Sequence[Series], axis: YAxis, events: Sequence[Event] = (), caption: str = ""
) -> str:
    """Return the chart's numbers as an HTML table: one row per date, one column per series."""
    values = {(s.name, d): v for s in series for d, v in s.points}
    notes: dict[date, list[str]] = {}
    for event in events:
        notes.setdefault(event.day, []).append(_event_full(event))
    days = sorted({d for s in series for d, _ in s.points} | set(notes))
    head = "".join(f'<th scope="col">{esc(s.name)}</th>' for s in series)
    note_head = '<th scope="col">Indsatser</th>' if events else ""
    rows = []
    for day in days:
        cells = "".join(
            f'<td data-label="{esc(s.name)}">{esc(value_text(values[(s.name, day)], axis))}</td>'
            if (s.name, day) in values
            else "<td></td>"
            for s in series
        )
        note_text = "; ".join(notes.get(day, []))
        note = f'<td data-label="Indsatser">{esc(note_text)}</td>' if events else ""
        rows.append(f'<tr><th scope="row">{esc(danish_date(day))}</th>{cells}{note}</tr>')
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<table class="chart-table">{cap}<thead><tr><th scope="col">Dato</th>{head}{note_head}'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
