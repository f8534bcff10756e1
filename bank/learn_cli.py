"""`bank learn status|refit|reset`: the signal learned from decisions, for administrators."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from bank import db
from bank.decisions import services as decisions
from bank.ranking.learning import LearnedFit, adopted_fit, forget_fits, latest_fit
from bank.tasks import refit_learned


@click.group("learn")
def learn_group() -> None:
    """The ranking signal learned from the bank's own decisions."""


def _describe(row: LearnedFit) -> str:
    return (
        f"fit {row.id} at {row.fitted_at:%Y-%m-%d %H:%M} UTC on {row.decision_count} decisions "
        f"({row.needs} needs, catalogue version {row.catalogue_version}), weight {row.weight}: "
        f"{row.why}"
    )


@learn_group.command("status")
@with_appcontext
def learn_status() -> None:
    """Say which fit the ranking uses, the last attempt, and how many decisions stand."""
    used, last = adopted_fit(db.session), latest_fit(db.session)
    click.echo(f"Decisions: {decisions.decision_count(db.session)}")
    click.echo(f"In use: {_describe(used)}" if used else "In use: none (the untrained engine)")
    if last is not None and (used is None or last.id != used.id):
        click.echo(f"Last attempt: {_describe(last)}")


@learn_group.command("refit")
@with_appcontext
def learn_refit() -> None:
    """Refit now on every decision (as the worker does), adopted only if it scores higher."""
    row = refit_learned(db.session, force=True)
    assert row is not None  # forced
    click.echo(_describe(row))


@learn_group.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@with_appcontext
def learn_reset(yes: bool) -> None:
    """Forget every fit: the ranking goes back to the untrained engine (decisions stay)."""
    if not yes:
        click.confirm("Forget every learned fit?", abort=True)
    count = forget_fits(db.session)
    db.session.commit()
    click.echo(f"Forgot {count} fit(s); the ranking is the untrained engine's.")
