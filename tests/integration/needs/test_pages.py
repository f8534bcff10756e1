"""The need bank's pages, from the coordinator's course to the unit's bid and back."""

from __future__ import annotations

import re
from datetime import date, timedelta

import sqlalchemy as sa

from bank.needs import bids, courses
from bank.needs.models import Bid, BidState, Course, Need, NeedState


def text(response) -> str:
    """Return the response body as text."""
    return response.get_data(as_text=True)


def test_a_coordinator_writes_a_need_is_stopped_by_the_check_and_publishes_the_fixed_text(
    world, client, auth
):
    auth.login(world.coordinator)
    response = client.post(
        "/forloeb/nyt",
        data={
            "pseudonym": "Ung Q",
            "birth_year": str(date.today().year - 17),
            "family_names": "Jytte Ørnsbo",
        },
    )
    assert response.status_code == 302
    course = world.session.scalars(sa.select(Course)).one()
    assert "Ung Q" in text(client.get(response.location))
    client.post(
        f"/forloeb/{course.id}/samtykke",
        data={"kind": "written", "given_on": date.today().isoformat(), "covers_publishing": "1"},
    )
    client.post(f"/forloeb/{course.id}/maal", data={"kind": "life", "text": "Jeg vil have et job"})
    goal_id = course.goals[0].id
    need = {
        "goal_id": goal_id,
        "title": "Et fritidsjob",
        "tags": ["job"],
        "action": "publish",
        "description": "Hun vil gerne arbejde. Ring til Jytte på 23 45 67 89.",
    }
    refused = client.post(f"/forloeb/{course.id}/behov/nyt", data=need)
    assert refused.status_code == 422
    page = text(refused)
    assert "telefonnummer: »23 45 67 89«" in page and "navn: »Jytte«" in page
    assert world.session.scalars(sa.select(Need)).all() == []  # nothing half-written
    need["description"] = "Hun vil gerne arbejde et par timer om ugen efter skole."
    published = client.post(f"/forloeb/{course.id}/behov/nyt", data=need)
    assert published.status_code == 302
    assert world.session.scalars(sa.select(Need)).one().state == NeedState.PUBLISHED


def test_the_live_check_shows_what_it_found_as_the_coordinator_types(world, client, auth):
    course = world.course()
    auth.login(world.coordinator)
    response = client.post(
        f"/forloeb/{course.id}/behov/tjek",
        headers={"HX-Request": "true"},
        data={"title": "Hjælp", "description": "Skriv til zebra@mail.dk"},
    )
    assert "e-mailadresse: »zebra@mail.dk«" in text(response)
    assert "<html" not in text(response)


def test_only_the_course_people_open_a_course_page(world, client, auth):
    course = world.course()
    for user, status in (
        (world.member, 403),
        (world.other_coordinator, 403),
        (world.coordinator, 200),
        (world.admin, 200),
    ):
        auth.login(user)
        assert client.get(f"/forloeb/{course.id}").status_code == status
        auth.logout()


def test_a_unit_member_sees_ranked_needs_bids_and_then_sees_the_bid_accepted(world, client, auth):
    world.offer(
        "Ungdomsskolen",
        "Morgenmentor",
        "En voksen følger dig i skole om morgenen.",
        ["mentor", "fravaer", "skole"],
    )
    need = world.need()
    auth.login(world.member)
    board = text(client.get("/behov"))
    assert "Passer til jeres enhed" in board and "Morgenmentor" in board
    start = (date.today() + timedelta(days=7)).isoformat()
    response = client.post(
        f"/behov/{need.id}/bud",
        data={
            "title": "Mentor om morgenen",
            "activities": "Vi henter hende to dage om ugen.",
            "expected_outcomes": "Hun kommer i skole.",
            "who": "En mentor",
            "earliest_start": start,
            "duration_weeks": "10",
        },
    )
    assert response.status_code == 302
    bid = world.session.scalars(sa.select(Bid)).one()
    auth.logout()
    auth.login(world.coordinator)
    assert "Mentor om morgenen" in text(client.get(f"/behov/{need.id}"))
    client.post(f"/bud/{bid.id}/beslutning", data={"decision": "accepted"})
    auth.logout()
    auth.login(world.member)
    assert "Taget imod" in text(client.get(f"/bud/{bid.id}"))
    assert "Taget imod" in text(client.get("/bud"))


