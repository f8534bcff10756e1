"""With the young person, in the large-text view of the bids, the coordinator can say yes or no."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.integration.needs.conftest import quick_user, world  # noqa: F401  (fixtures)


def test_the_coordinator_accepts_and_declines_bids_in_the_large_text_view(
    page,
    sign_in,
    world,  # noqa: F811
):
    need = world.need()
    first = world.bid(need)
    second = world.bid(need, member=world.third_member, title="Jobcafé om eftermiddagen")
    sign_in(world.coordinator)
    page.goto(f"/behov/{need.id}?stor=1")
    accept = page.locator(f"article[aria-labelledby='bud-{first.id}']")
    accept.get_by_role("button", name="Tag imod buddet").click()
    expect(page.get_by_text("Buddet er taget imod.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"stor=1"))  # still the large view

    decline = page.locator(f"article[aria-labelledby='bud-{second.id}']")
    decline.get_by_text("Sig nej tak").first.click()
    decline.get_by_label("Hvorfor?").select_option(index=0)
    decline.get_by_role("button", name="Sig nej tak").click()
    expect(page.get_by_text("Buddet er afvist.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"stor=1"))
