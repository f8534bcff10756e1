"""A plan item with an end date before its start date says so beside the end date."""

from __future__ import annotations

from tests.integration.plans.conftest import plan_world  # noqa: F401  (the fixture)


def test_a_coordinator_sees_why_an_item_with_the_end_before_the_start_is_not_saved(
    page,
    sign_in,
    plan_world,  # noqa: F811
):
    w = plan_world
    sign_in(w.coordinator)
    page.goto(f"/forloeb/{w.course.id}/plan/ny?tilbud={w.offers['mentor'].id}")
    page.get_by_label("Hvilket mål skal det hjælpe med?").select_option(
        label="Delmål: Jeg vil komme op om morgenen"
    )
    page.get_by_label("Start").fill("2026-05-01")
    page.get_by_label("Slut").fill("2026-04-01")
    page.get_by_role("button", name="Læg i planen").click()
    beside = page.locator("#ends_on-fejl")
    beside.wait_for()
    assert beside.inner_text() == "Slutdatoen ligger før startdatoen."
    assert page.get_by_label("Slut").get_attribute("aria-invalid") == "true"
    summary = page.get_by_role("alert").filter(has_text="Det blev ikke gemt")
    assert "Slutdatoen ligger før startdatoen." in summary.inner_text()
