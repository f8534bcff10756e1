"""The database: SQLAlchemy engine, the request-scoped session and the declarative Base."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from flask import Flask
from sqlalchemy import orm

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(orm.DeclarativeBase):
    """Base class of every model; constraint names are stable for Alembic."""

    metadata = sa.MetaData(naming_convention=NAMING)


def utcnow() -> datetime:
    """Return the current time in UTC, timezone-aware."""
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A timestamp stored as UTC that always comes back timezone-aware (SQLite forgets)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: D102
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value

    def process_result_value(self, value, dialect):  # noqa: D102
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


if TYPE_CHECKING:

    class RequestSession(orm.Session):
        """What `session` is to the type checker: a Session, plus the scoped registry's calls.

        At run time `session` is a `scoped_session`, which hands every Session method to the
        current thread's Session; typing it so lets services take a plain `Session` argument.
        """

        def remove(self) -> None:
            """Close the current Session and forget it (the next use opens a new one)."""

        def configure(self, **kwargs: Any) -> None:
            """Set the options (e.g. `bind`) of the Sessions the registry makes."""

    session: RequestSession
else:
    session = orm.scoped_session(orm.sessionmaker(expire_on_commit=False))


def make_engine(url: str) -> sa.Engine:
    """Create an engine; SQLite gets foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def init_app(app: Flask) -> None:
    """Bind the session to the app's database and close it after every request."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["bank.engine"] = engine
    session.configure(bind=engine)

    @app.teardown_appcontext
    def _remove_session(_exc: BaseException | None) -> None:
        session.remove()


def get_engine(app: Flask) -> sa.Engine:
    """Return the app's SQLAlchemy engine."""
    return app.extensions["bank.engine"]
