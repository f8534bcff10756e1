"""A clone is complete: the README points only inside the repository and says how to change
the demo's port."""

from __future__ import annotations

import re
from pathlib import Path

from bank.cli import demo

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_points_to_nothing_outside_the_repository():
    assert "../" not in README
    for target in re.findall(r"\]\(([^)#]+)\)", README) + re.findall(r"`(docs/[^`]+)`", README):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), f"README links to {target}, which is not here"


def test_the_design_interchange_format_and_glossary_are_in_docs():
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    assert "## Glossary" in design and "tovholder" in design and "## Targets" in design
    interchange = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
    assert "offers.jsonl" in interchange and "bank overlaps" in interchange


def test_the_readme_names_the_demo_port_option_that_bank_demo_has():
    assert "--port" in README
    assert "--port" in {opt for param in demo.params for opt in param.opts}
    assert 'exec .venv/bin/bank demo "$@"' in (ROOT / "scripts" / "demo.sh").read_text()
