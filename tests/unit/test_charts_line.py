"""The line chart puts known points where they belong and reads without colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from bank.charts.line import Event, Series, YAxis, data_table, layout, line_chart, plot_points
from bank.charts.svg import (
    add_months,
    esc,
    marker,
    month_ticks,
    nice_ticks,
    num,
    pattern_defs,
    style,
)
from bank.danish import danish_date

NS = {"svg": "http://www.w3.org/2000/svg"}
COPING = YAxis(1, 10, "Mestring")
ENTRIES = ((date(2025, 1, 1), 1.0), (date(2025, 7, 2), 10.0), (date(2025, 4, 2), 5.5))


def _points(svg: str, series_name: str) -> dict[str, tuple[float, float]]:
    root = ET.fromstring(svg)
    out = {}
    for group in root.iterfind(".//svg:g[@class='series']", NS):
        if group.get("data-series") != series_name:
            continue
        for point in group.iterfind("svg:g[@class='point']", NS):
            circle = point.find("svg:circle", NS)
            out[point.get("data-date")] = (float(circle.get("cx")), float(circle.get("cy")))
    return out


def test_known_entries_are_drawn_at_their_date_and_value():
    svg = line_chart([Series("Mestring", ENTRIES)], COPING, title="Mestring", width=600)
    box = layout([Series("Mestring", ENTRIES)], COPING, width=600)
    points = _points(svg, "Mestring")
    plot_bottom = box.height - box.bottom
    # The first day sits on the left edge at the lowest value, the last on the right edge.
    assert points["2025-01-01"] == (round(box.left, 1), round(plot_bottom, 1))
    assert points["2025-07-02"] == (round(600 - box.right, 1), round(box.top, 1))
    # 2 April is day 91 of 182, halfway; 5.5 is halfway between 1 and 10.
    middle_x = round((box.left + 600 - box.right) / 2, 1)
    middle_y = round((plot_bottom + box.top) / 2, 1)
    assert points["2025-04-02"] == (middle_x, middle_y)


def test_the_line_joins_the_points_in_date_order():
    series = Series("Mestring", ENTRIES)
    svg = line_chart([series], COPING, title="Mestring")
    box = layout([series], COPING)
    coords = plot_points(series, box)
    assert [x for x, _ in coords] == sorted(x for x, _ in coords)
    path = ET.fromstring(svg).find(".//svg:g[@class='series']/svg:path", NS).get("d")
    assert path == "M" + " L".join(f"{num(x)},{num(y)}" for x, y in coords)


def test_series_differ_in_marker_shape_and_dash_so_colour_is_not_needed():
    a = Series("Fremmøde", ((date(2025, 1, 1), 50), (date(2025, 2, 1), 60)), style_index=0)
    b = Series("Trivsel", ((date(2025, 1, 1), 40), (date(2025, 2, 1), 70)), style_index=1)
    root = ET.fromstring(line_chart([a, b], YAxis(0, 100), title="To kurver"))
    groups = root.findall(".//svg:g[@class='series']", NS)
    assert groups[0].find("svg:g/svg:circle", NS) is not None
    assert groups[1].find("svg:g/svg:rect", NS) is not None
    dashes = [g.find("svg:path", NS).get("stroke-dasharray") for g in groups]
    assert dashes[0] is None and dashes[1]
    assert root.find(".//svg:g[@class='legend']", NS) is not None
    assert len({style(i).marker for i in range(6)}) == 6
    assert len({style(i).dash for i in range(6)}) == 6


def test_plan_items_start_and_end_are_labelled_vertical_lines_at_their_dates():
    series = Series("Mestring", ENTRIES)
    events = [
        Event(date(2025, 4, 2), "Mentorordning", "start"),
        Event(date(2025, 4, 2), "Lektiecafé", "end"),
    ]
    svg = line_chart([series], COPING, events, title="Mestring", width=600)
    box = layout([series], COPING, events, width=600)
    root = ET.fromstring(svg)
    marks = root.findall(".//svg:g[@class='events']/svg:g", NS)
    assert [m.find("svg:text", NS).text for m in marks] == [
        "Slut: Lektiecafé",
        "Start: Mentorordning",
    ]
    for mark in marks:
        assert mark.find("svg:line", NS).get("x1") == num(box.x(date(2025, 4, 2)))
    # Two labels at the same date go on two rows instead of on top of each other.
    ys = {mark.find("svg:text", NS).get("y") for mark in marks}
    assert len(ys) == 2
    end_line = next(m for m in marks if m.get("class") == "event end").find("svg:line", NS)
    assert end_line.get("stroke-dasharray")


def test_the_chart_has_a_title_and_a_description_for_screen_readers():
    svg = line_chart([Series("Trivsel", ENTRIES)], COPING, title="Trivsel <ung>", chart_id="c1")
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find("svg:title", NS).text == "Trivsel <ung>"
    desc = root.find("svg:desc", NS).text
    assert "3 målinger fra 1. jan 2025 til 2. jul 2025" in desc
    assert "seneste 10" in desc


def test_categories_are_named_on_the_axis_and_in_the_table():
    axis = YAxis(0, 2, "Deltagelse", ((0, "Ingen"), (1, "Prøver"), (2, "Fast")))
    series = Series("Deltagelse", ((date(2025, 1, 5), 0), (date(2025, 3, 5), 2)))
    svg = line_chart([series], axis, title="Deltagelse")
    assert ">Prøver</text>" in svg
    table = data_table([series], axis, [Event(date(2025, 2, 1), "Klub", "start")], "Deltagelse")
    assert "<caption>Deltagelse</caption>" in table
    assert (
        '<th scope="row">5. mar 2025</th><td data-label="Deltagelse">Fast</td>'
        '<td data-label="Indsatser"></td>'
    ) in table
    assert (
        '<th scope="row">1. feb 2025</th><td></td><td data-label="Indsatser">Start: Klub</td>'
    ) in table


def test_a_single_point_and_an_empty_series_still_draw():
    one = Series("Fremmøde", ((date(2025, 5, 1), 80),))
    svg = line_chart([one, Series("Tom", ())], YAxis(0, 100), title="x")
    ET.fromstring(svg)
    assert "ingen målinger endnu" in svg


def test_helpers_give_round_ticks_months_and_safe_text():
    assert nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(1, 10) == [2, 4, 6, 8, 10]
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert month_ticks(date(2025, 1, 15), date(2025, 4, 15)) == [
        date(2025, 2, 1),
        date(2025, 3, 1),
        date(2025, 4, 1),
    ]
    assert len(month_ticks(date(2020, 1, 1), date(2025, 1, 1), most=8)) <= 8
    assert danish_date(date(2025, 5, 3)) == "3. maj 2025"
    assert esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert num(-0.04) == "0" and num(12.25) == "12.2" and num(3.0) == "3"
    for shape in ("circle", "square", "triangle", "diamond", "cross", "triangle-down"):
        ET.fromstring(marker(shape, 10, 10, fill="#000"))
    defs = ET.fromstring(pattern_defs("bars"))
    assert len(defs) == 7


def test_long_event_labels_are_shortened_and_never_leave_the_chart():
    series = Series("Mestring", ENTRIES)
    label = "Familieklassen – elev og forælder går i skole sammen"
    events = [Event(date(2025, 4, 2), label, "start")]
    root = ET.fromstring(line_chart([series], COPING, events, title="x", width=400))
    mark = root.find(".//svg:g[@class='events']/svg:g", NS)
    text = mark.find("svg:text", NS)
    assert len(text.text) <= 36 and text.text.endswith("…")
    assert float(text.get("x")) >= 0
    assert mark.find("svg:title", NS).text.startswith(f"Start: {label}")
