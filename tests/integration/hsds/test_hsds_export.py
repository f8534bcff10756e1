"""`bank export hsds`: the published catalogue as HSDS 3 JSON that validates."""

from __future__ import annotations

from datetime import datetime

from bank.hsds.records import service_id
from bank.hsds.taxonomy import BY_KEY, FIELDS, LADDER, TAGS
from bank.offers.models import OfferStatus
from tests.hsds3 import definition_errors, service_errors
from tests.integration.hsds.conftest import read


def test_every_exported_record_validates_against_the_hsds_3_schemas(exported):
    services = read(exported, "services.json")
    assert services and all(service_errors(s) == [] for s in services), [
        (s["name"], service_errors(s)) for s in services if service_errors(s)
    ][:3]
    for name, definition in (
        ("organizations.json", "organization"),
        ("taxonomies.json", "taxonomy"),
        ("taxonomy_terms.json", "taxonomy_term"),
    ):
        records = read(exported, name)
        assert records and [definition_errors(definition, r) for r in records] == [
            [] for _ in records
        ]
    for record in services:
        datetime.fromisoformat(record["last_modified"])  # RFC 3339


def test_the_export_holds_the_published_offers_only_with_links_that_resolve(
    exported, demo_catalogue
):
    services = read(exported, "services.json")
    published = [o for o in demo_catalogue.values() if o.status == OfferStatus.PUBLISHED]
    assert len(published) < len(demo_catalogue)
    assert sorted(s["id"] for s in services) == sorted(service_id(o.ref) for o in published)
    assert {s["status"] for s in services} == {"active"}
    organizations = {o["id"]: o for o in read(exported, "organizations.json")}
    terms = {t["id"]: t for t in read(exported, "taxonomy_terms.json")}
    taxonomies = {t["id"] for t in read(exported, "taxonomies.json")}
    assert {t["taxonomy_id"] for t in terms.values()} == taxonomies
    for record in services:
        assert record["organization_id"] in organizations
        for attribute in record["attributes"]:
            assert attribute["taxonomy_term_id"] in terms and attribute["link_id"] == record["id"]
    parents = {o.get("parent_organization_id") for o in organizations.values()} - {None}
    assert parents and parents <= set(organizations)


def test_an_offer_maps_to_the_standard_fields_and_our_attributes(exported, demo_catalogue):
    offer = demo_catalogue["dm-o001"]
    record = next(s for s in read(exported, "services.json") if s["id"] == service_id(offer.ref))
    assert (record["name"], record["description"]) == (offer.title, offer.description)
    assert record["eligibility_description"] == offer.target_group
    assert (record["minimum_age"], record["maximum_age"]) == (14, 17)
    assert record["organization"]["name"] == "Ungeindsatsen"
    assert record["contacts"][0]["name"] == offer.contact
    terms = {t["id"]: t for t in read(exported, "taxonomy_terms.json")}
    by_taxonomy: dict[str, list[tuple[str, str]]] = {}
    for attribute in record["attributes"]:
        assert "taxonomy_term" not in attribute  # each term is written once, in its own file
        term = terms[attribute["taxonomy_term_id"]]
        key = next(k for k, t in BY_KEY.items() if t.id == term["taxonomy_id"])
        by_taxonomy.setdefault(key, []).append((term["code"], attribute["value"]))
    assert [code for code, _ in by_taxonomy[TAGS]] == offer.tags
    assert by_taxonomy[LADDER] == [("1", "1")]
    fields = by_taxonomy[FIELDS]
    assert ("kompetencebanken_id", "dm-o001") in fields
    assert ("problem", offer.problem) in fields
    assert [v for c, v in fields if c == "activities"] == offer.activities
    assert [v for c, v in fields if c == "legal_basis"] == offer.legal_basis
