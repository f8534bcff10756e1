"""The demo catalogue loads through the import service and round-trips without loss."""

from __future__ import annotations

import io
import json

import sqlalchemy as sa

from bank.auth.models import Unit
from bank.demo import FIXTURES, load_demo_users
from bank.offers.demo import load_demo
from bank.offers.interchange import export_offers, import_offers
from bank.offers.models import Offer, OfferRevision, OfferStatus
from bank.offers.review import needs_review


def test_the_demo_catalogue_loads_with_real_units_in_centres(session):
    load_demo(session, FIXTURES)
    load_demo_users(session)
    session.commit()
    offers = list(session.scalars(sa.select(Offer)))
    assert len(offers) >= 60
    assert len({o.unit_id for o in offers}) >= 12
    assert len({o.centre_name for o in offers}) >= 4
    assert sum(o.status == OfferStatus.PUBLISHED for o in offers) >= 60
    school = session.scalar(sa.select(Unit).where(Unit.name == "Ungdomsskolen"))
    assert school.centre_name and school.contact


def test_some_demo_offers_wait_for_their_yearly_review(session):
    load_demo(session, FIXTURES)
    stale = [needs_review(o) for o in session.scalars(sa.select(Offer))]
    assert 0 < sum(stale) < len(stale) / 2


def test_exporting_the_demo_catalogue_gives_back_the_fixture_file(session):
    load_demo(session, FIXTURES)
    session.commit()
    stream = io.StringIO()
    export_offers(session, stream)
    exported = [json.loads(line) for line in stream.getvalue().splitlines()]
    with (FIXTURES / "offers.jsonl").open(encoding="utf-8") as fixture:
        original = [json.loads(line) for line in fixture if line.strip()]
    for record in exported:
        assert record.pop("reviewed_at")  # the demo adds review dates
    assert exported == original


def test_the_demo_export_imports_into_an_empty_catalogue_and_exports_the_same(session):
    load_demo(session, FIXTURES)
    session.commit()
    first = io.StringIO()
    export_offers(session, first)
    session.execute(sa.delete(OfferRevision))
    session.execute(sa.delete(Offer))
    report = import_offers(session, io.StringIO(first.getvalue()), "export.jsonl")
    session.commit()
    second = io.StringIO()
    export_offers(session, second)
    assert report.created == len(first.getvalue().splitlines())
    assert second.getvalue() == first.getvalue()
