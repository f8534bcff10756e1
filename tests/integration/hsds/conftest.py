"""HSDS tests: the demo catalogue exported to a directory, and readers of its files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bank.cli import main


def read(directory: Path, name: str) -> list[dict]:
    """Return the JSON array in one file of an HSDS directory."""
    return json.loads((directory / name).read_text(encoding="utf-8"))


@pytest.fixture
def exported(runner, demo_catalogue, tmp_path) -> Path:
    """Export the demo catalogue with `bank export hsds` and return the directory."""
    directory = tmp_path / "hsds"
    result = runner.invoke(main, ["export", "hsds", str(directory)])
    assert result.exit_code == 0, result.output
    return directory
