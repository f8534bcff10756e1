"""The `bank` command: demo, database, users, import, export, match, overlaps, bench."""

from __future__ import annotations

import os

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from bank import create_app, db
from bank.auth.services import create_user, get_or_create_unit
from bank.auth.token_cli import tokens_group
from bank.auth.user_cli import COMMANDS as USER_COMMANDS
from bank.bench.web import bench_web_command
from bank.cli_options import email_option
from bank.demo import DEMO_PASSWORD, load_demo
from bank.engine_cli import ENGINE_COMMANDS
from bank.errors import BankError
from bank.hsds.cli import export_hsds_command, import_hsds_command
from bank.learn_cli import learn_group
from bank.migrate import downgrade, upgrade
from bank.needs.cli import export_needs_command
from bank.offers.cli import export_offers_command, import_offers_command
from bank.security import dev_server_options
from bank.serve import serve_command
from bank.tasks import start_embedded_worker, worker_command


@click.group(cls=FlaskGroup, create_app=create_app, add_version_option=False)
def main() -> None:
    """Kompetencebanken: a competence and need bank for young people's support."""


@main.group("db")
def db_group() -> None:
    """Create and upgrade the database schema (Alembic)."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True)
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Upgrade the database schema to the newest revision."""
    upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"Database upgraded to {revision}.")


@db_group.command("downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade(revision: str) -> None:
    """Downgrade the database schema to REVISION (e.g. base)."""
    downgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"Database downgraded to {revision}.")


@main.group("users")
def users_group() -> None:
    """Manage users."""


@users_group.command("create")
@email_option()
@click.option("--name", required=True)
@click.option(
    "--role",
    required=True,
    type=click.Choice(["coordinator", "unit_member", "editor", "leader", "admin"]),
)
@click.option("--unit", "unit_name", default=None, help="The unit the user belongs to.")
@click.option("--centre", default=None, help="The unit's centre, if the unit is new.")
@click.password_option(help="At least 10 characters; asked for when not given.")
@with_appcontext
def users_create(
    email: str, name: str, role: str, unit_name: str | None, centre: str | None, password: str
) -> None:
    """Add a user who can sign in."""
    try:
        unit = get_or_create_unit(db.session, unit_name, centre) if unit_name else None
        user = create_user(db.session, email, name, password, role, unit)
        db.session.commit()
    except BankError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    click.echo(f"Created {user.email} ({user.role.value}).")


@main.group("import")
def import_group() -> None:
    """Import a catalogue file (JSON Lines, see interchange.md)."""


@main.group("export")
def export_group() -> None:
    """Export a catalogue file (JSON Lines, see interchange.md)."""


import_group.add_command(import_offers_command, "offers")
export_group.add_command(export_offers_command, "offers")
export_group.add_command(export_needs_command, "needs")
export_group.add_command(export_hsds_command, "hsds")
import_group.add_command(import_hsds_command, "hsds")
main.add_command(worker_command, "worker")
main.add_command(serve_command, "serve")
main.add_command(tokens_group, "tokens")
main.add_command(learn_group, "learn")
for user_command in USER_COMMANDS:  # password, deactivate, activate
    users_group.add_command(user_command)
main.add_command(bench_web_command)
for engine_command in ENGINE_COMMANDS:  # match, overlaps, evaluate, bench: files only
    main.add_command(engine_command)


@main.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Load the demo data, then stop.")
@with_appcontext
def demo(host: str, port: int, no_serve: bool) -> None:
    """Migrate the database, load the demo data, print the sign-ins and serve the app."""
    upgrade(current_app.config["DATABASE_URL"])
    sign_ins = load_demo(db.session)
    db.session.commit()
    click.echo(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
    for email, role in sign_ins:
        click.echo(f"  {email:<24} {role}")
    if no_serve:
        return
    click.echo(f"\nOpen http://{host}:{port}/ in a browser. Stop with Ctrl+C.\n")
    worker = start_embedded_worker(current_app._get_current_object())  # type: ignore[attr-defined]
    try:
        os.environ.pop("FLASK_RUN_FROM_CLI", None)  # else Flask ignores app.run() under a CLI
        current_app.run(
            host=host, port=port, debug=False, use_reloader=False, **dev_server_options()
        )
    finally:
        worker.stop()
