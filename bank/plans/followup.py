"""Following the plan: team meetings, progress entries, a team's own dimensions, communities."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.errors import Invalid
from bank.needs import fields, lookup, permissions
from bank.needs.models import Course
from bank.plans.dimensions import BUILT_IN, DimensionSpec, Kind, custom_dimension
from bank.plans.models import Community, Dimension, Meeting, ProgressEntry
from bank.plans.services import optional_date

COMMUNITY_KINDS = {
    "school": "Skole eller uddannelse",
    "job": "Job eller praktik",
    "club": "Klub eller forening",
    "other": "Andet fællesskab",
}


def _not_future(errors: fields.Errors, field: str, day: date | None, today: date) -> None:
    if day is not None and day > today:
        errors.setdefault(field, []).append(
            ("cannot be in the future", "Datoen kan ikke ligge i fremtiden.")
        )


def _people(value: object) -> list[str]:
    """Return names from a list, from lines, or (on one line) separated by commas."""
    if isinstance(value, list | tuple):
        names = list(value)
    else:
        text = str(value or "")
        names = text.splitlines() if "\n" in text.strip() else text.split(",")
    return [str(n).strip() for n in names if n and str(n).strip()]


def record_meeting(
    session: Session,
    user: User,
    course_id: int,
    held_on: object,
    participants: object,
    decisions: str,
    next_meeting_on: object = None,
    today: date | None = None,
) -> Meeting:
    """Record a team meeting: when, who took part, what was decided, the next meeting."""
    today = today or date.today()
    course = lookup.course(session, course_id)
    permissions.require_open(user, course)
    errors: fields.Errors = {}
    held = fields.a_date(errors, "held_on", held_on) if held_on not in (None, "") else None
    if held is None and "held_on" not in errors:
        errors["held_on"] = [("is required", "Skriv datoen for mødet.")]
    _not_future(errors, "held_on", held, today)
    names = _people(participants)
    if not names:
        errors["participants"] = [("name who took part", "Skriv hvem der deltog.")]
    decisions = fields.text(errors, "decisions", decisions, 5000, required=False)
    following = optional_date(errors, "next_meeting_on", next_meeting_on)
    if held and following and following <= held:
        errors["next_meeting_on"] = [
            ("must come after the meeting", "Næste møde skal ligge efter dette møde.")
        ]
    fields.raise_if(errors)
    meeting = Meeting(
        course_id=course.id,
        held_on=held,
        participants=names,
        decisions=decisions,
        next_meeting_on=following,
        recorded_by_id=user.id,
    )
    session.add(meeting)
    session.flush()
    record_audit(session, user, "create", "meeting", meeting.id, f"forløb {course.id}")
    return meeting


def meetings_of(session: Session, course: Course) -> list[Meeting]:
    """Return the course's meetings, newest first."""
    query = sa.select(Meeting).where(Meeting.course_id == course.id)
    return list(session.scalars(query.order_by(Meeting.held_on.desc(), Meeting.id.desc())))


def dimensions_of(session: Session, course: Course) -> list[DimensionSpec]:
    """Return what the course measures: the four built-in dimensions and the team's own."""
    own = session.scalars(
        sa.select(Dimension).where(Dimension.course_id == course.id).order_by(Dimension.id)
    )
    return list(BUILT_IN) + [
        DimensionSpec(d.key, d.label, Kind(d.kind), d.low, d.high, tuple(d.choices or ()))
        for d in own
    ]


