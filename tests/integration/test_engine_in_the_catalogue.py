"""The catalogue's search box, offer pages and editor form use the ranking engine."""

from __future__ import annotations

from bank.auth.models import Role


def test_a_misspelled_search_finds_the_mentor_offers_with_reasons(client, demo_catalogue):
    page = client.get("/tilbud?q=mentorodning").get_data(as_text=True)
    assert "Jobmentor – en fast støtte på din nye arbejdsplads" in page
    assert "Fastholdelsesmentor – bliv på din uddannelse" in page
    assert "Derfor passer tilbuddet" in page
    assert "Samme emne med andre ord: mentor" in page


def test_narrowing_the_search_by_age_drops_offers_outside_the_age_range(client, demo_catalogue):
    page = client.get("/tilbud?q=mentorodning&age=17").get_data(as_text=True)
    assert "Fastholdelsesmentor – bliv på din uddannelse" in page  # 16–24
    assert "Jobmentor – en fast støtte på din nye arbejdsplads" not in page  # 18–29


def test_live_search_answers_with_the_ranked_results_alone(client, demo_catalogue):
    response = client.get("/tilbud?q=fritidsjob&age=14", headers={"HX-Request": "true"})
    page = response.get_data(as_text=True)
    assert "<html" not in page
    assert page.index("Mit første fritidsjob") < page.index("Jobguiden i klubben")
    assert "HX-Request" in response.headers.get("Vary", "")


def test_the_search_never_shows_drafts_or_retired_offers(client, demo_catalogue):
    hidden = [o for o in demo_catalogue.values() if o.status.value != "published"]
    for offer in hidden:
        page = client.get("/tilbud", query_string={"q": offer.title}).get_data(as_text=True)
        assert f'/tilbud/{offer.ref}"' not in page


def test_an_editor_sees_possible_double_offers_on_the_offer_page(
    client, auth, make_user, demo_catalogue
):
    auth.login(make_user(Role.EDITOR, unit="Ungdomsskolen"))
    page = client.get("/tilbud/dm-o010").get_data(as_text=True)
    assert "Lignende tilbud" in page
    assert "Jobguiden i klubben – hjælp til dit første job" in page
    assert "Muligt dobbelttilbud" in page


def test_the_public_offer_page_does_not_show_the_double_offer_panel(client, demo_catalogue):
    page = client.get("/tilbud/dm-o010").get_data(as_text=True)
    assert "Mit første fritidsjob" in page
    assert "Lignende tilbud" not in page


def test_the_editor_form_warns_about_a_likely_double_offer_before_saving(
    client, auth, make_user, demo_catalogue
):
    auth.login(make_user(Role.EDITOR, unit="Ungdomsskolen"))
    original = demo_catalogue["dm-o040"]
    draft = {
        "title": "Hjælp til dit første fritidsjob",
        "description": original.description,
        "unit": "Ungdomsskolen",
        "tags": original.tags,
        "age_min": "13",
        "age_max": "17",
    }
    response = client.post("/redaktion/tilbud/ligner", data=draft, headers={"HX-Request": "true"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Findes tilbuddet allerede?" in page
    assert "Jobguiden i klubben – hjælp til dit første job" in page


def test_a_draft_unlike_anything_in_the_catalogue_gets_no_warning(
    client, auth, make_user, demo_catalogue
):
    auth.login(make_user(Role.EDITOR, unit="Ungdomsskolen"))
    draft = {"title": "Kajakroning på havnen", "description": "Vi padler i kajak hver lørdag."}
    page = client.post("/redaktion/tilbud/ligner", data=draft).get_data(as_text=True)
    assert "Findes tilbuddet allerede?" not in page


def test_only_editors_may_ask_for_the_double_offer_warning(client, auth, make_user):
    auth.login(make_user(Role.COORDINATOR))
    assert client.post("/redaktion/tilbud/ligner", data={"title": "x"}).status_code == 403


def test_the_offers_like_this_one_leave_out_another_units_draft_the_editor_cannot_open(
    client, auth, make_user, demo_catalogue
):
    draft = demo_catalogue["dm-o044"]
    assert draft.status.value == "draft" and draft.unit_name == "Klubberne"
    auth.login(make_user(Role.ADMIN, unit=None))
    assert "/tilbud/dm-o044" in client.get("/tilbud/dm-o017").get_data(as_text=True)
    auth.logout()
    auth.login(make_user(Role.EDITOR, unit="Ungdomsskolen"))
    page = client.get("/tilbud/dm-o017").get_data(as_text=True)
    assert "Lignende tilbud" in page
    assert "/tilbud/dm-o044" not in page and draft.title not in page
    assert client.get("/tilbud/dm-o044").status_code == 404
