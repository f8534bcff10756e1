"""The published catalogue read for HSDS: services, organizations, taxonomies, pages."""

from __future__ import annotations

import math
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Centre, Unit
from bank.hsds.records import (
    centre_id,
    centre_organization,
    service,
    service_id,
    unit_id,
    unit_organization,
)
from bank.hsds.taxonomy import TAXONOMIES, all_terms, taxonomy_to_hsds
from bank.offers.catalogue import catalogue_version
from bank.offers.models import Offer, OfferStatus, VocabularyTerm


def vocabulary(session: Session) -> dict[str, VocabularyTerm]:
    """Return the vocabulary by slug, in the order the terms were added."""
    return {
        t.slug: t for t in session.scalars(sa.select(VocabularyTerm).order_by(VocabularyTerm.id))
    }


def _unit_ids(session: Session, organization_id: str) -> list[int]:
    units = session.scalars(sa.select(Unit).options(selectinload(Unit.centre)))
    return [u.id for u in units if organization_id in organization_ids(u)]


def published_query(session: Session, search: str = "", organization_id: str = "") -> sa.Select:
    """Return the query of published offers (matching words, of one organization), oldest first."""
    query = sa.select(Offer).where(Offer.status == OfferStatus.PUBLISHED).order_by(Offer.id)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            sa.or_(
                sa.func.lower(Offer.title).like(pattern),
                sa.func.lower(Offer.description).like(pattern),
            )
        )
    if organization_id:
        query = query.where(Offer.unit_id.in_(_unit_ids(session, organization_id)))
    return query


def _load(session: Session, query: sa.Select) -> list[Offer]:
    return list(session.scalars(query.options(selectinload(Offer.unit).selectinload(Unit.centre))))


def published_offers(session: Session, search: str = "", organization_id: str = "") -> list[Offer]:
    """Return the published offers (optionally matching words or one unit), oldest first."""
    return _load(session, published_query(session, search, organization_id))


def organization_ids(unit: Unit) -> set[str]:
    """Return the ids of a unit's organization and of its centre's."""
    return {unit_id(unit.name)} | ({centre_id(unit.centre.name)} if unit.centre else set())


_SERVICE_IDS: dict[str, tuple[int, dict[str, int]]] = {}  # database -> (version, id -> row)


def find_service(session: Session, sid: str) -> Offer | None:
    """Return the published offer with this HSDS id, or None (ids mapped once per version)."""
    key, version = str(session.get_bind().engine.url), catalogue_version(session)
    cached = _SERVICE_IDS.get(key)
    if cached is None or cached[0] != version:
        rows = session.execute(
            sa.select(Offer.id, Offer.ref).where(Offer.status == OfferStatus.PUBLISHED)
        )
        cached = _SERVICE_IDS[key] = (version, {service_id(ref): row for row, ref in rows})
    row = cached[1].get(sid)
    found = _load(session, published_query(session).where(Offer.id == row)) if row else []
    return found[0] if found else None


def _has_term(record: dict, term_id: str, taxonomy_id: str) -> bool:
    return any(
        (not term_id or a["taxonomy_term_id"] == term_id)
        and (not taxonomy_id or a["taxonomy_term"]["taxonomy_id"] == taxonomy_id)
        for a in record["attributes"]
    )


def services(
    session: Session, full: bool = True, term_id: str = "", taxonomy_id: str = "", **filters: str
) -> list[dict]:
    """Return the published offers as HSDS services (only those with a term, if asked)."""
    terms = vocabulary(session)
    found = [service(offer, terms) for offer in published_offers(session, **filters)]
    if term_id or taxonomy_id:
        found = [s for s in found if _has_term(s, term_id, taxonomy_id)]
    return found if full else [list_shape(s) for s in found]


def services_page(
    session: Session,
    number: int,
    size: int,
    full: bool = False,
    term_id: str = "",
    taxonomy_id: str = "",
    **filters: str,
) -> dict:
    """Return one page of services; without a term filter only that page is read."""
    if term_id or taxonomy_id:
        return page(services(session, full, term_id, taxonomy_id, **filters), number, size)
    query = published_query(session, **filters)
    total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0
    terms = vocabulary(session)
    offers = _load(session, query.offset((number - 1) * size).limit(size))
    found = [service(offer, terms) for offer in offers]
    return page_of(found if full else [list_shape(s) for s in found], total, number, size)


def list_shape(record: dict) -> dict:
    """Return a full service in the list shape: one-to-one fields only."""
    shaped = {k: v for k, v in record.items() if k not in ("contacts", "attributes")}
    if "organization" in shaped:
        shaped["organization"] = {
            k: v for k, v in shaped["organization"].items() if k != "contacts"
        }
    return shaped


def organizations(session: Session, search: str = "") -> list[dict]:
    """Return every centre and every unit as HSDS organizations, centres first."""
    centres = session.scalars(sa.select(Centre).order_by(Centre.name))
    units = session.scalars(sa.select(Unit).options(selectinload(Unit.centre)).order_by(Unit.name))
    found = [*map(centre_organization, centres), *map(unit_organization, units)]
    needle = search.strip().lower()
    return [o for o in found if needle in o["name"].lower()] if needle else found


def taxonomies(search: str = "") -> list[dict]:
    """Return the bank's three published taxonomies."""
    found = [taxonomy_to_hsds(t) for t in TAXONOMIES]
    return [t for t in found if search.strip().lower() in t["name"].lower()]


def taxonomy_terms(session: Session, taxonomy_id: str = "", search: str = "") -> list[dict]:
    """Return every published taxonomy term (optionally of one taxonomy, or matching words)."""
    found = [term.to_hsds() for term in all_terms(vocabulary(session))]
    if taxonomy_id:
        found = [t for t in found if t["taxonomy_id"] == taxonomy_id]
    needle = search.strip().lower()
    return [t for t in found if needle in t["name"].lower()] if needle else found


def page(items: Sequence[dict], number: int, size: int) -> dict:
    """Return one page of items in the HSDS Page shape (total_items, page_number, contents…)."""
    return page_of(list(items[(number - 1) * size : number * size]), len(items), number, size)


def page_of(contents: list[dict], total: int, number: int, size: int) -> dict:
    """Return a page's contents with the HSDS Page fields, given the total."""
    total_pages = max(1, math.ceil(total / size))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