def add_dimension(
    session: Session,
    user: User,
    course_id: int,
    label: str,
    kind: object,
    low: object = None,
    high: object = None,
    choices: object = (),
) -> DimensionSpec:
    """Add a team's own progress dimension to the course."""
    course = lookup.course(session, course_id)
    permissions.require_open(user, course)
    errors: fields.Errors = {}
    numbers = [
        fields.integer(errors, name, value, 0, 100) if value not in (None, "") else None
        for name, value in (("low", low), ("high", high))
    ]
    fields.raise_if(errors)
    listed = choices if isinstance(choices, list | tuple) else str(choices or "").splitlines()
    taken = [d.label for d in dimensions_of(session, course)]
    spec = custom_dimension(label, str(kind), numbers[0], numbers[1], listed, taken)
    if any(d.key == spec.key for d in dimensions_of(session, course)):
        raise Invalid({"label": [("the course already measures this", "Det måles allerede.")]})
    row = Dimension(
        course_id=course.id,
        key=spec.key,
        label=spec.label,
        kind=spec.kind,
        low=spec.low,
        high=spec.high,
        choices=list(spec.choices),
        created_by_id=user.id,
    )
    session.add(row)
    session.flush()
    record_audit(session, user, "create", "dimension", row.id, f"forløb {course.id}: {spec.label}")
    return spec


def record_progress(
    session: Session,
    user: User,
    course_id: int,
    dimension: str,
    value: object,
    recorded_on: object = None,
    note: str = "",
    today: date | None = None,
) -> ProgressEntry:
    """Record one progress entry: a value on a dimension, on a date, with a note."""
    today = today or date.today()
    course = lookup.course(session, course_id)
    permissions.require_open(user, course)
    errors: fields.Errors = {}
    spec = next((d for d in dimensions_of(session, course) if d.key == dimension), None)
    if spec is None:
        errors["dimension"] = [("choose one of the course's dimensions", "Vælg hvad der er målt.")]
    day = optional_date(errors, "recorded_on", recorded_on) or today
    _not_future(errors, "recorded_on", day, today)
    note = fields.text(errors, "note", note, 1000, required=False)
    number = None
    if spec is not None:
        try:
            number = spec.parse(value)
        except Invalid as exc:
            errors.update(exc.errors)
    fields.raise_if(errors)
    assert spec is not None  # raise_if raised when no dimension was chosen
    entry = ProgressEntry(
        course_id=course.id,
        recorded_on=day,
        dimension=spec.key,
        value=number,
        note=note,
        recorded_by_id=user.id,
    )
    session.add(entry)
    session.flush()
    record_audit(session, user, "create", "progress", entry.id, f"forløb {course.id}: {spec.key}")
    return entry


def progress_of(session: Session, course: Course) -> list[ProgressEntry]:
    """Return the course's progress entries, oldest first."""
    query = sa.select(ProgressEntry).where(ProgressEntry.course_id == course.id)
    return list(session.scalars(query.order_by(ProgressEntry.recorded_on, ProgressEntry.id)))


def add_community(
    session: Session,
    user: User,
    course_id: int,
    name: str,
    kind: str = "other",
    joined_on: object = None,
    leaves_on: object = None,
) -> Community:
    """Record a community the young person belongs to, and when they will leave it."""
    course = lookup.course(session, course_id)
    permissions.require_manage(user, course)
    errors: fields.Errors = {}
    name = fields.text(errors, "name", name, 200)
    if kind not in COMMUNITY_KINDS:
        errors["kind"] = [("choose school, job, club or other", "Vælg en af mulighederne.")]
    joined = optional_date(errors, "joined_on", joined_on)
    leaves = optional_date(errors, "leaves_on", leaves_on)
    if joined and leaves and leaves < joined:
        errors["leaves_on"] = [("comes before joining", "Datoen ligger før starten.")]
    fields.raise_if(errors)
    community = Community(
        course_id=course.id, name=name, kind=kind, joined_on=joined, leaves_on=leaves
    )
    session.add(community)
    session.flush()
    record_audit(session, user, "create", "community", community.id, f"forløb {course.id}")
    return community


def communities_of(session: Session, course: Course) -> list[Community]:
    """Return the communities recorded on the course."""
    query = sa.select(Community).where(Community.course_id == course.id)
    return list(session.scalars(query.order_by(Community.id)))
