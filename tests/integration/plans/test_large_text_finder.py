"""The young person's large-text finder: plain words, no system words, only the goal served."""

from __future__ import annotations

import re

from tests.conftest import PASSWORD

SYSTEM_WORDS = (
    "Fælles ord",
    "Samme emne med andre ord",
    "indsatstrappen",
    "Til og med trin",
    "Hvorfor:",
    "Passer til:",
    "Jeres søgning",
)
STEP = re.compile(r"\b[Tt]rin \d")  # "trin 2": a step number ("trin for trin" is plain Danish)


def _login(client, user):
    client.post("/log-ind", data={"email": user.email, "password": PASSWORD})


def _hits(html: str) -> dict[str, str]:
    """Return each hit's text by its title."""
    hits = re.findall(r'<li class="card hit".*?</li>\s*(?=<li class="card hit"|</ol>)', html, re.S)
    return {re.search(r'class="hit-title">([^<]+)<', h).group(1): h for h in hits}


def test_the_large_text_view_shows_the_goal_each_offer_serves_and_no_system_words(
    client, plan_world
):
    w = plan_world
    _login(client, w.coordinator)
    normal = client.get(f"/forloeb/{w.course.id}/plan/find").get_data(as_text=True)
    assert "Hvorfor:" in normal  # the coordinator's view keeps the engine's reasons

    large = client.get(f"/forloeb/{w.course.id}/plan/find?stor=1").get_data(as_text=True)
    main = large.split('<main id="indhold">', 1)[1]
    for word in SYSTEM_WORDS:
        assert word not in main, word
    assert not STEP.search(main)
    hits = _hits(large)
    assert "Fritidsjob med støtte" in hits
    job = hits["Fritidsjob med støtte"]
    assert "Det kan hjælpe dig med dit mål:" in job
    assert "<li>Jeg vil have et fritidsjob</li>" in job


def test_a_search_in_large_text_names_the_goal_an_offer_serves(client, plan_world):
    w = plan_world
    _login(client, w.coordinator)
    large = client.get(f"/forloeb/{w.course.id}/plan/find?stor=1&q=fritidsjob")
    html = large.get_data(as_text=True)
    main = html.split('<main id="indhold">', 1)[1]
    for word in SYSTEM_WORDS:
        assert word not in main, word
    assert not STEP.search(main)
    job = _hits(html)["Fritidsjob med støtte"]
    assert "<li>Jeg vil have et fritidsjob</li>" in job
