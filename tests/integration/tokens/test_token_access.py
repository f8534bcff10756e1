"""API tokens: a token is its owner on the API, never more; read tokens cannot write."""

from __future__ import annotations

import re
from datetime import timedelta

import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.auth.tokens import ApiToken, hash_secret, revoke_token
from bank.db import utcnow
from bank.offers.models import Offer, OfferStatus
from tests.conftest import PASSWORD
from tests.integration.tokens.conftest import bearer

NEW_OFFER = {"id": "token-offer", "title": "Mentor via API", "unit": "Ungeindsatsen"}


def add_draft(world) -> Offer:
    """Add a draft offer to the editor's unit."""
    draft = Offer(ref="kladde-1", title="Kladde", unit=world.editor.unit, status=OfferStatus.DRAFT)
    world.session.add(draft)
    world.session.commit()
    return draft


def test_a_read_token_lists_the_needs_its_owner_may_see(world, client, make_token):
    need = world.need()
    world.need(publish=False)
    response = client.get("/api/needs", headers=bearer(make_token(world.member)))
    assert response.status_code == 200
    assert [n["id"] for n in response.get_json()] == [need.id]
    assert "Zebra" not in response.get_data(as_text=True)


def test_a_token_sees_the_offers_its_owner_may_see_and_no_more(world, client, make_token):
    draft = add_draft(world)
    world.offer("Ungeindsatsen", "Morgenmentor", "En voksen følger dig.", ["mentor"], ref="pub")
    editor_token, member_token = make_token(world.editor), make_token(world.member)
    listed = client.get("/api/offers", headers=bearer(member_token)).get_json()
    assert [o["id"] for o in listed["items"]] == ["pub"]
    assert client.get(f"/api/offers/{draft.ref}", headers=bearer(editor_token)).status_code == 200
    assert client.get(f"/api/offers/{draft.ref}", headers=bearer(member_token)).status_code == 404
    assert client.get(f"/api/offers/{draft.ref}").status_code == 404


def test_a_write_call_with_a_read_token_answers_403(world, client, make_token):
    response = client.post("/api/offers", json=NEW_OFFER, headers=bearer(make_token(world.editor)))
    assert response.status_code == 403 and response.is_json
    assert "scope" in response.get_json()["message"]
    assert "insufficient_scope" in response.headers["WWW-Authenticate"]
    assert world.session.scalar(sa.select(Offer).where(Offer.ref == "token-offer")) is None


def test_a_write_token_writes_without_csrf_but_only_what_its_owner_may(app, world, make_token):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    created = client.post(
        "/api/offers", json=NEW_OFFER, headers=bearer(make_token(world.editor, "write"))
    )
    assert created.status_code == 201
    assert created.get_json()["unit"] == "Ungeindsatsen"
    member_write = bearer(make_token(world.member, "write"))
    assert client.post("/api/offers", json=NEW_OFFER, headers=member_write).status_code == 403


def test_a_revoked_an_expired_or_an_unknown_token_answers_401(world, client, make_token, session):
    revoked, expired = make_token(world.member), make_token(world.member)
    revoke_token(
        session,
        world.admin,
        session.scalar(sa.select(ApiToken.id).where(ApiToken.secret_hash == hash_secret(revoked))),
    )
    session.scalar(
        sa.select(ApiToken).where(ApiToken.secret_hash == hash_secret(expired))
    ).expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    for secret in (revoked, expired, "kb_not-a-real-token", "anything"):
        response = client.get("/api/needs", headers=bearer(secret))
        assert response.status_code == 401 and response.is_json
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert client.get("/api/offers", headers=bearer(secret)).status_code == 401


def test_a_deactivated_owner_makes_the_token_answer_401(world, client, make_token, session):
    secret = make_token(world.member)
    world.member.active = False
    session.commit()
    assert client.get("/api/needs", headers=bearer(secret)).status_code == 401


