"""Need visibility is written twice: in Python (permissions.need_visible_to_unit, for one need)
and in SQL (published._consent_allows, for the list). They must agree on every case."""

from __future__ import annotations

import itertools
from datetime import date

from bank.auth.models import Role, User
from bank.auth.services import get_or_create_unit
from bank.db import utcnow
from bank.needs import consent, courses, goals, needs, permissions, published
from bank.needs.models import ConsentKind, Course, Need, NeedState
from tests.integration.needs.conftest import OTHER, OWN, THIRD

KINDS = list(ConsentKind)
COVERS = (True, False)
# Units the consent shares the needs with, by their relation to the member's unit (OTHER):
# the unit itself, a unit in the same centre, a unit in another centre.
SHARES = ((), (OTHER,), (THIRD,), ("Fritidscentret",), (OTHER, "Fritidscentret"))
# What happened to the consent: in force, withdrawn, or in force after replacing an earlier one.
HISTORIES = ("in_force", "withdrawn", "replaced")
STATES = list(NeedState)


def _unit_ids(world, names) -> list[int]:
    return [get_or_create_unit(world.session, name).id for name in names]


def _course_with(world, kind, covers, shares, history) -> Course:
    """Open a course whose consent has this kind, reach and history (no consent: kind None)."""
    session, coordinator = world.session, world.coordinator
    course = courses.create_course(session, coordinator, "Zebra Ulvsen", date.today().year - 16)
    if kind is None:
        return course
    if history == "replaced":
        earlier = _unit_ids(world, ["Fritidscentret"])
        consent.record_consent(
            session, coordinator, course, "oral", date.today(), not covers, earlier
        )
    unit_ids = _unit_ids(world, shares)
    consent.record_consent(session, coordinator, course, kind, date.today(), covers, unit_ids)
    if history == "withdrawn":
        consent.withdraw_consent(session, coordinator, course)
    return course


def _need_in_state(world, course: Course, state: NeedState) -> Need:
    """Write a need on the course and put it straight into the state (the rules read only it)."""
    goal = goals.add_goal(world.session, world.coordinator, course, "life", "Jeg vil i skole")
    need = needs.create_need(
        world.session, world.coordinator, course, goal.id, "Hjælp om morgenen", "En fast voksen."
    )
    need.state = state
    need.published_at = utcnow() if state != NeedState.DRAFT else None
    return need


def _users(world) -> dict[str, User | None]:
    """Return the askers: every relation to the units the consents name, and nobody."""
    session = world.session
    elsewhere = get_or_create_unit(session, "Fritidscentret", "Center for Kultur og Fritid")
    made = {
        "admin_without_unit": User(email="a2@test.dk", name="Admin Uden Enhed", role=Role.ADMIN),
        "member_elsewhere": User(
            email="fritid@test.dk", name="Frida Fritid", role=Role.UNIT_MEMBER, unit=elsewhere
        ),
        "leader_without_unit": User(email="l2@test.dk", name="Leder Uden Enhed", role=Role.LEADER),
    }
    for user in made.values():
        user.password_hash = "not-used"
        session.add(user)
    session.flush()
    return {
        "nobody (the export)": None,
        "member (own unit shared)": world.member,
        "member of a unit in the same centre": world.third_member,
        "coordinator of the member's unit": world.other_coordinator,
        "coordinator of the course's unit": world.coordinator,
        "editor": world.editor,
        "admin with a unit": world.admin,
        **made,
    }


def test_the_python_and_the_sql_need_visibility_rules_agree_on_every_case(world):
    """Every consent kind, reach, history and need state, asked by every kind of user."""
    session = world.session
    get_or_create_unit(session, THIRD)
    assert (
        get_or_create_unit(session, OWN).centre_name
        == get_or_create_unit(session, THIRD).centre_name
    )
    users = _users(world)
    setups = [(None, False, (), "none")] + list(itertools.product(KINDS, COVERS, SHARES, HISTORIES))
    cases: dict[int, tuple] = {}
    for setup in setups:
        course = _course_with(world, *setup)
        for state in STATES:
            cases[_need_in_state(world, course, state).id] = (*setup, state.value)
    session.commit()
    all_needs = [session.get(Need, need_id) for need_id in cases]

    disagreements, seen, hidden = [], 0, 0
    for name, user in users.items():
        by_sql = {n.id for n in published.visible_needs(session, user)} & set(cases)
        unit_id = getattr(user, "unit_id", None)
        by_python = {
            n.id
            for n in all_needs
            if n.state == NeedState.PUBLISHED and permissions.need_visible_to_unit(n, unit_id, user)
        }
        disagreements += [(name, cases[i]) for i in sorted(by_sql ^ by_python)]
        seen += len(by_python)
        hidden += len(cases) - len(by_python)
    assert disagreements == []
    assert len(cases) == (1 + len(KINDS) * len(COVERS) * len(SHARES) * len(HISTORIES)) * len(STATES)
    assert seen and hidden  # the matrix has both answers for both rules to agree on
