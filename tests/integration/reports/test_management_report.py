"""Management information from known courses, needs, bids, meetings and progress: exact figures."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.needs.models import BidState
from bank.offers.models import Offer, OfferStatus
from bank.plans.rules import ItemStatus
from bank.reports.management import management
from bank.reports.stats import Period
from tests.integration.reports.conftest import at

TODAY = date(2025, 6, 30)
HALF_YEAR = Period(date(2025, 1, 1), date(2025, 6, 30))
A, B = "Center A", "Center B"


@pytest.fixture
def known(session, make_user, build):
    """Five courses, five needs with bids, meetings, and two offers used in plans."""
    sara = make_user("coordinator", unit="Ungeindsatsen", centre=A, name="Sara")
    omar = make_user("coordinator", unit="Jobcentret", centre=B, name="Omar")
    bidder1 = make_user("unit_member", unit="Klubberne", centre=A)
    bidder2 = make_user("unit_member", unit="Ungdomsskolen", centre=B)
    c1 = build.course(sara, date(2024, 10, 1), date(2025, 3, 1), birth_year=2000)  # 151 days
    c2 = build.course(sara, date(2025, 2, 1), birth_year=2009)  # running, 149 days so far
    c3 = build.course(omar, date(2025, 1, 10), date(2025, 4, 10), birth_year=2008)  # 90 days
    c6 = build.course(omar, date(2024, 12, 1), birth_year=2009)  # running, 211 days so far
    c7 = build.course(sara, date(2024, 6, 1), birth_year=2009)  # running, 394 days so far
    build.course(omar, date(2024, 1, 1), date(2024, 12, 31))  # ended before the period
    # Meetings: c2 and c7 keep the cadence; c6 last met 2025-01-05 (overdue). Turning 16 on
    # 2025-01-01 (birth year only: 1 January): c7 met 2024-11-15 (on time), c6 met after it
    # (late); c2 started after the birthday, so it is not c2's transition.
    for course, day in (
        (c2, date(2025, 2, 15)),
        (c2, date(2025, 5, 20)),
        (c6, date(2025, 1, 5)),
        (c7, date(2024, 11, 15)),
        (c7, date(2025, 4, 1)),
    ):
        build.meeting(course, day)
    n1 = build.need(c2, at(date(2025, 6, 1), 8))
    build.bid(n1, bidder1, at(date(2025, 6, 2), 8))  # first bid after 1 day
    build.bid(n1, bidder2, at(date(2025, 6, 4), 20), BidState.ACCEPTED)
    n2 = build.need(c2, at(date(2025, 6, 5), 12))
    build.bid(n2, bidder1, at(date(2025, 6, 25), 12), BidState.DECLINED)  # after 20 days
    build.need(c6, at(date(2025, 6, 10), 0))  # no bid
    n4 = build.need(c6, at(date(2025, 6, 20), 6))
    build.bid(n4, bidder2, at(date(2025, 6, 20), 18))  # after half a day; not yet 14 days old
    build.need(c6, at(date(2024, 12, 20), 9))  # published before the period
    mentor = Offer(
        ref="t-mentor", title="Mentorforløb", status=OfferStatus.PUBLISHED, unit=sara.unit
    )
    group = Offer(
        ref="t-gruppe", title="Gruppeforløb", status=OfferStatus.PUBLISHED, unit=omar.unit
    )
    start, end = date(2025, 2, 1), date(2025, 3, 1)
    wellbeing = {
        c1: ((1, 20, 4), (2, 28, 7)),
        c2: ((2, 1, 5), (2, 20, 5)),
        c3: ((1, 15, 6), (3, 1, 4)),
        c6: ((2, 5, 3), (2, 25, 8)),
        c7: ((1, 31, 2), (2, 28, 3)),
    }  # changes +3, 0, -2, +5, +1
    for course, entries in wellbeing.items():
        build.item(course, mentor, start, end, ItemStatus.ENDED)
        for month, day, value in entries:
            build.progress(course, "wellbeing", date(2025, month, day), value)
    for course in (c1, c2, c3, c6):  # coping measured twice for four courses only
        build.progress(course, "coping", date(2025, 1, 30), 4)
        build.progress(course, "coping", date(2025, 2, 27), 6)
        build.item(course, group, start, end, ItemStatus.ENDED)
    session.commit()
    return {"sara": sara, "omar": omar}


def test_courses_are_counted_with_their_durations_per_centre_unit_and_coordinator(
    session, leader, known
):
    figures = management(session, leader, HALF_YEAR, TODAY).courses
    total = figures.total
    assert (total.running, total.ended) == (3, 2)
    assert (total.ended_days.median, total.ended_days.mean) == (120.5, 120.5)
    assert total.running_days.median == 211.0  # 149, 211, 394
    assert {g.name: (g.running, g.ended) for g in figures.by_centre} == {A: (2, 1), B: (1, 1)}
    assert {g.name: g.running + g.ended for g in figures.by_unit} == {
        "Jobcentret": 2,
        "Ungeindsatsen": 3,
    }
    assert {g.name: g.running + g.ended for g in figures.by_coordinator} == {"Omar": 2, "Sara": 3}


def test_need_figures_are_exact(session, leader, known):
    needs = management(session, leader, HALF_YEAR, TODAY).needs
    assert (needs.published, needs.with_bid) == (4, 3)
    assert (needs.days_to_first_bid.median, needs.days_to_first_bid.count) == (1.0, 3)
    assert (needs.bids_per_need.mean, needs.bids_per_need.median) == (1.0, 1.0)
    assert (needs.with_accepted, needs.accepted_share) == (1, 0.25)
    assert (needs.old_enough, needs.no_bid_in_14_days) == (3, 2)


def test_meetings_and_transitions_are_exact(session, leader, known):
    meetings = management(session, leader, HALF_YEAR, TODAY).meetings
    assert (meetings.running, len(meetings.overdue)) == (3, 1)
    assert (meetings.milestones_due, meetings.on_time, meetings.late, meetings.missing) == (
        2,
        1,
        1,
        0,
    )


def test_outcomes_are_shown_from_five_courses_and_hidden_below(session, leader, known):
    outcomes = {o.offer: o for o in management(session, leader, HALF_YEAR, TODAY).outcomes}
    mentor, group = outcomes["Mentorforløb"], outcomes["Gruppeforløb"]
    assert (mentor.courses, mentor.suppressed) == (5, False)
    (wellbeing,) = [c for c in mentor.changes if c.dimension == "wellbeing"]
    assert (wellbeing.courses, wellbeing.change.median, wellbeing.change.mean) == (5, 1.0, 1.4)
    assert (group.courses, group.suppressed, group.changes) == (4, True, ())


def test_every_figure_follows_the_centre_filter(session, leader, known):
    m = management(session, leader, HALF_YEAR, TODAY, centre=B)
    assert (m.courses.total.running, m.courses.total.ended) == (1, 1)
    assert (m.needs.published, m.needs.with_bid, m.needs.no_bid_in_14_days) == (2, 1, 1)
    assert (m.meetings.milestones_due, m.meetings.late, len(m.meetings.overdue)) == (1, 1, 1)
    assert [o.offer for o in m.outcomes] == ["Gruppeforløb"]


def test_the_page_shows_the_figures_for_the_chosen_period_and_records_the_read(
    client, auth, session, leader, known
):
    auth.login(leader)
    page = client.get("/rapporter/ledelsesinformation?fra=2025-01-01&til=2025-06-30")
    html = page.get_data(as_text=True)
    for figure, value in (
        ("courses-running", "3"),
        ("courses-ended", "2"),
        ("ended-median", "120,5"),
        ("needs-published", "4"),
        ("first-bid-median", "1"),
        ("accepted-share", "25 %"),
        ("no-bid-14", "2"),
        ("overdue", "1"),
        ("transitions-on-time", "1 af 2"),
    ):
        assert f'data-figure="{figure}">{value}<' in html, figure
    assert "Færre end 5 forløb – vises ikke" in html
    assert "Trivsel (den unges eget tal): +1 (5 forløb)" in " ".join(html.split())
    assert 'id="forloeb-centre"' in html  # courses per centre as an SVG chart
    entry = session.scalars(sa.select(AuditEntry)).one()
    assert (entry.user_id, entry.record_type) == (leader.id, "management_report")


def test_the_figures_download_as_csv_and_xlsx(client, auth, leader, known):
    auth.login(leader)
    csv = client.get(
        "/rapporter/ledelsesinformation.csv?fra=2025-01-01&til=2025-06-30&center=" + B
    ).get_data(as_text=True)
    lines = csv.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Opdelt på;Navn;I gang;Afsluttet")
    assert "I alt;I alt;1;1;90;90;90;90;211" in lines
    assert "Heraf uden bud efter 14 dage;1" in lines
    assert "Gruppeforløb;Center B;4;Færre end 5 forløb: vises ikke;;;" in lines
    xlsx = client.get("/rapporter/ledelsesinformation.xlsx?fra=2025-01-01&til=2025-06-30")
    assert xlsx.headers["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_bad_date_gets_a_danish_message_and_the_last_twelve_months(client, auth, leader):
    auth.login(leader)
    html = client.get("/rapporter/ledelsesinformation?fra=31-01-2025").get_data(as_text=True)
    assert "Skriv datoen som åååå-mm-dd" in html


def test_only_leaders_and_admins_see_management_information(client, auth, make_user):
    for role, status in (
        ("coordinator", 403),
        ("unit_member", 403),
        ("editor", 403),
        ("admin", 200),
        ("leader", 200),
    ):
        auth.login(make_user(role))
        assert client.get("/rapporter/ledelsesinformation").status_code == status, role
        auth.logout()