def test_no_credentials_answer_401_json_even_with_csrf_on(app, world):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    for response in (
        client.get("/api/needs"),
        client.post("/api/offers", json=NEW_OFFER),
        client.post("/api/needs/1/bids", json={}),
    ):
        assert response.status_code == 401 and response.is_json
        assert response.get_json()["code"] == 401


def test_a_cookie_session_still_needs_its_csrf_header_for_changes(app, world):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    page = client.get("/log-ind").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post(
        "/log-ind", data={"email": world.editor.email, "password": PASSWORD, "csrf_token": csrf}
    )
    page = client.get("/").get_data(as_text=True)  # sign-in may begin a fresh session
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    assert client.post("/api/offers", json=NEW_OFFER).status_code == 400
    assert (
        client.post("/api/offers", json=NEW_OFFER, headers={"X-CSRFToken": csrf}).status_code == 201
    )


def test_a_bad_token_beside_a_good_cookie_session_answers_401(world, client, auth):
    auth.login(world.member)
    assert client.get("/api/needs").status_code == 200
    assert client.get("/api/needs", headers=bearer("kb_wrong")).status_code == 401


def test_a_token_acts_as_its_owner_not_as_the_signed_in_cookie_user(
    world, client, auth, make_token
):
    auth.login(world.editor)
    member_write = bearer(make_token(world.member, "write"))
    assert client.post("/api/offers", json=NEW_OFFER, headers=member_write).status_code == 403


def test_every_token_read_of_needs_and_bids_is_audited(world, client, make_token, session):
    need = world.need()
    bid = world.bid(need)
    secret = make_token(world.member, name="Sagssystemet")
    before = session.scalar(sa.select(sa.func.count(AuditEntry.id)))
    for path in (
        "/api/needs",
        f"/api/needs/{need.id}",
        f"/api/needs/{need.id}/bids",
        f"/api/bids/{bid.id}",
    ):
        assert client.get(path, headers=bearer(secret)).status_code == 200
    session.expire_all()
    entries = session.scalars(
        sa.select(AuditEntry).where(AuditEntry.detail.like("API-nøgle%")).order_by(AuditEntry.id)
    ).all()
    assert [(e.record_type, e.record_id) for e in entries] == [
        ("need", "list"),
        ("need", str(need.id)),
        ("need", str(need.id)),
        ("bid", str(bid.id)),
    ]
    assert all(e.user_id == world.member.id and "»Sagssystemet«" in e.detail for e in entries)
    assert f"1 poster: {need.id}" in entries[0].detail
    assert session.scalar(sa.select(sa.func.count(AuditEntry.id))) > before + 4 - 1


def test_a_failed_or_catalogue_read_writes_no_token_audit_entry(world, client, make_token, session):
    secret = make_token(world.member)
    assert client.get("/api/needs/999999", headers=bearer(secret)).status_code == 404
    assert client.get("/api/offers", headers=bearer(secret)).status_code == 200
    found = session.scalar(
        sa.select(sa.func.count(AuditEntry.id)).where(AuditEntry.detail.like("API-nøgle%"))
    )
    assert found == 0


def test_using_a_token_records_when_it_was_last_used(world, client, make_token, session):
    secret = make_token(world.member)
    token = session.scalar(sa.select(ApiToken).where(ApiToken.secret_hash == hash_secret(secret)))
    assert token.last_used_at is None
    client.get("/api/offers", headers=bearer(secret))
    session.expire_all()
    assert token.last_used_at is not None


def test_the_openapi_document_declares_the_cookie_session_and_the_bearer_token(client):
    spec = client.get("/api/openapi.json").get_json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["bearerToken"]["description"],
    }
    assert (schemes["cookieSession"]["type"], schemes["cookieSession"]["in"]) == (
        "apiKey",
        "cookie",
    )
    assert {"bearerToken": []} in spec["security"] and {"cookieSession": []} in spec["security"]
