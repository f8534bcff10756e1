"""Every page and API module asks services for its data: none holds a database query.

(That no view, API or service ends a transaction itself is checked for all of bank/ by
test_transactions_have_one_home.py; that no view imports SQLAlchemy, by the import contract
"Views ask services" in pyproject.toml. This catches a query written through db.session,
which needs no import.)
"""

from __future__ import annotations

import re
from pathlib import Path

BANK = Path(__file__).resolve().parents[2] / "bank"
VIEWS = sorted([*BANK.glob("*/views/*.py"), *BANK.glob("*/api.py")])
QUERIES = re.compile(r"\bsa\.|sqlalchemy|session\.(get|scalar|scalars|execute|query)\(|\.query\(")


def queries_in(paths: list[Path]) -> list[str]:
    """Return `package/module:line: text` for every line that looks like a database query."""
    return [
        f"{path.relative_to(BANK).as_posix()}:{number}: {line.strip()}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if QUERIES.search(line)
    ]


def test_no_page_or_api_module_holds_a_database_query():
    assert len(VIEWS) >= 30  # every feature package's views and API are read
    assert queries_in(VIEWS) == []


def test_a_query_through_the_session_is_caught_but_a_service_call_is_not():
    assert QUERIES.search("    need = db.session.get(Need, 1)")
    assert QUERIES.search("    rows = db.session.scalars(select(Offer))")
    assert not QUERIES.search("    need = services.get_need(db.session, 1)")
