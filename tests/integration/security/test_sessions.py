"""Sessions end when they should: sign-out, password change, deactivation, idle time."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask.cli import ScriptInfo

from bank import db
from bank.auth import sessions
from bank.auth.models import User
from bank.auth.services import change_password, set_active
from bank.cli import main
from tests.conftest import PASSWORD
from tests.integration.needs.conftest import PSEUDONYM


def _signed_in(app, user):
    client = app.test_client()
    assert (
        client.post("/log-ind", data={"email": user.email, "password": PASSWORD}).status_code == 302
    )
    return client


def _replay(app, cookie: str):
    client = app.test_client()
    client.set_cookie("session", cookie)
    return client


def _user(user_id: int) -> User:
    return db.session.get(User, user_id)


def test_a_cookie_replayed_after_logout_gets_the_sign_in_page(app, world, own_contexts):
    course = world.course()
    bid = world.bid(world.need(course))
    client = _signed_in(app, world.coordinator)
    assert PSEUDONYM in client.get(f"/forloeb/{course.id}").get_data(True)
    copied = client.get_cookie("session").value
    assert client.post("/log-ud").status_code == 302

    thief = _replay(app, copied)
    page = thief.get(f"/forloeb/{course.id}")
    assert page.status_code == 302 and "/log-ind" in page.headers["Location"]
    assert thief.get(f"/api/bids/{bid.id}").status_code == 401


def test_a_cookie_still_works_until_the_user_signs_out(app, world, own_contexts):
    bid = world.bid(world.need())
    client = _signed_in(app, world.coordinator)
    copied = client.get_cookie("session").value
    assert _replay(app, copied).get(f"/api/bids/{bid.id}").status_code == 200


def test_signing_out_ends_the_users_other_sessions_too(app, world, own_contexts):
    first = _signed_in(app, world.leader)
    second = _signed_in(app, world.leader)
    second.post("/log-ud")
    assert "/log-ind" in first.get("/rapporter/").headers["Location"]


def test_a_password_change_ends_every_session_of_the_user(app, world, own_contexts):
    client = _signed_in(app, world.leader)
    assert client.get("/rapporter/").status_code == 200
    with app.app_context():
        change_password(db.session, _user(world.leader.id), "en-helt-ny-lang-kode-42")
        db.session.commit()
    assert "/log-ind" in client.get("/rapporter/").headers["Location"]
    assert (
        client.post(
            "/log-ind", data={"email": world.leader.email, "password": "en-helt-ny-lang-kode-42"}
        ).status_code
        == 302
    )


def test_deactivation_ends_every_session_of_the_user(app, world, own_contexts):
    client = _signed_in(app, world.leader)
    with app.app_context():
        set_active(db.session, _user(world.leader.id), False)
        db.session.commit()
    assert "/log-ind" in client.get("/rapporter/").headers["Location"]
    refused = client.post("/log-ind", data={"email": world.leader.email, "password": PASSWORD})
    assert "Forkert e-mail eller adgangskode." in refused.get_data(True)


def test_a_session_left_idle_longer_than_the_setting_ends(app, world, own_contexts, monkeypatch):
    app.config["SESSION_IDLE_HOURS"] = 8
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=24)
    clock = [1_000_000.0]
    monkeypatch.setattr(sessions, "now", lambda: clock[0])
    client = _signed_in(app, world.leader)
    clock[0] += 7.9 * 3600
    assert client.get("/rapporter/").status_code == 200  # used in time: the idle clock restarts
    clock[0] += 7.9 * 3600
    assert client.get("/rapporter/").status_code == 200
    clock[0] += 8.1 * 3600
    assert "/log-ind" in client.get("/rapporter/").headers["Location"]


def test_a_session_ends_at_its_lifetime_even_when_used(app, world, own_contexts, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(sessions, "now", lambda: clock[0])
    client = _signed_in(app, world.leader)
    lifetime = app.permanent_session_lifetime.total_seconds()
    while clock[0] + 3600 < 1_000_000.0 + lifetime:
        clock[0] += 3600
        assert client.get("/rapporter/").status_code == 200
    clock[0] += 2 * 3600
    assert "/log-ind" in client.get("/rapporter/").headers["Location"]


def test_signing_in_issues_a_new_csrf_token(app, world, own_contexts):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    form = client.get("/log-ind").get_data(True)
    before = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    client.post(
        "/log-ind", data={"email": world.leader.email, "password": PASSWORD, "csrf_token": before}
    )
    page = client.get("/").get_data(True)
    after = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    assert client.get_cookie("session") is not None
    response = client.post("/log-ud", data={"csrf_token": before})
    assert response.status_code == 400  # the token from before sign-in is no longer good
    assert client.post("/log-ud", data={"csrf_token": after}).status_code == 302


@pytest.mark.parametrize("hours", ["0", "-1", "otte"])
def test_a_bad_idle_setting_is_refused_in_english(monkeypatch, tmp_path, hours):
    from bank.config import ConfigError, from_environment

    monkeypatch.setenv("BANK_SESSION_IDLE_HOURS", hours)
    with pytest.raises(ConfigError, match="BANK_SESSION_IDLE_HOURS"):
        from_environment(tmp_path)


def test_the_users_commands_change_a_password_and_deactivate_ending_sessions(
    app, world, own_contexts
):
    client = _signed_in(app, world.leader)
    runner = app.test_cli_runner()
    info = ScriptInfo(create_app=lambda: app)

    def bank(*args: str):
        with app.app_context():
            return runner.invoke(main, obj=info, args=list(args))

    result = bank("users", "password", "--email", world.leader.email, "--password", "1234567890")
    assert result.exit_code != 0 and "most common passwords" in result.output
    assert client.get("/rapporter/").status_code == 200  # a refused change ends nothing
    result = bank(
        "users", "password", "--email", world.leader.email, "--password", "grøn-tekande-ved-åen"
    )
    assert result.exit_code == 0, result.output
    assert "/log-ind" in client.get("/rapporter/").headers["Location"]
    client = app.test_client()
    client.post("/log-ind", data={"email": world.leader.email, "password": "grøn-tekande-ved-åen"})
    assert client.get("/rapporter/").status_code == 200
    result = bank("users", "deactivate", "--email", world.leader.email)
    assert result.exit_code == 0, result.output
    assert "/log-ind" in client.get("/rapporter/").headers["Location"]
