"""Flask extensions, created once here and bound to the app in the factory."""

from __future__ import annotations

from flask import Flask
from flask_login import LoginManager
from flask_smorest import Api
from flask_wtf.csrf import CSRFProtect

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Log ind for at se siden."
login_manager.login_message_category = "info"

csrf = CSRFProtect()


def init_api(app: Flask) -> Api:
    """Create the app's JSON API (one per app, so test apps never share an OpenAPI spec)."""
    api = Api(app)
    app.extensions["bank.api"] = api
    return api


def get_api(app: Flask) -> Api:
    """Return the app's JSON API, to register a flask-smorest blueprint on."""
    return app.extensions["bank.api"]
