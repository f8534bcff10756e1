"""Configuration from the environment and the foundation's commands: db upgrade, users create."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from bank import create_app
from bank.auth.models import Role, User
from bank.cli import main
from bank.config import ConfigError, from_environment


def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("BANK_ENV", "production")
    monkeypatch.delenv("BANK_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="BANK_SECRET_KEY"):
        from_environment(tmp_path)


def test_outside_production_a_secret_key_is_made_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("BANK_ENV", raising=False)
    monkeypatch.delenv("BANK_SECRET_KEY", raising=False)
    first = from_environment(tmp_path)["SECRET_KEY"]
    assert len(first) >= 32
    assert from_environment(tmp_path)["SECRET_KEY"] == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_the_default_database_is_a_sqlite_file_under_instance(monkeypatch, tmp_path):
    monkeypatch.delenv("BANK_DATABASE_URL", raising=False)
    monkeypatch.setenv("BANK_SECRET_KEY", "x")
    assert from_environment(tmp_path)["DATABASE_URL"] == f"sqlite:///{tmp_path}/bank.sqlite3"


def test_db_upgrade_creates_the_schema_and_users_create_adds_a_user(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    monkeypatch.setenv("BANK_DATABASE_URL", url)
    monkeypatch.setenv("BANK_SECRET_KEY", "x")
    runner = CliRunner()
    result = runner.invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main,
        [
            "users",
            "create",
            "--email",
            "Mette@Kommune.dk",
            "--name",
            "Mette Holm",
            "--role",
            "editor",
            "--unit",
            "Familiehuset",
            "--centre",
            "Center for Børn og Familier",
            "--password",
            "en-lang-adgangskode",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Created mette@kommune.dk (editor)." in result.output
    app = create_app({"DATABASE_URL": url})
    with app.app_context():
        from bank import db

        user = db.session.scalar(sa.select(User))
        assert (user.role, user.unit.name, user.unit.centre_name) == (
            Role.EDITOR,
            "Familiehuset",
            "Center for Børn og Familier",
        )
        db.session.remove()


def test_users_create_refuses_a_short_password_in_english(monkeypatch, tmp_path):
    monkeypatch.setenv("BANK_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    monkeypatch.setenv("BANK_SECRET_KEY", "x")
    runner = CliRunner()
    runner.invoke(main, ["db", "upgrade"])
    result = runner.invoke(
        main,
        [
            "users",
            "create",
            "--email",
            "a@b.dk",
            "--name",
            "A",
            "--role",
            "admin",
            "--password",
            "kort",
        ],
    )
    assert result.exit_code != 0
    assert "password: must be at least 10 characters" in result.output
