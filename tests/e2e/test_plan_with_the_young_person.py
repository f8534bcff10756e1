"""A coordinator composes a plan with the young person and follows it up, in a real browser."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from tests.integration.plans.conftest import plan_world  # noqa: F401  (the fixture)


def test_coordinator_composes_the_plan_follows_progress_and_downloads_the_pdf(
    page,
    sign_in,
    plan_world,  # noqa: F811
):
    w = plan_world
    sign_in(w.coordinator)
    page.goto(f"/forloeb/{w.course.id}/plan")
    page.get_by_role("link", name="Find tilbud med den unge").first.click()

    # Search with the young person, on the large-text view turned towards them.
    page.get_by_role("link", name="Stor tekst til den unge").click()
    page.get_by_label("Søg selv").fill("mentor")
    mentor = page.locator("li.hit", has_text="Mentorordning for unge i skolen")
    mentor.get_by_text("Det kan hjælpe dig med dit mål:").wait_for()  # no system words

    # Two items for two goals.
    mentor.get_by_role("link", name="Læg i planen").click()
    page.get_by_label("Hvilket mål skal det hjælpe med?").select_option(
        label="Delmål: Jeg vil komme op om morgenen"
    )
    page.get_by_label("Hvem har ansvaret?").select_option(label="Mads Mentor, Ungdomsskolen")
    page.get_by_label("Start").fill("2026-01-05")
    page.get_by_role("button", name="Læg i planen").click()
    page.get_by_text("Mentorordning for unge i skolen er lagt i planen.").wait_for()

    page.goto(f"/forloeb/{w.course.id}/plan/find?q=fritidsjob")
    page.locator("li.hit", has_text="Fritidsjob med støtte").get_by_role(
        "link", name="Læg i planen"
    ).click()
    page.get_by_label("Hvilket mål skal det hjælpe med?").select_option(
        label="Livsmål: Jeg vil have et fritidsjob"
    )
    page.get_by_role("button", name="Læg i planen").click()
    page.get_by_text("Fritidsjob med støtte er lagt i planen.").wait_for()

    # The third would give the same help twice: the finder and the plan both say so.
    page.goto(f"/forloeb/{w.course.id}/plan/find?q=skolementor")
    twin = page.locator("li.hit", has_text="Skolementor til unge med fravær")
    twin.get_by_text("I er ved at give den samme hjælp to gange").wait_for()
    twin.get_by_role("link", name="Læg i planen").click()
    page.get_by_label("Hvilket mål skal det hjælpe med?").select_option(
        label="Livsmål: Jeg vil gennemføre 9. klasse"
    )
    page.get_by_role("button", name="Læg i planen").click()
    page.get_by_role("heading", name="I er ved at give den samme slags hjælp to gange").wait_for()

    # Progress recorded shows on the chart.
    page.get_by_role("link", name="Fremskridt").click()
    today = date.today().isoformat()
    page.get_by_label("Hvad har I målt?").select_option(label="Trivsel (den unges eget tal)")
    page.get_by_label("Værdi").fill("7")
    page.get_by_label("Dato").fill(today)
    page.get_by_role("button", name="Gem målingen").click()
    page.get_by_text("Målingen er gemt.").wait_for()
    point = page.locator(f'#chart-wellbeing g.point[data-date="{today}"][data-value="7"]')
    assert point.count() == 1

    # The PDF downloads and names the goals, items and who is responsible.
    page.get_by_role("link", name="Planen").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent planen som PDF").click()
    pdf = download_info.value
    assert pdf.suggested_filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(Path(pdf.path()).read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for expected in (
        "Jeg vil komme op om morgenen",
        "Mentorordning for unge i skolen",
        "Mads Mentor",
        "Fritidsjob med støtte",
    ):
        assert expected in text
