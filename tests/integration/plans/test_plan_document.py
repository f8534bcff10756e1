"""The plan as a PDF: goals, items and responsible persons appear; agreed versions are kept."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from bank.errors import NotAllowed
from bank.plans import document, followup, services
from tests.integration.plans.conftest import TODAY


def _text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def _plan(w):
    services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values(
            "mentor",
            w.morning,
            responsible_id=w.member.id,
            starts_on="2026-03-09",
            next_step="Mads ringer mandag",
        ),
    )
    services.add_item(w.session, w.coordinator, w.course.id, w.item_values("fritidsjob", w.job))
    followup.record_meeting(
        w.session,
        w.coordinator,
        w.course.id,
        "2026-02-20",
        "Kim, Mads",
        "",
        "2026-04-15",
        today=TODAY,
    )
    followup.record_progress(
        w.session, w.coordinator, w.course.id, "wellbeing", "6", "2026-01-10", today=TODAY
    )
    followup.record_progress(
        w.session, w.coordinator, w.course.id, "wellbeing", "8", "2026-02-25", today=TODAY
    )
    w.session.commit()


def test_the_pdf_names_goals_items_responsible_persons_next_meeting_and_progress(plan_world):
    w = plan_world
    _plan(w)
    text = _text(document.plan_pdf(w.session, w.coordinator, w.course.id, TODAY))
    for expected in (
        "Plan for Kim Testesen",
        "Jeg vil gennemføre 9. klasse",
        "Jeg vil komme op om morgenen",
        "Jeg vil have et fritidsjob",
        "Mentorordning for unge i skolen",
        "Mads Mentor",
        "Fritidsjob med støtte",
        "Ingen ansvarlig endnu",
        "Mads ringer mandag",
        "Næste møde: 15. apr 2026",
        "Trivsel (den unges eget tal)",
        "8 af 10",
        "6 af 10",
        "Tovholder: Sara Tovholder",
    ):
        assert expected in text, expected


def test_a_goal_without_items_says_so_in_the_pdf(plan_world):
    w = plan_world
    text = _text(document.plan_pdf(w.session, w.coordinator, w.course.id, TODAY))
    assert "Der er endnu ikke noget i planen, der hjælper med dette mål." in text
    assert "Der er ikke målt noget endnu." in text


def test_marking_the_plan_agreed_keeps_each_version_as_a_pdf(plan_world):
    w = plan_world
    _plan(w)
    first = document.mark_agreed(w.session, w.coordinator, w.course.id, TODAY)
    second = document.mark_agreed(w.session, w.coordinator, w.course.id, TODAY)
    w.session.commit()
    assert [v.version for v in document.agreed_versions(w.session, w.course)] == [2, 1]
    assert first.version == 1 and second.version == 2
    kept = document.agreed_pdf(w.session, w.member, w.course.id, 1)
    assert "Aftalt med den unge" in _text(kept)
    with pytest.raises(NotAllowed):
        document.mark_agreed(w.session, w.member, w.course.id, TODAY)
    with pytest.raises(NotAllowed):
        document.agreed_pdf(w.session, w.outsider, w.course.id, 1)
