"""Danish (and English) names for the need bank's states, kinds and reasons."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bank.needs.models import (
    BidState,
    CloseReason,
    ConsentKind,
    CourseStatus,
    DeclineReason,
    GoalKind,
    GoalStatus,
    NeedState,
)

# value -> (English, Danish)
BID_STATES = {
    BidState.SUBMITTED: ("submitted", "Afventer svar"),
    BidState.ACCEPTED: ("accepted", "Taget imod"),
    BidState.DECLINED: ("declined", "Sagt nej tak"),
    BidState.WITHDRAWN: ("withdrawn", "Trukket tilbage"),
}
DECLINE_REASONS = {
    DeclineReason.NOT_WANTED: ("not what the young person wants", "Ikke det, den unge ønsker"),
    DeclineReason.NO_CAPACITY: ("no capacity in time", "Ingen plads i tide"),
    DeclineReason.OTHER_BID_CHOSEN: ("another bid chosen", "Et andet bud er valgt"),
    DeclineReason.OTHER: ("other", "Andet"),
}
NEED_STATES = {
    NeedState.DRAFT: ("draft", "Kladde"),
    NeedState.PUBLISHED: ("published", "Offentliggjort"),
    NeedState.CLOSED: ("closed", "Lukket"),
    NeedState.WITHDRAWN: ("withdrawn", "Trukket tilbage"),
}
CLOSE_REASONS = {
    CloseReason.MET: ("met", "Behovet er dækket"),
    CloseReason.NOT_RELEVANT: ("no longer relevant", "Ikke længere relevant"),
}
GOAL_KINDS = {GoalKind.LIFE: ("life goal", "Livsmål"), GoalKind.SUB: ("sub-goal", "Delmål")}
GOAL_STATUSES = {
    GoalStatus.ACTIVE: ("active", "Arbejder på det"),
    GoalStatus.REACHED: ("reached", "Nået"),
    GoalStatus.DROPPED: ("dropped", "Droppet"),
}
CONSENT_KINDS = {
    ConsentKind.ORAL: ("oral", "Mundtligt"),
    ConsentKind.WRITTEN: ("written", "Skriftligt"),
}
COURSE_STATUSES = {
    CourseStatus.ACTIVE: ("active", "I gang"),
    CourseStatus.ENDED: ("ended", "Afsluttet"),
}

Labels = Mapping[Any, tuple[str, str]]  # one enum's members -> (English, Danish)

ALL: dict[str, Labels] = {
    "bid_state": BID_STATES,
    "decline_reason": DECLINE_REASONS,
    "need_state": NEED_STATES,
    "close_reason": CLOSE_REASONS,
    "goal_kind": GOAL_KINDS,
    "goal_status": GOAL_STATUSES,
    "consent_kind": CONSENT_KINDS,
    "course_status": COURSE_STATUSES,
}


def danish(kind: str, value: object) -> str:
    """Return the Danish label of a value of the given kind (e.g. danish('bid_state', s))."""
    table = ALL[kind]
    for key, (_en, da) in table.items():
        if key == value or key.value == value:
            return da
    return str(value)
