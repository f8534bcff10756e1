"""Kompetencebanken: a competence and need bank for young people's support."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

from flask import Flask

# Each feature package exposes init_app(app) that registers its blueprints and hooks.
FEATURES = (
    "bank.observability",
    "bank.health",
    "bank.auth",
    "bank.main",
    "bank.offers",
    "bank.needs",
    "bank.plans",
    "bank.tasks",
    "bank.reports",
    "bank.hsds",
)


def create_app(test_config: Mapping[str, object] | None = None) -> Flask:
    """Create the Flask app: settings, database, extensions, blueprints, error pages."""
    app = Flask(__name__, instance_path=str(Path.cwd() / "instance"))
    # Imported here, not at the top: `import bank.matching` (the engine, its file commands and
    # the bench) runs this package's __init__ first and must not load the web app with it.
    from bank import config, db, errors, inputs, security, templating
    from bank.extensions import csrf, init_api, login_manager

    app.config.from_mapping(config.from_environment(Path(app.instance_path)))
    if test_config is not None:
        app.config.from_mapping(test_config)

    inputs.init_app(app)  # first: bounds the int route converter, guards every request
    db.init_app(app)
    login_manager.init_app(app)
    security.init_app(app)
    csrf.init_app(app)
    init_api(app)
    for name in FEATURES:
        importlib.import_module(name).init_app(app)
    templating.init_app(app)  # every template filter and global, in one place
    errors.init_app(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    return app
