"""Security headers on every route; no-store on everything but static files; no server banner."""

from __future__ import annotations

from bank import create_app, db
from tests.conftest import PASSWORD
from tests.integration.security.crawl_support import fill, routes

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _check(response, path: str, static: bool = False) -> list[str]:
    problems = [
        f"{path}: {name} is {response.headers.get(name)!r}"
        for name, value in EXPECTED.items()
        if response.headers.get(name) != value
    ]
    policy = response.headers.get("Content-Security-Policy", "")
    for part in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"):
        if part not in policy:
            problems.append(f"{path}: CSP lacks {part}")
    if "unsafe-inline" in policy or "unsafe-eval" in policy:
        problems.append(f"{path}: CSP allows unsafe code")
    if not static and response.headers.get("Cache-Control") != "no-store":
        problems.append(f"{path}: Cache-Control is {response.headers.get('Cache-Control')!r}")
    if "werkzeug" in response.headers.get("Server", "").lower():
        problems.append(f"{path}: Server banner {response.headers['Server']!r}")
    return problems


def test_every_route_answers_with_the_security_headers(app, world, demo_catalogue):
    course = world.course()
    world.bid(world.need(course))
    problems, seen = [], 0
    for user in (None, world.coordinator, world.admin):
        client = app.test_client()
        if user is not None:
            client.post("/log-ind", data={"email": user.email, "password": PASSWORD})
        for rule, methods in routes(app):
            path = fill(rule, {"ref": next(iter(demo_catalogue)), "course_id": str(course.id)})
            for method in methods:
                response = client.open(path, method=method)
                seen += 1
                problems += _check(response, f"{method} {path}")
                response.close()
        static = client.get("/static/bank.css")
        problems += _check(static, "/static/bank.css", static=True)
        static.close()
    assert seen > 200
    assert problems == []


def test_citizen_data_pages_and_the_plan_pdf_are_never_cached(client, auth, world):
    course = world.course()
    auth.login(world.coordinator)
    for path in (f"/forloeb/{course.id}", f"/forloeb/{course.id}/plan.pdf", "/api/needs"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store"


def test_the_printable_plan_keeps_its_style_through_a_nonce(client, auth, world):
    course = world.course()
    auth.login(world.coordinator)
    response = client.get(f"/forloeb/{course.id}/plan/udskrift")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in response.get_data(True)


def test_production_over_https_adds_hsts(database_url):
    db.session.remove()
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": database_url, "BANK_ENV": "production"}
    )
    secure = app.test_client().get("/log-ind", base_url="https://bank.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    plain = app.test_client().get("/log-ind")
    assert "Strict-Transport-Security" not in plain.headers  # browsers ignore it over http
    db.session.remove()
    db.get_engine(app).dispose()


def test_development_sends_no_hsts(app):
    response = app.test_client().get("/log-ind", base_url="https://bank.example")
    assert "Strict-Transport-Security" not in response.headers
