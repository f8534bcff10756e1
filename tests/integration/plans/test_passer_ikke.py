""" "Passer ikke" in the finder hides an offer for the course until undone; plan items record."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bank.auth.models import AuditEntry
from bank.decisions import services as decisions
from bank.decisions.models import Decision, DecisionKind, NotFitReason
from bank.errors import Invalid, NotAllowed, NotFound
from bank.plans import finder, services
from tests.conftest import PASSWORD
from tests.integration.plans.conftest import TODAY


def _titles(w) -> list[str]:
    result = finder.find_offers(w.session, w.coordinator, w.course.id, today=TODAY)
    return [h.offer.title for h in result.hits]


def _hit(w, ref: str) -> finder.Hit:
    result = finder.find_offers(w.session, w.coordinator, w.course.id, today=TODAY)
    return next(h for h in result.hits if h.offer.ref == ref)


def test_each_hit_knows_the_goal_it_was_found_for(plan_world):
    w = plan_world
    hit = _hit(w, "fritidsjob")
    assert (hit.need_id, hit.goal_id) == (None, w.job.id)


def test_an_offer_marked_passer_ikke_leaves_the_finder_until_it_is_undone(plan_world):
    w = plan_world
    hit = _hit(w, "fritidsjob")
    assert "Fritidsjob med støtte" in _titles(w)
    mark = decisions.mark_offer_not_fit(
        w.session, w.coordinator, w.course.id, hit.offer.id, None, hit.goal_id, "too_much"
    )
    w.session.commit()
    assert (mark.kind, mark.goal_id, mark.reason) == (
        DecisionKind.NOT_FIT,
        w.job.id,
        NotFitReason.TOO_MUCH,
    )
    assert "Fritidsjob med støtte" not in _titles(w)
    searched = finder.find_offers(w.session, w.coordinator, w.course.id, "fritidsjob", today=TODAY)
    assert "Fritidsjob med støtte" not in [h.offer.title for h in searched.hits]
    assert [d.offer.title for d in searched.hidden] == ["Fritidsjob med støtte"]
    assert [d.id for d in decisions.hidden_offers(w.session, w.member, w.course.id)] == [mark.id]
    decisions.undo_offer_not_fit(w.session, w.member, w.course.id, mark.id)
    w.session.commit()
    assert "Fritidsjob med støtte" in _titles(w)
    assert decisions.hidden_offers(w.session, w.coordinator, w.course.id) == []
    assert w.session.get(Decision, mark.id).undone_at is not None


def test_marking_twice_keeps_one_mark(plan_world):
    w = plan_world
    offer = w.offers["angst"]
    first = decisions.mark_offer_not_fit(w.session, w.coordinator, w.course.id, offer.id)
    second = decisions.mark_offer_not_fit(w.session, w.member, w.course.id, offer.id)
    assert first.id == second.id and decisions.decision_count(w.session) == 1


def test_a_mark_is_kept_in_the_audit_log(plan_world):
    w = plan_world
    decisions.mark_offer_not_fit(w.session, w.coordinator, w.course.id, w.offers["angst"].id)
    w.session.commit()
    entry = w.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.user_id, entry.action, entry.record_type, entry.record_id) == (
        w.coordinator.id,
        "update",
        "course",
        str(w.course.id),
    )


def test_only_the_courses_people_may_mark_undo_or_see_hidden_offers(plan_world):
    w = plan_world
    offer = w.offers["angst"]
    with pytest.raises(NotAllowed):
        decisions.mark_offer_not_fit(w.session, w.outsider, w.course.id, offer.id)
    with pytest.raises(NotFound):
        decisions.mark_offer_not_fit(w.session, w.coordinator, 999_999, offer.id)
    mark = decisions.mark_offer_not_fit(w.session, w.admin, w.course.id, offer.id)
    w.session.commit()
    with pytest.raises(NotAllowed):
        decisions.undo_offer_not_fit(w.session, w.outsider, w.course.id, mark.id)
    with pytest.raises(NotAllowed):
        decisions.hidden_offers(w.session, w.outsider, w.course.id)


def test_an_unknown_offer_or_reason_is_refused(plan_world):
    w = plan_world
    with pytest.raises(Invalid):
        decisions.mark_offer_not_fit(w.session, w.coordinator, w.course.id, "999999")
    with pytest.raises(Invalid):
        decisions.mark_offer_not_fit(
            w.session, w.coordinator, w.course.id, w.offers["angst"].id, reason="boring"
        )
    assert decisions.decision_count(w.session) == 0


def test_a_goal_of_another_course_is_not_kept_on_the_mark(plan_world):
    w = plan_world
    mark = decisions.mark_offer_not_fit(
        w.session, w.coordinator, w.course.id, w.offers["angst"].id, "1234567", "7654321"
    )
    assert (mark.need_id, mark.goal_id, mark.course_id) == (None, None, w.course.id)


def test_plan_items_record_in_plan_completed_and_dropped(plan_world):
    w = plan_world
    first = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values("mentor", w.morning, responsible_id=w.member.id),
    )
    second = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values("fritidsjob", w.job, responsible_id=w.member.id),
    )
    services.change_status(w.session, w.coordinator, first.id, "running", today=TODAY)
    services.change_status(w.session, w.coordinator, first.id, "ended", today=TODAY)
    services.change_status(w.session, w.coordinator, second.id, "dropped", "Flyttede", TODAY)
    w.session.commit()
    rows = w.session.scalars(sa.select(Decision).order_by(Decision.id))
    assert [(d.kind, d.offer_id, d.goal_id) for d in rows] == [
        (DecisionKind.IN_PLAN, w.offers["mentor"].id, w.morning.id),
        (DecisionKind.IN_PLAN, w.offers["fritidsjob"].id, w.job.id),
        (DecisionKind.PLAN_COMPLETED, w.offers["mentor"].id, w.morning.id),
        (DecisionKind.PLAN_DROPPED, w.offers["fritidsjob"].id, w.job.id),
    ]
    assert [fits for *_, fits in decisions.learning_examples(w.session)] == [
        True,
        True,
        True,
        False,
    ]


def _login(client, user):
    client.post("/log-ind", data={"email": user.email, "password": PASSWORD})


def test_the_finder_page_hides_an_offer_in_place_and_fortryd_brings_it_back(client, plan_world):
    w = plan_world
    _login(client, w.coordinator)
    url = f"/forloeb/{w.course.id}/plan/find"
    page = client.get(url).get_data(as_text=True)
    assert f"{url}/passer-ikke" in page and "Prøvet før" in page and "Skjult (" not in page
    offer = w.offers["fritidsjob"]
    answer = client.post(
        f"{url}/passer-ikke",
        data={"offer_id": offer.id, "goal_id": w.job.id, "reason": "tried", "alder": "16"},
        headers={"HX-Request": "true"},
    )
    body = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "<html" not in body
    assert f'id="tilbud-{offer.id}"' not in body
    assert "Skjult (1)" in body and "Prøvet før" in body and "Fortryd" in body
    assert 'name="alder" value="16"' in body  # the filters stay with the next post
    mark = w.session.scalar(sa.select(Decision))
    plain = client.post(f"{url}/skjult/{mark.id}/fortryd", data={"alder": "16"})
    assert plain.status_code == 302
    assert plain.headers["Location"].endswith(f"{url}?alder=16#resultater")
    page = client.get(plain.headers["Location"]).get_data(as_text=True)
    assert f'id="tilbud-{offer.id}"' in page and "Skjult (" not in page
    assert "Fritidsjob med støtte er med i listen igen." in page


def test_someone_outside_the_course_cannot_mark_in_its_finder(client, plan_world):
    w = plan_world
    _login(client, w.outsider)
    url = f"/forloeb/{w.course.id}/plan/find/passer-ikke"
    assert client.post(url, data={"offer_id": w.offers["angst"].id}).status_code == 403
    assert client.post("/forloeb/999999/plan/find/passer-ikke", data={}).status_code == 404
    assert decisions.decision_count(w.session) == 0


def test_a_filter_that_is_no_plain_number_is_dropped_not_a_server_error(client, plan_world):
    w = plan_world
    _login(client, w.coordinator)
    url = f"/forloeb/{w.course.id}/plan/find"
    offer = w.offers["fritidsjob"]
    answer = client.post(
        f"{url}/passer-ikke",
        data={"offer_id": offer.id, "goal_id": w.job.id, "alder": "²", "trin": "99"},
    )
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(f"{url}#resultater")
