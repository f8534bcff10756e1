"""`bank export hsds DIR`: the published catalogue as HSDS 3 JSON files, one per table.

DIR gets services.json (fully nested services), organizations.json (centres and units),
taxonomies.json and taxonomy_terms.json (the published taxonomy of the bank's vocabulary,
the intervention ladder and its own fields), each a JSON array of HSDS 3 objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from bank.hsds import catalogue

FILES = ("services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json")


@dataclass(frozen=True)
class ExportReport:
    """How many records of each kind were written."""

    services: int
    organizations: int
    taxonomies: int
    taxonomy_terms: int


def _write(path: Path, records: list[dict]) -> int:
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(records)


def export_directory(session: Session, directory: Path) -> ExportReport:
    """Write the published catalogue as HSDS 3 JSON files into directory (made if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    records = (
        catalogue.services(session),
        catalogue.organizations(session),
        catalogue.taxonomies(),
        catalogue.taxonomy_terms(session),
    )
    counts = [_write(directory / name, found) for name, found in zip(FILES, records, strict=True)]
    return ExportReport(*counts)
