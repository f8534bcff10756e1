"""Every error a form gets back is shown where a person sees it: beside its field or listed."""

from __future__ import annotations

import re

from bank.offers.models import OfferStatus
from bank.plans import services
from tests.integration.plans.conftest import plan_world  # noqa: F401  (the fixture)

END_BEFORE_START = "Slutdatoen ligger før startdatoen."


def _beside(html: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="{field}-fejl">([^<]*)</p>', html)
    return found.group(1) if found else ""


def test_an_end_date_before_the_start_on_a_new_item_is_shown_beside_the_end_date(
    client,
    auth,
    plan_world,  # noqa: F811
):
    w = plan_world
    auth.login(w.coordinator)
    response = client.post(
        f"/forloeb/{w.course.id}/plan/indsatser",
        data=w.item_values("mentor", w.morning, starts_on="2026-05-01", ends_on="2026-04-01"),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert _beside(html, "ends_on") == END_BEFORE_START
    assert "Se herunder" not in html


def test_an_end_date_before_the_start_on_the_edit_form_is_shown_beside_the_end_date(
    client,
    auth,
    plan_world,  # noqa: F811
):
    w = plan_world
    item = services.add_item(
        w.session, w.coordinator, w.course.id, w.item_values("mentor", w.morning)
    )
    w.session.commit()
    auth.login(w.coordinator)
    response = client.post(
        f"/forloeb/{w.course.id}/plan/indsatser/{item.id}",
        data={"goal_id": w.morning.id, "starts_on": "2026-05-01", "ends_on": "2026-04-01"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert _beside(html, "ends_on") == END_BEFORE_START


def test_an_error_whose_key_names_no_field_is_still_listed_in_the_summary(
    client,
    auth,
    plan_world,  # noqa: F811
):
    w = plan_world
    w.offers["mentor"].status = OfferStatus.RETIRED  # the rule's key is "source", no field
    w.session.commit()
    auth.login(w.coordinator)
    response = client.post(
        f"/forloeb/{w.course.id}/plan/indsatser", data=w.item_values("mentor", w.morning)
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    summary = html.split('class="flash error error-summary"')[1].split("</div>")[0]
    assert "Vælg et offentliggjort tilbud." in summary
