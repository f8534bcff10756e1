"""The bank learns from its decisions: the leader sees the fit, the coordinator its reason."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from playwright.sync_api import expect

from bank.demo import FIXTURES
from bank.needs import consent, courses, goals, needs
from bank.needs.models import Course
from bank.plans import services
from bank.ranking.learning import adopted_fit, forget_attached
from bank.tasks import refit_learned

SITUATIONS = ("dm-o071", "dm-o070")  # housing and debt, from the demo's earlier courses


@dataclass
class Learned:
    """The coordinator who decided, a course with an open housing need, the fit's decisions."""

    coordinator: object
    course: Course
    decisions: int


def _open_need(session, coordinator, pseudonym: str, age: int, spec: dict) -> Course:
    """Open a course with consent and publish one need under a life goal."""
    course = courses.create_course(session, coordinator, pseudonym, date.today().year - age, [])
    consent.record_consent(session, coordinator, course, "oral", date.today(), True)
    goal = goals.add_goal(session, coordinator, course, "life", spec["goal"])
    need = needs.create_need(
        session, coordinator, course, goal.id, spec["title"], spec["description"], spec["tags"]
    )
    needs.publish_need(session, coordinator, need)
    return course


@pytest.fixture
def learned(session, make_user, demo_catalogue) -> Iterator[Learned]:
    """Put the offer that helped in the plans of earlier housing and debt needs, then refit."""
    coordinator = make_user("coordinator")
    history = json.loads((FIXTURES / "demo_history.json").read_text(encoding="utf-8"))
    earlier = [s for s in history["situations"] if s["offer"] in SITUATIONS]
    for n, (situation, spec) in enumerate((s, spec) for s in earlier for spec in s["needs"]):
        course = _open_need(session, coordinator, f"Ung {n}", spec["age"], spec)
        offer = demo_catalogue[situation["offer"]]
        values = {"offer_id": offer.id, "goal_id": course.goals[0].id}
        services.add_item(session, coordinator, course.id, values)
    session.commit()
    fit = refit_learned(session, force=True)
    assert fit is not None and fit.adopted, fit.why if fit else None
    forget_attached()  # the live server's index looks for the model on its next search
    now = {
        "goal": "Jeg vil have et sted at bo, hvor jeg kan være i fred.",
        "title": "Har ikke noget fast sted at sove",
        "description": "Hun er flyttet hjemmefra efter en stor krise og sover nu på sofaen "
        "hos forskellige venner. Hun har ingen bolig og ved ikke, hvor hun skal bo i næste uge.",
        "tags": ["bolig"],
    }
    course = _open_need(session, coordinator, "Ung Nu", 20, now)
    session.commit()
    assert adopted_fit(session) is not None
    yield Learned(coordinator, course, fit.decision_count)
    forget_attached()


def test_a_leader_sees_when_the_model_was_fitted_and_on_how_many_decisions(
    page, sign_in, make_user, learned
):
    sign_in(make_user("leader", unit=None, name="Lars Leder"))
    page.get_by_role("link", name="Rapporter", exact=True).click()
    card = page.locator("li", has=page.get_by_role("heading", name="Læring fra jeres valg"))
    expect(card).to_contain_text("Tilpasset")
    expect(card).to_contain_text(f"ud fra {learned.decisions} beslutninger")


def test_a_coordinator_sees_an_offer_chosen_for_similar_needs_in_the_finder(page, sign_in, learned):
    sign_in(learned.coordinator)
    page.goto(f"/forloeb/{learned.course.id}/plan/find")
    hit = page.locator("li.hit", has_text="Housing First")
    expect(hit).to_contain_text("Valgt til lignende behov")
