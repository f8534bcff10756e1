"""In a browser: confirmations show where the eye is, destructive steps ask first, undo works,
and the young person's large-text view speaks plainly."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from bank.demo import FIXTURES
from bank.offers.demo import load_demo as load_offers
from bank.tasks import queue_scan, run_pending
from tests.integration.plans.conftest import plan_world  # noqa: F401  (the fixture)
from tests.offers_support import add_offer, editor_of

SYSTEM_WORDS = (
    "Fælles ord",
    "Samme emne med andre ord",
    "indsatstrappen",
    "Til og med trin",
    "Hvorfor:",
    "Passer til:",
)
STEP = re.compile(r"\b[Tt]rin \d")  # "trin 2": a step number ("trin for trin" is plain Danish)


def test_a_saved_measurement_is_confirmed_in_view_beside_the_charts(
    page,
    sign_in,
    plan_world,  # noqa: F811
):
    sign_in(plan_world.coordinator)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/forloeb/{plan_world.course.id}/fremskridt")
    page.get_by_label("Hvad har I målt?").select_option(label="Trivsel (den unges eget tal)")
    page.get_by_label("Værdi").fill("6")
    page.get_by_label("Dato").fill(date.today().isoformat())
    page.get_by_role("button", name="Gem målingen").click()
    message = page.get_by_role("status").filter(has_text="Målingen er gemt.")
    expect(message).to_be_in_viewport()
    expect(page.locator("#chart-wellbeing")).to_be_attached()


def test_marking_a_pair_is_confirmed_in_view_and_can_be_undone(page, sign_in, session, make_user):
    load_offers(session, FIXTURES)
    session.commit()
    queue_scan(session)
    session.commit()  # the scan reaches the queue when its unit of work commits
    run_pending()
    sign_in(make_user("leader", unit=None, name="Lars Leder"))
    page.goto("/rapporter/dobbelttilbud")
    pair = page.locator('li.pair[data-pair="dm-o047|dm-o049"]')
    pair.get_by_text("Ikke et dobbelttilbud?").click()
    pair.get_by_label("Hvorfor er de to tilbud ikke det samme?").fill("Kun for beboerne.")
    pair.get_by_role("button", name="Markér som ikke dobbelttilbud").click()
    expect(page.get_by_text("Parret er markeret som ikke et dobbelttilbud")).to_be_in_viewport()
    expect(pair).to_have_count(0)

    marks = page.locator("table.marks")
    marks.get_by_role("button", name="Fortryd markeringen af Sprogcafé").click()
    expect(page.get_by_text("Markeringen er fortrudt.")).to_be_in_viewport()
    expect(page.locator('li.pair[data-pair="dm-o047|dm-o049"]')).to_have_count(1)
    expect(page.locator("table.marks")).to_have_count(0)


def test_retiring_an_offer_asks_first_asks_why_and_keeps_the_reason_in_the_history(
    page, sign_in, session, make_user
):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True, title="Lektiecafé Syd")
    sign_in(editor)
    page.goto(f"/tilbud/{offer.ref}")
    confirm = page.get_by_role("button", name="Ja, tag tilbuddet ud")
    expect(confirm).to_be_hidden()  # one click does not retire anything

    page.get_by_text("Tag ud af kataloget …").click()
    confirm.click()  # no reason yet: the form will not send
    expect(page.get_by_label("Hvorfor skal tilbuddet tages ud?")).to_be_focused()
    expect(page.get_by_text("Tilbuddet er taget ud af kataloget")).to_have_count(0)

    page.get_by_label("Hvorfor skal tilbuddet tages ud?").fill("Lagt sammen med Lektiecafé Nord.")
    confirm.click()
    expect(page.get_by_text("Tilbuddet er taget ud af kataloget")).to_be_in_viewport()
    expect(page.get_by_text("Taget ud, fordi: Lagt sammen med Lektiecafé Nord.")).to_be_visible()
    history = page.locator("#historik").locator("..")
    history.get_by_text("Grund til at tage tilbuddet ud", exact=False).first.click()
    expect(history.get_by_role("cell", name="Lagt sammen med Lektiecafé Nord.")).to_be_visible()


def test_the_large_text_view_names_the_goals_and_no_system_words(
    page,
    sign_in,
    plan_world,  # noqa: F811
):
    sign_in(plan_world.coordinator)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/forloeb/{plan_world.course.id}/plan/find?stor=1")
    job = page.locator("li.hit", has_text="Fritidsjob med støtte")
    expect(job).to_contain_text("Det kan hjælpe dig med dit mål:")
    expect(job.get_by_role("listitem")).to_have_text(["Jeg vil have et fritidsjob"])
    text = page.locator("main").inner_text()
    assert [w for w in SYSTEM_WORDS if w in text] == []
    assert not STEP.search(text)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
