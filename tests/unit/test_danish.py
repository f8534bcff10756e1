"""Danish dates, times and numbers: local time with summer time, decimal commas, rounding."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from bank import danish
from bank.reports.export import Table, download, to_csv, to_xlsx


def test_a_utc_time_is_shown_in_danish_winter_and_summer_time():
    assert danish.local_time(datetime(2026, 11, 29, 8, 40, tzinfo=UTC)) == "29.11.2026 kl. 09.40"
    assert danish.local_time(datetime(2026, 7, 1, 8, 40, tzinfo=UTC)) == "01.07.2026 kl. 10.40"


def test_a_naive_time_from_sqlite_is_taken_as_utc():
    assert danish.local_time(datetime(2026, 11, 29, 8, 40)) == "29.11.2026 kl. 09.40"


def test_a_late_evening_in_utc_is_the_next_day_in_denmark():
    assert danish.day(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "01.01.2027"
    assert danish.day(date(2026, 3, 2)) == "02.03.2026"


def test_numbers_have_a_decimal_comma_and_halves_round_up():
    assert danish.number(12.5) == "12,5"
    assert danish.number(0.125, 2) == "0,13"
    assert danish.number(3.0) == "3"
    assert danish.number(None) == "–"


def test_a_share_rounds_to_the_same_whole_percent_everywhere():
    assert danish.percent(0.505) == "51 %"
    assert danish.percent(0.125) == "13 %"
    assert danish.whole_percent(0.499) == 50


def test_exports_show_times_in_danish_local_time():
    moment = datetime(2026, 11, 29, 8, 40, tzinfo=UTC)
    text = to_csv([Table("x", ["Tid"], [[moment]])]).decode("utf-8-sig")
    assert text.splitlines()[1] == "29.11.2026 kl. 09.40"
    book = load_workbook(io.BytesIO(to_xlsx([Table("x", ["Tid"], [[moment]])])))
    assert book["x"]["A2"].value == datetime(2026, 11, 29, 9, 40)


def test_the_csv_content_type_names_its_charset_once():
    response = download(b"a;b", "rapport", "csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
