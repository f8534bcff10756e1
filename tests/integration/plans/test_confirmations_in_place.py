"""After saving on a long page, the confirmation shows where the page lands, not at its top."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import PASSWORD


def _login(client, user):
    client.post("/log-ind", data={"email": user.email, "password": PASSWORD})


def _after(html: str, anchor: str) -> tuple[str, str]:
    """Split the page at the element with this id: (before it, from it on)."""
    head, tail = html.split(f'id="{anchor}"', 1)
    return head, tail


@pytest.mark.parametrize(
    ("path", "form", "anchor", "message"),
    [
        ("fremskridt", {"dimension": "wellbeing", "value": "7"}, "grafer", "Målingen er gemt."),
        (
            "fremskridt/dimensioner",
            {"label": "Søvn", "kind": "scale", "low": "1", "high": "5"},
            "ny-dimension",
            "I måler nu også: Søvn.",
        ),
        (
            "faellesskaber",
            {"name": "Fodboldklubben", "kind": "club"},
            "faellesskaber",
            "Fællesskabet er gemt.",
        ),
        ("faellesskaber", {"name": "", "kind": "club"}, "faellesskaber", "Fællesskab – navn"),
    ],
)
def test_the_message_follows_the_anchor_the_page_jumps_to(
    client, plan_world, path, form, anchor, message
):
    w = plan_world
    _login(client, w.coordinator)
    data = {"recorded_on": date.today().isoformat(), "joined_on": date.today().isoformat(), **form}
    response = client.post(f"/forloeb/{w.course.id}/{path}", data=data)
    assert response.headers["Location"].endswith(f"#{anchor}")
    html = client.get(response.headers["Location"].split("#")[0]).get_data(as_text=True)
    before, after = _after(html, anchor)
    assert message in after and message not in before
