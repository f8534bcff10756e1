"""A small world for the need bank: three units, a user of every role, offers, helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import pytest

from bank.auth.models import Role, User
from bank.auth.passwords import hash_password
from bank.auth.services import get_or_create_unit
from bank.needs import bids, consent, courses, goals, needs
from bank.needs.models import Bid, Course, Need
from bank.offers.models import Offer, OfferStatus
from tests.conftest import PASSWORD

PSEUDONYM = "Zebra Ulvsen"
FAMILY = ["Bodil Krogh-Madsen", "Tjalfe"]
OWN, OTHER, THIRD = "Ungeindsatsen", "Ungdomsskolen", "Jobcentret"


@dataclass
class World:
    """Users of every role in their units, and helpers that build courses, needs and bids."""

    session: object
    coordinator: User  # Ungeindsatsen
    other_coordinator: User  # Ungdomsskolen
    member: User  # Ungdomsskolen
    third_member: User  # Jobcentret
    editor: User
    leader: User
    admin: User

    def course(
        self, coordinator: User | None = None, pseudonym: str = PSEUDONYM, with_consent: bool = True
    ) -> Course:
        """Open a course (with consent that covers publishing, unless told otherwise)."""
        coordinator = coordinator or self.coordinator
        course = courses.create_course(
            self.session, coordinator, pseudonym, date.today().year - 16, FAMILY
        )
        if with_consent:
            consent.record_consent(self.session, coordinator, course, "oral", date.today(), True)
        self.session.commit()
        return course

    def need(
        self,
        course: Course | None = None,
        publish: bool = True,
        title: str = "Hjælp til at komme i skole om morgenen",
        description: str = "Jeg vil gerne møde til tiden og have en fast voksen at ringe til.",
        tags: tuple[str, ...] = ("fravaer", "mentor", "skole"),
    ) -> Need:
        """Write a need under a new life goal, and publish it unless told otherwise."""
        course = course or self.course()
        manager = course.coordinator
        goal = goals.add_goal(
            self.session, manager, course, "life", "Jeg vil have en 9.-klasses eksamen"
        )
        need = needs.create_need(
            self.session, manager, course, goal.id, title, description, list(tags)
        )
        if publish:
            needs.publish_need(self.session, manager, need)
        self.session.commit()
        return need

    def bid(self, need: Need, member: User | None = None, **values) -> Bid:
        """Bid on the need for the member's unit."""
        member = member or self.member
        fields = {
            "title": "Mentor to morgener om ugen",
            "activities": "En mentor henter og følger med i skole to morgener om ugen.",
            "expected_outcomes": "Færre fraværsdage efter en måned.",
            "who": "En mentor fra Ungdomsskolen",
            "earliest_start": date.today() + timedelta(days=7),
            "duration_weeks": 12,
            "community": "Klassen og skolens fritidsklub",
        }
        fields.update(values)
        bid = bids.submit_bid(self.session, member, need.id, **fields)
        self.session.commit()
        return bid

    def offer(
        self, unit_name: str, title: str, description: str, tags: list[str], ref: str | None = None
    ) -> Offer:
        """Add a published offer to a unit's catalogue."""
        unit = get_or_create_unit(self.session, unit_name)
        offer = Offer(
            ref=ref or f"t-{title[:20]}",
            title=title,
            description=description,
            unit=unit,
            tags=tags,
            age_min=13,
            age_max=25,
            step=2,
            status=OfferStatus.PUBLISHED,
            activities=["Samtaler"],
            community="Skolen",
        )
        self.session.add(offer)
        self.session.commit()
        return offer


@cache
def _password_hash() -> str:
    return hash_password(PASSWORD)  # hashed once: argon2 is slow on purpose


@pytest.fixture
def quick_user(session):
    """Return a factory for users that sign in with PASSWORD, without hashing it each time."""

    def _make(role: Role, email: str, unit: str | None, name: str) -> User:
        unit_obj = get_or_create_unit(session, unit, "Center for Børn og Unge") if unit else None
        user = User(
            email=email, name=name, password_hash=_password_hash(), role=role, unit=unit_obj
        )
        session.add(user)
        session.commit()
        return user

    return _make


@pytest.fixture
def world(session, quick_user) -> World:
    """Return the need bank's test world."""
    return World(
        session=session,
        coordinator=quick_user(Role.COORDINATOR, "tovholder@test.dk", OWN, "Sara Tovholder"),
        other_coordinator=quick_user(
            Role.COORDINATOR, "tovholder2@test.dk", OTHER, "Otto Tovholder"
        ),
        member=quick_user(Role.UNIT_MEMBER, "fagperson@test.dk", OTHER, "Jonas Fagperson"),
        third_member=quick_user(Role.UNIT_MEMBER, "job@test.dk", THIRD, "Janne Job"),
        editor=quick_user(Role.EDITOR, "redaktoer@test.dk", OWN, "Eva Redaktør"),
        leader=quick_user(Role.LEADER, "leder@test.dk", OWN, "Lars Leder"),
        admin=quick_user(Role.ADMIN, "admin@test.dk", OWN, "Aisha Admin"),
    )
