"""The editor is warned of a likely double offer while typing, before leaving the field."""

from __future__ import annotations

from playwright.sync_api import expect


def test_the_double_offer_warning_appears_while_the_editor_is_still_typing(
    page, sign_in, make_user, demo_catalogue
):
    original = demo_catalogue["dm-o001"]
    editor = make_user("editor", unit=original.unit_name)
    sign_in(editor)
    page.goto("/redaktion/tilbud/nyt")
    page.get_by_label("Titel").fill(original.title)
    description = page.get_by_label("Beskrivelse")
    description.fill(original.description)
    warning = page.get_by_role("heading", name="Findes tilbuddet allerede?")
    expect(warning).to_be_visible()
    expect(description).to_be_focused()  # no blur, no change event: the input did it
    expect(page.locator("#ligner").get_by_role("link", name=original.title)).to_be_visible()


def test_the_lix_line_says_one_sentence_in_the_singular(page, sign_in, make_user):
    sign_in(make_user("editor"))
    page.goto("/redaktion/tilbud/nyt")
    page.get_by_label("Beskrivelse").fill("Vi spiller bold hver onsdag.")
    expect(page.locator("#lix")).to_contain_text("5 ord, 1 sætning, 1 langt ord")
