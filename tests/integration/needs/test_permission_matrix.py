"""Every role × every action of the need bank, on the actor's own and on others' data.

"Own" means: the actor's own course (a coordinator), a course run from the actor's own unit
(other roles), a bid for the actor's own unit, a bid on the actor's course's need, and the
actor's own inbox. "Other" is the same thing belonging to another unit or person.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bank.auth.models import Role, User
from bank.errors import NotAllowed
from bank.needs import bids, courses, inbox, needs
from bank.needs.models import Bid
from tests.integration.needs.conftest import OWN, World

T, F = True, False
EXPECTED = {  # action -> role -> (allowed on own, allowed on other)
    "open course": {
        "coordinator": (T, F),
        "unit_member": (F, F),
        "editor": (F, F),
        "leader": (F, F),
        "admin": (T, T),
    },
    "publish need": {
        "coordinator": (T, F),
        "unit_member": (F, F),
        "editor": (F, F),
        "leader": (F, F),
        "admin": (T, T),
    },
    "bid": {
        "coordinator": (F, F),
        "unit_member": (T, F),
        "editor": (F, F),
        "leader": (F, F),
        "admin": (T, T),
    },
    "decide bid": {
        "coordinator": (T, F),
        "unit_member": (F, F),
        "editor": (F, F),
        "leader": (F, F),
        "admin": (T, T),
    },
    "read bids": {
        "coordinator": (T, F),
        "unit_member": (T, F),
        "editor": (T, F),
        "leader": (F, F),
        "admin": (T, T),
    },
    "see inbox": {
        role: (T, F) for role in ("coordinator", "unit_member", "editor", "leader", "admin")
    },
}
CASES = [
    (action, role, scope, allowed[0 if scope == "own" else 1])
    for action, by_role in EXPECTED.items()
    for role, allowed in by_role.items()
    for scope in ("own", "other")
]


def actor_for(world: World, role: str) -> User:
    """Return the world's user with this role."""
    return {
        "coordinator": world.coordinator,
        "unit_member": world.member,
        "editor": world.editor,
        "leader": world.leader,
        "admin": world.admin,
    }[role]


def coordinators(world: World, actor: User) -> tuple[User, User]:
    """Return (the coordinator of the actor's own side, the coordinator of another unit)."""
    if actor.role == Role.COORDINATOR:
        return world.coordinator, world.other_coordinator
    if actor.unit.name == OWN:
        return world.coordinator, world.other_coordinator
    return world.other_coordinator, world.coordinator


def raw_bid(world: World, need, unit_id: int) -> Bid:
    """Put a bid straight into the database (no rules), to test who may read or decide it."""
    bid = Bid(
        need_id=need.id,
        unit_id=unit_id,
        bidder_id=world.admin.id,
        title="Bud",
        activities="Noget",
        expected_outcomes="Noget godt",
        who="Os",
        earliest_start=date.today() + timedelta(days=1),
        duration_weeks=4,
    )
    world.session.add(bid)
    world.session.commit()
    return bid


def attempt(world: World, action: str, actor: User, scope: str) -> None:
    """Let the actor try the action on own or other data; raise NotAllowed if refused."""
    own_coordinator, other_coordinator = coordinators(world, actor)
    course_owner = own_coordinator if scope == "own" else other_coordinator
    session = world.session
    if action == "open course":
        courses.open_course(session, actor, world.course(course_owner).id)
    elif action == "publish need":
        draft = world.need(world.course(course_owner), publish=False)
        needs.publish_need(session, actor, draft)
    elif action == "bid":
        need = world.need(world.course(world.coordinator))
        unit_id = actor.unit_id if scope == "own" else world.third_member.unit_id
        world.bid(need, member=actor, unit_id=unit_id)
    elif action == "decide bid":
        need = world.need(world.course(course_owner))
        bid = raw_bid(world, need, world.third_member.unit_id)
        bids.decide_bid(session, actor, bid.id, "accepted")
    elif action == "read bids":
        need = world.need(world.course(course_owner))
        unit_id = actor.unit_id if scope == "own" else world.third_member.unit_id
        if actor.role == Role.COORDINATOR:
            unit_id = world.third_member.unit_id
        bids.get_bid(session, actor, raw_bid(world, need, unit_id).id)
    elif action == "see inbox":
        owner = actor if scope == "own" else world.third_member
        inbox.inbox(session, actor, owner)


@pytest.mark.parametrize(
    ("action", "role", "scope", "allowed"), CASES, ids=[f"{a}-{r}-{s}" for a, r, s, _ in CASES]
)
def test_each_role_may_do_exactly_what_the_matrix_says(world, action, role, scope, allowed):
    actor = actor_for(world, role)
    if allowed:
        attempt(world, action, actor, scope)
    else:
        with pytest.raises(NotAllowed):
            attempt(world, action, actor, scope)


def test_a_team_member_may_open_the_course_but_not_change_it(world):
    course = world.course()
    courses.add_team_member(world.session, world.coordinator, course, world.member.email, "Mentor")
    assert courses.open_course(world.session, world.member, course.id) is course
    draft = world.need(course, publish=False)
    with pytest.raises(NotAllowed):
        needs.publish_need(world.session, world.member, draft)


def test_a_coordinator_on_the_team_may_decide_bids(world):
    course = world.course()
    courses.add_team_member(
        world.session, world.coordinator, course, world.other_coordinator.email, "Medtovholder"
    )
    bid = world.bid(world.need(course))
    bids.decide_bid(world.session, world.other_coordinator, bid.id, "accepted")


def test_a_removed_team_member_can_no_longer_open_the_course(world):
    course = world.course()
    member = courses.add_team_member(world.session, world.coordinator, course, world.member.email)
    courses.remove_team_member(world.session, world.coordinator, course, member.id)
    with pytest.raises(NotAllowed):
        courses.open_course(world.session, world.member, course.id)
