"""CSV and XLSX export of report tables."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from bank.reports.export import Table, to_csv, to_xlsx

TABLE = Table(
    "Kurser", ["Center", "Antal", "Median (dage)"], [["Øst", 3, 120.5], ["Vest", 0, None]]
)


def test_csv_is_semicolon_separated_utf8_with_a_bom_and_danish_decimals():
    data = to_csv([TABLE])
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines == ["Center;Antal;Median (dage)", "Øst;3;120,5", "Vest;0;"]


def test_several_tables_follow_each_other_in_one_csv_with_their_names():
    lines = to_csv([TABLE, Table("Behov", ["Tal"], [[date(2025, 6, 1)]])]).decode("utf-8-sig")
    assert lines.splitlines()[-4:] == ["", "Behov", "Tal", "01.06.2025"]


def test_text_that_looks_like_a_formula_is_never_run_by_a_spreadsheet():
    data = to_csv([Table("x", ["Tekst"], [["=HYPERLINK(1)"], ["-5"]])]).decode("utf-8-sig")
    assert data.splitlines()[1:] == ["'=HYPERLINK(1)", "-5"]


def test_xlsx_has_one_sheet_per_table_with_the_numbers_as_numbers():
    book = load_workbook(io.BytesIO(to_xlsx([TABLE, Table("Behov", ["Tal"], [[1]])])))
    assert book.sheetnames == ["Kurser", "Behov"]
    rows = list(book["Kurser"].iter_rows(values_only=True))
    assert rows == [("Center", "Antal", "Median (dage)"), ("Øst", 3, 120.5), ("Vest", 0, None)]
    assert book["Kurser"]["A1"].font.bold


@pytest.mark.parametrize(
    "cell",
    [
        "\t=1+1",
        "\r=1+1",
        "\n=HYPERLINK(1)",
        " =1+1",
        "  @SUM(A1)",
        " +1+1",
        "\t-1+1",
        "\x01=1",
        "\tjust a tab first",
        "\u00a0=1+1",
    ],
)
def test_a_formula_behind_leading_whitespace_or_control_characters_is_quoted_too(cell):
    data = to_csv([Table("x", ["Tekst"], [[cell]])]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data, newline=""), delimiter=";"))
    assert rows == [["Tekst"], ["'" + cell]]


@pytest.mark.parametrize("cell", ["Hej", " hej med dig", "-5", " -5", "12,5", "Øst - Vest"])
def test_ordinary_text_and_numbers_are_left_as_they_are(cell):
    data = to_csv([Table("x", ["Tekst"], [[cell]])]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(data, newline=""), delimiter=";"))[1] == [cell]
