"""Alembic environment: the bank's metadata, the URL from bank/migrate.py or the environment."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import context

import bank.models  # noqa: F401  (imports every model so the metadata is complete)
from bank.db import Base, make_engine

config = context.config
url = config.get_main_option("sqlalchemy.url") or os.environ.get("BANK_DATABASE_URL")
if not url:
    url = f"sqlite:///{Path.cwd() / 'instance' / 'bank.sqlite3'}"


def run_migrations_online() -> None:
    """Run the migrations against a live connection (SQLite in batch mode)."""
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
