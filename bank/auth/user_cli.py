"""`bank users password` and `bank users deactivate`: both end every session of the user."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import with_appcontext

from bank import db
from bank.auth.models import User
from bank.auth.services import change_password, set_active
from bank.cli_options import email_option
from bank.errors import BankError


def _user(email: str) -> User:
    user = db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"no user with e-mail {email}")
    return user


@click.command("password")
@email_option()
@click.password_option(help="The new password (at least 10 characters, not a common one).")
@with_appcontext
def password_command(email: str, password: str) -> None:
    """Set a user's password; every session the user has open ends."""
    try:
        change_password(db.session, _user(email), password)
        db.session.commit()
    except BankError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    click.echo(f"New password set for {email}; the user's sessions have ended.")


@click.command("deactivate")
@email_option()
@with_appcontext
def deactivate_command(email: str) -> None:
    """Stop a user from signing in; every session the user has open ends at once."""
    set_active(db.session, _user(email), False)
    db.session.commit()
    click.echo(f"{email} is deactivated; the user's sessions have ended.")


@click.command("activate")
@email_option()
@with_appcontext
def activate_command(email: str) -> None:
    """Let a deactivated user sign in again."""
    set_active(db.session, _user(email), True)
    db.session.commit()
    click.echo(f"{email} may sign in again.")


COMMANDS = (password_command, deactivate_command, activate_command)
