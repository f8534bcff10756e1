"""The course's chart shows each dimension's entries at their dates, with items marked."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from bank.charts.line import layout
from bank.plans import followup, services
from bank.plans.charts import item_events, progress_charts
from bank.plans.dimensions import COPING
from tests.integration.plans.conftest import STARTED, TODAY

NS = {"svg": "http://www.w3.org/2000/svg"}


def test_known_entries_are_plotted_at_their_date_and_value_with_items_marked(plan_world):
    w = plan_world
    for day, value in (("2025-03-01", "1"), ("2025-09-01", "10"), ("2026-03-02", "4")):
        followup.record_progress(
            w.session, w.coordinator, w.course.id, "coping", value, day, today=TODAY
        )
    services.add_item(
        w.session,
        w.coordinator,
        w.course.id,
        w.item_values("mentor", w.school, starts_on="2025-06-01", ends_on="2026-01-31"),
    )
    items = services.course_items(w.session, w.course)
    entries = followup.progress_of(w.session, w.course)
    charts = progress_charts(
        followup.dimensions_of(w.session, w.course), entries, items, STARTED, TODAY
    )
    assert [c.spec.key for c in charts] == ["coping"]
    root = ET.fromstring(str(charts[0].svg))
    points = {
        g.get("data-date"): (float(g[1].get("x", g[1].get("cx", 0))), g[1])
        for g in root.iterfind(".//svg:g[@class='point']", NS)
    }
    assert set(points) == {"2025-03-01", "2025-09-01", "2026-03-02"}
    box = layout([], COPING.axis(), item_events(items), STARTED, TODAY)
    # Coping is the second built-in dimension: its markers are squares centred on the point.
    for day, value in ((date(2025, 3, 1), 1), (date(2025, 9, 1), 10), (date(2026, 3, 2), 4)):
        square = points[day.isoformat()][1]
        assert float(square.get("x")) + 4.5 == round(box.x(day), 1)
        assert float(square.get("y")) + 4.5 == round(box.y(value), 1)
    marks = root.findall(".//svg:g[@class='events']/svg:g", NS)
    assert [m.find("svg:title", NS).text for m in marks] == [
        "Start: Mentorordning for unge i skolen (planlagt), 1. jun 2025",
        "Slut: Mentorordning for unge i skolen, 31. jan 2026",
    ]
    # Long labels are shortened on the chart itself.
    assert [m.find("svg:text", NS).text for m in marks] == [
        "Start: Mentorordning for unge i sko…",
        "Slut: Mentorordning for unge i skol…",
    ]
    assert "Start: Mentorordning for unge i skolen (planlagt)" in str(charts[0].table)
