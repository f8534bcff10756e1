"""A small plan world: a course with goals, a team, offers (two of them double), a fixed clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import pytest

from bank.auth.models import Role, User
from bank.auth.passwords import hash_password
from bank.auth.services import get_or_create_unit
from bank.needs import consent, courses, goals
from bank.needs.models import Course, Goal
from bank.offers.catalogue import bump_catalogue_version
from bank.offers.models import Offer, OfferStatus
from tests.conftest import PASSWORD

TODAY = date(2026, 3, 2)
STARTED = date(2025, 3, 1)

OFFERS = {
    "mentor": (
        "Mentorordning for unge i skolen",
        "Ungdomsskolen",
        "Center for Børn og Unge",
        "En fast mentor mødes med den unge hver uge, hjælper med at komme op om morgenen "
        "og følger med i skole. Mentoren taler med lærerne om fraværet.",
        ["mentor", "fravaer", "skole"],
        5,
    ),
    "skolementor": (
        "Skolementor til unge med fravær",
        "Familiecentret",
        "Center for Familier",
        "Den unge får en fast mentor, der mødes med den unge hver uge, hjælper med at "
        "komme op om morgenen og følger den unge i skole. Mentoren taler med skolen "
        "om fraværet.",
        ["mentor", "fravaer", "skole"],
        3,
    ),
    "fritidsjob": (
        "Fritidsjob med støtte",
        "Jobcentret",
        "Center for Job og Uddannelse",
        "Vi hjælper den unge med at finde et fritidsjob og skrive en ansøgning. En "
        "jobkonsulent går med de første uger på arbejdspladsen.",
        ["job", "virksomhedsrettet"],
        10,
    ),
    "angst": (
        "Angstgruppe for unge",
        "PPR",
        "Center for Børn og Unge",
        "Et gruppeforløb for unge med angst. Vi øver os i at klare svære situationer, "
        "trin for trin, sammen med andre unge.",
        ["psykisk-trivsel", "gruppe"],
        0,
    ),
}


@cache
def _hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class PlanWorld:
    """The people, the course with its goals, and the offers of the plan tests."""

    session: object
    coordinator: User
    member: User  # on the team, Ungdomsskolen
    outsider: User  # a coordinator of other courses
    admin: User
    course: Course
    school: Goal  # life goal
    morning: Goal  # sub-goal under school
    job: Goal  # life goal
    offers: dict[str, Offer]

    def item_values(self, offer: str, goal: Goal, **extra) -> dict:
        """Return the form values that add an offer to the plan for a goal."""
        return {"offer_id": self.offers[offer].id, "goal_id": goal.id, **extra}


def _user(session, role: Role, email: str, unit: str | None, name: str) -> User:
    unit_obj = get_or_create_unit(session, unit, "Center for Børn og Unge") if unit else None
    user = User(email=email, name=name, password_hash=_hash(), role=role, unit=unit_obj)
    session.add(user)
    return user


@pytest.fixture
def plan_world(session) -> PlanWorld:
    """Return a course (young person born 2010) with two life goals, a sub-goal and offers."""
    coordinator = _user(
        session, Role.COORDINATOR, "tovholder@plan.dk", "Ungeindsatsen", "Sara Tovholder"
    )
    member = _user(session, Role.UNIT_MEMBER, "mentor@plan.dk", "Ungdomsskolen", "Mads Mentor")
    outsider = _user(session, Role.COORDINATOR, "anden@plan.dk", "Ungeindsatsen", "Otto Anden")
    admin = _user(session, Role.ADMIN, "admin@plan.dk", None, "Aisha Admin")
    session.commit()
    course = courses.create_course(session, coordinator, "Kim Testesen", 2010, [], today=STARTED)
    consent.record_consent(session, coordinator, course, "oral", STARTED, True, today=STARTED)
    courses.add_team_member(session, coordinator, course, member.email, "Mentor")
    school = goals.add_goal(session, coordinator, course, "life", "Jeg vil gennemføre 9. klasse")
    morning = goals.add_goal(
        session, coordinator, course, "sub", "Jeg vil komme op om morgenen", school.id
    )
    job = goals.add_goal(session, coordinator, course, "life", "Jeg vil have et fritidsjob")
    offers = {}
    for ref, (title, unit, centre, text, tags, capacity) in OFFERS.items():
        offers[ref] = Offer(
            ref=ref,
            title=title,
            description=text,
            unit=get_or_create_unit(session, unit, centre),
            tags=tags,
            age_min=13,
            age_max=25,
            step=2,
            capacity=capacity,
            status=OfferStatus.PUBLISHED,
            activities=["Samtaler"],
            community="Skolen",
        )
        session.add(offers[ref])
    bump_catalogue_version(session)
    session.commit()
    return PlanWorld(
        session, coordinator, member, outsider, admin, course, school, morning, job, offers
    )
