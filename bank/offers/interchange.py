"""Import and export of offers.jsonl (interchange.md): all or nothing, errors name file and line.

The import first checks every line (`import_check`: JSON, schema, field limits, the rules a
save keeps, text the database can store), then saves in batches (`bulk`) in the caller's
transaction. The caller is the unit of work: it rolls back on any error (and after a dry
run), so nothing is half-written, and commits a successful import.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import IO

import sqlalchemy as sa
from marshmallow import ValidationError
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Unit
from bank.auth.services import get_or_create_unit
from bank.offers.bulk import save_lines
from bank.offers.import_check import (
    ImportFailed,
    ImportReport,
    Progress,
    check_lines,
    first_error,
    read_jsonl,
)
from bank.offers.models import Offer
from bank.offers.schemas import UnitSchema, interchange_schema

__all__ = ["ImportFailed", "ImportReport", "export_offers", "import_offers", "load_units"]


def import_offers(
    session: Session,
    stream: IO[str] | IO[bytes],
    filename: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Create or update (by id) every offer in the file, or nothing; see the module doc."""
    report = ImportReport(filename, dry_run=dry_run)
    started = time.perf_counter()
    lines = check_lines(stream, filename, report, progress)
    checked = time.perf_counter()
    save_lines(session, lines, report, progress)
    report.seconds = {"check": checked - started, "save": time.perf_counter() - checked}
    return report


def export_offers(session: Session, stream: IO[str]) -> int:
    """Write every offer (all statuses) as offers.jsonl, in the order they were added."""
    schema = interchange_schema()
    query = sa.select(Offer).options(selectinload(Offer.unit).selectinload(Unit.centre))
    count = 0
    for offer in session.scalars(query.order_by(Offer.id)):
        record = {k: v for k, v in schema.dump(offer).items() if v is not None}
        if not record.get("centre"):
            record.pop("centre", None)
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def load_units(session: Session, path: Path) -> int:
    """Create or update the units (and their centres) in a units.jsonl file."""
    schema = UnitSchema()
    count = 0
    with path.open(encoding="utf-8") as stream:
        for number, record in read_jsonl(stream, path.name):
            try:
                values = schema.load(record, unknown="exclude")
            except ValidationError as exc:
                field_name, problem = first_error(exc.normalized_messages())
                raise ImportFailed(path.name, number, field_name, problem) from None
            get_or_create_unit(
                session, values["name"], values.get("centre_name"), values.get("contact")
            )
            count += 1
    return count
