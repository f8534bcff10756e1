"""`bank export needs FILE`: the published needs as needs.jsonl (interchange.md)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click
from flask.cli import with_appcontext

from bank import db
from bank.needs.export import export_needs


@click.command("needs")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
@with_appcontext
def export_needs_command(file: str) -> None:
    """Export the published needs to FILE as JSON Lines; '-' writes to stdout."""
    if file == "-":
        count = export_needs(db.session, sys.stdout)
        db.session.commit()  # the CLI is its own unit of work: keep the export's audit entry
        click.echo(f"Exported {count} needs.", err=True)
        return
    target = Path(file)
    handle, temporary = tempfile.mkstemp(dir=target.parent or ".", suffix=".part")
    try:  # write beside the target, then rename: never half a file
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            count = export_needs(db.session, stream)
        db.session.commit()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    click.echo(f"Exported {count} needs to {file}.")
