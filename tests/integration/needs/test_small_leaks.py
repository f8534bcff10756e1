"""The small leaks the outside probe found stay closed: a plan form shows only this course's
accepted bids and published offers, drafts reach only their own unit's editors (pages and
API), and refused attempts on citizen data are in the audit log."""

from __future__ import annotations

import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.needs import bids
from bank.offers.models import OfferStatus


def refusals(world) -> list[tuple[int | None, str, str, str]]:
    """Return (user id, record type, record id, detail) of every refused attempt."""
    world.session.rollback()  # the refusal is written in its own transaction
    query = sa.select(AuditEntry).where(AuditEntry.action == "refused").order_by(AuditEntry.id)
    return [(e.user_id, e.record_type, e.record_id, e.detail) for e in world.session.scalars(query)]


def accepted_bid(world, course, title: str):
    """Publish a need on the course, bid on it, and accept the bid."""
    need = world.need(course)
    bid = world.bid(need, title=title)
    bids.decide_bid(world.session, course.coordinator, bid.id, "accepted")
    world.session.commit()
    return bid


def test_a_plan_form_shows_only_this_courses_accepted_bids(world, client, auth):
    own = world.course()
    other = world.course(world.other_coordinator, pseudonym="Ung B")
    mine = accepted_bid(world, own, "Mentor til vores forløb")
    theirs = accepted_bid(world, other, "Hemmeligt bud til et andet forløb")
    auth.login(world.coordinator)
    shown = client.get(f"/forloeb/{own.id}/plan/ny?bud={mine.id}")
    assert shown.status_code == 200 and "Mentor til vores forløb" in shown.get_data(as_text=True)
    refused = client.get(f"/forloeb/{own.id}/plan/ny?bud={theirs.id}")
    assert refused.status_code == 404
    page = refused.get_data(as_text=True)
    assert "Hemmeligt bud" not in page and theirs.unit.name not in page
    huge = client.get(f"/forloeb/{own.id}/plan/ny?bud=99999999999999999999")
    assert huge.status_code in (400, 404)


def test_a_plan_form_shows_only_published_offers(world, client, auth):
    course = world.course()
    published = world.offer("Ungdomsskolen", "Åben lektiecafé", "Lektier hver tirsdag.", ["skole"])
    draft = world.offer("Jobcentret", "Hemmelig kladde", "Ikke færdig.", ["job"], ref="kladde")
    draft.status = OfferStatus.DRAFT
    world.session.commit()
    auth.login(world.coordinator)
    shown = client.get(f"/forloeb/{course.id}/plan/ny?tilbud={published.id}")
    assert shown.status_code == 200 and "Åben lektiecafé" in shown.get_data(as_text=True)
    refused = client.get(f"/forloeb/{course.id}/plan/ny?tilbud={draft.id}")
    assert refused.status_code == 404
    assert "Hemmelig kladde" not in refused.get_data(as_text=True)


def test_drafts_reach_only_their_own_units_editors_on_the_page_and_through_the_api(
    world, client, auth, quick_user
):
    theirs = world.offer("Jobcentret", "Jobcentrets kladde", "Ikke færdig.", ["job"], ref="jc-1")
    mine = world.offer("Ungeindsatsen", "Vores kladde", "Ikke færdig.", ["skole"], ref="ui-1")
    theirs.status = mine.status = OfferStatus.DRAFT
    world.session.commit()
    auth.login(world.editor)  # an editor of Ungeindsatsen
    assert client.get("/api/offers/jc-1").status_code == 404
    assert client.get("/tilbud/jc-1").status_code == 404
    assert client.get("/api/offers/ui-1").get_json()["title"] == "Vores kladde"
    listed = client.get("/api/offers?status=draft").get_json()
    assert [o["id"] for o in listed["items"]] == ["ui-1"]
    listed = client.get("/api/offers?status=draft&unit=Jobcentret").get_json()
    assert [o["id"] for o in listed["items"]] == ["ui-1"]
    page = client.get("/tilbud?status=draft").get_data(as_text=True)
    assert "Vores kladde" in page and "Jobcentrets kladde" not in page
    auth.logout()
    auth.login(world.admin)
    assert client.get("/api/offers/jc-1").get_json()["title"] == "Jobcentrets kladde"


def test_refused_attempts_on_citizen_data_are_in_the_audit_log(world, client, auth):
    course = world.course()
    need = world.need(course)
    bid = world.bid(need)
    auth.login(world.member)  # not on the course's team
    assert client.get(f"/forloeb/{course.id}").status_code == 403
    auth.logout()
    auth.login(world.third_member)  # neither the bidding unit nor the course
    assert client.get(f"/api/bids/{bid.id}").status_code in (403, 404)
    assert refusals(world) == [
        (world.member.id, "course", str(course.id), "open"),
        (world.third_member.id, "bid", str(bid.id), "read"),
    ]
