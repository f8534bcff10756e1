"""The need bank's pages and API end their work through bank.unit_of_work and ask services
for their data; the need bank's services never commit or roll back."""

from __future__ import annotations

import re
from pathlib import Path

NEEDS = Path(__file__).resolve().parents[2] / "bank" / "needs"
VIEWS = [*sorted((NEEDS / "views").glob("*.py")), NEEDS / "api.py"]
SERVICES = [p for p in sorted(NEEDS.glob("*.py")) if p.name not in ("cli.py", "api.py")]
ENDS_WORK = re.compile(r"\.(commit|rollback)\(")
QUERIES = re.compile(r"\bsa\.|sqlalchemy|session\.(get|scalar|scalars|execute|query)\(|\.query\(")


def _hits(paths: list[Path], pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{path.name}:{number}: {line.strip()}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_the_need_bank_pages_and_api_neither_commit_nor_roll_back_themselves():
    assert len(VIEWS) >= 7
    assert _hits(VIEWS, ENDS_WORK) == []


def test_the_need_bank_pages_and_api_hold_no_database_query():
    assert _hits(VIEWS, QUERIES) == []


def test_the_need_bank_services_leave_the_commit_to_their_caller():
    assert len(SERVICES) >= 20
    assert _hits(SERVICES, ENDS_WORK) == []
