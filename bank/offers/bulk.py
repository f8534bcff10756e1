"""Saving checked import lines in batches: new offers by bulk INSERT, changed offers through the
ORM (with their version check), one revision set (one timestamp, no user) and one catalogue
version bump per import. Runs in the caller's transaction: all lines or none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from bank.auth.models import Unit
from bank.auth.services import get_or_create_unit
from bank.db import utcnow
from bank.offers.catalogue import bump_catalogue_version
from bank.offers.fields import FIELDS
from bank.offers.import_check import ImportFailed, ImportReport, Progress
from bank.offers.models import Offer, OfferRevision, OfferStatus, Referral
from bank.offers.revisions import record_changes, snapshot

BATCH = 2000
COLUMNS = [name for name in FIELDS if name not in ("unit", "status", "referral")]
Line = tuple[int, dict]


def _units(session: Session, lines: Sequence[Line]) -> dict[str, Unit]:
    """Create or fill in every unit (and centre) the file names, once each."""
    pairs = dict.fromkeys((v["unit"], v.get("centre") or None) for _n, v in lines)
    units: dict[str, Unit] = {}
    for name, centre in pairs:
        if name not in units or centre:
            units[name] = get_or_create_unit(session, name, centre)
    return units


def _existing(session: Session, refs: list[str]) -> dict[str, Offer]:
    found: dict[str, Offer] = {}
    for start in range(0, len(refs), 500):
        query = sa.select(Offer).where(Offer.ref.in_(refs[start : start + 500]))
        found.update((o.ref, o) for o in session.scalars(query))
    return found


def _row(values: dict, unit: Unit, now) -> dict:
    row = {name: values[name] for name in COLUMNS}
    referral = values.get("referral")
    row.update(
        ref=values["ref"],
        unit_id=unit.id,
        status=OfferStatus(values["status"]),
        referral=Referral(referral) if referral else None,
        created_at=now,
        updated_at=now,
        version_id=1,
    )
    return row


def _write(session: Session, table: sa.Table, rows: list[dict]) -> None:
    """Insert rows: PostgreSQL's COPY (values converted as SQLAlchemy binds them), or else
    one prepared statement executed for every row."""
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "postgresql":
        session.execute(table.insert(), rows)
        return
    names = list(rows[0])
    convert = [table.c[name].type.bind_processor(dialect) for name in names]
    driver: Any = connection.connection.driver_connection  # psycopg's connection, for COPY
    statement = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                [f(row[n]) if f else row[n] for n, f in zip(names, convert, strict=True)]
            )


def _insert(session: Session, rows: list[dict], now) -> None:
    """Insert new offers and their 'created' revisions with two multi-row statements."""
    if not rows:
        return
    _write(session, cast(sa.Table, Offer.__table__), rows)
    refs = [row["ref"] for row in rows]
    inserted = [
        pair
        for start in range(0, len(refs), 1000)
        for pair in session.execute(
            sa.select(Offer.id, Offer.ref).where(Offer.ref.in_(refs[start : start + 1000]))
        )
    ]
    revisions = [
        {
            "offer_id": offer_id,
            "version": 1,
            "at": now,
            "user_id": None,
            "field": "created",
            "old": "null",
            "new": json.dumps(ref, ensure_ascii=False),
        }
        for offer_id, ref in inserted
    ]
    _write(session, cast(sa.Table, OfferRevision.__table__), revisions)


def _apply(offer: Offer, values: dict, unit: Unit, now) -> tuple[dict, dict] | None:
    """Apply a line to an existing offer as a save would; return (before, after) if it changed."""
    before = snapshot(offer)
    if offer.unit is not unit:
        offer.unit = unit
    for name in COLUMNS:
        if getattr(offer, name) != values[name]:
            setattr(offer, name, values[name])
    referral = Referral(values["referral"]) if values.get("referral") else None
    if offer.referral != referral:
        offer.referral = referral
    offer.status = OfferStatus(values["status"])
    after = snapshot(offer)
    if before == after:
        return None
    offer.updated_at, offer.updated_by = now, None
    return before, after


def _save_batch(session, batch, existing, units, report, now) -> None:
    rows, changed = [], []
    for _number, values in batch:
        report.offers += 1
        unit = units[values["unit"]]
        offer = existing.get(values["ref"])
        if offer is None:
            report.created += 1
            rows.append(_row(values, unit, now))
        elif (change := _apply(offer, values, unit, now)) is None:
            report.unchanged += 1
        else:
            report.updated += 1
            changed.append((offer, *change))
    _insert(session, rows, now)
    session.flush()  # the changed offers' UPDATEs, each checking its version
    for offer, before, after in changed:
        record_changes(session, offer, None, before, after)


def _reason(exc: DBAPIError) -> str:
    text = str(exc.orig).strip() if exc.orig is not None else ""
    return text.splitlines()[0] if text else type(exc).__name__


def _database_failure(exc: DBAPIError, filename: str, batch: Sequence[Line]) -> ImportFailed:
    first, last = batch[0][0], batch[-1][0]
    span = first if first == last else f"{first}–{last}"
    if isinstance(exc, OperationalError) or exc.connection_invalidated:
        problem = "lost the connection to the database while saving"
    else:
        problem = f"the database refused the offers ({_reason(exc)})"
    return ImportFailed(filename, span, None, problem)


def save_lines(
    session: Session,
    lines: Sequence[Line],
    report: ImportReport,
    progress: Progress | None = None,
) -> None:
    """Save checked lines in batches; bump the catalogue version once if anything changed."""
    now = utcnow()
    batch: Sequence[Line] = ()
    try:
        units = _units(session, lines)
        existing = _existing(session, [values["ref"] for _n, values in lines])
        for start in range(0, len(lines), BATCH):
            batch = lines[start : start + BATCH]
            _save_batch(session, batch, existing, units, report, now)
            if progress is not None:
                progress("save", start + len(batch))
        session.flush()
        if report.created or report.updated:
            report.version = bump_catalogue_version(session)
    except DBAPIError as exc:
        if not batch:  # before the first batch: finding units and existing offers
            problem = f"cannot use the database ({_reason(exc)})"
            raise ImportFailed(report.filename, None, None, problem) from None
        raise _database_failure(exc, report.filename, batch) from None
