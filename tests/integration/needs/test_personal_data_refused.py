"""The seven kinds of text the outside probe got published (finding 1) are refused on the
page and in the service behind it, and a unit member never reads them through the API."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bank.errors import Invalid
from bank.needs import consent, courses, goals, needs
from bank.needs.models import Need, NeedState

SEVEN = [
    ("Mors CPR-nr.090620-2797 står i sagen.", "CPR-nummer"),
    ("Ring til hende på 12.34.56.78 efter skole.", "telefonnummer"),
    ("Skriv til ung (at) mail (dot) dk, hvis der er nyt.", "e-mailadresse"),
    ("Fiktivsens mor vil gerne deltage i møderne.", "navn"),
    ("Ung-A vil gerne i praktik i en butik.", "navn"),
    ("Hun bor på Toften 7 og går i skole i byen.", "adresse"),
    ("Far bor på Ringvej Syd 104 og vil gerne hjælpe.", "adresse"),
]


@pytest.fixture
def course(world):
    """A course for Ung A, whose mother Gitte Fiktivsen is recorded, with consent to publish."""
    coordinator = world.coordinator
    course = courses.create_course(
        world.session, coordinator, "Ung A", date.today().year - 16, ["Gitte Fiktivsen"]
    )
    consent.record_consent(world.session, coordinator, course, "oral", date.today(), True)
    goals.add_goal(world.session, coordinator, course, "life", "Jeg vil have et fritidsjob")
    world.session.commit()
    return course


@pytest.mark.parametrize(("description", "kind"), SEVEN)
def test_the_probes_texts_are_refused_on_the_page_with_what_was_found(
    world, client, auth, course, description, kind
):
    auth.login(world.coordinator)
    form = {
        "goal_id": course.goals[0].id,
        "title": "Hjælp til at finde et fritidsjob",
        "description": description,
        "tags": ["job"],
        "action": "publish",
    }
    refused = client.post(f"/forloeb/{course.id}/behov/nyt", data=form)
    assert refused.status_code == 422
    assert f"Beskrivelse indeholder et {kind}" in refused.get_data(as_text=True) or (
        f"Beskrivelse indeholder en {kind}" in refused.get_data(as_text=True)
    )
    assert world.session.scalars(sa.select(Need)).all() == []


@pytest.mark.parametrize(("description", "kind"), SEVEN)
def test_the_probes_texts_are_never_published_so_a_unit_member_cannot_read_them_by_api(
    world, client, auth, course, description, kind
):
    need = needs.create_need(
        world.session,
        world.coordinator,
        course,
        course.goals[0].id,
        "Hjælp til at finde et fritidsjob",
        description,
        ["job"],
    )
    world.session.commit()
    with pytest.raises(Invalid) as refused:
        needs.publish_need(world.session, world.coordinator, need)
    assert "description" in refused.value.errors
    world.session.rollback()
    auth.login(world.coordinator)
    assert client.post(f"/behov/{need.id}/offentliggoer").status_code == 422
    assert world.session.get(Need, need.id).state == NeedState.DRAFT
    auth.logout()
    auth.login(world.member)
    assert client.get(f"/api/needs/{need.id}").status_code == 404
    listed = client.get("/api/needs").get_json()
    items = listed["items"] if isinstance(listed, dict) else listed
    assert all(item["id"] != need.id for item in items)
