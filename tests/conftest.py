"""Shared fixtures: an app on a fresh database (SQLite or PostgreSQL), clients, sign-in, users."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

import bank.models  # noqa: F401  (every table in the metadata)
from bank import create_app, db
from bank.auth.models import Role, User
from bank.auth.services import create_user, get_or_create_unit
from bank.db import Base, make_engine

PASSWORD = "korrekt-hest-batteri"


def _database_of_this_worker(url: str | None) -> str | None:
    """Return the PostgreSQL test URL for this pytest-xdist worker: a database of its own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    base = sa.make_url(url)
    name = f"{base.database}_{worker}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            found = connection.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if not found:
                connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


PG_URL = _database_of_this_worker(os.environ.get("BANK_TEST_DATABASE_URL"))


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests on SQLite; in CI with PostgreSQL, nothing may skip."""
    if PG_URL:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set BANK_TEST_DATABASE_URL")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


_skipped: list[str] = []
_skipped_redis: list[str] = []  # tests marked redis: they must run in CI, on either database


def pytest_runtest_logreport(report):
    """Remember skipped tests, so a CI run on PostgreSQL (or with Redis) can refuse them."""
    if report.skipped:
        _skipped.append(report.nodeid)
        if "redis" in report.keywords:
            _skipped_redis.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """Fail a CI run on PostgreSQL in which any test was skipped."""
    if PG_URL and os.environ.get("CI") and _skipped and exitstatus == 0:
        print(f"\nFAIL: {len(_skipped)} test(s) skipped on PostgreSQL in CI: {_skipped[:5]}")
        session.exitstatus = 1
    if os.environ.get("CI") and _skipped_redis and exitstatus == 0:
        print(f"\nFAIL: {len(_skipped_redis)} Redis test(s) skipped in CI: {_skipped_redis[:5]}")
        session.exitstatus = 1


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """Return the test database URL, with a fresh schema of every table."""
    url = PG_URL or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    Base.metadata.create_all(engine)
    engine.dispose()
    return url


def _empty_all_tables(engine: sa.Engine) -> None:
    tables = [t.name for t in Base.metadata.sorted_tables]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t}"' for t in tables)
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture
def app(database_url: str, tmp_path) -> Iterator:
    """Return an app on the empty test database; CSRF off unless a test turns it on."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": database_url,
            "WTF_CSRF_ENABLED": False,
            "BANK_TEST_TMP": str(tmp_path),
            "INDEX_DIR": str(tmp_path / "index"),
        }
    )
    with app.app_context():
        yield app
        db.session.remove()
    engine = db.get_engine(app)
    _empty_all_tables(engine)
    engine.dispose()


@pytest.fixture
def session(app):
    """Return the database session bound to the test app."""
    return db.session


@pytest.fixture
def client(app):
    """Return a test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Return a CLI runner for the app's `bank` commands."""
    return app.test_cli_runner()


@pytest.fixture
def make_user(session):
    """Return a factory that adds a user with a role (and unit) and commits."""

    def _make(
        role: Role | str = Role.COORDINATOR,
        email: str | None = None,
        unit: str | None = "Ungeindsatsen",
        centre: str | None = "Center for Job og Uddannelse",
        name: str | None = None,
    ) -> User:
        role = Role(role)
        email = email or f"{role.value}.{session.scalar(sa.select(sa.func.count(User.id)))}@test.dk"
        unit_obj = get_or_create_unit(session, unit, centre) if unit else None
        user = create_user(session, email, name or f"Test {role.label}", PASSWORD, role, unit_obj)
        session.commit()
        return user

    return _make


@pytest.fixture
def demo_catalogue(session) -> dict:
    """Load the demo catalogue (units, vocabulary, 75 offers) and return its offers by ref."""
    from bank.demo import FIXTURES
    from bank.offers.demo import load_demo
    from bank.offers.models import Offer

    load_demo(session, FIXTURES)
    session.commit()
    return {o.ref: o for o in session.scalars(sa.select(Offer))}


class AuthActions:
    """Sign in and out through the real sign-in form."""

    def __init__(self, client):
        self._client = client

    def login(self, user_or_email, password: str = PASSWORD):
        """Sign in as this user."""
        email = getattr(user_or_email, "email", user_or_email)
        return self._client.post("/log-ind", data={"email": email, "password": password})

    def logout(self):
        """Sign out."""
        return self._client.post("/log-ud")


@pytest.fixture
def auth(client) -> AuthActions:
    """Return sign-in helpers for the test client."""
    return AuthActions(client)
