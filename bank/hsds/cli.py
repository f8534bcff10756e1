"""`bank export hsds DIR` and `bank import hsds DIR`: the catalogue in Open Referral HSDS 3."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from bank import db
from bank.errors import BankError
from bank.hsds.export import export_directory
from bank.hsds.importer import import_directory


@click.command("hsds")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def export_hsds_command(directory: Path) -> None:
    """Write the published catalogue as HSDS 3 JSON files into DIRECTORY."""
    report = export_directory(db.session, directory)
    click.echo(
        f"Wrote {report.services} services, {report.organizations} organizations, "
        f"{report.taxonomies} taxonomies and {report.taxonomy_terms} taxonomy terms "
        f"to {directory}."
    )


@click.command("hsds")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def import_hsds_command(directory: Path) -> None:
    """Bring the services of an HSDS 3 directory in as draft offers (all or nothing)."""
    try:
        report = import_directory(db.session, directory)
        db.session.commit()
    except BankError as exc:
        db.session.rollback()
        raise click.ClickException(f"{exc.message} (nothing was imported)") from exc
    except BaseException:
        db.session.rollback()  # all or nothing, whatever went wrong
        raise
    click.echo(
        f"Imported {report.offers} services as draft offers into {report.units} units; "
        "an editor reviews and publishes them."
    )
