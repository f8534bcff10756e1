"""The plan pages: finder with reasons, adding items, warnings, forms, chart, print and PDF."""

from __future__ import annotations

import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.needs import goals
from bank.plans import services
from bank.plans.models import PlanItem, ProgressEntry
from tests.conftest import PASSWORD


def _login(client, user):
    client.post("/log-ind", data={"email": user.email, "password": PASSWORD})


def test_the_finder_ranks_offers_for_the_courses_goals_with_reasons(client, plan_world):
    w = plan_world
    _login(client, w.coordinator)
    page = client.get(f"/forloeb/{w.course.id}/plan/find").get_data(as_text=True)
    assert "Mentorordning for unge i skolen" in page and "Fritidsjob med støtte" in page
    assert "Hvorfor:" in page and "Passer til:" in page
    large = client.get(f"/forloeb/{w.course.id}/plan/find?stor=1")
    assert 'class="large-text"' in large.get_data(as_text=True)
    partial = client.get(
        f"/forloeb/{w.course.id}/plan/find?q=fritidsjob", headers={"HX-Request": "true"}
    )
    assert "HX-Request" in partial.headers["Vary"]
    body = partial.get_data(as_text=True)
    assert "<html" not in body and "Fritidsjob med støtte" in body


def test_the_finder_warns_before_adding_a_double_offer(client, plan_world):
    w = plan_world
    services.add_item(w.session, w.coordinator, w.course.id, w.item_values("mentor", w.school))
    w.session.commit()
    _login(client, w.coordinator)
    page = client.get(f"/forloeb/{w.course.id}/plan/find?q=mentor").get_data(as_text=True)
    assert "Er i planen" in page
    assert "Ligner Mentorordning for unge i skolen, som allerede er i planen" in page


