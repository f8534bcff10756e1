"""`bank import offers` and `bank export offers`: the catalogue as JSON Lines (interchange.md)."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click
from flask.cli import with_appcontext
from sqlalchemy.exc import DBAPIError, OperationalError

from bank import db
from bank.errors import BankError
from bank.offers.interchange import ImportReport, export_offers, import_offers

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

PROGRESS_FROM = 200  # lines; shorter files import without a progress bar
STAGES = {"check": "Checking", "save": "Saving"}


def _count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


class _Bars:
    """A progress bar per stage (checking, then saving), drawn on stderr."""

    def __init__(self, stack: ExitStack, total: int):
        self.stack, self.total = stack, total
        self.stage: str | None = None
        self.bar: ProgressBar[int] | None = None
        self.done = 0

    def __call__(self, stage: str, done: int) -> None:
        if stage != self.stage:
            if self.bar is not None:
                self.bar.update(self.total - self.done)
            self.stage, self.done = stage, 0
            bar = click.progressbar(length=self.total, label=STAGES[stage], file=sys.stderr)
            self.bar = self.stack.enter_context(bar)
        if self.bar is not None:
            self.bar.update(done - self.done)
        self.done = done


def _discard() -> None:
    """Roll back a failed or trial import; a lost connection has rolled back already."""
    try:
        db.session.rollback()
    except DBAPIError:
        pass


def _run(file: Path, dry_run: bool) -> ImportReport:
    """Import the file and commit (unless a dry run); raise ClickException on any failure."""
    total = _count_lines(file)
    try:
        with ExitStack() as stack, file.open("rb") as stream:
            bars = _Bars(stack, total) if total >= PROGRESS_FROM else None
            report = import_offers(db.session, stream, file.name, dry_run, bars)
    except BankError as exc:
        _discard()
        raise click.ClickException(f"{exc.message} (nothing was imported)") from None
    except OperationalError:
        _discard()
        raise click.ClickException(
            f"{file.name}: lost the connection to the database (nothing was imported)"
        ) from None
    except BaseException:
        _discard()
        raise
    if dry_run:
        _discard()
        return report
    try:
        db.session.commit()
    except DBAPIError as exc:
        raise click.ClickException(
            f"{file.name}: the database did not confirm the import "
            f"({type(exc.orig).__name__}); check with `bank export offers` whether it was saved"
        ) from None
    return report


@click.command("offers")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file only; save nothing.")
@with_appcontext
def import_offers_command(file: Path, dry_run: bool) -> None:
    """Import offers from FILE (JSON Lines): all lines or none; matched on id."""
    report = _run(file, dry_run)
    for key, lines in report.ignored.items():
        shown = ", ".join(map(str, lines[:5])) + (" …" if len(lines) > 5 else "")
        click.echo(f"Ignored unknown field {key!r} on line(s) {shown}.", err=True)
    counts = (
        f"{report.offers} offers: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged"
    )
    if dry_run:
        click.echo(f"{file.name} is valid. {counts} (dry run: nothing was saved).")
    else:
        version = f"; catalogue version {report.version}" if report.version else ""
        took = ", ".join(f"{STAGES[k].lower()} {v:.1f} s" for k, v in report.seconds.items())
        click.echo(f"Imported {file.name}. {counts}{version} ({took}).")


@click.command("offers")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
@with_appcontext
def export_offers_command(file: str) -> None:
    """Export every offer (all statuses) to FILE as JSON Lines; '-' writes to stdout."""
    if file == "-":
        count = export_offers(db.session, sys.stdout)
        click.echo(f"Exported {count} offers.", err=True)
        return
    with open(file, "w", encoding="utf-8") as stream:
        count = export_offers(db.session, stream)
    click.echo(f"Exported {count} offers to {file}.")
