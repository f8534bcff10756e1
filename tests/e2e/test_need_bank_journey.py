"""The need bank's whole journey in a browser: a need is written, checked, published, bid on
by a unit that finds it ranked for itself, accepted by the coordinator, and seen accepted."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from bank.auth.models import Role
from bank.auth.services import get_or_create_unit
from bank.offers.catalogue import bump_catalogue_version
from bank.offers.models import Offer, OfferStatus
from tests.conftest import PASSWORD


def sign_in_as(page, user) -> None:
    """Sign a user in on this page."""
    page.goto("/log-ind")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/")


def mentor_offer(session) -> None:
    """Give Ungdomsskolen a published offer that fits a school-attendance need."""
    unit = get_or_create_unit(session, "Ungdomsskolen", "Center for Skole og Læring")
    session.add(
        Offer(
            ref="e2e-mentor",
            title="Morgenmentor",
            unit=unit,
            description="En fast voksen henter dig om morgenen og følger dig i skole.",
            tags=["mentor", "fravaer", "skole"],
            age_min=13,
            age_max=18,
            step=2,
            status=OfferStatus.PUBLISHED,
            activities=["Hente om morgenen"],
            community="Klassen",
        )
    )
    bump_catalogue_version(session)
    session.commit()


def test_a_need_goes_from_the_coordinator_to_a_unit_and_back(
    page, browser, live_server, make_user, session
):
    coordinator = make_user(Role.COORDINATOR, "tovholder@e2e.dk", name="Sara Tovholder")
    member = make_user(
        Role.UNIT_MEMBER,
        "fagperson@e2e.dk",
        unit="Ungdomsskolen",
        centre="Center for Skole og Læring",
        name="Jonas Fagperson",
    )
    mentor_offer(session)

    # The coordinator opens a course, records consent and writes a goal.
    sign_in_as(page, coordinator)
    page.get_by_role("link", name="Forløb", exact=True).click()
    page.get_by_role("link", name="Opret et nyt forløb").click()
    page.get_by_label("Dæknavn").fill("Ung Ø")
    page.get_by_label("Fødselsår").fill(str(date.today().year - 15))
    page.get_by_label("Navne i familien").fill("Gitte Fiktivsen")
    page.get_by_role("button", name="Opret forløbet").click()
    expect(page.get_by_role("heading", name="Forløb for Ung Ø")).to_be_visible()
    page.get_by_label("Dato for samtykket").fill(date.today().isoformat())
    page.get_by_role("button", name="Gem samtykket").click()
    expect(page.get_by_text("Samtykket er registreret.")).to_be_visible()
    page.get_by_label("Målet med den unges egne ord").fill("Jeg vil komme i skole hver dag.")
    page.get_by_role("button", name="Gem målet").click()
    expect(page.get_by_text("»Jeg vil komme i skole hver dag.«")).to_be_visible()

    # The need names the mother and her phone: the check stops it; the fixed text goes out.
    page.get_by_role("link", name="Skriv et nyt behov").click()
    page.get_by_label("Hvilket mål hører behovet til?").select_option(index=1)
    page.get_by_label("Overskrift").fill("Hjælp til at komme i skole om morgenen")
    description = page.get_by_label("Beskrivelse")
    description.fill("Hun kommer sjældent til første time. Ring til Gitte på 23 45 67 89.")
    page.get_by_label("Fravær og mødestabilitet").check()
    page.get_by_role("button", name="Gem og offentliggør").click()
    expect(page.get_by_text(re.compile("telefonnummer: »23 45 67 89«")).first).to_be_visible()
    expect(page.get_by_text(re.compile("navn: »Gitte«")).first).to_be_visible()
    description.fill("Hun kommer sjældent til første time og vil gerne have en fast voksen.")
    page.get_by_role("button", name="Gem og offentliggør").click()
    expect(page.get_by_text("Behovet er offentliggjort.")).to_be_visible()
    need_url = page.url

    # A unit member finds the need ranked for the unit, with reasons, and bids.
    unit_context = browser.new_context(base_url=live_server, locale="da-DK")
    unit_context.set_default_timeout(10_000)
    unit_page = unit_context.new_page()
    sign_in_as(unit_page, member)
    unit_page.get_by_role("link", name="Behov", exact=True).click()
    ranked = unit_page.locator(
        "section", has=unit_page.get_by_role("heading", name="Passer til jeres enhed")
    )
    need_link = ranked.get_by_role("link", name="Hjælp til at komme i skole om morgenen")
    expect(need_link).to_be_visible()
    expect(ranked.get_by_text(re.compile("Passer til jeres tilbud: Morgenmentor"))).to_be_visible()
    expect(unit_page.get_by_text("Ung Ø")).to_have_count(0)
    need_link.click()
    unit_page.get_by_label("Overskrift på buddet").fill("Morgenmentor tre dage om ugen")
    unit_page.get_by_label("Det vil vi gøre").fill("En mentor henter hende tre morgener om ugen.")
    unit_page.get_by_label("Det forventer vi").fill("Hun kommer til første time.")
    unit_page.get_by_label("Hvem vil gøre det?").fill("En mentor fra Ungdomsskolen")
    unit_page.get_by_role("button", name="Send buddet").click()
    expect(unit_page.get_by_text("Jeres bud er sendt til tovholderen.")).to_be_visible()
    bid_url = unit_page.url

    # The coordinator accepts the bid; the unit sees it accepted.
    page.goto(need_url)
    expect(
        page.get_by_role("heading", name=re.compile("Morgenmentor tre dage om ugen"))
    ).to_be_visible()
    page.get_by_role("button", name="Tag imod buddet").click()
    expect(page.get_by_text("Buddet er taget imod.")).to_be_visible()
    unit_page.goto(bid_url)
    expect(unit_page.get_by_text("Taget imod", exact=True)).to_be_visible()
    expect(unit_page.get_by_text("Tovholderen og den unge har taget imod buddet.")).to_be_visible()
    unit_context.close()
