"""One HSDS 3 service read back into an offer's values; every problem names file and field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, NoReturn

from bank.errors import BankError
from bank.hsds.taxonomy import BY_KEY, FIELD_CODES, LADDER, LIST_FIELDS, TAGS
from bank.offers.models import Referral

Fail = Callable[[str, str], NoReturn]  # raises HsdsImportFailed for a field and its problem
Terms = dict[str, tuple[Any, Any]]  # term id -> (taxonomy id, code), as the file gives them

REFERRALS = {r.label: r.value for r in Referral}
TEXT = {"name": "title", "description": "description", "eligibility_description": "target_group"}
AGES = {"minimum_age": "age_min", "maximum_age": "age_max"}
CODE_FIELDS = {code: field for field, code in FIELD_CODES.items()}
# Offer field -> where it sits in an HSDS service, to name it in an error.
PATHS = {
    "title": "name",
    "age_min": "minimum_age",
    "age_max": "maximum_age",
    "target_group": "eligibility_description",
    "contact": "contacts[0].name",
    "unit": "organization_id",
    "reviewed_at": "assured_date",
    "ref": "id",
    "referral": "application_process",
}


class HsdsImportFailed(BankError):
    """A record of an HSDS directory is wrong; nothing of the directory was saved."""

    status = 422

    def __init__(self, filename: str, path: str, problem: str):
        super().__init__(f"{filename}: {path}: {problem}", field=path)


def offer_path(field: str | None) -> str:
    """Return where an offer field comes from in an HSDS service."""
    if field is None:
        return ""
    return PATHS.get(field, field if field in TEXT.values() else f"attributes ({field})")


def _text(record: dict, key: str, fail: Fail) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        fail(key, "must be a string")
    return value


def _contact(record: dict, fail: Fail) -> str:
    contacts = record.get("contacts") or []
    if not isinstance(contacts, list) or not all(isinstance(c, dict) for c in contacts):
        fail("contacts", "must be a list of contact objects")
    if not contacts:
        return ""
    first = contacts[0]
    phones = [p.get("number") for p in first.get("phones") or [] if isinstance(p, dict)]
    parts = [first.get("name"), first.get("email"), *phones[:1]]
    return ", ".join(str(p) for p in parts if p)


def _ages(record: dict, values: dict, fail: Fail) -> None:
    for key, field in AGES.items():
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            fail(key, "must be a whole number")
        values[field] = int(value)


def _assured(record: dict, values: dict, fail: Fail) -> None:
    raw = record.get("assured_date")
    if raw is None:
        return
    try:
        day = date.fromisoformat(str(raw)[:10])
    except ValueError:
        fail("assured_date", "must be a date (YYYY-MM-DD)")
    values["reviewed_at"] = datetime(day.year, day.month, day.day, tzinfo=UTC)


def _attribute(values: dict, taxonomy: str, code: str, value: str, where: str, fail: Fail) -> None:
    if taxonomy == TAGS:
        values["tags"].append(code)
    elif taxonomy == LADDER:
        if code not in {"1", "2", "3", "4", "5", "6"}:
            fail(where, f"no step {code} on the intervention ladder")
        values["step"] = int(code)
    elif code == "keyword":
        values["tags"].append(value)
    elif code in CODE_FIELDS and CODE_FIELDS[code] in LIST_FIELDS:
        values[CODE_FIELDS[code]].append(value)
    elif code == "capacity":
        if not value.isdigit():
            fail(where + ".value", "must be a whole number of places")
        values["capacity"] = int(value)
    elif code in CODE_FIELDS:
        values[CODE_FIELDS[code]] = value


def _attributes(record: dict, values: dict, terms: Terms, fail: Fail) -> None:
    attributes = record.get("attributes") or []
    if not isinstance(attributes, list):
        fail("attributes", "must be a list")
    by_id = {BY_KEY[key].id: key for key in BY_KEY}
    for index, attribute in enumerate(attributes):
        where = f"attributes[{index}]"
        if not isinstance(attribute, dict):
            fail(where, "must be an attribute object")
        nested = attribute.get("taxonomy_term") or {}
        term_id = attribute.get("taxonomy_term_id") or nested.get("id")
        known = terms.get(term_id) if isinstance(term_id, str) else None
        taxonomy_id, code = known or (nested.get("taxonomy_id"), nested.get("code"))
        if taxonomy_id not in by_id:
            continue  # another directory's taxonomy: nothing of ours to keep
        value = attribute.get("value")
        if not isinstance(value, str):
            fail(where + ".value", "must be a string")
        _attribute(values, by_id[taxonomy_id], str(code), value, where, fail)


def service_values(record: object, where: str, filename: str, terms: Terms) -> dict:
    """Return an offer's values (ref, fields, unit id) from one HSDS service object."""

    def fail(field: str, problem: str) -> NoReturn:
        raise HsdsImportFailed(filename, f"{where}.{field}" if field else where, problem)

    if not isinstance(record, dict):
        fail("", "must be a service object")
    for key in ("id", "name", "status"):
        if not isinstance(record.get(key), str) or not record[key]:
            fail(key, "is required (a non-empty string)")
    values: dict = {"tags": [], **{field: [] for field in LIST_FIELDS}}
    for key, field in TEXT.items():
        text = _text(record, key, fail)
        if text is not None:
            values[field] = text
    values["contact"] = _contact(record, fail)
    referral = _text(record, "application_process", fail)
    values["referral"] = REFERRALS.get(referral or "")
    _ages(record, values, fail)
    _assured(record, values, fail)
    _attributes(record, values, terms, fail)
    values.setdefault("ref", record["id"])
    values["organization_id"] = record.get("organization_id") or (
        record.get("organization") or {}
    ).get("id")
    if not values["organization_id"]:
        fail("organization_id", "is required (the unit that delivers the service)")
    return values
