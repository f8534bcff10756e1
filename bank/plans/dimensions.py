"""Progress dimensions as data: what is measured, on which scale, and checking a value.

Four dimensions are built in (attendance %, coping 1–10, well-being 1–10 as the young
person rates it, participation in ordinary communities none/trying/regular); a team may
add free dimensions of the same three kinds to a course. Values are stored as numbers;
a choice is stored as its position (0, 1, 2, ...).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bank import danish
from bank.charts.line import YAxis
from bank.errors import Invalid


class Kind(enum.StrEnum):
    """How a dimension is measured."""

    PERCENT = "percent"
    SCALE = "scale"
    CHOICE = "choice"

    @property
    def label(self) -> str:
        """Return the Danish name of the kind."""
        return {"percent": "Procent (0–100)", "scale": "Skala", "choice": "Valg"}[self.value]


@dataclass(frozen=True)
class DimensionSpec:
    """One thing progress is measured on, e.g. attendance in percent."""

    key: str
    label: str
    kind: Kind
    low: int = 0
    high: int = 100
    choices: tuple[str, ...] = ()
    help: str = ""
    young_persons_own: bool = False  # the young person's own number; nobody rates it for them

    def axis(self) -> YAxis:
        """Return the chart axis for this dimension."""
        if self.kind is Kind.CHOICE:
            return YAxis(0, len(self.choices) - 1, self.label, tuple(enumerate(self.choices)))
        if self.kind is Kind.SCALE and self.high - self.low <= 10:
            ticks = tuple((v, str(v)) for v in range(self.low, self.high + 1))
            return YAxis(self.low, self.high, self.label, ticks)
        return YAxis(self.low, self.high, self.label)

    def parse(self, raw: object) -> float:
        """Return the value as a number on this dimension's scale, or raise Invalid."""
        text = str(raw if raw is not None else "").strip()
        if self.kind is Kind.CHOICE:
            folded = [c.lower() for c in self.choices]
            if text.lower() in folded:
                return float(folded.index(text.lower()))
            if text.isdigit() and int(text) < len(self.choices):
                return float(int(text))
            raise _invalid(
                f"must be one of {', '.join(self.choices)}",
                f"Vælg en af: {', '.join(self.choices)}.",
            )
        try:
            value = danish.read_number(text)
        except ValueError:
            raise _invalid("must be a number", "Skriv et tal.") from None
        if not self.low <= value <= self.high:
            raise _invalid(
                f"must be between {self.low} and {self.high}",
                f"Skal være mellem {self.low} og {self.high}.",
            )
        if self.kind is Kind.SCALE and value != int(value):
            raise _invalid("must be a whole number", "Skal være et helt tal.")
        return value

    def text(self, value: float) -> str:
        """Return a stored value as a person reads it."""
        if self.kind is Kind.CHOICE:
            return self.choices[int(value)] if 0 <= int(value) < len(self.choices) else "?"
        figure = danish.number(value)
        return f"{figure} %" if self.kind is Kind.PERCENT else f"{figure} af {self.high}"


def _invalid(english: str, danish: str) -> Invalid:
    return Invalid({"value": [(english, danish)]})


ATTENDANCE = DimensionSpec(
    "attendance",
    "Fremmøde",
    Kind.PERCENT,
    0,
    100,
    help="Hvor stor en del af aftalerne (skole, praktik, job) den unge mødte op til, i procent.",
)
COPING = DimensionSpec(
    "coping",
    "Mestring af hverdagen",
    Kind.SCALE,
    1,
    10,
    help="Hvor godt den unge klarer hverdagen: 1 er slet ikke, 10 er helt selv.",
)
WELLBEING = DimensionSpec(
    "wellbeing",
    "Trivsel (den unges eget tal)",
    Kind.SCALE,
    1,
    10,
    help="Den unges eget tal: Hvordan har du det? 1 er meget dårligt, 10 er rigtig godt.",
    young_persons_own=True,
)
PARTICIPATION = DimensionSpec(
    "participation",
    "Deltagelse i fællesskaber",
    Kind.CHOICE,
    0,
    2,
    choices=("Ingen", "Prøver", "Fast"),
    help="Er den unge med i et almindeligt fællesskab (skole, job, klub, forening)?",
)
BUILT_IN: tuple[DimensionSpec, ...] = (ATTENDANCE, COPING, WELLBEING, PARTICIPATION)
BUILT_IN_KEYS = frozenset(d.key for d in BUILT_IN)
CUSTOM_PREFIX = "team-"


def slug(label: str) -> str:
    """Return a key made from a label: lower case letters, digits and dashes."""
    folded = label.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40]


def custom_dimension(
    label: str,
    kind: Kind | str,
    low: int | None = None,
    high: int | None = None,
    choices: Sequence[str] = (),
    taken: Sequence[str] = (),
) -> DimensionSpec:
    """Check a team's own dimension and return it, or raise Invalid naming the field."""
    errors: dict[str, list[tuple[str, str]]] = {}
    label = " ".join(label.split())
    if not label or len(label) > 80:
        errors["label"] = [("write a name of 1–80 characters", "Skriv et navn på 1–80 tegn.")]
    taken_labels = {t.lower() for t in taken} | {d.label.lower() for d in BUILT_IN}
    if label.lower() in taken_labels:
        errors["label"] = [("the course already measures this", "Det måles allerede.")]
    try:
        kind = Kind(kind)
    except ValueError:
        errors["kind"] = [("choose percent, scale or choice", "Vælg procent, skala eller valg.")]
        kind = Kind.SCALE
    clean = tuple(c.strip() for c in choices if c.strip())
    if kind is Kind.PERCENT:
        low, high = 0, 100
    elif kind is Kind.SCALE:
        low, high = (1 if low is None else low), (10 if high is None else high)
        if not (0 <= low < high <= 100):
            errors["high"] = [
                (
                    "the scale must run upwards within 0–100",
                    "Skalaen skal gå opad og ligge mellem 0 og 100.",
                )
            ]
    else:
        if not 2 <= len(clean) <= 6 or len({c.lower() for c in clean}) != len(clean):
            errors["choices"] = [("give 2–6 different choices", "Skriv 2–6 forskellige valg.")]
        low, high = 0, max(len(clean) - 1, 1)
    if errors:
        raise Invalid(errors)
    return DimensionSpec(
        CUSTOM_PREFIX + slug(label),
        label,
        kind,
        low,
        high,
        clean if kind is Kind.CHOICE else (),
    )
