"""Settings read from the environment, with safe defaults for the demo."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
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
        "DATABASE_URL": os.environ.get("BANK_DATABASE_URL") or default_database_url(instance_path),
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
        **hardening(),
        "INDEX_DIR": os.environ.get("BANK_INDEX_DIR") or str(instance_path / "index"),
        "LEARN_AFTER": int(_number("BANK_LEARN_AFTER", 20)),
    }


def _number(name: str, default: float) -> float:
    """Return the environment variable as a positive number, or the default."""
    raw = os.environ.get(name)
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be above 0, not {raw!r}")
    return value


def hardening() -> dict[str, object]:
    """Return the settings of sessions, sign-in throttling, request size and the scan lease."""
    idle = _number("BANK_SESSION_IDLE_HOURS", 8)
    return {
        "SESSION_IDLE_HOURS": idle,
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=max(12.0, idle)),
        "MAX_CONTENT_LENGTH": int(_number("BANK_MAX_CONTENT_LENGTH", 2 * 1024 * 1024)),
        "RATELIMIT_STORAGE_URI": os.environ.get("BANK_RATELIMIT_STORAGE_URI") or "memory://",
        "RATELIMIT_KEY_PREFIX": "bank-limits",
        "RATELIMIT_HEADERS_ENABLED": True,
        "SIGN_IN_LIMIT_ACCOUNT": "10 per minute; 50 per hour",
        "SIGN_IN_LIMIT_ADDRESS": "30 per minute; 300 per hour",
        "SCAN_LEASE_SECONDS": _number("BANK_SCAN_LEASE_SECONDS", 60),
    }
