"""An editor writes an offer in a real browser, fixes what the form says, publishes, finds it."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.offers_support import add_offer, editor_of


def test_an_editor_creates_fixes_publishes_and_finds_an_offer(page, sign_in, session, make_user):
    editor = editor_of(make_user)
    add_offer(session, editor, publish=True, title="Lektiecafé")
    sign_in(editor)

    page.goto("/redaktion/tilbud/nyt")
    page.get_by_label("Titel").fill("Skaterklub om aftenen")
    page.get_by_label("Beskrivelse").fill(
        "Kom og lær at stå på skateboard. Vi mødes i hallen hver onsdag. Det er gratis."
    )
    expect(page.locator("#lix")).to_contain_text("LIX:")
    page.get_by_label("Fritid, sport og foreningsliv").check()
    page.get_by_label("Alder fra").fill("19")
    page.get_by_label("Alder til").fill("16")
    error = page.locator("#tjek-age")
    expect(error).to_have_text("Alder til må ikke være lavere end alder fra.")
    page.get_by_label("Alder fra").fill("13")
    expect(error).to_have_text("")

    page.locator("#problem").fill("Nogle unge har ingen fritidsinteresse og keder sig.")
    page.locator("#activities").fill("Skatetræning en gang om ugen")
    page.locator("#outcomes_short").fill("Den unge kommer hver uge")
    page.locator("#community").fill("Den lokale skateforening")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Tilbuddet er gemt som kladde.")).to_be_visible()

    page.get_by_role("button", name="Offentliggør").click()
    expect(page.get_by_text("Tilbuddet er offentliggjort.")).to_be_visible()

    page.goto("/tilbud")
    results = page.locator("#resultater")
    expect(results.get_by_role("link", name="Lektiecafé")).to_be_visible()
    page.get_by_label("Søg", exact=True).fill("skaterklub")
    page.wait_for_url("**/tilbud?q=skaterklub*")
    expect(results.get_by_role("link", name="Skaterklub om aftenen")).to_be_visible()
    expect(results.get_by_role("link", name="Lektiecafé")).to_have_count(0)
