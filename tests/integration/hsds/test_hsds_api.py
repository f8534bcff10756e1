"""The read-only /hsds/ endpoints: every answer validates against HSDS 3, paginated as it says."""

from __future__ import annotations

import pytest

from bank.hsds.records import service_id
from bank.hsds.taxonomy import BY_KEY, LADDER, TAGS, uid
from bank.offers.models import OfferStatus
from bank.offers.services import save
from tests.hsds3 import definition_errors, page_errors, service_errors, service_list_errors


def every_page(client, path: str, per_page: int = 25) -> list[dict]:
    """Return the contents of every page of a list, checking each page's Page fields."""
    found, number = [], 1
    while True:
        body = client.get(f"{path}{'&' if '?' in path else '?'}page={number}&per_page={per_page}")
        body = body.get_json()
        assert page_errors(body) == []
        assert (body["page_number"], body["first_page"]) == (number, number == 1)
        assert body["size"] == len(body["contents"])
        found += body["contents"]
        if body["last_page"]:
            assert body["total_items"] == len(found)
            return found
        number += 1


def test_the_service_list_pages_through_the_published_catalogue(client, demo_catalogue):
    published = [o for o in demo_catalogue.values() if o.status == OfferStatus.PUBLISHED]
    listed = every_page(client, "/hsds/services")
    assert sorted(s["id"] for s in listed) == sorted(service_id(o.ref) for o in published)
    assert [service_list_errors(s) for s in listed] == [[] for _ in listed]
    assert all("attributes" not in s and "contacts" not in s for s in listed)
    first = client.get("/hsds/services?per_page=10").get_json()
    assert (first["total_pages"], first["size"], first["last_page"]) == (
        -(-len(published) // 10),
        10,
        False,
    )


def test_full_services_and_one_service_validate_fully_nested(client, demo_catalogue):
    full = client.get("/hsds/services?full=true&per_page=100").get_json()["contents"]
    assert full and [service_errors(s) for s in full] == [[] for _ in full]
    one = client.get(f"/hsds/services/{full[0]['id']}")
    assert one.status_code == 200 and one.get_json() == full[0]


def test_a_draft_or_unknown_service_is_404_json(client, demo_catalogue):
    draft = next(o for o in demo_catalogue.values() if o.status != OfferStatus.PUBLISHED)
    for sid in (service_id(draft.ref), "findes-ikke"):
        response = client.get(f"/hsds/services/{sid}")
        assert response.status_code == 404 and response.is_json


def test_organizations_taxonomies_and_terms_validate(client, demo_catalogue):
    organizations = every_page(client, "/hsds/organizations", per_page=5)
    assert [definition_errors("organization", o) for o in organizations] == [
        [] for _ in organizations
    ]
    unit = next(o for o in organizations if o["name"] == "Ungeindsatsen")
    body = client.get(f"/hsds/organizations/{unit['id']}").get_json()
    assert definition_errors("organization", body) == []
    assert body["services"] and [service_errors(s) for s in body["services"]] == [
        [] for _ in body["services"]
    ]
    taxonomies = every_page(client, "/hsds/taxonomies")
    assert len(taxonomies) == 3 and [definition_errors("taxonomy", t) for t in taxonomies] == [
        [],
        [],
        [],
    ]
    assert client.get(f"/hsds/taxonomies/{taxonomies[0]['id']}").get_json() == taxonomies[0]
    terms = every_page(client, "/hsds/taxonomy_terms", per_page=40)
    assert [definition_errors("taxonomy_term", t) for t in terms] == [[] for _ in terms]
    assert client.get(f"/hsds/taxonomy_terms/{terms[5]['id']}").get_json() == terms[5]
    ladder = every_page(client, f"/hsds/taxonomy_terms?taxonomy_id={BY_KEY[LADDER].id}")
    assert [t["code"] for t in ladder] == ["1", "2", "3", "4", "5", "6"]


def test_services_filter_by_term_taxonomy_organization_and_words(client, demo_catalogue):
    mentor = uid("term", f"{TAGS}:mentor")
    tagged = every_page(client, f"/hsds/services?taxonomy_term_id={mentor}&full=true")
    expected = [
        o
        for o in demo_catalogue.values()
        if o.status == OfferStatus.PUBLISHED and "mentor" in o.tags
    ]
    assert len(tagged) == len(expected) > 0
    with_step = every_page(client, f"/hsds/services?taxonomy_id={BY_KEY[LADDER].id}")
    stepped = [
        o
        for o in demo_catalogue.values()
        if o.status == OfferStatus.PUBLISHED and o.step is not None
    ]
    assert len(with_step) == len(stepped) > 0
    unit = uid("unit", "Ungeindsatsen")
    own = every_page(client, f"/hsds/services?organization_id={unit}")
    assert own and all(s["organization_id"] == unit for s in own)
    assert every_page(client, "/hsds/services?search=zzzz-intet") == []


def test_the_root_names_the_hsds_version(client):
    assert client.get("/hsds/").get_json()["version"] == "3.0"


@pytest.mark.parametrize(
    "query", ["page=0", "page=abc", "per_page=0", "per_page=101", "full=måske"]
)
def test_a_bad_query_parameter_answers_400_naming_it(client, query):
    response = client.get(f"/hsds/services?{query}")
    assert response.status_code == 400 and query.split("=")[0] in response.get_json()["message"]


def test_a_page_past_the_end_is_empty(client, demo_catalogue):
    body = client.get("/hsds/services?page=99").get_json()
    assert page_errors(body) == [] and body["empty"] and body["contents"] == []


def test_a_service_published_after_a_lookup_is_found_at_once(client, session, demo_catalogue):
    draft = next(o for o in demo_catalogue.values() if o.status == OfferStatus.DRAFT)
    path = f"/hsds/services/{service_id(draft.ref)}"
    assert client.get(path).status_code == 404
    save(session, draft, None, {}, OfferStatus.PUBLISHED, confirm_review=False)
    session.commit()
    assert client.get(path).get_json()["name"] == draft.title
