"""Read-only HSDS 3 endpoints under /hsds/, following the Open Referral HSDS OpenAPI.

Anyone may read them: they show the published catalogue only. Lists are paginated as the
standard says (`page`, `per_page`; answers carry total_items, total_pages, page_number,
size, first_page, last_page, empty and the `contents`).
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from bank import db
from bank.hsds import catalogue
from bank.hsds.records import STATUS, service_id
from bank.hsds.records import service as to_service
from bank.hsds.taxonomy import TAXONOMIES, taxonomy_to_hsds

bp = Blueprint("hsds", __name__, url_prefix="/hsds")
HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50


class BadQuery(Exception):
    """A query parameter is not what the HSDS API takes."""


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"code": status, "message": message}), status


@bp.errorhandler(BadQuery)
def _bad_query(exc: BadQuery):
    return _error(400, str(exc))


def _int(name: str, default: int, highest: int | None = None) -> int:
    raw = request.args.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1 or (highest is not None and int(raw) > highest):
        limit = f" from 1 to {highest}" if highest else " of at least 1"
        raise BadQuery(f"query parameter {name} must be a whole number{limit}")
    return int(raw)


def _bool(name: str) -> bool:
    raw = request.args.get(name, "false").lower()
    if raw not in ("true", "false", "1", "0"):
        raise BadQuery(f"query parameter {name} must be true or false")
    return raw in ("true", "1")


def _page(items: list[dict]):
    number = _int("page", 1)
    size = _int("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    return jsonify(catalogue.page(items, number, size))


@bp.get("/")
def about():
    """Tell which HSDS version this API follows and where its OpenAPI document is."""
    return jsonify(
        {
            "version": HSDS_VERSION,
            "profile": "https://docs.openreferral.org/en/3.0/",
            "openapi_url": OPENAPI_URL,
        }
    )


@bp.get("/services")
def services():
    """List published services, one-to-one fields only (full=true: nested), a page at a time."""
    return jsonify(
        catalogue.services_page(
            db.session,
            _int("page", 1),
            _int("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
            full=_bool("full"),
            term_id=request.args.get("taxonomy_term_id", ""),
            taxonomy_id=request.args.get("taxonomy_id", ""),
            search=request.args.get("search", ""),
            organization_id=request.args.get("organization_id", ""),
        )
    )


@bp.get("/services/<sid>")
def service(sid: str):
    """Return one published service, fully nested."""
    offer = catalogue.find_service(db.session, sid)
    if offer is None:
        return _error(404, f"no published service with id {sid}")
    return jsonify(to_service(offer, catalogue.vocabulary(db.session)))


@bp.get("/organizations")
def organizations():
    """List the centres and units, a page at a time."""
    return _page(catalogue.organizations(db.session, request.args.get("search", "")))


@bp.get("/organizations/<oid>")
def organization(oid: str):
    """Return one organization with the ids, names and status of its published services."""
    found = next((o for o in catalogue.organizations(db.session) if o["id"] == oid), None)
    if found is None:
        return _error(404, f"no organization with id {oid}")
    offers = catalogue.published_offers(db.session, organization_id=oid)
    found["services"] = [
        {"id": service_id(o.ref), "name": o.title, "status": STATUS[o.status]} for o in offers
    ]
    return jsonify(found)


@bp.get("/taxonomies")
def taxonomies():
    """List the bank's published taxonomies."""
    return _page(catalogue.taxonomies(request.args.get("search", "")))


@bp.get("/taxonomies/<tid>")
def taxonomy(tid: str):
    """Return one taxonomy."""
    found = next((taxonomy_to_hsds(t) for t in TAXONOMIES if t.id == tid), None)
    return jsonify(found) if found else _error(404, f"no taxonomy with id {tid}")


@bp.get("/taxonomy_terms")
def taxonomy_terms():
    """List the published taxonomy terms (of one taxonomy with taxonomy_id), a page at a time."""
    return _page(
        catalogue.taxonomy_terms(
            db.session, request.args.get("taxonomy_id", ""), request.args.get("search", "")
        )
    )


@bp.get("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id: str):
    """Return one taxonomy term."""
    found = next((t for t in catalogue.taxonomy_terms(db.session) if t["id"] == term_id), None)
    return jsonify(found) if found else _error(404, f"no taxonomy term with id {term_id}")
