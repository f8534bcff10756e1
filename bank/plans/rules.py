"""The plan's rules without a database: item statuses, meeting cadence, transitions.

Every rule that depends on the date takes `today` from the caller (an injected clock).

Choices made here (documented in docs/plans.md as well):
- Meeting cadence: "at least four meetings a year" is read as "never more than 91 days
  (365 / 4, rounded down) between meetings". A course is overdue when today is more than
  91 days after its last meeting, or, with no meeting yet, more than 91 days after the
  course started. A gap rule flags a lapse as it happens, where counting meetings in the
  past twelve months would stay quiet for a course that met four times early and then
  stopped. Due soon: within 14 days of that limit.
- Age transitions: the turning 16 and the 17½ milestones each need a team meeting that
  prepares the move to adult services at 18. Each is flagged from three months before the
  milestone until a meeting is held on or after that date, and stays flagged (overdue)
  after the milestone, until the young person turns 18. When only the birth year is known,
  the birthday is taken as 1 January, so that the flag may come early but never late.
- Ending plan items: flagged from 42 days before their end date (running, paused or
  planned items with an end date), and after it for as long as the item is not closed:
  an item that ended months ago but still says "I gang" must be ended or get a new date.
- Leaving a community: flagged from three months before the leaving date until 30 days
  after it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bank.charts.svg import add_months
from bank.danish import danish_date
from bank.errors import Errors

MEETING_GAP_DAYS = 91
MEETING_DUE_SOON_DAYS = 14
TRANSITION_NOTICE_MONTHS = 3
ITEM_ENDING_NOTICE_DAYS = 42
COMMUNITY_AFTER_DAYS = 30
ADULT_AGE = 18
AGE_MILESTONES = ((16, 0), (17, 6))


class ItemStatus(enum.StrEnum):
    """Where a plan item is: planned, running, paused, ended, or dropped (with a reason)."""

    PLANNED = "planned"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """Return the Danish name of the status."""
        return STATUS_LABELS[self]

    @property
    def closed(self) -> bool:
        """Tell whether the item is over (ended or dropped)."""
        return self in (ItemStatus.ENDED, ItemStatus.DROPPED)


STATUS_LABELS = {
    ItemStatus.PLANNED: "Planlagt",
    ItemStatus.RUNNING: "I gang",
    ItemStatus.PAUSED: "På pause",
    ItemStatus.ENDED: "Afsluttet",
    ItemStatus.DROPPED: "Droppet",
}

NEXT_STATUSES: dict[ItemStatus, frozenset[ItemStatus]] = {
    ItemStatus.PLANNED: frozenset({ItemStatus.RUNNING, ItemStatus.DROPPED}),
    ItemStatus.RUNNING: frozenset({ItemStatus.PAUSED, ItemStatus.ENDED, ItemStatus.DROPPED}),
    ItemStatus.PAUSED: frozenset({ItemStatus.RUNNING, ItemStatus.ENDED, ItemStatus.DROPPED}),
    ItemStatus.ENDED: frozenset(),
    ItemStatus.DROPPED: frozenset(),
}


def item_errors(
    *,
    has_goal: bool,
    sources: int,
    status: ItemStatus,
    has_responsible: bool,
    start: date | None,
    end: date | None,
    drop_reason: str = "",
) -> Errors:
    """Return the field errors of a plan item as it would be saved (empty when valid)."""
    errors: Errors = {}
    if not has_goal:
        errors["goal"] = [
            ("choose the goal the item serves", "Vælg det mål, indsatsen skal hjælpe med.")
        ]
    if sources != 1:
        errors["source"] = [
            ("choose one offer or one accepted bid", "Vælg ét tilbud eller ét accepteret bud.")
        ]
    if status in (ItemStatus.RUNNING, ItemStatus.PAUSED) and not has_responsible:
        errors["responsible"] = [
            (
                "an item without a responsible person cannot start",
                "En indsats kan ikke gå i gang uden en ansvarlig person.",
            )
        ]
    if start and end and end < start:
        errors["end"] = [("ends before it starts", "Slutdatoen ligger før startdatoen.")]
    if status is ItemStatus.DROPPED and not drop_reason.strip():
        errors["drop_reason"] = [
            ("say why the item was dropped", "Skriv hvorfor indsatsen blev droppet.")
        ]
    return errors


def status_change_errors(
    current: ItemStatus, new: ItemStatus, *, has_responsible: bool, reason: str = ""
) -> Errors:
    """Return why an item may not move from `current` to `new` (empty when it may)."""
    if new == current:
        return {}
    if new not in NEXT_STATUSES[current]:
        return {
            "status": [
                (
                    f"a {current.value} item cannot become {new.value}",
                    f"En indsats, der er '{current.label.lower()}', kan ikke blive "
                    f"'{new.label.lower()}'.",
                )
            ]
        }
    errors: Errors = {}
    if new is ItemStatus.RUNNING and not has_responsible:
        errors["responsible"] = [
            (
                "an item without a responsible person cannot start",
                "En indsats kan ikke gå i gang uden en ansvarlig person.",
            )
        ]
    if new is ItemStatus.DROPPED and not reason.strip():
        errors["drop_reason"] = [
            ("say why the item was dropped", "Skriv hvorfor indsatsen blev droppet.")
        ]
    return errors


@dataclass(frozen=True)
class MeetingStatus:
    """Whether a course keeps its meeting cadence, and when the next meeting is due."""

    last: date | None
    due: date
    overdue: bool
    due_soon: bool
    days_overdue: int


def meeting_status(course_start: date, meetings: Iterable[date], today: date) -> MeetingStatus:
    """Tell whether the course has met within the last 91 days (four meetings a year)."""
    held = [d for d in meetings if d <= today]
    last = max(held) if held else None
    due = (last or course_start) + timedelta(days=MEETING_GAP_DAYS)
    days_over = (today - due).days
    return MeetingStatus(
        last=last,
        due=due,
        overdue=days_over > 0,
        due_soon=-MEETING_DUE_SOON_DAYS <= days_over <= 0,
        days_overdue=max(days_over, 0),
    )


@dataclass(frozen=True)
class Transition:
    """A coming change in the young person's life that the team must prepare."""

    kind: str  # "age", "item_ending" or "community"
    due: date
    text: str  # Danish, plain
    overdue: bool


