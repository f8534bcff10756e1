"""Small helpers for server-drawn, accessible SVG charts: escaping, scales, ticks, styles.

Charts must read without colour: every series gets a marker shape and a dash style of its
own, and every bar a fill pattern, besides a colour from a colour-blind-safe palette.
Pure functions only; they return SVG text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

# Okabe-Ito: distinguishable for the common forms of colour blindness.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "triangle-down")
DASHES = ("", "8 4", "2 4", "10 4 2 4", "4 4", "12 3 3 3 3 3")
PATTERNS = ("solid", "hatch", "dots", "cross-hatch", "vertical", "horizontal")


def esc(text: object) -> str:
    """Escape text for SVG/XML content and attribute values."""
    return escape(str(text), quote=True)


def num(value: float) -> str:
    """Format a coordinate with at most one decimal and no trailing zero."""
    rounded = round(float(value), 1)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{rounded:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Style:
    """How one series looks: colour, marker shape, dash pattern and bar fill pattern."""

    colour: str
    marker: str
    dash: str
    pattern: str


def style(index: int) -> Style:
    """Return the style of the series at this position; all four cycle independently."""
    return Style(
        PALETTE[index % len(PALETTE)],
        MARKERS[index % len(MARKERS)],
        DASHES[index % len(DASHES)],
        PATTERNS[index % len(PATTERNS)],
    )


@dataclass(frozen=True)
class LinearScale:
    """Map numbers from a domain onto pixels (the range may run backwards, as y does)."""

    d0: float
    d1: float
    r0: float
    r1: float

    def __call__(self, value: float) -> float:
        """Return the pixel position of a value."""
        if self.d1 == self.d0:
            return (self.r0 + self.r1) / 2
        return self.r0 + (value - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)


@dataclass(frozen=True)
class DateScale:
    """Map dates onto pixels, by whole days."""

    start: date
    end: date
    r0: float
    r1: float

    def __call__(self, day: date) -> float:
        """Return the pixel position of a date."""
        span = (self.end - self.start).days
        if span <= 0:
            return (self.r0 + self.r1) / 2
        return self.r0 + (day - self.start).days / span * (self.r1 - self.r0)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Return round tick values (1, 2, 2.5 or 5 times a power of ten) covering low..high."""
    if high < low:
        low, high = high, low
    if high == low:
        return [low]
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def add_months(day: date, months: int) -> date:
    """Return the same day of the month some months later (clamped to the month's end)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def month_ticks(start: date, end: date, most: int = 8) -> list[date]:
    """Return first-of-month dates inside start..end, thinned to at most `most` ticks."""
    first = date(start.year, start.month, 1)
    if first < start:
        first = add_months(first, 1)
    months = []
    day = first
    while day <= end:
        months.append(day)
        day = add_months(day, 1)
    every = next(n for n in (1, 2, 3, 4, 6, 12, 24, 60) if len(months) / n <= most)
    return [d for d in months if (d.year * 12 + d.month - 1) % every == 0]


def marker(shape: str, x: float, y: float, size: float = 4.5, **attrs: str) -> str:
    """Return one data point drawn as a marker shape centred on (x, y)."""
    extra = "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    s = size
    if shape == "circle":
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(s)}"{extra}/>'
    if shape == "square":
        return (
            f'<rect x="{num(x - s)}" y="{num(y - s)}" width="{num(2 * s)}" '
            f'height="{num(2 * s)}"{extra}/>'
        )
    offsets = {
        "triangle": ((0, -1.2), (1.1, 0.9), (-1.1, 0.9)),
        "triangle-down": ((0, 1.2), (1.1, -0.9), (-1.1, -0.9)),
        "diamond": ((0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)),
        "cross": (
            (-0.4, -1.2),
            (0.4, -1.2),
            (0.4, -0.4),
            (1.2, -0.4),
            (1.2, 0.4),
            (0.4, 0.4),
            (0.4, 1.2),
            (-0.4, 1.2),
            (-0.4, 0.4),
            (-1.2, 0.4),
            (-1.2, -0.4),
            (-0.4, -0.4),
        ),
    }[shape]
    points = " ".join(f"{num(x + dx * s)},{num(y + dy * s)}" for dx, dy in offsets)
    return f'<polygon points="{points}"{extra}/>'


def pattern_defs(prefix: str, colours: Sequence[str] = PALETTE) -> str:
    """Return <pattern> definitions `{prefix}-{i}` pairing each colour with a fill pattern."""
    out = []
    for i, colour in enumerate(colours):
        kind = PATTERNS[i % len(PATTERNS)]
        shapes = {
            "solid": "",
            "hatch": (
                '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="2"/>'
            ),
            "dots": '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
            "cross-hatch": '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" stroke-width="1.5"/>',
            "vertical": '<path d="M4,0 v8" stroke="#fff" stroke-width="2"/>',
            "horizontal": '<path d="M0,4 h8" stroke="#fff" stroke-width="2"/>',
        }[kind]
        out.append(
            f'<pattern id="{esc(prefix)}-{i}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{esc(colour)}"/>{shapes}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def svg_open(width: float, height: float, chart_id: str, title: str, desc: str) -> str:
    """Open an accessible <svg> whose <title> and <desc> screen readers announce."""
    cid = esc(chart_id)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{cid}" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'font-family="system-ui, Arial, sans-serif" font-size="12">'
        f'<title id="{cid}-title">{esc(title)}</title><desc id="{cid}-desc">{esc(desc)}</desc>'
    )


def text_width(text: str, font_size: float = 12) -> float:
    """Estimate the width of a label in pixels (no font metrics on the server)."""
    return len(text) * font_size * 0.58
