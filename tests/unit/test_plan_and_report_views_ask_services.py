"""The plan's and the reports' pages end their work through bank.unit_of_work and ask
services for their data; the plan's and the reports' services never commit or roll back
(the worker's unit of work, bank/tasks.py, commits the scans)."""

from __future__ import annotations

import re
from pathlib import Path

BANK = Path(__file__).resolve().parents[2] / "bank"
VIEWS = [
    *sorted((BANK / "plans" / "views").glob("*.py")),
    *sorted((BANK / "reports" / "views").glob("*.py")),
]
SERVICES = [p for package in ("plans", "reports") for p in sorted((BANK / package).glob("*.py"))]
ENDS_WORK = re.compile(r"\.(commit|rollback)\(")
QUERIES = re.compile(r"\bsa\.|sqlalchemy|session\.(get|scalar|scalars|execute|query)\(|\.query\(")


def _hits(paths: list[Path], pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{path.parent.name}/{path.name}:{number}: {line.strip()}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_the_plan_and_report_pages_neither_commit_nor_roll_back_themselves():
    assert len(VIEWS) >= 12
    assert _hits(VIEWS, ENDS_WORK) == []


def test_the_plan_and_report_pages_hold_no_database_query():
    assert _hits(VIEWS, QUERIES) == []


def test_the_plan_and_report_services_leave_the_commit_to_their_caller():
    assert len(SERVICES) >= 25
    assert _hits(SERVICES, ENDS_WORK) == []
