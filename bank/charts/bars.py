"""Horizontal bar charts, grouped or stacked, drawn on the server as accessible SVG.

Readable without colour: every series has its own fill pattern (svg.pattern_defs) shown in
the legend, every bar carries its number as a direct label, and `data_table` gives the same
numbers as an HTML table for screen readers and print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bank import danish
from bank.charts.svg import (
    LinearScale,
    esc,
    nice_ticks,
    num,
    pattern_defs,
    style,
    svg_open,
    text_width,
)

LABEL_MAX = 260.0  # widest row label in pixels; longer labels are shortened with "…"
LEGEND_HEIGHT = 26.0
AXIS_HEIGHT = 20.0


@dataclass(frozen=True)
class BarGroup:
    """One row of the chart: a label and one value per series."""

    label: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Bar:
    """One drawn rectangle: which row and series, its value and its pixel box."""

    group: int
    series: int
    value: float
    x: float
    y: float
    width: float
    height: float


def number(value: float) -> str:
    """Return a value as a Danish reader writes it: 12, 2,5."""
    return danish.number(value)


def _short(label: str, room: float) -> str:
    if text_width(label) <= room:
        return label
    keep = max(int(room / (12 * 0.58)) - 1, 1)
    return label[:keep].rstrip() + "…"


def _dimensions(groups: Sequence[BarGroup], n_series: int, stacked: bool) -> tuple[float, float]:
    bar_h = 20.0 if stacked else 14.0
    row_h = bar_h if stacked else n_series * bar_h + (n_series - 1) * 2
    return bar_h, row_h + 12


def axis_ticks(largest: float) -> list[float]:
    """Return round ticks from 0 up to the first at or above the largest value.

    Whole numbers (counts) get whole steps: 1, 2 or 5 times a power of ten.
    """
    largest = max(largest, 1)
    if float(largest).is_integer():
        power = 1
        while True:
            step = next((m * power for m in (1, 2, 5) if largest / (m * power) <= 6), None)
            if step:
                break
            power *= 10
        end = -(-largest // step) * step
        return [float(v) for v in range(0, int(end) + 1, int(step))]
    ticks = nice_ticks(0, largest)
    if ticks[-1] < largest and len(ticks) > 1:
        ticks.append(ticks[-1] + ticks[1] - ticks[0])
    return ticks


def bars(
    groups: Sequence[BarGroup], n_series: int, stacked: bool = False, width: float = 720
) -> tuple[list[Bar], LinearScale, float, float]:
    """Lay out the bars; return them, the value scale, the plot's left edge and the height."""
    left = 8 + min(max((text_width(g.label) for g in groups), default=40), LABEL_MAX)
    totals = [sum(g.values) if stacked else max(g.values, default=0) for g in groups]
    high = axis_ticks(max(totals, default=0))[-1]
    right = 12 + text_width(number(max(totals, default=0))) + 8
    scale = LinearScale(0, high, left, width - right)
    bar_h, row_h = _dimensions(groups, n_series, stacked)
    top = LEGEND_HEIGHT + AXIS_HEIGHT
    out = []
    for gi, group in enumerate(groups):
        y0 = top + gi * row_h + 6
        start = 0.0
        for si, value in enumerate(group.values):
            if stacked:
                x, y = scale(start), y0
                start += value
            else:
                x, y = scale(0), y0 + si * (bar_h + 2)
            out.append(Bar(gi, si, value, x, y, scale(value) - scale(0), bar_h))
    return out, scale, left, top + len(groups) * row_h + 8


def _legend(series: Sequence[str], prefix: str, left: float) -> str:
    out, x = ['<g class="legend">'], left
    for si, name in enumerate(series):
        out.append(
            f'<rect x="{num(x)}" y="6" width="16" height="14" fill="url(#{esc(prefix)}-{si})" '
            f'stroke="#1d2327"/><text x="{num(x + 21)}" y="17">{esc(name)}</text>'
        )
        x += 34 + text_width(name)
    out.append("</g>")
    return "".join(out)


def _describe(groups: Sequence[BarGroup], series: Sequence[str]) -> str:
    rows = []
    for g in groups:
        parts = ", ".join(f"{s} {number(v)}" for s, v in zip(series, g.values, strict=True))
        rows.append(f"{g.label}: {parts}.")
    return " ".join(rows) or "Ingen tal at vise."