def test_a_bid_with_missing_fields_shows_the_form_again_with_danish_messages(world, client, auth):
    need = world.need()
    auth.login(world.member)
    response = client.post(f"/behov/{need.id}/bud", data={"title": "Bud"})
    assert response.status_code == 422
    assert "Skal udfyldes." in text(response)


def test_the_board_answers_htmx_with_only_the_results_and_varies_on_it(world, client, auth):
    world.need()
    auth.login(world.member)
    response = client.get("/behov?q=skole", headers={"HX-Request": "true"})
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in text(response) and "Hjælp til at komme i skole" in text(response)


def test_a_decided_bid_cannot_be_decided_again_from_the_page(world, client, auth):
    bid = world.bid(world.need())
    bids.decide_bid(world.session, world.coordinator, bid.id, "declined", "no_capacity")
    world.session.commit()
    auth.login(world.coordinator)
    response = client.post(
        f"/bud/{bid.id}/beslutning", data={"decision": "accepted"}, follow_redirects=True
    )
    assert "Buddet er allerede sagt nej tak." in text(response)
    world.session.expire_all()
    assert world.session.get(Bid, bid.id).state == BidState.DECLINED


def test_the_front_page_shows_the_inbox_panel_with_new_bids(world, client, auth):
    need = world.need()
    world.bid(need)
    auth.login(world.coordinator)
    home = text(client.get("/"))
    assert "Din indbakke" in home and "Nyt bud fra Ungdomsskolen" in home
    assert "Nyt bud fra Ungdomsskolen" in text(client.get("/indbakke"))


def test_withdrawing_consent_on_the_page_takes_the_needs_down(world, client, auth):
    need = world.need()
    auth.login(world.coordinator)
    client.post(f"/forloeb/{need.course_id}/samtykke/tilbagekald")
    world.session.expire_all()
    assert world.session.get(Need, need.id).state == NeedState.WITHDRAWN
    auth.logout()
    auth.login(world.member)
    assert "Hjælp til at komme i skole" not in text(client.get("/behov"))


def test_leaders_and_admins_search_the_audit_log_and_nobody_can_change_it(world, client, auth):
    course = world.course()
    courses.open_course(world.session, world.coordinator, course.id)
    world.session.commit()
    auth.login(world.leader)
    page = text(client.get(f"/adgangslog?type=course&id={course.id}"))
    assert "Sara Tovholder" in page and "Læst" in page
    assert client.post("/adgangslog").status_code == 405
    auth.logout()
    auth.login(world.coordinator)
    assert client.get("/adgangslog").status_code == 403


def test_every_form_on_the_course_page_carries_a_csrf_token(world, client, auth):
    world.need()
    auth.login(world.coordinator)
    page = text(client.get(f"/forloeb/{world.session.scalars(sa.select(Course)).one().id}"))
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S)
    assert forms and all('name="csrf_token"' in form for form in forms)


def test_the_need_form_opens_with_the_chosen_goal_and_the_vocabulary(world, client, auth):
    need = world.need(publish=False)
    auth.login(world.coordinator)
    page = text(client.get(f"/forloeb/{need.course_id}/behov/nyt?maal={need.goal_id}"))
    assert f'<option value="{need.goal_id}" selected>' in page
    assert "Fravær og mødestabilitet" in page
    edit = text(client.get(f"/behov/{need.id}/rediger"))
    assert need.title in edit and 'value="fravaer" checked' in edit
