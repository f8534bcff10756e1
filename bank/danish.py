"""Danish dates, times and numbers for people: one module, used by pages and exports alike.

Times are stored in UTC and shown in Danish local time (Europe/Copenhagen, with summer time);
a naive datetime (SQLite hands them back so) is taken to be UTC. Numbers use a decimal comma.
Percentages round half up, on the page and in the export, so both show the same figure.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Copenhagen")
MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "maj",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
)
DATE = "%d.%m.%Y"
DATE_TIME = "%d.%m.%Y kl. %H.%M"


def local(moment: datetime) -> datetime:
    """Return the moment in Danish local time (a naive moment is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL)


def local_time(moment: datetime | date | None, pattern: str = DATE_TIME) -> str:
    """Return a moment as Danish local time, e.g. '29.11.2026 kl. 09.40' ('' for none)."""
    if moment is None:
        return ""
    if not isinstance(moment, datetime):
        return moment.strftime(DATE if pattern == DATE_TIME else pattern)
    return local(moment).strftime(pattern)


def day(value: date | datetime | None) -> str:
    """Return a date as '29.11.2026' (a datetime by its Danish local date)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value)
    return value.strftime(DATE)


def rounded(value: float, decimals: int = 0) -> Decimal:
    """Round half up (as people expect, not to even) to the given number of decimals."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: float | int | None, decimals: int = 1, fixed: bool = False) -> str:
    """Return a number as Danes write it, e.g. 12,5 ('–' for none).

    At most `decimals` decimals, halves rounded up; `fixed` keeps exactly `decimals` (0,50).
    """
    if value is None:
        return "–"
    if isinstance(value, int) and not fixed:
        return str(value)
    figure = rounded(value, decimals)
    text = f"{abs(figure) if figure == 0 else figure:f}"
    if "." in text and not fixed:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def signed(value: float | None) -> str:
    """Return a change with its sign, the Danish way: +1,5 or -2 ('–' for none)."""
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + number(value)


def read_number(text: str) -> float:
    """Read a number written the Danish way (12,5) or with a point (12.5); ValueError if none."""
    return float(text.replace(",", "."))


def whole_percent(share: float) -> int:
    """Return a share (0..1) as a whole percentage, halves rounded up: 0.505 -> 51."""
    return int(rounded(share * 100))


def percent(share: float | None) -> str:
    """Return a share (0..1) as a whole Danish percentage, e.g. 0.125 -> '13 %' ('–' for none)."""
    return "–" if share is None else f"{whole_percent(share)} %"


def danish_date(day: date, year: bool = True) -> str:
    """Return a short Danish date with the month's name, e.g. '3. mar 2025'."""
    text = f"{day.day}. {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def month_label(day: date) -> str:
    """Return a chart's tick label for a month: 'jan 2025' in January, else 'mar'."""
    name = MONTHS[day.month - 1]
    return f"{name} {day.year}" if day.month == 1 else name


def short_date(value: date | None) -> str:
    """Return a short Danish date with the month's name, e.g. '3. mar 2025' ('' for none)."""
    return danish_date(value) if value else ""
