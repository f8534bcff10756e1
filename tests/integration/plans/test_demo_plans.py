"""The demo gives courses plans, meetings and a year of progress, so the charts show something."""

from __future__ import annotations

from bank.demo import FIXTURES
from bank.plans import demo, followup, overview
from bank.plans.charts import progress_charts
from bank.plans.flags import course_flags
from bank.plans.services import course_items
from tests.integration.plans.conftest import TODAY


def test_demo_courses_get_plans_meetings_and_a_year_of_progress(plan_world):
    w = plan_world
    demo.load_demo(w.session, FIXTURES, today=TODAY)
    w.session.commit()
    items = course_items(w.session, w.course)
    assert len(items) == 2 and all(i.responsible for i in items)
    assert [
        r.flagged
        for r in overview.plan_view(w.session, w.coordinator, w.course.id).rows
        if r.depth == 0
    ][-1]  # the last goal is left without an item on purpose
    entries = followup.progress_of(w.session, w.course)
    assert (TODAY - entries[0].recorded_on).days >= 360
    charts = progress_charts(
        followup.dimensions_of(w.session, w.course), entries, items, w.course.started_on, TODAY
    )
    assert {c.spec.key for c in charts} == {"attendance", "coping", "wellbeing", "participation"}
    assert all(c.count >= 5 for c in charts)
    assert len(followup.meetings_of(w.session, w.course)) >= 4
    assert not course_flags(w.session, w.course, TODAY).meetings.overdue
    demo.load_demo(w.session, FIXTURES, today=TODAY)  # a second run adds nothing
    assert len(course_items(w.session, w.course)) == 2
