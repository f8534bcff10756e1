"""A coordinator marks an offer "Passer ikke" in the finder: it leaves, and "Fortryd" is undo."""

from __future__ import annotations

from tests.integration.plans.conftest import plan_world  # noqa: F401  (the fixture)


def test_an_offer_marked_passer_ikke_leaves_the_list_and_fortryd_brings_it_back(
    page,
    sign_in,
    plan_world,  # noqa: F811
):
    w = plan_world
    sign_in(w.coordinator)
    page.goto(f"/forloeb/{w.course.id}/plan/find")
    hit = page.locator("li.hit", has_text="Fritidsjob med støtte")
    hit.wait_for()
    hit.get_by_label("Hvorfor passer Fritidsjob med støtte ikke? (valgfrit)").select_option(
        label="For meget"
    )
    hit.get_by_role("button", name="Passer ikke").click()

    hidden = page.locator("#skjult")
    hidden.get_by_role("heading", name="Skjult (1)").wait_for()
    assert hidden.get_by_text("For meget").is_visible()
    assert page.locator("li.hit", has_text="Fritidsjob med støtte").count() == 0
    assert page.locator("li.hit", has_text="Mentorordning for unge i skolen").count() == 1
    assert "/passer-ikke" not in page.url  # swapped in place, not a new page

    hidden.get_by_role("button", name="Fortryd").click()
    page.locator("li.hit", has_text="Fritidsjob med støtte").wait_for()
    page.get_by_text("Fritidsjob med støtte er med i listen igen.").wait_for()
    assert page.locator("#skjult").count() == 0
