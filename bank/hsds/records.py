"""Offers, units and centres as HSDS 3 services and organizations (the export side)."""

from __future__ import annotations

import uuid
from datetime import datetime

from bank.auth.models import Centre, Unit
from bank.hsds.taxonomy import (
    FIELD_CODES,
    LIST_FIELDS,
    Term,
    field_term,
    ladder_term,
    tag_term,
    uid,
)
from bank.offers.models import Offer, OfferStatus, VocabularyTerm

STATUS = {
    OfferStatus.PUBLISHED: "active",
    OfferStatus.DRAFT: "inactive",
    OfferStatus.RETIRED: "defunct",
}
OWN_FIELDS = tuple(f for f in FIELD_CODES if f not in ("ref", "keyword"))  # in a fixed order


def is_uuid(value: str) -> bool:
    """Return whether a string is a UUID in its canonical form."""
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def service_id(ref: str) -> str:
    """Return an offer's HSDS id: its ref if that is a UUID (it came from HSDS), else derived."""
    return ref if is_uuid(ref) else uid("offer", ref)


def unit_id(name: str) -> str:
    """Return a unit's HSDS organization id."""
    return uid("unit", name)


def centre_id(name: str) -> str:
    """Return a centre's HSDS organization id."""
    return uid("centre", name)


def timestamp(moment: datetime) -> str:
    """Return a moment as RFC 3339 in UTC with milliseconds, as HSDS asks."""
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def centre_organization(centre: Centre) -> dict:
    """Return a welfare centre as an HSDS organization."""
    return {
        "id": centre_id(centre.name),
        "name": centre.name,
        "description": "Velfærdscenter i kommunen.",
    }


def unit_organization(unit: Unit) -> dict:
    """Return a unit as an HSDS organization under its centre, with its contact."""
    oid = unit_id(unit.name)
    record: dict[str, object] = {
        "id": oid,
        "name": unit.name,
        "description": f"Enhed under {unit.centre_name}." if unit.centre else "Enhed.",
    }
    if unit.centre:
        record["parent_organization_id"] = centre_id(unit.centre.name)
    if unit.contact:
        record["contacts"] = [
            {"id": uid("unit-contact", unit.name), "organization_id": oid, "name": unit.contact}
        ]
    return record


def _attribute(sid: str, term: Term, index: int, value: str, link_type: str) -> dict:
    return {
        "id": uid("attribute", f"{sid}:{term.taxonomy}:{term.code}:{index}"),
        "link_id": sid,
        "link_type": link_type,
        "link_entity": "service",
        "taxonomy_term_id": term.id,
        "value": value,
        "taxonomy_term": term.to_hsds(),
    }


def attributes(offer: Offer, sid: str, vocabulary: dict[str, VocabularyTerm]) -> list[dict]:
    """Return the offer's own fields as HSDS attributes: id, tags, step, programme theory."""
    found = [_attribute(sid, field_term("ref"), 0, offer.ref, "identifier")]
    for index, tag in enumerate(offer.tags):
        if tag in vocabulary:
            found.append(_attribute(sid, tag_term(tag, vocabulary), index, tag, "tag"))
        else:
            found.append(_attribute(sid, field_term("keyword"), index, tag, "tag"))
    if offer.step is not None:
        found.append(_attribute(sid, ladder_term(offer.step), 0, str(offer.step), "step"))
    for field in OWN_FIELDS:
        value = getattr(offer, field)
        lines = value if field in LIST_FIELDS else [] if value in (None, "") else [str(value)]
        for index, line in enumerate(lines):
            found.append(_attribute(sid, field_term(field), index, line, "field"))
    return found


def service(offer: Offer, vocabulary: dict[str, VocabularyTerm]) -> dict:
    """Return an offer as a fully nested HSDS service."""
    sid = service_id(offer.ref)
    record: dict = {
        "id": sid,
        "name": offer.title,
        "description": offer.description,
        "status": STATUS[offer.status],
        "last_modified": timestamp(offer.updated_at),
    }
    if offer.unit is not None:
        record["organization_id"] = unit_id(offer.unit.name)
    optional = {
        "eligibility_description": offer.target_group or None,
        "minimum_age": offer.age_min,
        "maximum_age": offer.age_max,
        "application_process": offer.referral.label if offer.referral else None,
        "assured_date": offer.reviewed_at.date().isoformat() if offer.reviewed_at else None,
    }
    record.update({k: v for k, v in optional.items() if v is not None})
    if offer.unit is not None:
        record["organization"] = unit_organization(offer.unit)
    if offer.contact:
        record["contacts"] = [{"id": uid("contact", sid), "service_id": sid, "name": offer.contact}]
    record["attributes"] = attributes(offer, sid, vocabulary)
    return record