def bar_chart(
    groups: Sequence[BarGroup],
    series: Sequence[str],
    *,
    title: str,
    chart_id: str = "bars",
    stacked: bool = False,
    width: float = 720,
) -> str:
    """Draw one horizontal bar (stacked) or one bar per series (grouped) for every row."""
    laid, scale, left, height = bars(groups, len(series), stacked, width)
    prefix = f"{chart_id}-fill"
    colours = [style(i).colour for i in range(len(series))]
    out = [svg_open(width, height, chart_id, title, _describe(groups, series))]
    out.append(pattern_defs(prefix, colours))
    out.append(_legend(series, prefix, left))
    plot_top, plot_bottom = LEGEND_HEIGHT + AXIS_HEIGHT, height - 8
    out.append('<g class="grid" stroke="#d4dadf">')
    for tick in axis_ticks(scale.d1):
        tick_x = num(scale(tick))
        out.append(
            f'<line x1="{tick_x}" x2="{tick_x}" y1="{num(plot_top)}" y2="{num(plot_bottom)}"/>'
            f'<text x="{tick_x}" y="{num(plot_top - 6)}" text-anchor="middle" stroke="none" '
            f'fill="#1d2327">{number(tick)}</text>'
        )
    out.append("</g>")
    _, row_h = _dimensions(groups, len(series), stacked)
    for gi, group in enumerate(groups):
        mid = plot_top + gi * row_h + row_h / 2
        out.append(
            f'<text class="row-label" x="{num(left - 8)}" y="{num(mid + 4)}" text-anchor="end">'
            f"<title>{esc(group.label)}</title>{esc(_short(group.label, LABEL_MAX))}</text>"
        )
    for bar in laid:
        out.append(_bar(bar, series, groups, prefix, stacked))
    if stacked:
        for gi, group in enumerate(groups):
            end = [b for b in laid if b.group == gi][-1] if group.values else None
            if end is not None:
                x, y = end.x + end.width + 6, end.y + end.height / 2 + 4
                out.append(
                    f'<text class="total" x="{num(x)}" y="{num(y)}" font-weight="600">'
                    f"{number(sum(group.values))}</text>"
                )
    out.append(
        f'<line x1="{num(left)}" x2="{num(left)}" y1="{num(plot_top)}" '
        f'y2="{num(plot_bottom)}" stroke="#1d2327"/></svg>'
    )
    return "".join(out)


def _bar(
    bar: Bar, series: Sequence[str], groups: Sequence[BarGroup], prefix: str, stacked: bool
) -> str:
    name, label = series[bar.series], groups[bar.group].label
    text = number(bar.value)
    out = [
        f'<g class="bar" data-group="{esc(label)}" data-series="{esc(name)}" '
        f'data-value="{text}"><title>{esc(label)} – {esc(name)}: {text}</title>'
    ]
    if bar.width > 0:
        out.append(
            f'<rect x="{num(bar.x)}" y="{num(bar.y)}" width="{num(bar.width)}" '
            f'height="{num(bar.height)}" fill="url(#{esc(prefix)}-{bar.series})" stroke="#1d2327" '
            f'stroke-width="0.75"/>'
        )
    mid_y = num(bar.y + bar.height / 2 + 4)
    if not stacked:
        out.append(f'<text x="{num(bar.x + bar.width + 5)}" y="{mid_y}">{text}</text>')
    elif bar.value and bar.width >= text_width(text) + 8:
        w = text_width(text) + 6
        cx = bar.x + bar.width / 2
        out.append(
            f'<rect x="{num(cx - w / 2)}" y="{num(bar.y + 3)}" width="{num(w)}" '
            f'height="{num(bar.height - 6)}" rx="3" fill="#fff"/>'
            f'<text x="{num(cx)}" y="{mid_y}" text-anchor="middle">{text}</text>'
        )
    out.append("</g>")
    return "".join(out)


def data_table(
    groups: Sequence[BarGroup], series: Sequence[str], caption: str = "", first: str = ""
) -> str:
    """Return the chart's numbers as an HTML table: one row per bar group."""
    head = "".join(f'<th scope="col">{esc(s)}</th>' for s in series)
    rows = "".join(
        f'<tr><th scope="row">{esc(g.label)}</th>'
        + "".join(
            f'<td data-label="{esc(s)}">{number(v)}</td>'
            for s, v in zip(series, g.values, strict=True)
        )
        + "</tr>"
        for g in groups
    )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<table class="chart-table">{cap}<thead><tr><th scope="col">{esc(first)}</th>{head}'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
