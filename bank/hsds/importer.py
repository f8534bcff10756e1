"""`bank import hsds DIR`: an HSDS 3 directory brought in as draft offers, all or nothing.

DIR must hold services.json (a JSON array of services); organizations.json gives the units
and their centres (a service's nested `organization` does too), taxonomy_terms.json the
terms its attributes point at. Every service becomes a draft offer an editor then reviews;
organizations become units under their parent organization as centre. On any error nothing
is saved (the caller, `bank import hsds`, rolls back), and the message names the file and the
field (e.g. services.json: services[3].name).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.services import get_or_create_unit
from bank.errors import BankError
from bank.hsds.parse import HsdsImportFailed, Terms, offer_path, service_values
from bank.offers.catalogue import bump_catalogue_version
from bank.offers.models import Offer, OfferStatus
from bank.offers.services import save


@dataclass
class HsdsImportReport:
    """What an import did."""

    offers: int = 0
    units: int = 0


def read_array(directory: Path, name: str, required: bool = False) -> list:
    """Return the JSON array in directory/name ([] if absent and optional)."""
    path = directory / name
    if not path.exists():
        if required:
            raise HsdsImportFailed(name, "file", f"not found in {directory}")
        return []
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HsdsImportFailed(name, "file", f"is not UTF-8 JSON ({exc})") from None
    if not isinstance(records, list):
        raise HsdsImportFailed(name, "file", "must hold a JSON array")
    return records


def _terms(records: list) -> Terms:
    return {
        t["id"]: (t.get("taxonomy_id"), t.get("code"))
        for t in records
        if isinstance(t, dict) and isinstance(t.get("id"), str)
    }


def _organizations(records: list, services: list) -> dict[str, dict]:
    found = {}
    for index, org in enumerate(records):
        if not isinstance(org, dict) or not org.get("id") or not org.get("name"):
            raise HsdsImportFailed(
                "organizations.json",
                f"organizations[{index}]",
                "must be an organization with an id and a name",
            )
        found[org["id"]] = org
    for service in services:  # a nested organization stands in for a missing file
        nested = service.get("organization") if isinstance(service, dict) else None
        if isinstance(nested, dict) and nested.get("id") and nested.get("name"):
            found.setdefault(nested["id"], nested)
    return found


def _units(session: Session, orgs: dict[str, dict]) -> dict[str, str]:
    """Create a unit for every organization that is no other's parent; return id -> unit name."""
    parents = {o.get("parent_organization_id") for o in orgs.values()}
    units = {}
    for oid, org in orgs.items():
        if oid in parents:
            continue
        centre = orgs.get(org.get("parent_organization_id") or "", {}).get("name")
        contacts = org.get("contacts") or []
        contact = contacts[0].get("name") if contacts and isinstance(contacts[0], dict) else None
        get_or_create_unit(session, org["name"], centre, contact)
        units[oid] = org["name"]
    return units


def _add_offer(session: Session, values: dict, units: dict[str, str], where: str) -> None:
    oid = values.pop("organization_id")
    if oid not in units:
        raise HsdsImportFailed(
            "services.json",
            f"{where}.organization_id",
            f"no organization with id {oid} in the directory",
        )
    values["unit"] = units[oid]
    try:
        save(
            session,
            Offer(ref=values["ref"]),
            None,
            values,
            OfferStatus.DRAFT,
            confirm_review=False,
            bump=False,
        )
    except BankError as exc:
        problem = exc.message.split(": ", 1)[-1]
        raise HsdsImportFailed(
            "services.json", f"{where}.{offer_path(exc.field)}", problem
        ) from None


def import_directory(session: Session, directory: Path) -> HsdsImportReport:
    """Bring every service of an HSDS directory in as a draft offer, or nothing; see above."""
    report = HsdsImportReport()
    services = read_array(directory, "services.json", required=True)
    orgs = _organizations(read_array(directory, "organizations.json"), services)
    terms = _terms(read_array(directory, "taxonomy_terms.json"))
    parsed: list[tuple[str, dict]] = []
    seen: dict[str, str] = {}
    for index, record in enumerate(services):
        where = f"services[{index}]"
        values = service_values(record, where, "services.json", terms)
        ref = values["ref"]
        if len(ref) > 64:
            raise HsdsImportFailed("services.json", f"{where}.id", "is longer than 64 characters")
        if ref in seen:
            raise HsdsImportFailed("services.json", f"{where}.id", f"{ref} is also {seen[ref]}")
        if session.scalar(sa.select(Offer.id).where(Offer.ref == ref)) is not None:
            raise HsdsImportFailed(
                "services.json", f"{where}.id", f"an offer with id {ref} exists already"
            )
        seen[ref] = where
        parsed.append((where, values))
    units = _units(session, orgs)
    for where, values in parsed:
        _add_offer(session, values, units, where)
    report.offers, report.units = len(parsed), len(units)
    if parsed:
        bump_catalogue_version(session)
    return report
