"""The strict Content Security Policy holds in a real browser: htmx works, nothing is refused."""

from __future__ import annotations

from bank.auth.models import Role
from bank.needs import consent, courses
from tests.integration.needs.conftest import FAMILY, PSEUDONYM


def _watch(page) -> list[str]:
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def test_htmx_search_runs_under_the_csp_without_a_single_refusal(
    page, sign_in, make_user, demo_catalogue
):
    refused = _watch(page)
    sign_in(make_user(Role.COORDINATOR, name="Sara Tovholder"))
    page.goto("/tilbud")
    page.get_by_label("Søg").fill("mentor")
    page.wait_for_url("**q=mentor**")  # htmx fetched the results and pushed the address
    page.locator("#resultater li.hit").first.wait_for()
    assert page.evaluate("document.querySelectorAll('head style').length") == 0
    page.goto(f"/tilbud/{next(iter(demo_catalogue))}")
    assert refused == []


def test_a_course_page_asks_before_ending_the_course_without_inline_script(
    page, sign_in, make_user, session
):
    from datetime import date

    coordinator = make_user(Role.COORDINATOR, name="Sara Tovholder")
    course = courses.create_course(session, coordinator, PSEUDONYM, date.today().year - 16, FAMILY)
    consent.record_consent(session, coordinator, course, "oral", date.today(), True)
    session.commit()
    refused = _watch(page)
    sign_in(coordinator)
    page.goto(f"/forloeb/{course.id}")
    asked: list[str] = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.get_by_text("Afslut forløbet …").click()  # the confirm step (works without JS) opens
    page.get_by_role("button", name="Afslut forløbet").click()
    assert asked and asked[0].startswith("Afslutte forløbet?")
    assert page.url.endswith(f"/forloeb/{course.id}")  # dismissed: nothing was sent
    page.goto(f"/forloeb/{course.id}/plan/udskrift")
    page.get_by_role("button", name="Udskriv").wait_for()
    assert refused == []
