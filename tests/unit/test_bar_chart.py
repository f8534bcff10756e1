"""The server-drawn bar chart: bars sized to their values, readable without colour."""

from __future__ import annotations

import re

import pytest

from bank.charts.bars import BarGroup, axis_ticks, bar_chart, bars, data_table

GROUPS = [BarGroup("Job", (2, 4)), BarGroup("Familie", (1, 0))]
SERIES = ["Tilbud", "Behov"]


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (12, [0, 2, 4, 6, 8, 10, 12]),
        (16, [0, 5, 10, 15, 20]),
        (0, [0, 1]),
        (130, [0, 50, 100, 150]),
    ],
)
def test_count_axes_use_whole_round_steps_up_to_the_largest_value(largest, ticks):
    assert axis_ticks(largest) == ticks


def test_grouped_bars_are_as_long_as_their_values():
    laid, scale, left, _ = bars(GROUPS, 2)
    job_offers, job_needs, family_offers, family_needs = laid
    assert job_needs.width == pytest.approx(2 * job_offers.width)
    assert family_offers.width == pytest.approx(job_offers.width / 2)
    assert family_needs.width == 0
    assert all(b.x == left for b in laid)
    assert scale(4) == pytest.approx(left + job_needs.width)


def test_stacked_bars_put_each_segment_after_the_one_before():
    laid, _, left, _ = bars(GROUPS, 2, stacked=True)
    first, second = laid[0], laid[1]
    assert first.x == left
    assert second.x == pytest.approx(first.x + first.width)
    assert first.y == second.y


def test_each_series_has_its_own_fill_pattern_and_every_bar_its_number():
    svg = bar_chart(GROUPS, SERIES, title="Tilbud og behov", chart_id="c")
    assert 'fill="url(#c-fill-0)"' in svg and 'fill="url(#c-fill-1)"' in svg
    assert '<pattern id="c-fill-1"' in svg
    values = re.findall(r'data-series="([^"]+)" data-value="([^"]+)"', svg)
    assert values == [("Tilbud", "2"), ("Behov", "4"), ("Tilbud", "1"), ("Behov", "0")]
    assert ">4</text>" in svg and ">0</text>" in svg


def test_the_chart_describes_its_numbers_for_screen_readers():
    svg = bar_chart(GROUPS, SERIES, title="Tilbud og behov", chart_id="c")
    assert '<title id="c-title">Tilbud og behov</title>' in svg
    assert "Job: Tilbud 2, Behov 4." in svg


def test_stacked_charts_show_each_rows_total():
    svg = bar_chart(GROUPS, SERIES, title="t", chart_id="c", stacked=True)
    assert re.findall(r'class="total"[^>]*>([^<]+)<', svg) == ["6", "1"]


def test_long_labels_are_shortened_but_kept_whole_in_the_tooltip():
    label = "Psykisk trivsel (angst, depression, stress) og meget mere end det"
    svg = bar_chart([BarGroup(label, (1,))], ["Tilbud"], title="t")
    assert f"<title>{label}</title>" in svg and "…" in svg


def test_the_data_table_gives_the_same_numbers():
    html = data_table(GROUPS, SERIES, caption="Tal", first="Emne")
    assert "<caption>Tal</caption>" in html
    assert (
        '<tr><th scope="row">Job</th><td data-label="Tilbud">2</td>'
        '<td data-label="Behov">4</td></tr>'
    ) in html  # each cell names its column, for the stacked rows on a phone
