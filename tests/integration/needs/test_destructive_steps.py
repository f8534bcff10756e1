"""Actions that take something away ask first, in a step that works without JavaScript."""

from __future__ import annotations

import re


def _confirm_steps(html: str) -> dict[str, str]:
    """Return each folded confirm step's summary and the form inside it."""
    steps = re.findall(
        r'<details class="confirm-step">\s*<summary>([^<]+)</summary>(.*?)</details>', html, re.S
    )
    return {summary.strip(): body for summary, body in steps}


def test_consent_withdrawal_and_ending_the_course_sit_behind_a_confirm_step(world, client, auth):
    course = world.course()
    world.session.commit()
    auth.login(world.coordinator)
    html = client.get(f"/forloeb/{course.id}").get_data(as_text=True)
    steps = _confirm_steps(html)
    assert "/samtykke/tilbagekald" in steps["Træk samtykket tilbage …"]
    assert "Ja, træk samtykket tilbage" in steps["Træk samtykket tilbage …"]
    assert "/afslut" in steps["Afslut forløbet …"]
    outside = re.sub(r'<details class="confirm-step">.*?</details>', "", html, flags=re.S)
    assert "/samtykke/tilbagekald" not in outside and f"/forloeb/{course.id}/afslut" not in outside


def test_withdrawing_a_need_or_a_bid_asks_first(world, client, auth):
    need = world.need()
    bid = world.bid(need)
    world.session.commit()
    auth.login(world.coordinator)
    steps = _confirm_steps(client.get(f"/behov/{need.id}").get_data(as_text=True))
    assert f"/behov/{need.id}/traek-tilbage" in steps["Træk behovet tilbage …"]
    auth.logout()
    auth.login(world.member)
    steps = _confirm_steps(client.get(f"/bud/{bid.id}").get_data(as_text=True))
    assert f"/bud/{bid.id}/traek-tilbage" in steps["Træk buddet tilbage …"]
