"""The JSON API: /api/offers, /api/units, /api/vocabulary, the OpenAPI document and docs page."""

from __future__ import annotations

import re

import pytest

from bank.offers.terms import seed_vocabulary
from tests.conftest import PASSWORD
from tests.offers_support import CENTRE, add_offer, complete_values, editor_of


def api_offer(**overrides) -> dict:
    """Return a complete offer as the API takes it (programme theory nested)."""
    values = complete_values(**overrides)
    names = (
        "problem",
        "target_group",
        "activities",
        "outputs",
        "outcomes_short",
        "outcomes_long",
        "community",
        "assumptions",
    )
    return {
        **{k: v for k, v in values.items() if k not in names},
        "programme_theory": {k: values[k] for k in names},
    }


def test_anyone_lists_published_offers_with_filters_and_pages(client, session, make_user):
    editor = editor_of(make_user)
    for number in range(3):
        add_offer(session, editor, publish=True, title=f"Lektiecafé {number}")
    add_offer(session, editor, title="Kladde")
    response = client.get("/api/offers?per_page=2&tag=skole")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["total"], body["pages"], len(body["items"])) == (3, 2, 2)
    assert body["items"][0]["programme_theory"]["community"] == "Skolens klassefællesskab"
    assert client.get("/api/offers?q=kladde").get_json()["total"] == 0
    assert client.get("/api/offers?age=40").get_json()["total"] == 0


def test_getting_an_offer_gives_200_and_an_unknown_or_draft_one_404(client, session, make_user):
    editor = editor_of(make_user)
    published = add_offer(session, editor, publish=True)
    draft = add_offer(session, editor)
    response = client.get(f"/api/offers/{published.ref}")
    assert response.status_code == 200
    assert response.get_json()["id"] == published.ref
    assert response.get_json()["unit"] == "Ungdomsskolen"
    for ref in ("findes-ikke", draft.ref):
        response = client.get(f"/api/offers/{ref}")
        assert response.status_code == 404
        assert response.is_json


def test_creating_needs_sign_in_401_and_an_editor_role_403(client, auth, make_user):
    response = client.post("/api/offers", json=api_offer())
    assert response.status_code == 401
    assert response.is_json
    auth.login(make_user("coordinator"))
    assert client.post("/api/offers", json=api_offer()).status_code == 403


def test_an_editor_creates_201_updates_200_publishes_and_retires(client, auth, make_user):
    auth.login(editor_of(make_user))
    response = client.post("/api/offers", json=api_offer())
    assert response.status_code == 201
    created = response.get_json()
    assert created["status"] == "draft"
    ref = created["id"]
    response = client.patch(
        f"/api/offers/{ref}", json={"capacity": 0, "version": created["version"]}
    )
    assert response.status_code == 200
    assert response.get_json()["capacity"] == 0
    assert client.post(f"/api/offers/{ref}/publish").get_json()["status"] == "published"
    assert client.post(f"/api/offers/{ref}/publish").status_code == 409
    assert client.post(f"/api/offers/{ref}/retire").get_json()["status"] == "retired"


def test_a_stale_version_gives_409_naming_who_changed_it(client, auth, session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor)
    auth.login(editor)
    opened = offer.version_id
    assert client.patch(f"/api/offers/{offer.ref}", json={"title": "A"}).status_code == 200
    response = client.patch(f"/api/offers/{offer.ref}", json={"title": "B", "version": opened})
    assert response.status_code == 409
    assert "changed by Eva Redaktør since you opened it" in response.get_json()["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"age_min": "tretten"}, "age_min"),
        ({"step": 9}, "step"),
        ({"referral": "maybe"}, "referral"),
        ({"title": ""}, "title"),
        ({"age_min": 20, "age_max": 15}, "age_max"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_input_gives_422_with_the_field(client, auth, session, make_user, body, field):
    editor = editor_of(make_user)
    offer = add_offer(session, editor)
    auth.login(editor)
    response = client.patch(f"/api/offers/{offer.ref}", json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]


def test_publishing_an_incomplete_offer_gives_422_listing_what_is_missing(
    client, auth, session, make_user
):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, community="", activities=[])
    auth.login(editor)
    response = client.post(f"/api/offers/{offer.ref}/publish")
    assert response.status_code == 422
    assert set(response.get_json()["errors"]["json"]) == {"community", "activities"}


def test_an_editor_of_another_unit_gets_403_and_does_not_see_its_drafts(
    client, auth, session, make_user
):
    offer = add_offer(session, editor_of(make_user), publish=True)
    draft = add_offer(session, editor_of(make_user, email="kladde@test.dk"), title="Kladde")
    auth.login(editor_of(make_user, unit="Jobcenter Ung", name="Per Job"))
    assert client.patch(f"/api/offers/{offer.ref}", json={"title": "X"}).status_code == 403
    assert client.post(f"/api/offers/{offer.ref}/retire").status_code == 403
    assert client.get(f"/api/offers/{draft.ref}").status_code == 404
    assert client.patch(f"/api/offers/{draft.ref}", json={"title": "X"}).status_code == 404


def test_units_and_vocabulary_are_listed(client, session, make_user):
    editor_of(make_user)
    seed_vocabulary(session)
    session.commit()
    units = client.get("/api/units").get_json()
    assert {"name": "Ungdomsskolen", "centre": CENTRE, "contact": ""} in units
    vocabulary = client.get("/api/vocabulary").get_json()
    assert {"slug": "skole", "label": "Skolegang (grundskole)", "kind": "area", "icf": "d820"} in (
        vocabulary
    )


def test_only_admins_add_vocabulary_terms(client, auth, session, make_user):
    term = {"slug": "ordblindhed", "label": "Ordblindhed", "kind": "area"}
    auth.login(editor_of(make_user))
    assert client.post("/api/vocabulary", json=term).status_code == 403
    auth.logout()
    auth.login(make_user("admin", unit=None))
    assert client.post("/api/vocabulary", json=term).status_code == 201
    assert client.post("/api/vocabulary", json=term).status_code == 409


def test_the_api_keeps_csrf_protection_and_takes_the_token_in_a_header(app, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    editor = editor_of(make_user)
    client = app.test_client()
    token = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/log-ind").get_data(True)
    ).group(1)
    client.post("/log-ind", data={"email": editor.email, "password": PASSWORD, "csrf_token": token})
    page = client.get("/").get_data(as_text=True)  # sign-in issues a new token
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    assert client.post("/api/offers", json=api_offer()).status_code == 400
    response = client.post("/api/offers", json=api_offer(), headers={"X-CSRFToken": token})
    assert response.status_code == 201


def test_the_openapi_document_and_its_docs_page_describe_every_operation(client):
    spec = client.get("/api/openapi.json").get_json()
    assert {
        "/api/offers",
        "/api/offers/{ref}",
        "/api/offers/{ref}/publish",
        "/api/offers/{ref}/retire",
        "/api/units",
        "/api/vocabulary",
    } <= set(spec["paths"])
    assert "Offer" in spec["components"]["schemas"]
    page = client.get("/api/docs").get_data(as_text=True)
    assert "PATCH /api/offers/{ref}" in page
    assert "programme_theory" in page
    assert "cdn" not in page.lower()
