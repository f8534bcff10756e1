"""The need bank's JSON API: the same rules as the pages, with JSON status codes."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

BID = {
    "title": "Mentor om morgenen",
    "activities": "Vi henter hende to dage om ugen.",
    "expected_outcomes": "Hun kommer i skole.",
    "who": "En mentor",
    "earliest_start": (date.today() + timedelta(days=3)).isoformat(),
    "duration_weeks": 10,
}


def test_the_api_needs_a_signed_in_user(world, client):
    response = client.get("/api/needs")
    assert response.status_code == 401 and response.is_json


def test_a_unit_lists_published_needs_with_the_age_band_only(world, client, auth):
    need = world.need()
    world.need(publish=False)
    auth.login(world.member)
    listed = client.get("/api/needs").get_json()
    assert [n["id"] for n in listed] == [need.id]
    assert listed[0]["age_band"] == "16–17" and listed[0]["unit"] == "Ungeindsatsen"
    assert set(listed[0]) == {
        "id",
        "title",
        "description",
        "goals",
        "tags",
        "age_band",
        "unit",
        "published_on",
        "state",
    }


def test_an_unpublished_need_is_404_for_a_unit(world, client, auth):
    draft = world.need(publish=False)
    auth.login(world.member)
    assert client.get(f"/api/needs/{draft.id}").status_code == 404
    assert client.get(f"/api/needs/{draft.id}/bids").status_code == 404


def test_a_unit_bids_through_the_api_and_the_coordinator_decides_once(world, client, auth):
    offer = world.offer(
        "Ungdomsskolen", "Morgenmentor", "En voksen følger dig.", ["mentor"], ref="o-mentor"
    )
    need = world.need()
    auth.login(world.member)
    created = client.post(f"/api/needs/{need.id}/bids", json={**BID, "offers": [offer.ref]})
    assert created.status_code == 201
    bid = created.get_json()
    assert (bid["state"], bid["unit"], bid["offers"]) == (
        "submitted",
        "Ungdomsskolen",
        ["o-mentor"],
    )
    assert (
        client.post(f"/api/bids/{bid['id']}/decision", json={"decision": "accepted"}).status_code
        == 403
    )
    auth.logout()
    auth.login(world.coordinator)
    assert len(client.get(f"/api/needs/{need.id}/bids").get_json()) == 1
    decided = client.post(
        f"/api/bids/{bid['id']}/decision", json={"decision": "declined", "reason": "not_wanted"}
    )
    assert decided.status_code == 200 and decided.get_json()["decision_reason"] == "not_wanted"
    again = client.post(f"/api/bids/{bid['id']}/decision", json={"decision": "accepted"})
    assert again.status_code == 409 and again.is_json


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**BID, "duration_weeks": "lang"}, "duration_weeks"),
        ({k: v for k, v in BID.items() if k != "activities"}, "activities"),
        ({**BID, "earliest_start": "2000-01-01"}, "earliest_start"),
        ({**BID, "offers": ["findes-ikke"]}, "offers"),
    ],
)
def test_a_bad_bid_gets_422_naming_the_field(world, client, auth, body, field):
    need = world.need()
    auth.login(world.member)
    response = client.post(f"/api/needs/{need.id}/bids", json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]


def test_declining_without_a_reason_is_422(world, client, auth):
    bid = world.bid(world.need())
    auth.login(world.coordinator)
    response = client.post(f"/api/bids/{bid.id}/decision", json={"decision": "declined"})
    assert response.status_code == 422 and "reason" in response.get_json()["errors"]["json"]


def test_an_editor_may_not_bid(world, client, auth):
    need = world.need()
    auth.login(world.editor)
    assert client.post(f"/api/needs/{need.id}/bids", json=BID).status_code == 403


def test_the_unit_withdraws_its_bid_through_the_api(world, client, auth):
    bid = world.bid(world.need())
    auth.login(world.member)
    response = client.post(f"/api/bids/{bid.id}/withdrawal")
    assert response.status_code == 200 and response.get_json()["state"] == "withdrawn"
    assert client.post(f"/api/bids/{bid.id}/withdrawal").status_code == 409


def test_changes_through_the_api_need_the_csrf_header(app, world):
    app.config["WTF_CSRF_ENABLED"] = True
    bid = world.bid(world.need())
    client = app.test_client()
    login_page = client.get("/log-ind").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page).group(1)
    client.post(
        "/log-ind",
        data={
            "email": world.coordinator.email,
            "password": "korrekt-hest-batteri",
            "csrf_token": token,
        },
    )
    url = f"/api/bids/{bid.id}/decision"
    assert client.post(url, json={"decision": "accepted"}).status_code == 400
    page = client.get("/").get_data(as_text=True)  # sign-in issued a new token
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    headers = {"X-CSRFToken": token}
    assert client.post(url, json={"decision": "accepted"}, headers=headers).status_code == 200