def assumed_birth_date(birth_year: int, birth_month: int | None = None) -> date:
    """Return the birthday to reckon with: the 1st of the month, or 1 January (never late)."""
    return date(birth_year, birth_month or 1, 1)


def milestone_date(birth: date, years: int, months: int = 0) -> date:
    """Return the date the young person reaches an age of years and months."""
    return add_months(birth, years * 12 + months)


def age_on(birth: date, today: date) -> int:
    """Return the age in whole years on a date."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def age_transitions(birth: date, meetings: Iterable[date], today: date) -> list[Transition]:
    """Flag the 16 and 17½ milestones that still lack a preparing team meeting."""
    held = sorted(meetings)
    adult = milestone_date(birth, ADULT_AGE)
    flags: list[Transition] = []
    if today >= adult:
        return flags
    for years, months in AGE_MILESTONES:
        due = milestone_date(birth, years, months)
        notice = add_months(due, -TRANSITION_NOTICE_MONTHS)
        if today < notice or any(notice <= d < adult for d in held):
            continue
        age = f"{years}½" if months == 6 else str(years)
        verb = "blev" if today >= due else "bliver"
        flags.append(
            Transition(
                "age",
                due,
                f"Den unge {verb} {age} år {danish_date(due)}. Hold et teammøde, der "
                "forbereder overgangen til voksenområdet ved 18 år.",
                today >= due,
            )
        )
    return flags


@dataclass(frozen=True)
class ItemFacts:
    """What the transition rules need to know about a plan item."""

    label: str
    end: date | None
    status: ItemStatus


def past_end(status: ItemStatus, end: date | None, today: date) -> bool:
    """Tell whether an item is still open (planned, running, paused) after its end date."""
    return end is not None and not status.closed and end < today


def item_endings(items: Iterable[ItemFacts], today: date) -> list[Transition]:
    """Flag open plan items that end within 42 days, or whose end date has passed."""
    flags = []
    for item in items:
        if item.end is None or item.status.closed:
            continue
        days_left = (item.end - today).days
        if past_end(item.status, item.end, today):
            text = (
                f"{item.label} skulle være slut {danish_date(item.end)}, men står stadig "
                f"som »{item.status.label.lower()}«. Afslut indsatsen, eller ret slutdatoen."
            )
        elif days_left <= ITEM_ENDING_NOTICE_DAYS:
            text = (
                f"{item.label} slutter {danish_date(item.end)}. Aftal, hvad der skal ske bagefter."
            )
        else:
            continue
        flags.append(Transition("item_ending", item.end, text, days_left < 0))
    return flags


def community_leavings(
    communities: Iterable[tuple[str, date | None]], today: date
) -> list[Transition]:
    """Flag communities (school, job, club) the young person leaves within three months."""
    flags = []
    for name, leaves in communities:
        if leaves is None:
            continue
        if (
            add_months(leaves, -TRANSITION_NOTICE_MONTHS)
            <= today
            <= leaves + timedelta(days=COMMUNITY_AFTER_DAYS)
        ):
            verb = "forlod" if today > leaves else "forlader"
            flags.append(
                Transition(
                    "community",
                    leaves,
                    f"Den unge {verb} {name} {danish_date(leaves)}. Hvad skal den unge være "
                    "en del af bagefter?",
                    today > leaves,
                )
            )
    return flags


def all_transitions(
    birth: date | None,
    meetings: Sequence[date],
    items: Iterable[ItemFacts],
    communities: Iterable[tuple[str, date | None]],
    today: date,
) -> list[Transition]:
    """Return every flagged transition of a course, soonest first."""
    flags = age_transitions(birth, meetings, today) if birth else []
    flags += item_endings(items, today) + community_leavings(communities, today)
    return sorted(flags, key=lambda t: (t.due, t.kind, t.text))
