"""`bank import hsds`: an HSDS directory as draft offers, all or nothing; the round trip keeps."""

from __future__ import annotations

import json

import sqlalchemy as sa

from bank.auth.models import Centre, Unit
from bank.cli import main
from bank.hsds.taxonomy import uid
from bank.offers.models import Offer, OfferRevision, OfferStatus
from bank.offers.services import save
from tests.integration.hsds.conftest import read

FILES = ("services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json")


def empty_the_catalogue(session) -> None:
    """Delete every offer, unit and centre (the vocabulary stays)."""
    for model in (OfferRevision, Offer, Unit, Centre):
        session.execute(sa.delete(model))
    session.commit()


def offer_count(session) -> int:
    """Return how many offers the database holds."""
    return session.scalar(sa.select(sa.func.count(Offer.id)))


def test_export_import_export_keeps_every_field_the_standard_carries(
    runner, session, exported, tmp_path
):
    before = {name: read(exported, name) for name in FILES}
    empty_the_catalogue(session)
    result = runner.invoke(main, ["import", "hsds", str(exported)])
    assert result.exit_code == 0, result.output
    offers = session.scalars(sa.select(Offer)).all()
    assert len(offers) == len(before["services.json"])
    assert {o.status for o in offers} == {OfferStatus.DRAFT}
    for offer in offers:  # an editor's review, done here as the system
        save(session, offer, None, {}, OfferStatus.PUBLISHED, confirm_review=False)
    session.commit()
    again = tmp_path / "again"
    assert runner.invoke(main, ["export", "hsds", str(again)]).exit_code == 0
    after = {name: read(again, name) for name in FILES}
    for name in FILES[1:]:
        assert after[name] == before[name]

    def comparable(services):  # last_modified is when the receiving bank changed them
        return sorted(
            ({k: v for k, v in s.items() if k != "last_modified"} for s in services),
            key=lambda s: s["id"],
        )

    assert comparable(after["services.json"]) == comparable(before["services.json"])


def write(directory, services, organizations=None, terms=None) -> None:
    """Write an HSDS directory of these services (and organizations, taxonomy terms)."""
    directory.mkdir(exist_ok=True)
    (directory / "services.json").write_text(json.dumps(services), encoding="utf-8")
    if organizations is not None:
        (directory / "organizations.json").write_text(json.dumps(organizations))
    if terms is not None:
        (directory / "taxonomy_terms.json").write_text(json.dumps(terms))


def test_another_directorys_services_come_in_as_drafts(runner, session, tmp_path):
    org = {
        "id": "0e1b6c1a-0000-4000-8000-000000000001",
        "name": "Frivilligcenteret",
        "description": "Et frivilligcenter",
    }
    service = {
        "id": "0e1b6c1a-0000-4000-8000-000000000002",
        "name": "Lektiehjælp",
        "status": "active",
        "description": "Frivillige hjælper med lektier.",
        "minimum_age": 12,
        "maximum_age": 18.0,
        "organization": org,
        "contacts": [
            {
                "id": "0e1b6c1a-0000-4000-8000-000000000003",
                "name": "Kim",
                "email": "kim@example.org",
                "phones": [{"number": "+45 1234 5678"}],
            }
        ],
        "attributes": [
            {
                "id": "0e1b6c1a-0000-4000-8000-000000000004",
                "value": "x",
                "taxonomy_term": {"id": "t1", "taxonomy_id": "open-eligibility", "code": "youth"},
            }
        ],
    }
    write(tmp_path / "other", [service])
    result = runner.invoke(main, ["import", "hsds", str(tmp_path / "other")])
    assert result.exit_code == 0, result.output
    offer = session.scalars(sa.select(Offer)).one()
    assert (offer.ref, offer.title, offer.status) == (
        service["id"],
        "Lektiehjælp",
        OfferStatus.DRAFT,
    )
    assert (offer.age_min, offer.age_max, offer.unit.name) == (12, 18, "Frivilligcenteret")
    assert offer.contact == "Kim, kim@example.org, +45 1234 5678"
    assert offer.tags == []


def test_a_wrong_record_names_file_and_field_and_saves_nothing(runner, session, exported, tmp_path):
    services = read(exported, "services.json")
    organizations = read(exported, "organizations.json")
    terms = read(exported, "taxonomy_terms.json")
    cases = [
        (lambda s: s[3].pop("name"), "services.json: services[3].name: is required"),
        (
            lambda s: s[1].update(minimum_age="12"),
            "services.json: services[1].minimum_age: must be a whole number",
        ),
        (
            lambda s: s[2].update(minimum_age=30, maximum_age=20),
            "services.json: services[2].maximum_age: must not be lower than age_min",
        ),
        (
            lambda s: s[0].update(organization_id=uid("unit", "ingen"), organization={}),
            "services.json: services[0].organization_id: no organization with id",
        ),
        (
            lambda s: s[4]["attributes"][0].update(value=7),
            "services.json: services[4].attributes[0].value: must be a string",
        ),
        (lambda s: s.append(dict(s[0])), f"services.json: services[{len(services)}].id"),
    ]
    empty_the_catalogue(session)
    for number, (spoil, message) in enumerate(cases):
        broken = json.loads(json.dumps(services))
        spoil(broken)
        write(tmp_path / f"broken{number}", broken, organizations, terms)
        result = runner.invoke(main, ["import", "hsds", str(tmp_path / f"broken{number}")])
        assert result.exit_code != 0
        assert message in result.output and "nothing was imported" in result.output
        assert offer_count(session) == 0
    assert runner.invoke(main, ["import", "hsds", str(exported)]).exit_code == 0
    twice = runner.invoke(main, ["import", "hsds", str(exported)])
    assert "services.json: services[0].id: an offer with id dm-o001 exists" in twice.output
    assert offer_count(session) == len(services)


def test_a_directory_without_services_is_refused(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["import", "hsds", str(tmp_path / "empty")])
    assert result.exit_code != 0 and "services.json: file: not found" in result.output
    (tmp_path / "empty" / "services.json").write_text("{not json")
    result = runner.invoke(main, ["import", "hsds", str(tmp_path / "empty")])
    assert result.exit_code != 0 and "services.json: file: is not UTF-8 JSON" in result.output
