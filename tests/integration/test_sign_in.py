"""Signing in and out, roles, and CSRF protection on forms."""

from __future__ import annotations

import re

from bank.auth.models import Role
from tests.conftest import PASSWORD


def test_a_user_signs_in_with_the_right_password_and_sees_their_name(client, auth, make_user):
    user = make_user(Role.COORDINATOR, name="Sara Tovholder")
    response = auth.login(user)
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Sara Tovholder" in page
    assert "Tovholder" in page


def test_a_wrong_password_is_refused_with_a_danish_message(client, auth, make_user):
    user = make_user(Role.EDITOR)
    response = auth.login(user, "forkert-kode-123")
    assert response.status_code == 200
    assert "Forkert e-mail eller adgangskode." in response.get_data(as_text=True)
    assert "Log ind" in client.get("/").get_data(as_text=True)


def test_signing_out_ends_the_session(client, auth, make_user):
    auth.login(make_user(Role.LEADER, name="Lars Leder"))
    auth.logout()
    assert "Lars Leder" not in client.get("/").get_data(as_text=True)


def test_a_form_posted_without_a_csrf_token_is_rejected(app, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user(Role.COORDINATOR)
    client = app.test_client()
    response = client.post("/log-ind", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "Forespørgslen kunne ikke forstås." in response.get_data(as_text=True)


def test_a_form_posted_with_its_csrf_token_is_accepted(app, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user(Role.COORDINATOR)
    client = app.test_client()
    page = client.get("/log-ind").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/log-ind", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_passwords_are_stored_as_argon2_hashes(make_user):
    user = make_user(Role.ADMIN)
    assert user.password_hash.startswith("$argon2")
    assert PASSWORD not in user.password_hash
