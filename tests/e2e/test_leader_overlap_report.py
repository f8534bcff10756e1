"""A leader reads the overlap report in a browser: groups, a not-double mark, a re-scan, charts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bank.demo import FIXTURES
from bank.tasks import start_embedded_worker


@pytest.fixture
def worker(app):
    """Run the background worker inside the test process, as `bank demo` does."""
    consumer = start_embedded_worker(app)
    yield consumer
    consumer.stop(graceful=True)


def test_a_leader_reviews_double_offers_marks_one_pair_and_opens_the_coverage_chart(
    page, sign_in, session, make_user, worker
):
    from bank.offers.demo import load_demo

    load_demo(session, FIXTURES)
    session.commit()
    leader = make_user("leader", unit=None, name="Lars Leder")
    sign_in(leader)

    page.get_by_role("link", name="Rapporter", exact=True).click()
    page.get_by_role("link", name="Dobbelttilbud").click()
    stress = page.locator("section.overlap-group", has_text="Pres på")
    expect(stress).to_contain_text("Ro på")  # the worker computed it; the page refreshed itself
    expect(stress).to_contain_text("Åndehul")
    expect(page.locator(".scan-status")).to_contain_text("Beregnet")

    pair = page.locator('li.pair[data-pair="dm-o047|dm-o049"]')
    expect(pair).to_contain_text("Sprogcafé")
    pair.get_by_text("Ikke et dobbelttilbud?").click()
    pair.get_by_label("Hvorfor er de to tilbud ikke det samme?").fill(
        "Snak dansk er kun for beboerne i boligområdet."
    )
    pair.get_by_role("button", name="Markér som ikke dobbelttilbud").click()
    expect(page.get_by_text("Parret er markeret som ikke et dobbelttilbud")).to_be_visible()
    expect(pair).to_have_count(0)

    page.get_by_role("button", name="Beregn igen nu").click()
    expect(page.get_by_text("Rapporten bliver beregnet igen")).to_be_visible()
    expect(page.locator(".scan-status")).not_to_contain_text("En ny beregning er i gang")
    expect(stress).to_contain_text("Åndehul")
    expect(page.locator('li.pair[data-pair="dm-o047|dm-o049"]')).to_have_count(0)
    expect(page.locator("table.marks")).to_contain_text("Snak dansk er kun for beboerne")

    page.get_by_role("link", name="Rapporter", exact=True).click()
    page.get_by_role("link", name="Dækning pr. emne").click()
    chart = page.locator("svg#daekning-former")
    expect(chart).to_be_visible()
    expect(chart.locator('g.bar[data-group="Psykisk trivsel"]').first).to_be_attached()
