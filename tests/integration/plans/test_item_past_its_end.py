"""A plan item still open after its end date is flagged on the plan, not plainly "I gang"."""

from __future__ import annotations

from datetime import date, timedelta

from bank.plans import services
from tests.integration.plans.conftest import plan_world  # noqa: F401  (the fixture)

FLAG = "Slutdatoen er passeret"


def _item(w, ends_on: date):
    item = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values(
            "mentor",
            w.morning,
            responsible_id=w.member.id,
            starts_on=(ends_on - timedelta(days=90)).isoformat(),
            ends_on=ends_on.isoformat(),
        ),
    )
    services.change_status(
        w.session, w.coordinator, item.id, "running", today=ends_on - timedelta(days=60)
    )
    w.session.commit()
    return item


def test_a_running_item_whose_end_date_passed_months_ago_is_flagged(
    client,
    auth,
    plan_world,  # noqa: F811
):
    w = plan_world
    _item(w, date.today() - timedelta(days=120))
    auth.login(w.coordinator)
    html = client.get(f"/forloeb/{w.course.id}/plan").get_data(as_text=True)
    assert FLAG in html
    assert "står stadig som »i gang«" in html  # the course's flags say what to do


def test_a_running_item_before_its_end_date_is_not_flagged_as_past(
    client,
    auth,
    plan_world,  # noqa: F811
):
    w = plan_world
    _item(w, date.today() + timedelta(days=120))
    auth.login(w.coordinator)
    assert FLAG not in client.get(f"/forloeb/{w.course.id}/plan").get_data(as_text=True)
