"""`bank import offers` and `bank export offers`: the catalogue as JSON Lines (interchange.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from bank import db
from bank.errors import BankError
from bank.offers.interchange import export_offers, import_offers

PROGRESS_FROM = 200  # lines; shorter files import without a progress bar


def _count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


@click.command("offers")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file only; save nothing.")
@with_appcontext
def import_offers_command(file: Path, dry_run: bool) -> None:
    """Import offers from FILE (JSON Lines): all lines or none; matched on id."""
    total = _count_lines(file)
    try:
        with file.open(encoding="utf-8") as stream:
            if total >= PROGRESS_FROM:
                with click.progressbar(length=total, label="Importing", file=sys.stderr) as bar:
                    state = {"done": 0}

                    def step(done: int) -> None:
                        bar.update(done - state["done"])
                        state["done"] = done

                    report = import_offers(db.session, stream, file.name, dry_run, step)
            else:
                report = import_offers(db.session, stream, file.name, dry_run)
        if not dry_run:
            db.session.commit()
    except BankError as exc:
        db.session.rollback()
        raise click.ClickException(f"{exc.message} (nothing was imported)") from exc
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
        click.echo(f"Imported {file.name}. {counts}{version}.")


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
