"""An editor, in a browser on the demo, follows the links the pages show and never meets a 403."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from bank.demo import DEMO_PASSWORD, load_demo
from bank.tasks import run_pending


def _sign_in(page, email: str) -> None:
    page.goto("/log-ind")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/")


def test_an_editor_opens_their_units_bids_and_is_offered_only_their_own_offers_to_change(
    app, page, session
):
    load_demo(session)
    session.commit()
    _sign_in(page, "leder@demo.dk")
    page.goto("/rapporter/dobbelttilbud")
    run_pending(app)
    page.context.clear_cookies()

    _sign_in(page, "redaktoer@demo.dk")
    page.goto("/behov")
    bids_seen = 0
    for href in page.locator("#behovsliste a").evaluate_all("els => els.map(e => e.href)"):
        page.goto(href)
        for link in page.get_by_role("link").filter(has_text=re.compile(".")).all():
            if "/bud/" not in (link.get_attribute("href") or ""):
                continue
            with page.expect_navigation():
                link.click()
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            assert "Du har ikke adgang" not in page.content()
            bids_seen += 1
            page.go_back()
    assert bids_seen >= 1

    page.goto("/rapporter/dobbelttilbud")
    groups = page.get_by_role("heading", name=re.compile(r"^Dobbelttilbud: \d+ grupp"))
    expect(groups).to_be_visible()
    for link in page.get_by_role("link", name="Ret, læg sammen eller tag ud").all():
        answer = page.request.get(link.get_attribute("href"))
        assert answer.status == 200
