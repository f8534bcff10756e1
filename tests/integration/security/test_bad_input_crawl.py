"""A crawl of every route with NUL bytes and huge numbers: 400 or 404, never a server error."""

from __future__ import annotations

from urllib.parse import quote

from bank.inputs import NUMBER_FIELDS
from tests.conftest import PASSWORD
from tests.integration.security.crawl_support import (
    HUGE,
    NUL,
    fill,
    hostile_paths,
    query_names,
    routes,
)


def _client(app, user):
    client = app.test_client()
    if user is not None:
        assert (
            client.post("/log-ind", data={"email": user.email, "password": PASSWORD}).status_code
            == 302
        )
    return client


def _requests(app):
    """Yield (method, path, query, form) for every hostile request of the crawl."""
    names = query_names()
    plain = [n for n in names if n not in NUMBER_FIELDS and not n.endswith(("_id", "_ids"))]
    for rule, methods in routes(app):
        for method in methods:
            base = fill(rule, {})
            for path in hostile_paths(rule):
                yield method, path, {}, {}
            for hostile in (
                {n: NUL for n in names},
                {n: HUGE[1] for n in names},
                {n: HUGE[1] for n in plain},  # past the guard, into the views
                {n: HUGE[2] for n in plain},
            ):
                if method == "GET":
                    yield method, base, hostile, {}
                else:
                    yield method, base, {}, hostile


def test_nul_bytes_and_huge_numbers_anywhere_never_give_a_server_error(app, world, demo_catalogue):
    need = world.need()
    world.bid(need)
    failures, count = [], 0
    for user in (None, world.coordinator, world.member, world.admin):
        client = _client(app, user)
        for method, path, query, form in _requests(app):
            response = client.open(path, method=method, query_string=query, data=form)
            count += 1
            if response.status_code >= 500:
                failures.append(
                    f"{getattr(user, 'role', 'anonymous')} {method} {quote(path)} "
                    f"{sorted(query or form)[:3]}: {response.status_code}"
                )
    print(f"crawl: {count} requests, {len(failures)} server errors")
    assert count > 500
    assert failures == []


def test_the_reported_inputs_answer_400_or_404_in_danish_and_json(client, auth, world):
    auth.login(world.coordinator)
    for path, status in (
        ("/behov/2147483648", 404),
        ("/tilbud?side=99999999999999999999", 400),
        ("/tilbud?unit=a%00", 400),
        ("/behov?q=a%00", 400),
        ("/forloeb/99999999999", 404),
    ):
        response = client.get(path)
        assert response.status_code == status, path
        assert (
            "Siden findes ikke." in response.get_data(True)
            or "ugyldigt tegn" in response.get_data(True)
            or "for stort" in response.get_data(True)
        )
    api = client.get("/api/bids/5107459791")
    assert api.status_code == 404 and api.is_json
    nul = client.get("/api/needs?q=a%00")
    assert nul.status_code == 400 and "NUL" in nul.get_json()["message"]


def test_a_nul_in_the_sign_in_form_is_refused_before_the_database(client):
    response = client.post("/log-ind", data={"email": "a\x00@test.dk", "password": "x" * 12})
    assert response.status_code == 400
    assert "ugyldigt tegn (NUL)" in response.get_data(True)


def test_json_too_deep_or_with_huge_numbers_is_refused_as_json(client, auth, world):
    auth.login(world.editor)
    deep = "[" * 5000 + "]" * 5000
    response = client.post("/api/offers", data=deep, content_type="application/json")
    assert response.status_code == 400 and "nested deeper" in response.get_json()["message"]
    response = client.post("/api/offers", json={"title": "x", "duration_weeks": 2**40})
    assert response.status_code == 400 and "too big" in response.get_json()["message"]


def test_a_body_above_the_size_limit_answers_413(app, client, auth, world):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    auth.login(world.editor)
    response = client.post("/api/offers", json={"description": "x" * 5000})
    assert response.status_code == 413 and response.is_json
    page = client.post("/redaktion/tilbud/nyt", data={"description": "x" * 5000})
    assert page.status_code == 413
    assert "for stort" in page.get_data(True)
