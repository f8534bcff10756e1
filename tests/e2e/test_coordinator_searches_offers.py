"""A coordinator searches the catalogue with a young person: typos forgiven, reasons shown."""

from __future__ import annotations

from bank.auth.models import Role


def test_a_coordinator_finds_mentor_offers_despite_a_typo_and_narrows_by_age(
    page, sign_in, make_user, demo_catalogue
):
    sign_in(make_user(Role.COORDINATOR, name="Sara Tovholder"))
    page.goto("/tilbud")
    page.get_by_label("Søg").fill("mentorodning")
    results = page.locator("#resultater")
    title = "Jobmentor – en fast støtte på din nye arbejdsplads"
    job_mentor = results.get_by_role("link", name=title)
    job_mentor.wait_for()
    hit = results.locator("li.hit").filter(has=page.get_by_role("link", name=title))
    assert "Samme emne med andre ord: mentor" in hit.inner_text()

    page.get_by_label("Alder").fill("17")
    page.get_by_label("Alder").dispatch_event("change")
    job_mentor.wait_for(state="detached")
    assert results.get_by_role(
        "link", name="Fastholdelsesmentor – bliv på din uddannelse"
    ).is_visible()
    assert "age=17" in page.url and "q=mentorodning" in page.url
