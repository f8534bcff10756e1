"""The plan's PDF is tagged (PDF/UA-1) for screen readers, and its reminders have a heading."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader

from bank.plans import document, services
from tests.integration.plans.conftest import TODAY, plan_world  # noqa: F401  (the fixture)


def _pdf(w) -> PdfReader:
    item = services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values(
            "mentor",
            w.morning,
            responsible_id=w.member.id,
            starts_on=(TODAY - timedelta(days=30)).isoformat(),
            ends_on=(TODAY + timedelta(days=10)).isoformat(),
        ),
    )
    services.change_status(w.session, w.coordinator, item.id, "running", today=TODAY)
    w.session.commit()
    return PdfReader(io.BytesIO(document.plan_pdf(w.session, w.coordinator, w.course.id, TODAY)))


def test_the_plan_pdf_is_tagged_with_a_structure_a_language_and_pdf_ua_metadata(
    plan_world,  # noqa: F811
):
    reader = _pdf(plan_world)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("da")
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_the_reminders_in_the_pdf_sit_under_their_own_heading(plan_world):  # noqa: F811
    reader = _pdf(plan_world)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    heading = text.index("Det skal vi huske")
    assert text.index("Mentorordning for unge i skolen slutter", heading) > heading
