"""Export report tables as CSV (for Excel in Danish: semicolons, BOM) and as XLSX (openpyxl)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from flask import Response
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bank import danish

Cell = str | int | float | date | datetime | None

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    """One sheet of a report: a name, the column headings and the rows."""

    name: str
    headings: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return danish.number(value, 2)
    if isinstance(value, datetime):
        return danish.local_time(value)  # Danish local time, as on the pages
    if isinstance(value, date):
        return danish.day(value)
    text = str(value)
    return "'" + text if _looks_like_formula(text) else text


_FORMULA_START = ("=", "+", "-", "@")


def _looks_like_formula(text: str) -> bool:
    """Tell whether a spreadsheet could run the cell: a formula sign, or a control character,
    first, or a formula sign after leading spaces and control characters (tab, CR, LF)."""
    if not text or _is_number(text):
        return False
    if text[0] in _FORMULA_START or ord(text[0]) < 32 or text[0] == "\x7f":
        return True
    rest = text.lstrip(" \u00a0" + "".join(map(chr, range(32))))
    return rest[:1] in _FORMULA_START


def _is_number(text: str) -> bool:
    try:
        danish.read_number(text)
    except ValueError:
        return False
    return True


def to_csv(tables: Iterable[Table]) -> bytes:
    """Write the tables one after another as semicolon-separated UTF-8 with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for number, table in enumerate(tables):
        if number:
            writer.writerow([])
            writer.writerow([table.name])
        writer.writerow(table.headings)
        writer.writerows([_text(v) for v in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_name(name: str, taken: set[str]) -> str:
    clean = "".join("-" if c in "[]:*?/\\" else c for c in name)[:31] or "Ark"
    candidate, n = clean, 2
    while candidate in taken:
        candidate = f"{clean[:28]} {n}"
        n += 1
    taken.add(candidate)
    return candidate


def to_xlsx(tables: Iterable[Table]) -> bytes:
    """Write each table to its own sheet, headings in bold, columns sized to their text."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.name, taken))
        sheet.append(list(table.headings))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_xlsx_value(v) for v in row])
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(table.headings, start=1):
            longest = max([len(str(heading))] + [len(_text(r[index - 1])) for r in table.rows])
            sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Cell) -> Cell:
    if isinstance(value, datetime):
        return danish.local(value).replace(tzinfo=None)  # Excel has no zones: Danish local time
    if isinstance(value, str):
        return _text(value)
    return value


def download(data: bytes, filename: str, kind: str) -> Response:
    """Return the bytes as a file download (kind: 'csv' or 'xlsx')."""
    mimetype = CSV_TYPE if kind == "csv" else XLSX_TYPE
    return Response(
        data,
        content_type=mimetype,  # says its charset once (mimetype= would add it again)
        headers={"Content-Disposition": f'attachment; filename="{filename}.{kind}"'},
    )
