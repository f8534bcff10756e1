"""`bank tokens create|list|revoke`: API tokens from the command line (an admin's shell)."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from bank import db
from bank.auth.tokens import MAX_DAYS, create_token, list_tokens, revoke_token
from bank.errors import BankError


@click.group("tokens")
def tokens_group() -> None:
    """Manage personal access tokens for outside systems."""


@tokens_group.command("create")
@click.option("--user", "email", required=True, help="E-mail of the user the token acts as.")
@click.option("--scope", type=click.Choice(["read", "write"]), default="read", show_default=True)
@click.option("--days", type=int, default=90, show_default=True, help=f"1 to {MAX_DAYS}.")
@click.option("--name", default=None, help="Which system uses it (default: the user's e-mail).")
@with_appcontext
def tokens_create(email: str, scope: str, days: int, name: str | None) -> None:
    """Create a token and print its secret once; only a hash of it is kept."""
    try:
        new = create_token(db.session, None, email, scope, days, name or f"token for {email}")
        db.session.commit()
    except BankError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    token = new.token
    click.echo(
        f"Created token {token.id} ({token.scope.value}) for {token.user.email}, "
        f"expires {token.expires_at:%Y-%m-%d}. The secret is shown only now:",
        err=True,
    )
    click.echo(new.secret)


@tokens_group.command("list")
@with_appcontext
def tokens_list() -> None:
    """List every token: id, owner, scope, state, expiry, last use (never the secret)."""
    for token in list_tokens(db.session, None):
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
        click.echo(
            f"{token.id}\t{token.user.email}\t{token.scope.value}\t{token.state}\t"
            f"expires {token.expires_at:%Y-%m-%d}\tlast used {used}\t{token.prefix}…\t{token.name}"
        )


@tokens_group.command("revoke")
@click.argument("token_id", type=int)
@with_appcontext
def tokens_revoke(token_id: int) -> None:
    """Revoke the token with this id at once."""
    try:
        token = revoke_token(db.session, None, token_id)
        db.session.commit()
    except BankError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    click.echo(f"Revoked token {token.id} ({token.name}).")
