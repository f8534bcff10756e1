"""The report figures a leader reads add up: forms counted once, topics from the vocabulary,
and the gap report's default showing the demo's gap needs."""

from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa

from bank.demo import load_demo
from bank.offers.models import Offer, OfferStatus
from bank.reports.coverage import form_totals
from bank.reports.doubles import double_report
from bank.reports.gaps import find_gaps
from bank.tasks import run_pending
from bank.vocabulary import VOCABULARY


def test_the_offers_by_form_add_up_to_the_published_offers(session, leader, demo_catalogue):
    totals = form_totals(session, leader)
    published = session.scalar(
        sa.select(sa.func.count(Offer.id)).where(Offer.status == OfferStatus.PUBLISHED)
    )
    assert totals.offers == published
    assert sum(totals.only) + totals.several + totals.none == published


def test_the_coverage_page_states_form_figures_that_add_up(client, auth, leader, demo_catalogue):
    auth.login(leader)
    html = client.get("/rapporter/daekning").get_data(as_text=True)
    line = re.search(r'data-figure="form-totals">(.*?)</p>', html, re.S).group(1)
    numbers = [int(n) for n in re.findall(r"\d+", line)]
    total, parts = numbers[0], numbers[1:6]
    assert sum(parts) == total


def test_the_topic_filter_offers_only_the_controlled_vocabulary(
    client, auth, session, leader, demo_catalogue
):
    free = {t for o in demo_catalogue.values() for t in o.tags} - {t.slug for t in VOCABULARY}
    assert free, "the demo has free keywords, so the filter could show them"
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    view = double_report(session, leader)
    assert view.tags and set(view.tags) <= {t.slug for t in VOCABULARY}


def test_the_gap_report_shows_the_demos_gap_needs_at_its_default(session, leader):
    load_demo(session)
    groups, checked = find_gaps(session, leader, today=date.today())
    flagged = {gap.need.title for g in groups for gap in g.gaps}
    assert {
        "Jeg har spillet hele min SU op",
        "Jeg passer min lillesøster, fordi min mor er syg",
    } <= flagged
    assert len(flagged) <= checked // 2  # a gap is the exception, not most needs


def test_a_share_in_the_management_export_is_the_percent_the_page_shows(
    client, auth, session, leader
):
    load_demo(session)
    auth.login(leader)
    page = client.get("/rapporter/ledelsesinformation").get_data(as_text=True)
    shown = re.search(r'data-figure="accepted-share">(\d+) %<', page).group(1)
    csv = client.get("/rapporter/ledelsesinformation.csv").get_data(as_text=True)
    row = next(line for line in csv.splitlines() if line.startswith("Andel med et accepteret"))
    assert row.split(";")[1] == shown
