"""The pseudonym, the family's names and the course never reach a unit member: HTML or JSON.

Each test fills the bank with a published need, bids in every state and a decision, then
signs in as someone outside the course and visits every page they can reach by following
links (and the htmx URLs), plus every API answer about the need and the bids.
"""

from __future__ import annotations

import json
import re
from collections import deque

import pytest

from bank.needs import bids
from tests.integration.needs.conftest import FAMILY, PSEUDONYM

FORBIDDEN = [PSEUDONYM, *FAMILY, "Bodil", "Krogh-Madsen"]
LINK = re.compile(r'(?:href|hx-get|action)="(/[^"#]*)"')
SKIP = ("/static/", "/log-ud", "/api/openapi")


def filled_bank(world):
    """Publish a need with bids accepted, declined and waiting; return (need, bid ids)."""
    world.offer(
        "Ungdomsskolen",
        "Morgenmentor",
        "En voksen følger dig i skole.",
        ["mentor", "fravaer", "skole"],
    )
    need = world.need(description="Hun har svært ved at komme op og har brug for en fast voksen.")
    accepted = world.bid(need)
    declined = world.bid(need, member=world.third_member)
    bids.decide_bid(world.session, world.coordinator, accepted.id, "accepted")
    bids.decide_bid(
        world.session,
        world.coordinator,
        declined.id,
        "declined",
        "other",
        "Vi har valgt et andet bud, der passer bedre til hendes skema.",
    )
    world.session.commit()
    return need, [accepted.id, declined.id]


def crawl(client, start: list[str], limit: int = 80) -> dict[str, str]:
    """Visit every local page reachable from the start pages; return path -> body."""
    seen: dict[str, str] = {}
    queue = deque(start)
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen or path.startswith(SKIP):
            continue
        response = client.get(path)
        if not (response.mimetype.startswith("text/") or response.is_json):
            seen[path] = ""  # a download (PDF, spreadsheet) of a page already checked
            continue
        body = response.get_data(as_text=True)
        seen[path] = body
        if response.status_code in (301, 302):
            queue.append(response.location)
        for link in LINK.findall(body):
            queue.append(link.replace("&amp;", "&"))
    return seen


def assert_anonymous(pages: dict[str, str], course_id: int) -> None:
    """Fail naming the page if any name or a link to the course appears on it."""
    for path, body in pages.items():
        for name in FORBIDDEN:
            assert name not in body, f"{name!r} shown on {path}"
        assert f"/forloeb/{course_id}" not in body, f"course linked from {path}"


@pytest.mark.parametrize("who", ["member", "third_member", "editor", "leader", "other_coordinator"])
def test_no_page_reachable_outside_the_course_shows_the_young_persons_name(
    world, client, auth, who
):
    need, bid_ids = filled_bank(world)
    auth.login(getattr(world, who))
    start = [
        "/",
        "/behov",
        "/bud",
        "/indbakke",
        "/forloeb",
        f"/behov/{need.id}",
        "/behov?q=skole",
        *[f"/bud/{b}" for b in bid_ids],
    ]
    pages = crawl(client, start)
    assert f"/behov/{need.id}" in pages
    assert_anonymous(pages, need.course_id)


@pytest.mark.parametrize("who", ["member", "third_member", "editor", "leader"])
def test_no_api_answer_outside_the_course_carries_the_young_persons_name(world, client, auth, who):
    need, bid_ids = filled_bank(world)
    auth.login(getattr(world, who))
    paths = [
        "/api/needs",
        f"/api/needs/{need.id}",
        f"/api/needs/{need.id}/bids",
        *[f"/api/bids/{b}" for b in bid_ids],
    ]
    answers = {p: json.dumps(client.get(p).get_json(), ensure_ascii=False) for p in paths}
    assert '"age_band": "16–17"' in answers["/api/needs"]
    assert_anonymous(answers, need.course_id)
    for body in answers.values():
        assert not re.search(r'"(pseudonym|birth_year|course\w*|age)"', body), body


def test_the_unit_members_own_bid_page_shows_the_decision_but_not_the_name(world, client, auth):
    need, (accepted, declined) = filled_bank(world)
    auth.login(world.third_member)
    page = client.get(f"/bud/{declined}").get_data(as_text=True)
    assert "Sagt nej tak" in page and "passer bedre til hendes skema" in page
    assert_anonymous({"bid": page}, need.course_id)
