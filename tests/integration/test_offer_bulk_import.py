"""The bulk import saves in batches, all or nothing: one revision set (one timestamp, no user)
and one catalogue-version bump per import, however many batches it takes."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from bank.cli import main
from bank.offers.catalogue import catalogue_version
from bank.offers.models import Offer, OfferRevision
from tests.integration.test_offer_import_export import line


def write(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return str(path)


@pytest.fixture
def small_batches(monkeypatch):
    """Save two lines per batch, so five lines take three batches."""
    monkeypatch.setattr("bank.offers.bulk.BATCH", 2)


def test_an_import_in_several_batches_is_one_revision_set_and_one_version_bump(
    runner, session, tmp_path, small_batches
):
    before = catalogue_version(session)
    path = write(tmp_path / "offers.jsonl", [line(f"b{i}", title=f"Tilbud {i}") for i in range(5)])
    result = runner.invoke(main, ["import", "offers", path])
    assert result.exit_code == 0, result.output
    assert "5 offers: 5 created" in result.output
    assert catalogue_version(session) == before + 1
    revisions = session.scalars(sa.select(OfferRevision)).all()
    assert len(revisions) == 5 and {r.field for r in revisions} == {"created"}
    assert len({r.at for r in revisions}) == 1 and {r.user_id for r in revisions} == {None}
    titles = session.scalars(sa.select(Offer.title).order_by(Offer.ref)).all()
    assert titles == [f"Tilbud {i}" for i in range(5)]


def test_changes_in_a_reimport_are_one_revision_set_and_one_bump(
    runner, session, tmp_path, small_batches
):
    path = write(tmp_path / "offers.jsonl", [line(f"b{i}") for i in range(5)])
    runner.invoke(main, ["import", "offers", path])
    version = catalogue_version(session)
    changed = [line(f"b{i}", capacity=i) if i % 2 else line(f"b{i}") for i in range(5)]
    result = runner.invoke(main, ["import", "offers", write(tmp_path / "offers.jsonl", changed)])
    assert "5 offers: 0 created, 2 updated, 3 unchanged" in result.output
    assert catalogue_version(session) == version + 1
    query = sa.select(OfferRevision).where(OfferRevision.field == "capacity")
    updates = session.scalars(query).all()
    assert len(updates) == 2 and len({r.at for r in updates}) == 1
    assert {r.version for r in updates} == {2}


def test_a_database_failure_in_a_later_batch_leaves_nothing_of_the_earlier_ones(
    runner, session, tmp_path, monkeypatch, small_batches
):
    from bank.offers import bulk

    real = bulk._insert
    calls = {"n": 0}

    def fail_third(session_, rows, now):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OperationalError("INSERT", {}, Exception("server closed the connection"))
        real(session_, rows, now)

    monkeypatch.setattr("bank.offers.bulk._insert", fail_third)
    before = catalogue_version(session)
    path = write(tmp_path / "offers.jsonl", [line(f"b{i}") for i in range(5)])
    result = runner.invoke(main, ["import", "offers", path])
    assert result.exit_code == 1
    assert "offers.jsonl, line 5: lost the connection to the database" in result.output
    session.rollback()
    assert session.scalar(sa.select(sa.func.count(Offer.id))) == 0
    assert catalogue_version(session) == before
