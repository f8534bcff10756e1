"""Sign-in attempts are throttled per account and per address, the same for known and unknown."""

from __future__ import annotations

import os
import uuid

import pytest
import redis

from bank import create_app, db
from bank.auth import services
from bank.auth.passwords import dummy_hash
from tests.conftest import PASSWORD

THROTTLED = "For mange forsøg på at logge ind"


def _try(client, email: str, password: str = "forkert-kode-123", address: str = "10.0.0.1"):
    return client.post(
        "/log-ind",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_the_11th_wrong_password_within_a_minute_is_throttled(client, make_user):
    user = make_user("coordinator")
    for _ in range(10):
        assert _try(client, user.email).status_code == 200
    response = _try(client, user.email)
    assert response.status_code == 429
    assert THROTTLED in response.get_data(as_text=True)
    assert "Retry-After" in response.headers
    assert _try(client, user.email, PASSWORD).status_code == 429  # even the right one waits


def test_the_account_limit_holds_across_addresses(client, make_user):
    user = make_user("coordinator")
    for n in range(10):
        _try(client, user.email, address=f"10.0.1.{n}")
    assert _try(client, user.email, address="10.0.1.99").status_code == 429


def test_the_address_limit_holds_across_accounts(app, client):
    app.config["SIGN_IN_LIMIT_ADDRESS"] = "5 per minute"  # 30 by default; fewer slow hashes
    for n in range(5):
        assert _try(client, f"ukendt{n}@test.dk", address="10.0.2.1").status_code == 200
    assert _try(client, "ukendt99@test.dk", address="10.0.2.1").status_code == 429
    assert _try(client, "ukendt99@test.dk", address="10.0.2.2").status_code == 200


def test_right_passwords_are_not_counted(app, client, auth, make_user):
    app.config["SIGN_IN_LIMIT_ACCOUNT"] = "2 per minute"
    user = make_user("coordinator")
    for _ in range(3):
        assert auth.login(user).status_code == 302
        auth.logout()


def test_an_unknown_email_costs_one_password_verification_like_a_known_one(
    client, make_user, monkeypatch
):
    user = make_user("coordinator")
    checked: list[str] = []
    real = services.verify_password
    monkeypatch.setattr(services, "verify_password", lambda h, p: checked.append(h) or real(h, p))
    waste = services.waste_a_verification
    monkeypatch.setattr(
        services, "waste_a_verification", lambda p: checked.append("dummy") or waste(p)
    )
    _try(client, user.email)
    _try(client, "findes.ikke@test.dk")
    assert checked == [user.password_hash, "dummy"]
    assert dummy_hash().startswith("$argon2id$")


def test_a_password_longer_than_200_characters_is_never_hashed(client, make_user, monkeypatch):
    user = make_user("coordinator")
    monkeypatch.setattr(services, "verify_password", lambda *a: pytest.fail("hashed"))
    response = _try(client, user.email, "x" * 5_000_000)
    assert response.status_code in (200, 413)


def _redis_or_fail() -> redis.Redis:
    connection = redis.Redis.from_url("redis://127.0.0.1:6379/2")
    try:
        connection.ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis at 127.0.0.1:6379 is not reachable in CI: {error}")
        pytest.skip(f"Redis at 127.0.0.1:6379 is not reachable: {error}")
    return connection


def test_the_limits_live_in_redis_when_configured(database_url, make_user):
    connection = _redis_or_fail()
    user = make_user("coordinator")
    prefix = f"bank-test-{uuid.uuid4().hex}"
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/2",
        "RATELIMIT_KEY_PREFIX": prefix,
    }
    apps = []
    try:
        db.session.remove()  # the new app binds the shared session anew
        first = create_app(settings)
        apps.append(first)
        for _ in range(10):
            _try(first.test_client(), user.email)
        db.session.remove()
        second = create_app(settings)  # a new limiter storage: it can only count through Redis
        apps.append(second)
        assert connection.keys(f"*{prefix}*")  # the counts are in Redis, db 2
        assert _try(second.test_client(), user.email).status_code == 429
    finally:
        db.session.remove()
        for made in apps:
            db.get_engine(made).dispose()
        for key in connection.scan_iter(f"*{prefix}*"):
            connection.delete(key)
        connection.close()
