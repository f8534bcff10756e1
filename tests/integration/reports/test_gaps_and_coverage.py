"""Gaps (needs no offer meets well) and coverage by tag, with the forms chart."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bank.auth.services import get_or_create_unit
from bank.needs.models import NeedState
from bank.offers.models import Offer, OfferStatus
from bank.reports.coverage import coverage, forms_chart
from bank.reports.gaps import find_gaps
from tests.integration.reports.conftest import at

TODAY = date(2025, 6, 30)
GAMBLING = (
    "Jeg har spillet hele min SU op",
    "Mand på 25, som læser til maskinmester. Han spiller på nettet hver dag, mest "
    "sportsvæddemål og onlinecasino. Han har brugt hele sin SU og har lånt penge af venner "
    "og i kviklån. Han vil gerne stoppe, men mister kontrollen, så snart der er penge.",
)
LANGUAGE = (
    "Jeg forstår ikke, hvad læreren siger",
    "Pige på 13, som kom til Danmark for otte måneder siden. Hun går i modtageklasse og "
    "taler lidt dansk, men forstår ikke opgaverne. Mor kan ikke hjælpe med lektier.",
)


@pytest.fixture
def needs(session, make_user, build, demo_catalogue):
    """Publish the demo's gambling need (a gap) and its language need (well met)."""
    coordinator = make_user(
        "coordinator", unit="Ungeindsatsen", centre="Center for Job og Uddannelse"
    )
    young = build.course(coordinator, date(2025, 1, 1), birth_year=TODAY.year - 25)
    child = build.course(coordinator, date(2025, 1, 1), birth_year=TODAY.year - 13)
    gap = build.need(young, at(date(2025, 6, 1)), ("okonomi", "ludomani"), *GAMBLING)
    met = build.need(child, at(date(2025, 6, 2)), ("sprog", "skole"), *LANGUAGE)
    too_young = build.course(coordinator, date(2025, 1, 1), birth_year=TODAY.year - 9)
    none = build.need(too_young, at(date(2025, 6, 3)), (), "Hjælp", "Jeg vil gerne lære at cykle.")
    session.commit()
    return gap, met, none


def test_needs_without_a_good_offer_are_listed_with_their_best_offer_by_tag(session, leader, needs):
    gap, met, none = needs
    groups, checked = find_gaps(session, leader, 0.42, today=TODAY)
    assert checked == 3
    listed = {g.tag: [x.need.id for x in g.gaps] for g in groups}
    assert listed == {"okonomi": [gap.id], "ludomani": [gap.id], "(uden emne)": [none.id]}
    gambling = groups[0].gaps[0] if groups[0].tag != "(uden emne)" else groups[1].gaps[0]
    assert gambling.offer is not None and 0 < gambling.score < 0.42
    nothing = next(g for g in groups if g.tag == "(uden emne)").gaps[0]
    assert (nothing.offer, nothing.score) == (None, 0.0)  # no offer holds age 9


def test_a_lower_good_score_leaves_fewer_gaps(session, leader, needs):
    groups, _ = find_gaps(session, leader, 0.1, today=TODAY)
    assert [g.tag for g in groups] == ["(uden emne)"]


def test_the_gap_page_shows_the_best_offer_and_its_score(client, auth, leader, needs):
    auth.login(leader)
    html = client.get("/rapporter/huller?god=0,42").get_data(as_text=True)
    assert "Jeg har spillet hele min SU op" in html
    assert "Jeg forstår ikke, hvad læreren siger" not in html
    assert "Intet tilbud passer til alderen" in html
    assert "2 af 3 åbne behov har intet tilbud med en score på mindst 42 %" in html
    csv = client.get("/rapporter/huller.csv?god=0.42").get_data(as_text=True)
    heading = "Emne;Behov;Offentliggjort;Bedste tilbud;Score (%)"
    assert csv.lstrip("\ufeff").splitlines()[0] == heading