def test_adding_items_through_the_form_shows_them_per_goal_and_flags_the_double(client, plan_world):
    w = plan_world
    _login(client, w.coordinator)
    form = client.get(f"/forloeb/{w.course.id}/plan/ny?tilbud={w.offers['mentor'].id}")
    assert "Hvilket mål skal det hjælpe med?" in form.get_data(as_text=True)
    refused = client.post(
        f"/forloeb/{w.course.id}/plan/indsatser",
        data={"offer_id": w.offers["mentor"].id, "goal_id": ""},
    )
    assert refused.status_code == 422
    assert "Vælg et af forløbets aktive mål." in refused.get_data(as_text=True)
    for offer, goal in (("mentor", w.morning), ("fritidsjob", w.job)):
        done = client.post(
            f"/forloeb/{w.course.id}/plan/indsatser",
            data={
                "offer_id": w.offers[offer].id,
                "goal_id": goal.id,
                "responsible_id": w.member.id,
            },
            follow_redirects=True,
        )
        assert "er lagt i planen" in done.get_data(as_text=True)
    page = client.post(
        f"/forloeb/{w.course.id}/plan/indsatser",
        data={"offer_id": w.offers["skolementor"].id, "goal_id": w.school.id},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "I er ved at give den samme hjælp to gange" in page
    assert "I er ved at give den samme slags hjælp to gange" in page
    assert "Ingen ansvarlig" in page
    assert w.session.scalar(sa.select(sa.func.count(PlanItem.id))) == 3


def test_an_item_is_started_from_its_page_only_with_a_responsible_person(client, plan_world):
    w = plan_world
    item = services.add_item(
        w.session, w.coordinator, w.course.id, w.item_values("fritidsjob", w.job)
    )
    w.session.commit()
    _login(client, w.coordinator)
    url = f"/forloeb/{w.course.id}/plan/indsatser/{item.id}"
    page = client.post(f"{url}/status", data={"status": "running"}, follow_redirects=True)
    assert "En indsats kan ikke gå i gang uden en ansvarlig person." in page.get_data(as_text=True)
    client.post(
        url,
        data={"goal_id": w.job.id, "responsible_id": w.member.id, "next_step": "Ansøgning skrives"},
    )
    client.post(f"{url}/status", data={"status": "running"})
    w.session.expire_all()
    assert w.session.get(PlanItem, item.id).status.value == "running"


def test_progress_is_recorded_and_drawn_on_the_chart(client, plan_world):
    w = plan_world
    _login(client, w.member)
    url = f"/forloeb/{w.course.id}/fremskridt"
    bad = client.post(url, data={"dimension": "coping", "value": "12", "recorded_on": ""})
    assert bad.status_code == 422 and "Skal være mellem 1 og 10." in bad.get_data(as_text=True)
    client.post(url, data={"dimension": "coping", "value": "6", "recorded_on": "2025-06-01"})
    client.post(url, data={"dimension": "coping", "value": "8", "recorded_on": "2025-09-01"})
    page = client.get(url).get_data(as_text=True)
    assert 'data-date="2025-09-01" data-value="8"' in page
    assert "Mestring af hverdagen over tid" in page
    assert w.session.scalar(sa.select(sa.func.count(ProgressEntry.id))) == 2


def test_meetings_are_recorded_and_overdue_courses_show_on_the_front_page(client, plan_world):
    w = plan_world
    _login(client, w.coordinator)
    home = client.get("/").get_data(as_text=True)
    assert "Forløb, der skal ses på" in home and "Kim Testesen" in home
    assert "Der har ikke været et teammøde endnu" in home
    client.post(
        f"/forloeb/{w.course.id}/moeder",
        data={"held_on": "2026-02-20", "participants": "Kim, Mads", "decisions": "Start"},
    )
    assert "Der har ikke været et teammøde endnu" not in client.get("/").get_data(as_text=True)


def test_the_print_view_and_the_pdf_download(client, plan_world):
    w = plan_world
    _login(client, w.coordinator)
    page = client.get(f"/forloeb/{w.course.id}/plan/udskrift").get_data(as_text=True)
    assert "Plan for Kim Testesen" in page and "data-print" in page  # bank.js prints
    pdf = client.get(f"/forloeb/{w.course.id}/plan.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert "attachment" in pdf.headers["Content-Disposition"]
    agreed = client.post(f"/forloeb/{w.course.id}/plan/aftalt", follow_redirects=True)
    assert "Planen er gemt som aftalt (version 1)" in agreed.get_data(as_text=True)
    assert client.get(f"/forloeb/{w.course.id}/plan/aftalt/1.pdf").data.startswith(b"%PDF")


def test_people_outside_the_course_get_403_and_anonymous_users_must_sign_in(client, plan_world):
    w = plan_world
    for path in ("plan", "plan/find", "moeder", "fremskridt", "plan/udskrift", "plan.pdf"):
        assert client.get(f"/forloeb/{w.course.id}/{path}").status_code == 302
    _login(client, w.outsider)
    for path in ("plan", "plan/find", "moeder", "fremskridt", "plan/udskrift", "plan.pdf"):
        assert client.get(f"/forloeb/{w.course.id}/{path}").status_code == 403
    w.session.rollback()  # refusals are written in their own transaction
    entries = w.session.scalars(sa.select(AuditEntry).where(AuditEntry.user_id == w.outsider.id))
    assert {(e.action, e.record_type) for e in entries} == {("refused", "course")}


def test_the_finder_lists_the_goals_an_offer_fits_without_their_full_stops(client, plan_world):
    w = plan_world
    goals.add_goal(w.session, w.coordinator, w.course, "life", "Et fritidsjob med støtte.")
    w.session.commit()
    _login(client, w.coordinator)
    page = client.get(f"/forloeb/{w.course.id}/plan/find").get_data(as_text=True)
    fits = [line for line in page.splitlines() if "Passer til:</strong>" in line]
    assert any("Et fritidsjob med støtte" in line for line in fits)
    assert not any(".;" in line or ".</p>" in line for line in fits)  # "støtte.; Jeg vil …"
