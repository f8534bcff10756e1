"""Admins create, list and revoke tokens on a page and with `bank tokens`; secrets shown once."""

from __future__ import annotations

import re

import sqlalchemy as sa

from bank.auth.tokens import ApiToken, hash_secret
from bank.cli import main
from tests.integration.tokens.conftest import bearer


def only_token(session) -> ApiToken:
    """Return the one token in the database."""
    return session.scalars(sa.select(ApiToken)).one()


def test_the_command_prints_the_secret_once_and_keeps_only_its_hash(world, runner, session):
    result = runner.invoke(
        main,
        [
            "tokens",
            "create",
            "--user",
            world.member.email,
            "--scope",
            "read",
            "--days",
            "7",
            "--name",
            "Ungeportalen",
        ],
    )
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip().splitlines()[-1]
    assert secret.startswith("kb_") and len(secret) > 40
    token = only_token(session)
    assert token.secret_hash == hash_secret(secret) and secret not in repr(vars(token))
    assert (token.scope.value, token.user_id, token.name) == (
        "read",
        world.member.id,
        "Ungeportalen",
    )
    assert 6 <= (token.expires_at - token.created_at).days <= 7
    listed = runner.invoke(main, ["tokens", "list"]).output
    assert world.member.email in listed and "active" in listed and secret not in listed


def test_the_command_revokes_a_token_and_the_api_then_refuses_it(
    world, runner, client, session, make_token
):
    secret = make_token(world.member)
    assert client.get("/api/needs", headers=bearer(secret)).status_code == 200
    result = runner.invoke(main, ["tokens", "revoke", str(only_token(session).id)])
    assert result.exit_code == 0, result.output
    assert client.get("/api/needs", headers=bearer(secret)).status_code == 401
    assert "revoked" in runner.invoke(main, ["tokens", "list"]).output
    again = runner.invoke(main, ["tokens", "revoke", str(only_token(session).id)])
    assert again.exit_code != 0 and "already revoked" in again.output


def test_the_command_names_what_is_wrong(world, runner):
    unknown = runner.invoke(main, ["tokens", "create", "--user", "nobody@test.dk"])
    assert unknown.exit_code != 0 and "no user with e-mail nobody@test.dk" in unknown.output
    too_long = runner.invoke(
        main, ["tokens", "create", "--user", world.member.email, "--days", "1000"]
    )
    assert too_long.exit_code != 0 and "days: must be from 1 to 366" in too_long.output
    missing = runner.invoke(main, ["tokens", "revoke", "4711"])
    assert missing.exit_code != 0 and "no token with id 4711" in missing.output


def test_an_admin_creates_a_token_on_the_page_and_sees_the_secret_once(
    world, client, auth, session
):
    auth.login(world.admin)
    page = client.get("/admin/api-noegler")
    assert page.status_code == 200 and "Der er ingen API-nøgler endnu." in page.get_data(True)
    created = client.post(
        "/admin/api-noegler",
        data={
            "user": world.coordinator.email,
            "name": "Sagssystemet",
            "scope": "write",
            "days": "30",
        },
    )
    html = created.get_data(as_text=True)
    assert created.status_code == 200 and "Kopiér nøglen nu" in html
    secret = re.search(r'id="secret" readonly value="(kb_[^"]+)"', html).group(1)
    assert only_token(session).secret_hash == hash_secret(secret)
    again = client.get("/admin/api-noegler").get_data(as_text=True)
    assert secret not in again and "Sagssystemet" in again and "Læse og skrive" in again
    assert "Aldrig" in again  # not used yet


def test_the_page_explains_field_errors_in_danish(world, client, auth, session):
    auth.login(world.admin)
    response = client.post(
        "/admin/api-noegler", data={"user": "", "name": "", "scope": "alt", "days": "0"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in (
        "Vælg en bruger.",
        "Skriv et navn på højst 100 tegn.",
        "Vælg læse eller læse og skrive.",
        "Skriv et antal dage fra 1 til 366.",
    ):
        assert message in html
    assert session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0


def test_an_admin_revokes_a_token_on_the_page(world, client, auth, session, make_token):
    secret = make_token(world.member)
    auth.login(world.admin)
    response = client.post(
        f"/admin/api-noegler/{only_token(session).id}/spaer", follow_redirects=True
    )
    assert "er spærret" in response.get_data(as_text=True)
    assert "Spærret" in response.get_data(as_text=True)
    auth.logout()
    assert client.get("/api/needs", headers=bearer(secret)).status_code == 401


def test_only_admins_reach_the_token_page(world, client, auth):
    auth.login(world.leader)
    assert client.get("/admin/api-noegler").status_code == 403
    assert client.post("/admin/api-noegler", data={"user": world.leader.email}).status_code == 403
    assert "API-nøgler" not in client.get("/").get_data(as_text=True)
