"""What a person reads on a page or in an export, and the internal values that must not show."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\d{2}:\d{2}:\d{2}[.+]\d|\+00:00")
ENGLISH_STATUS = re.compile(
    r"\b(draft|published|retired|pending|accepted|declined|withdrawn|closed|active|"
    r"submitted|planned|running|paused|ended|dropped|management_report|need_export)\b",
    re.IGNORECASE,
)


class _Text(HTMLParser):
    """Collect the visible text of a page, and the title/aria-label/placeholder texts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "aria-label", "placeholder", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    """Return what a person reads on an HTML page."""
    parser = _Text()
    parser.feed(html)
    return "\n".join(p.strip() for p in parser.parts if p.strip())


def export_text(mimetype: str, data: bytes) -> str | None:
    """Return the text of a CSV, XLSX or PDF export (None for other kinds)."""
    if mimetype == "text/csv":
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
        return "\n".join(" | ".join(row) for row in rows)
    if mimetype.endswith("spreadsheetml.sheet"):
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        return "\n".join(
            " | ".join("" if v is None else str(v) for v in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    if mimetype == "application/pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return None


def internal_values(text: str, slugs: set[str]) -> list[str]:
    """Return the ISO timestamps, English status words and tag slugs found in the text."""
    found = [f"ISO time {m.group(0)!r}" for m in ISO_TIMESTAMP.finditer(text)]
    found += [f"English word {m.group(0)!r}" for m in ENGLISH_STATUS.finditer(text)]
    words = set(re.findall(r"[\wæøå]+(?:-[\wæøå]+)+", text))
    found += [f"tag slug {s!r}" for s in sorted(words & slugs)]
    return found
