"""Settings read from the environment, with safe defaults for the demo."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class ConfigError(RuntimeError):
    """The environment does not hold a setting the app cannot run without."""


def default_database_url(instance_path: Path) -> str:
    """Return the embedded SQLite database under the instance folder."""
    return f"sqlite:///{instance_path / 'bank.sqlite3'}"


def secret_key(instance_path: Path, production: bool) -> str:
    """Return BANK_SECRET_KEY, or a key kept under instance/ outside production."""
    key = os.environ.get("BANK_SECRET_KEY")
    if key:
        return key
    if production:
        raise ConfigError("BANK_SECRET_KEY must be set when BANK_ENV=production")
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def from_environment(instance_path: Path) -> dict[str, object]:
    """Build the Flask configuration mapping from BANK_* environment variables."""
    production = os.environ.get("BANK_ENV", "development") == "production"
    return {
        "BANK_ENV": "production" if production else "development",
        "SECRET_KEY": secret_key(instance_path, production),
        "DATABASE_URL": os.environ.get("BANK_DATABASE_URL")
        or default_database_url(instance_path),
        "REDIS_URL": os.environ.get("BANK_REDIS_URL"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "API_TITLE": "Kompetencebanken",
        "API_VERSION": "1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": None,
        "OPENAPI_REDOC_PATH": None,
        "WTF_CSRF_TIME_LIMIT": None,
    }
