"""The catalogue and editor pages: live search, filters, the offer page, the editor's form."""

from __future__ import annotations

import re
from datetime import timedelta

import sqlalchemy as sa

from bank.db import utcnow
from bank.offers.models import Offer, OfferStatus
from bank.offers.services import get_offer
from tests.offers_support import add_offer, complete_values, editor_of

HX = {"HX-Request": "true"}


def form_data(**overrides) -> dict:
    """Return the editor form's fields for a complete offer."""
    values = complete_values(**overrides)
    data = {k: v for k, v in values.items() if not isinstance(v, list) and v is not None}
    for name in ("activities", "outputs", "outcomes_short", "outcomes_long", "assumptions"):
        data[name] = "\n".join(values[name])
    data["legal_basis"] = "\n".join(values["legal_basis"])
    data["tags"] = [t for t in values["tags"] if t != "lektier"]
    data["keywords"] = "lektier"
    return {k: str(v) if isinstance(v, int) else v for k, v in data.items()}


def test_anyone_finds_published_offers_but_never_drafts(client, session, make_user):
    editor = editor_of(make_user)
    add_offer(session, editor, publish=True, title="Lektiecafé i Nørrebro")
    add_offer(session, editor, title="Hemmelig kladde")
    page = client.get("/tilbud?q=lektiecafé").get_data(as_text=True)
    assert "Lektiecafé i Nørrebro" in page
    assert "Hemmelig kladde" not in client.get("/tilbud").get_data(as_text=True)


def test_live_search_answers_htmx_with_the_results_alone(client, session, make_user):
    add_offer(session, editor_of(make_user), publish=True, title="Madklub for unge")
    response = client.get("/tilbud?q=madklub", headers=HX)
    body = response.get_data(as_text=True)
    assert "HX-Request" in response.headers["Vary"]
    assert "Madklub for unge" in body
    assert "<html" not in body
    assert "<html" in client.get("/tilbud?q=madklub").get_data(as_text=True)


