"""`bank export needs FILE` writes the published needs as needs.jsonl of interchange.md."""

from __future__ import annotations

import json
from datetime import date

from bank.cli import main
from bank.matching import load_needs
from bank.needs import consent


def test_export_writes_published_needs_in_the_interchange_format(world, runner, tmp_path):
    published = world.need()
    world.need(publish=False)
    path = tmp_path / "needs.jsonl"
    result = runner.invoke(main, ["export", "needs", str(path)])
    assert result.exit_code == 0, result.output
    assert "Exported 1 needs" in result.output
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {
            "id": str(published.id),
            "title": published.title,
            "description": published.description,
            "goals": ["Jeg vil have en 9.-klasses eksamen"],
            "tags": ["fravaer", "mentor", "skole"],
            "age": 16,
        }
    ]
    assert [n.id for n in load_needs(path)] == [str(published.id)]  # the engine reads it


def test_export_leaves_out_needs_shared_only_with_named_units_and_never_names(
    world, runner, tmp_path
):
    course = world.course(with_consent=False)
    consent.record_consent(
        world.session,
        world.coordinator,
        course,
        "oral",
        date.today(),
        covers_publishing=False,
        unit_ids=[world.member.unit_id],
    )
    world.need(course)
    world.need()
    path = tmp_path / "needs.jsonl"
    runner.invoke(main, ["export", "needs", str(path)])
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) == 1
    assert "Zebra" not in text and "pseudonym" not in text


def test_export_to_standard_output(world, runner):
    world.need()
    result = runner.invoke(main, ["export", "needs", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["age"] == 16
