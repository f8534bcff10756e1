"""`bank export hsds DIR`: the published catalogue as HSDS 3 JSON files, one per table.

DIR gets services.json (nested services; each attribute names its term by id only),
organizations.json (centres and units),
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
    """Write a JSON array with one record per line (compact, so the C encoder does the work)."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    path.write_text(f"[\n{lines}\n]\n" if records else "[]\n", encoding="utf-8")
    return len(records)


def _terms_by_id(services: list[dict]) -> list[dict]:
    """Drop each attribute's nested term: taxonomy_terms.json holds every term once."""
    for record in services:
        for attribute in record.get("attributes", []):
            attribute.pop("taxonomy_term", None)
    return services


def export_directory(session: Session, directory: Path) -> ExportReport:
    """Write the published catalogue as HSDS 3 JSON files into directory (made if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    records = (
        _terms_by_id(catalogue.services(session)),
        catalogue.organizations(session),
        catalogue.taxonomies(),
        catalogue.taxonomy_terms(session),
    )
    counts = [_write(directory / name, found) for name, found in zip(FILES, records, strict=True)]
    return ExportReport(*counts)
