"""Every main page of every role, on a phone (390 × 844) and on a desktop (1280 × 800).

On the demo, each role walks every kind of page its links reach. On the phone no page scrolls
sideways and the header stays compact; axe-core finds no violation at either size. Screenshots
of the main pages at both sizes are kept under tests/e2e/artefacts/.
"""

from __future__ import annotations

from collections import deque

import pytest

from bank.demo import DEMO_PASSWORD, DEMO_USERS, load_demo
from bank.tasks import queue_scan, run_pending
from tests.e2e.pages import (
    ARTEFACTS,
    DESKTOP,
    PHONE,
    axe_violations,
    links,
    overflow,
    settle,
    shape,
    sign_in,
    with_axe,
)

HEADER_MAX = 80  # px on a phone: brand and a menu button on one line
PER_ROLE = 45  # kinds of page per role; the demo's roles reach fewer
SHOT_MAX = 6000  # px: a long list's screenshot stops here

# The pages the issue names, by shape, and the file name their screenshots get.
MAIN_PAGES = {
    "/bud": "bud",
    "/forloeb": "forloeb",
    "/forloeb/{n}": "forloeb-id",
    "/forloeb/{n}/plan": "plan",
    "/forloeb/{n}/moeder": "moeder",
    "/forloeb/{n}/fremskridt": "fremskridt",
    "/redaktion/tilbud": "redaktion-tilbud",
    "/rapporter/dobbelttilbud": "dobbelttilbud",
    "/rapporter/huller": "huller",
    "/rapporter/ledelsesinformation": "ledelsesinformation",
    "/adgangslog": "adgangslog",
}


@pytest.fixture
def demo(session):
    """Load the whole demo (catalogue, need bank, courses, users) with its overlap scan done."""
    load_demo(session)
    session.commit()
    queue_scan(session)
    session.commit()  # the scan reaches the queue when its unit of work commits
    run_pending()
    return [email for email, *_ in DEMO_USERS]


def keep(page, path) -> None:
    """Save a screenshot of the page from the top, at most SHOT_MAX pixels down."""
    size = page.viewport_size
    height = min(page.evaluate("document.documentElement.scrollHeight"), SHOT_MAX)
    clip = {"x": 0, "y": 0, "width": size["width"], "height": height}
    page.screenshot(path=path, full_page=True, clip=clip)


def _walk(page, base: str, role: str, shot: dict[str, str]) -> list[str]:
    """Visit every kind of page the role reaches, at phone and desktop size; list problems."""
    problems: list[str] = []
    todo, seen = deque([base + "/"]), set()
    while todo and len(seen) < PER_ROLE:
        url = todo.popleft()
        kind = shape(url)
        if kind in seen:
            continue
        seen.add(kind)
        where = f"{role} {url.removeprefix(base)}"
        page.set_viewport_size(PHONE)
        page.goto(url)
        settle(page)
        wide = overflow(page)
        if wide["scroll"] > wide["client"]:
            problems.append(f"{where}: scrolls sideways on a phone, {wide}")
        header = page.locator("header.top")
        if header.count() and header.bounding_box()["height"] > HEADER_MAX:
            problems.append(f"{where}: header {header.bounding_box()['height']:.0f}px on a phone")
        problems += [f"{where} (phone): {v}" for v in axe_violations(page)]
        name = MAIN_PAGES.get(kind)
        if name and name not in shot:
            keep(page, ARTEFACTS / f"{name}-390.png")
        todo.extend(u for u in links(page, base) if shape(u) not in seen)
        page.set_viewport_size(DESKTOP)  # the same page, laid out for a desktop
        problems += [f"{where} (desktop): {v}" for v in axe_violations(page)]
        if name and name not in shot:
            keep(page, ARTEFACTS / f"{name}-1280.png")
            shot[name] = where
    return problems


def test_no_page_of_any_role_scrolls_sideways_on_a_phone_and_axe_finds_no_violation(
    browser, live_server, demo
):
    ARTEFACTS.mkdir(exist_ok=True)
    shot: dict[str, str] = {}
    problems: list[str] = []
    for email in demo:
        context = browser.new_context(
            base_url=live_server, locale="da-DK", viewport=PHONE, bypass_csp=True
        )  # lets the test inject axe-core
        context.set_default_timeout(15_000)
        with_axe(context)
        page = context.new_page()
        sign_in(page, email, DEMO_PASSWORD)
        problems += _walk(page, live_server, email.split("@")[0], shot)
        context.close()
    assert problems == []
    assert sorted(shot) == sorted(MAIN_PAGES.values())  # every main page was reached and kept
    for name in MAIN_PAGES.values():
        for width in (390, 1280):
            assert (ARTEFACTS / f"{name}-{width}.png").stat().st_size > 5_000


def test_on_a_phone_the_menu_folds_behind_a_button_that_opens_it(page, sign_in, make_user):
    coordinator = make_user("coordinator", name="Sara Tovholder")
    page.set_viewport_size(PHONE)
    sign_in(coordinator)
    menu = page.get_by_role("navigation", name="Hovedmenu")
    button = page.get_by_role("button", name="Menu")
    assert not menu.is_visible()
    assert page.locator("header.top").bounding_box()["height"] <= HEADER_MAX
    button.click()
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    menu.get_by_role("link", name="Forløb").click()
    page.wait_for_url("**/forloeb")
    page.set_viewport_size(DESKTOP)
    assert menu.is_visible() and not button.is_visible()  # a desktop shows the menu as before