@pytest.fixture
def tagged(session, make_user, build):
    """Offers and needs with known tags, forms, states and dates, in two centres."""
    unit_a = get_or_create_unit(session, "Skolen", "Center A")
    unit_b = get_or_create_unit(session, "Familiehuset", "Center B")
    for ref, tags, unit, status in (
        ("o1", ["skole", "individuel"], unit_a, OfferStatus.PUBLISHED),
        ("o2", ["skole", "individuel", "gruppe"], unit_b, OfferStatus.PUBLISHED),
        ("o3", ["skole"], unit_a, OfferStatus.PUBLISHED),
        ("o4", ["skole", "gruppe"], unit_a, OfferStatus.DRAFT),
        ("o5", ["familie", "familieforloeb"], unit_b, OfferStatus.PUBLISHED),
    ):
        session.add(Offer(ref=ref, title=ref, tags=tags, unit=unit, status=status))
    coordinator = make_user("coordinator", unit="Skolen", centre="Center A")
    course = build.course(coordinator, date(2024, 1, 1))
    build.need(course, at(date(2025, 6, 1)), ("skole",))  # open, this year
    build.need(course, at(date(2024, 9, 1)), ("skole",), state=NeedState.CLOSED)  # this year
    build.need(course, at(date(2024, 5, 1)), ("skole",))  # open, published over a year ago
    build.need(course, at(date(2025, 1, 1)), ("familie",), state=NeedState.WITHDRAWN)
    build.need(course, None, ("skole",), state=NeedState.DRAFT)  # never published
    session.commit()


def test_coverage_counts_offers_open_needs_needs_of_the_year_and_forms(session, leader, tagged):
    rows = {r.slug: r for r in coverage(session, leader, TODAY)}
    school, family = rows["skole"], rows["familie"]
    assert (school.offers, school.needs_open, school.needs_year) == (3, 2, 2)
    assert school.forms == (2, 1, 0, 1)  # individual, group, family, none given
    assert (family.offers, family.needs_open, family.needs_year, family.forms) == (
        1,
        0,
        1,
        (0, 0, 1, 0),
    )
    assert (rows["bolig"].offers, rows["bolig"].needs_open) == (0, 0)


def test_coverage_follows_the_centre_filter(session, leader, tagged):
    rows = {r.slug: r for r in coverage(session, leader, TODAY, centre="Center B")}
    assert (rows["skole"].offers, rows["skole"].forms, rows["skole"].needs_open) == (
        1,
        (1, 1, 0, 0),
        0,
    )


def test_the_forms_chart_stacks_each_areas_forms_with_patterns_and_numbers(session, leader, tagged):
    svg, table = forms_chart(coverage(session, leader, TODAY))
    bars = re.findall(r'data-group="([^"]+)" data-series="([^"]+)" data-value="([^"]+)"', svg)
    assert ("Skole", "Individuelt", "2") in bars and ("Familie", "Familie", "1") in bars
    assert not any(group == "Bolig" for group, _, _ in bars)  # no offers: no bar
    assert "url(#daekning-former-fill-0)" in svg and "url(#daekning-former-fill-1)" in svg
    cells = re.sub(r' data-label="[^"]*"', "", table)
    assert '<tr><th scope="row">Skole</th><td>2</td><td>1</td><td>0</td><td>1</td></tr>' in cells


def test_the_coverage_page_draws_both_charts_and_downloads_csv(client, auth, leader, tagged):
    auth.login(leader)
    html = client.get("/rapporter/daekning").get_data(as_text=True)
    assert html.count("<svg") == 2
    assert 'id="daekning-antal"' in html and 'id="daekning-former"' in html
    svg = client.get("/rapporter/daekning.svg?diagram=former")
    assert svg.mimetype == "image/svg+xml" and b"data-series" in svg.data
    csv = client.get("/rapporter/daekning.csv").get_data(as_text=True).lstrip("\ufeff")
    assert csv.splitlines()[0].startswith("Emne;Offentliggjorte tilbud;Åbne behov")