def test_the_catalogue_filters_by_tag_centre_unit_age_and_step(client, session, make_user):
    school = editor_of(make_user)
    jobs = editor_of(make_user, unit="Jobcenter Ung", name="Per Job")
    add_offer(session, school, publish=True, title="Lektiecafé")
    add_offer(
        session,
        jobs,
        publish=True,
        title="Fritidsjob",
        unit="Jobcenter Ung",
        tags=["job"],
        age_min=18,
        age_max=30,
        step=3,
    )

    def titles(query: str) -> set[str]:
        body = client.get(f"/tilbud?{query}", headers=HX).get_data(as_text=True)
        return set(re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', body))

    assert titles("tag=job") == {"Fritidsjob"}
    assert titles("unit=Ungdomsskolen") == {"Lektiecafé"}
    assert titles("centre=Center+for+B%C3%B8rn+og+Familier") == {"Lektiecafé", "Fritidsjob"}
    assert titles("age=25") == {"Fritidsjob"}
    assert titles("step=2") == {"Lektiecafé"}
    assert titles("q=fritidsjob&age=14") == set()


def test_the_offer_page_shows_the_chain_contact_and_history(client, session, make_user):
    offer = add_offer(session, editor_of(make_user), publish=True)
    page = client.get(f"/tilbud/{offer.ref}").get_data(as_text=True)
    chain = page[page.index('<ol class="chain">') :]
    order = ["Problem", "Aktiviteter", "Leverancer", "Resultater", "Fællesskab"]
    assert [chain.index(f"<h3>{step}</h3>") for step in order] == sorted(
        chain.index(f"<h3>{step}</h3>") for step in order
    )
    assert "Skolens klassefællesskab" in page
    assert "Mette Holm, 12 34 56 78" in page
    assert "12 ledige" in page
    assert "Direkte adgang" in page
    assert "Eva Redaktør · Oprettet" in page


def test_a_draft_page_is_not_found_for_anonymous_readers(client, session, make_user):
    offer = add_offer(session, editor_of(make_user))
    assert client.get(f"/tilbud/{offer.ref}").status_code == 404


def test_an_editor_creates_a_draft_with_the_form_and_publishes_it(client, auth, session, make_user):
    auth.login(editor_of(make_user))
    response = client.post("/redaktion/tilbud/nyt", data=form_data())
    assert response.status_code == 302
    offer = session.scalars(sa.select(Offer)).one()
    assert offer.tags == ["skole", "gruppe", "lektier"]
    assert offer.status == OfferStatus.DRAFT
    response = client.post(
        f"/redaktion/tilbud/{offer.ref}/offentliggoer", data={"version": offer.version_id}
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Tilbuddet er offentliggjort." in page


def test_publishing_an_incomplete_draft_says_what_is_missing(client, auth, session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, problem="", tags=[])
    auth.login(editor)
    response = client.post(f"/redaktion/tilbud/{offer.ref}/offentliggoer", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Vælg mindst ét emne." in page
    assert "Skriv, hvilket problem tilbuddet løser." in page
    assert get_offer(session, offer.ref, editor).status == OfferStatus.DRAFT


def test_a_form_with_errors_comes_back_in_danish_with_the_input_kept(client, auth, make_user):
    auth.login(editor_of(make_user))
    response = client.post(
        "/redaktion/tilbud/nyt", data=form_data(title="", capacity="mange", age_max="12")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Skriv en titel." in page
    assert "Skriv et helt tal." in page
    assert 'value="mange"' in page
    assert "Unge går i stå med lektierne" in page


def test_a_field_is_checked_as_it_is_typed(client, auth, make_user):
    auth.login(editor_of(make_user))
    response = client.post(
        "/redaktion/tilbud/tjek/age", data={"age_min": "20", "age_max": "15"}, headers=HX
    )
    assert "Alder til må ikke være lavere end alder fra." in response.get_data(as_text=True)
    response = client.post(
        "/redaktion/tilbud/tjek/age", data={"age_min": "15", "age_max": "20"}, headers=HX
    )
    assert "field-error" not in response.get_data(as_text=True)


def test_the_description_shows_its_lix_live_and_warns_above_45(client, auth, make_user):
    auth.login(editor_of(make_user))
    easy = client.post("/redaktion/tilbud/tjek/description", data={"description": "Kom og spis."})
    assert "LIX: <strong>" in easy.get_data(as_text=True)
    assert "svær at læse" not in easy.get_data(as_text=True)
    hard = client.post(
        "/redaktion/tilbud/tjek/description",
        data={"description": "Ungdomsuddannelsesparathed understøttes tværprofessionelt."},
    )
    assert "Teksten er svær at læse (LIX over 45)" in hard.get_data(as_text=True)


def test_the_second_editor_is_told_who_changed_it_and_keeps_their_input(
    client, auth, session, make_user
):
    first = editor_of(make_user)
    offer = add_offer(session, first, publish=True)
    opened = offer.version_id
    second = editor_of(make_user, name="Ali Anden")
    from bank.offers.services import update_offer

    update_offer(session, first, offer.ref, {"title": "Lektiecafé hver tirsdag"}, opened)
    session.commit()
    auth.login(second)
    data = form_data(description="Min nye tekst, som ikke må gå tabt.", version=str(opened))
    response = client.post(f"/redaktion/tilbud/{offer.ref}/rediger", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Tilbuddet er blevet ændret af Eva Redaktør, siden du åbnede det." in page
    assert "Min nye tekst, som ikke må gå tabt." in page
    assert "Lektiecafé hver tirsdag" in page
    current = get_offer(session, offer.ref, first)
    assert f'name="version" value="{current.version_id}"' in page
    again = client.post(
        f"/redaktion/tilbud/{offer.ref}/rediger", data={**data, "version": str(current.version_id)}
    )
    assert again.status_code == 302
    session.expire_all()
    assert get_offer(session, offer.ref, first).description.startswith("Min nye tekst")


def test_an_editor_form_without_its_csrf_token_is_rejected(app, session, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    editor = editor_of(make_user)
    client = app.test_client()
    page = client.get("/log-ind").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post(
        "/log-ind",
        data={"email": editor.email, "password": "korrekt-hest-batteri", "csrf_token": token},
    )
    page = client.get("/").get_data(as_text=True)  # sign-in issues a new token
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    response = client.post("/redaktion/tilbud/nyt", data=form_data())
    assert response.status_code == 400
    assert session.scalar(sa.select(sa.func.count(Offer.id))) == 0
    response = client.post("/redaktion/tilbud/nyt", data={**form_data(), "csrf_token": token})
    assert response.status_code == 302


def test_offers_not_confirmed_for_12_months_are_flagged_for_the_editor(
    client, auth, session, make_user
):
    editor = editor_of(make_user)
    old = add_offer(session, editor, title="Gammel lektiecafé")
    old.reviewed_at = utcnow() - timedelta(days=400)
    add_offer(session, editor, title="Frisk madklub")
    session.commit()
    auth.login(editor)
    page = client.get("/redaktion/tilbud").get_data(as_text=True)
    assert page.count("Ikke bekræftet i 12 måneder</span>") == 1
    assert page.index("Gammel lektiecafé") < page.index("Frisk madklub")
    client.post(f"/redaktion/tilbud/{old.ref}/bekraeft")
    page = client.get("/redaktion/tilbud").get_data(as_text=True)
    assert "Ikke bekræftet i 12 måneder</span>" not in page


def test_an_editor_cannot_open_another_units_offer_in_the_editor(client, auth, session, make_user):
    offer = add_offer(session, editor_of(make_user), publish=True)
    draft = add_offer(session, editor_of(make_user, email="kladde@test.dk"), title="Kladde")
    auth.login(editor_of(make_user, unit="Jobcenter Ung", name="Per Job"))
    assert client.get(f"/redaktion/tilbud/{offer.ref}/rediger").status_code == 403
    assert client.get(f"/redaktion/tilbud/{draft.ref}/rediger").status_code == 404


def test_signing_in_is_needed_for_the_editor(client):
    response = client.get("/redaktion/tilbud/nyt")
    assert response.status_code == 302
    assert "/log-ind" in response.headers["Location"]


def test_an_admin_adds_a_vocabulary_term_and_others_may_not(client, auth, session, make_user):
    auth.login(make_user("admin", unit=None))
    response = client.post("/admin/emner", data={"slug": "Ordblind!", "label": "Ordblindhed"})
    assert "Brug små bogstaver, tal og bindestreg." in response.get_data(as_text=True)
    response = client.post(
        "/admin/emner", data={"slug": "ordblindhed", "label": "Ordblindhed", "kind": "area"}
    )
    assert response.status_code == 302
    assert "Ordblindhed" in client.get("/admin/emner").get_data(as_text=True)
    auth.logout()
    auth.login(editor_of(make_user))
    assert client.get("/admin/emner").status_code == 403
