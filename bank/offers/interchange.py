"""Import and export of offers.jsonl (interchange.md): all or nothing, errors name file and line.

The import service checks every line, then applies them in the caller's transaction; on
any error (and on a dry run) it rolls the session back, so nothing is half-written. The
caller commits a successful import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import sqlalchemy as sa
from marshmallow import ValidationError
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Unit
from bank.auth.services import get_or_create_unit
from bank.errors import BankError
from bank.offers.catalogue import bump_catalogue_version
from bank.offers.fields import FIELDS
from bank.offers.models import Offer, OfferStatus
from bank.offers.schemas import UnitSchema, interchange_schema
from bank.offers.services import save

REQUIRED = ("id", "title", "description", "unit")
LISTS = {name for name, (kind, _label) in FIELDS.items() if kind == "lines"}
# What a field absent from a line means: an import line replaces the whole offer.
DEFAULTS = {name: [] if name in LISTS else None for name in FIELDS if name != "status"}
DEFAULTS.update({"title": "", "description": "", "problem": "", "target_group": ""})
DEFAULTS.update({"community": "", "contact": ""})


class ImportFailed(BankError):
    """A line of an import file is wrong; nothing of the file was saved."""

    status = 422

    def __init__(self, filename: str, line: int | None, field_name: str | None, problem: str):
        where = f"{filename}, line {line}" if line else filename
        where += f", field {field_name}" if field_name else ""
        super().__init__(f"{where}: {problem}", field=field_name)
        self.filename, self.line = filename, line


@dataclass
class ImportReport:
    """What an import did (or, on a dry run, would do)."""

    filename: str
    offers: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    ignored: dict[str, list[int]] = field(default_factory=dict)  # unknown key -> lines
    version: int | None = None  # the catalogue version after the import


def _first_error(messages: dict, prefix: str = "") -> tuple[str, str]:
    name, problem = next(iter(messages.items()))
    path = f"{prefix}.{name}" if prefix else str(name)
    if isinstance(problem, dict):
        return _first_error(problem, path)
    return path, problem[0] if isinstance(problem, list) else str(problem)


def read_jsonl(stream: IO[str], filename: str) -> Iterator[tuple[int, dict]]:
    """Yield (line number, object) for every non-blank line; raise ImportFailed on bad JSON."""
    try:
        for number, text in enumerate(stream, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ImportFailed(filename, number, None, f"not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise ImportFailed(filename, number, None, "is not a JSON object")
            yield number, record
    except UnicodeDecodeError:
        raise ImportFailed(filename, None, None, "is not UTF-8 text") from None


def parse_offer_line(record: dict, filename: str, number: int) -> dict:
    """Check one offers.jsonl object against the schema; return the values to save."""
    try:
        values = interchange_schema().load(record)
    except ValidationError as exc:
        raise ImportFailed(filename, number, *_first_error(exc.normalized_messages())) from None
    for name in REQUIRED:
        if name not in record:
            raise ImportFailed(filename, number, name, "is required")
    values.setdefault("status", OfferStatus.PUBLISHED)
    return {**DEFAULTS, **values}


def import_offers(
    session: Session,
    stream: IO[str],
    filename: str,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create or update (by id) every offer in the file, or nothing; see the module doc."""
    report = ImportReport(filename, dry_run=dry_run)
    schema_keys = set(interchange_schema().fields)
    try:
        lines = []
        seen: dict[str, int] = {}
        for number, record in read_jsonl(stream, filename):
            values = parse_offer_line(record, filename, number)
            if values["ref"] in seen:
                problem = f"id {values['ref']} is also on line {seen[values['ref']]}"
                raise ImportFailed(filename, number, "id", problem)
            seen[values["ref"]] = number
            for key in sorted(set(record) - schema_keys):
                report.ignored.setdefault(key, []).append(number)
            lines.append((number, values))
        existing = _existing(session, list(seen))
        for done, (number, values) in enumerate(lines, start=1):
            _apply_line(session, report, existing.get(values["ref"]), values, filename, number)
            if progress is not None:
                progress(done)
        if report.created or report.updated:
            report.version = bump_catalogue_version(session)
    except BaseException:
        session.rollback()
        raise
    if dry_run:
        session.rollback()
    return report


def _existing(session: Session, refs: list[str]) -> dict[str, Offer]:
    found: dict[str, Offer] = {}
    for start in range(0, len(refs), 500):
        query = sa.select(Offer).where(Offer.ref.in_(refs[start : start + 500]))
        found.update((o.ref, o) for o in session.scalars(query))
    return found


def _apply_line(session, report, offer, values, filename: str, number: int) -> None:
    if not str(values["unit"]).strip():
        raise ImportFailed(filename, number, "unit", "must not be empty")
    get_or_create_unit(session, values["unit"], values.pop("centre", None) or None)
    report.offers += 1
    before = offer.version_id if offer is not None else None
    try:
        offer = save(
            session,
            offer or Offer(ref=values["ref"]),
            None,
            values,
            OfferStatus(values["status"]),
            confirm_review=False,
            bump=False,
        )
    except BankError as exc:
        problem = exc.message.split(": ", 1)[-1]
        raise ImportFailed(filename, number, exc.field, problem) from None
    if before is None:
        report.created += 1
    elif offer.version_id != before:
        report.updated += 1
    else:
        report.unchanged += 1


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
                field_name, problem = _first_error(exc.normalized_messages())
                raise ImportFailed(path.name, number, field_name, problem) from None
            get_or_create_unit(
                session, values["name"], values.get("centre_name"), values.get("contact")
            )
            count += 1
    return count
