"""A unit searches the needs for "bolig" and "skole" and finds the needs tagged so."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.integration.needs.conftest import quick_user, world  # noqa: F401  (fixtures)
from tests.integration.needs.test_need_search import tagged  # noqa: F401  (the fixture)


def test_a_unit_member_finds_needs_by_their_tags_while_typing(
    page,
    sign_in,
    world,  # noqa: F811
    tagged,  # noqa: F811
):
    sign_in(world.member)
    page.goto("/behov")
    results = page.locator("#behovsliste")
    page.get_by_label("Søg i behovene").fill("bolig")
    expect(results.get_by_role("link", name="Et sted at bo")).to_be_visible()
    expect(results.get_by_role("link", name="Regninger")).to_have_count(0)
    page.get_by_label("Søg i behovene").fill("skole")
    for title in ("Hjælp i skolen", "Komme op om morgenen", "Lektier"):
        expect(results.get_by_role("link", name=title)).to_be_visible()
    expect(results.get_by_role("link", name="Et sted at bo")).to_have_count(0)
