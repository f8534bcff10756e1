"""Only the unit of work, the command line and the worker commit or roll back a transaction.

Services add and change through the session and never end a transaction; a view ends its
work through bank/unit_of_work.py. The CLI commands and the task worker are their own units
of work, so they may commit and roll back themselves.
"""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

BANK = Path(__file__).resolve().parents[2] / "bank"
ENDS = ("commit", "rollback")
ANYWHERE = "*"

# path (relative to the repository, glob) -> the functions in it that may end a transaction
HOMES: dict[str, set[str]] = {
    "bank/unit_of_work.py": {ANYWHERE},
    "bank/cli.py": {ANYWHERE},
    "bank/*/cli.py": {ANYWHERE},
    "bank/*_cli.py": {ANYWHERE},
    "bank/*/*_cli.py": {ANYWHERE},
    "bank/demo.py": {ANYWHERE},  # the demo loader `bank demo` runs
    # the worker: its tasks and the double-offer scan it runs
    "bank/tasks.py": {"rescan_doubles", "check_catalogue", "run_scan", "refit_learned"},
}


def transaction_ends(source: str) -> list[tuple[int, str, str]]:
    """Return (line, enclosing function, call) for every `.commit()` / `.rollback()` call."""
    found: list[tuple[int, str, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child.name)
                continue
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and child.func.attr in ENDS
            ):
                found.append((child.lineno, function, ast.unparse(child)))
            visit(child, function)

    visit(ast.parse(source), "<module>")
    return found


def allowed(path: str, function: str) -> bool:
    """Return whether a function of the module at path may commit or roll back."""
    return any(
        fnmatch(path, pattern) and (ANYWHERE in functions or function in functions)
        for pattern, functions in HOMES.items()
    )


def test_only_the_unit_of_work_the_cli_and_the_worker_commit_or_roll_back():
    offenders = []
    for module in sorted(BANK.rglob("*.py")):
        path = module.relative_to(BANK.parent).as_posix()
        for line, function, call in transaction_ends(module.read_text(encoding="utf-8")):
            if not allowed(path, function):
                offenders.append(f"{path}:{line} in {function}(): {call}")
    assert offenders == [], "end the transaction in bank/unit_of_work.py:\n" + "\n".join(offenders)


def test_the_search_finds_a_commit_or_rollback_in_a_service_and_names_its_function():
    source = (
        "def save(session, offer):\n"
        "    session.add(offer)\n"
        "    db.session.commit()\n"
        "\n"
        "def undo(connection):\n"
        "    if connection:\n"
        "        connection.rollback()\n"
        "    session.flush()\n"
    )
    assert transaction_ends(source) == [
        (3, "save", "db.session.commit()"),
        (7, "undo", "connection.rollback()"),
    ]


def test_a_worker_task_may_commit_but_a_service_beside_it_may_not():
    assert allowed("bank/tasks.py", "rescan_doubles")
    assert allowed("bank/tasks.py", "run_scan")
    assert not allowed("bank/tasks.py", "queue_scan")
    assert not allowed("bank/reports/scans.py", "compute_scan")
    assert allowed("bank/offers/cli.py", "import_offers_command")
    assert allowed("bank/auth/user_cli.py", "set_active")
    assert not allowed("bank/offers/services.py", "save")
    assert not allowed("bank/needs/views/needs.py", "new_need")
