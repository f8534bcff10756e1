"""`bank import offers` and `bank export offers`: all or nothing, line numbers, round trip."""

from __future__ import annotations

import json

import sqlalchemy as sa

from bank.cli import main
from bank.offers.catalogue import catalogue_version
from bank.offers.models import Offer, OfferRevision, OfferStatus
from tests.offers_support import CENTRE, complete_values


def line(ref: str, **overrides) -> dict:
    """Return an offers.jsonl object for a complete offer."""
    values = complete_values(**overrides)
    theory = {
        k: values.pop(k)
        for k in (
            "problem",
            "target_group",
            "activities",
            "outputs",
            "outcomes_short",
            "outcomes_long",
            "community",
            "assumptions",
        )
    }
    return {"id": ref, "centre": CENTRE, **values, "programme_theory": theory}


def write(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return str(path)


def offer_count(session) -> int:
    return session.scalar(sa.select(sa.func.count(Offer.id)))


def test_importing_a_file_creates_every_offer_with_its_unit_and_centre(runner, session, tmp_path):
    path = write(tmp_path / "offers.jsonl", [line("o1"), line("o2", title="Madklub")])
    result = runner.invoke(main, ["import", "offers", path])
    assert result.exit_code == 0, result.output
    assert "2 offers: 2 created, 0 updated, 0 unchanged" in result.output
    offer = session.scalar(sa.select(Offer).where(Offer.ref == "o2"))
    assert offer.title == "Madklub"
    assert offer.status == OfferStatus.PUBLISHED
    assert offer.centre_name == CENTRE
    assert offer.programme_theory["community"] == "Skolens klassefællesskab"


def test_a_bad_line_names_file_line_and_field_and_nothing_is_saved(runner, session, tmp_path):
    records = [line("o1"), line("o2"), line("o3", age_min="tretten"), line("o4")]
    path = write(tmp_path / "katalog.jsonl", records)
    before = catalogue_version(session)
    result = runner.invoke(main, ["import", "offers", path])
    assert result.exit_code != 0
    assert "katalog.jsonl, line 3, field age_min: Not a valid integer." in result.output
    assert "nothing was imported" in result.output
    assert offer_count(session) == 0
    assert catalogue_version(session) == before


def test_a_missing_required_field_and_a_rule_break_are_named_too(runner, session, tmp_path):
    missing = line("o1")
    del missing["description"]
    path = write(tmp_path / "a.jsonl", [missing])
    result = runner.invoke(main, ["import", "offers", path])
    assert "a.jsonl, line 1, field description: is required" in result.output
    path = write(tmp_path / "b.jsonl", [line("o1"), line("o2", age_min=20, age_max=15)])
    result = runner.invoke(main, ["import", "offers", path])
    assert "b.jsonl, line 2, field age_max: must not be lower than age_min" in result.output
    path = write(tmp_path / "c.jsonl", [line("o1", tags=[])])
    result = runner.invoke(main, ["import", "offers", path])
    assert "c.jsonl, line 1, field tags: is required to publish" in result.output
    assert offer_count(session) == 0


def test_broken_json_and_a_duplicate_id_are_named_with_their_line(runner, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(line("o1")) + "\n\n{not json\n")
    result = runner.invoke(main, ["import", "offers", str(path)])
    assert "x.jsonl, line 3: not valid JSON" in result.output
    write(path, [line("o1"), line("o2"), line("o1")])
    result = runner.invoke(main, ["import", "offers", str(path)])
    assert "x.jsonl, line 3, field id: id o1 is also on line 1" in result.output


def test_a_failing_reimport_leaves_the_earlier_import_untouched(runner, session, tmp_path):
    write(tmp_path / "one.jsonl", [line("o1")])
    runner.invoke(main, ["import", "offers", str(tmp_path / "one.jsonl")])
    path = write(tmp_path / "two.jsonl", [line("o1", title="Ændret"), line("o2", step=9)])
    result = runner.invoke(main, ["import", "offers", path])
    assert "two.jsonl, line 2, field step" in result.output
    session.expire_all()
    assert session.scalar(sa.select(Offer.title).where(Offer.ref == "o1")) == "Lektiecafé for unge"
    assert offer_count(session) == 1


def test_a_dry_run_checks_the_file_and_saves_nothing(runner, session, tmp_path):
    path = write(tmp_path / "offers.jsonl", [line("o1"), line("o2")])
    result = runner.invoke(main, ["import", "offers", path, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "offers.jsonl is valid. 2 offers: 2 created" in result.output
    assert "nothing was saved" in result.output
    assert offer_count(session) == 0


def test_importing_the_same_file_twice_updates_rather_than_duplicates(runner, session, tmp_path):
    path = write(tmp_path / "offers.jsonl", [line("o1"), line("o2")])
    runner.invoke(main, ["import", "offers", path])
    version = catalogue_version(session)
    result = runner.invoke(main, ["import", "offers", path])
    assert "2 offers: 0 created, 0 updated, 2 unchanged" in result.output
    assert catalogue_version(session) == version
    write(tmp_path / "offers.jsonl", [line("o1", capacity=3), line("o2")])
    result = runner.invoke(main, ["import", "offers", path])
    assert "2 offers: 0 created, 1 updated, 1 unchanged" in result.output
    assert offer_count(session) == 2
    assert catalogue_version(session) == version + 1
    fields = session.scalars(sa.select(OfferRevision.field).where(OfferRevision.version == 2))
    assert list(fields) == ["capacity"]


def test_export_then_import_round_trips_without_loss(runner, session, tmp_path):
    draft = line("o2", status="draft", description="", tags=["egen-ting", "skole"], step=None)
    retired = line("o3", status="retired", reviewed_at="2024-05-01T08:30:00+00:00")
    write(tmp_path / "in.jsonl", [line("o1"), draft, retired])
    assert runner.invoke(main, ["import", "offers", str(tmp_path / "in.jsonl")]).exit_code == 0
    first = tmp_path / "first.jsonl"
    result = runner.invoke(main, ["export", "offers", str(first)])
    assert "Exported 3 offers" in result.output
    session.execute(sa.delete(OfferRevision))
    session.execute(sa.delete(Offer))
    session.commit()
    result = runner.invoke(main, ["import", "offers", str(first)])
    assert "3 offers: 3 created" in result.output
    second = tmp_path / "second.jsonl"
    runner.invoke(main, ["export", "offers", str(second)])
    assert second.read_text() == first.read_text()
    exported = [json.loads(x) for x in first.read_text().splitlines()]
    assert exported[1]["tags"] == ["egen-ting", "skole"]
    assert exported[1]["status"] == "draft"
    assert exported[2]["reviewed_at"] == "2024-05-01T08:30:00+00:00"
    assert exported[0]["contact"] == "Mette Holm, 12 34 56 78"
    assert exported[0]["referral"] == "direct"
    assert "step" not in exported[1]


def test_unknown_keys_are_reported_and_ignored(runner, tmp_path):
    path = write(tmp_path / "offers.jsonl", [{**line("o1"), "note": "x"}])
    result = runner.invoke(main, ["import", "offers", path])
    assert result.exit_code == 0
    assert "Ignored unknown field 'note' on line(s) 1." in result.output


def test_a_long_import_shows_a_progress_bar(runner, session, tmp_path, monkeypatch):
    monkeypatch.setattr("bank.offers.cli.PROGRESS_FROM", 3)
    path = write(tmp_path / "offers.jsonl", [line(f"o{i}") for i in range(4)])
    result = runner.invoke(main, ["import", "offers", path])
    assert result.exit_code == 0, result.output
    assert "Checking" in result.output and "Saving" in result.output
    assert offer_count(session) == 4
