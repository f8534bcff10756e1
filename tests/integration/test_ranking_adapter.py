"""The engine sees the catalogue through one adapter that rebuilds only when it changed."""

from __future__ import annotations

from bank.offers.services import retire_offer, update_offer
from bank.ranking import (
    NeedRecord,
    all_offer_records,
    get_index,
    offer_record,
    published_offer_records,
)
from tests.offers_support import add_offer, editor_of


def test_an_offer_reaches_the_engine_with_its_programme_theory_as_text(session, make_user):
    offer = add_offer(session, editor_of(make_user), publish=True)
    record = offer_record(offer)
    assert record.id == offer.ref
    assert record.unit == "Ungdomsskolen"
    assert record.centre == "Center for Børn og Familier"
    assert "Lektiehjælp to timer om ugen" in record.programme_text
    assert "Skolens klassefællesskab" in record.programme_text


def test_the_index_is_reused_until_the_catalogue_changes(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    first = get_index(session)
    assert get_index(session) is first
    update_offer(session, editor, offer.ref, {"title": "Lektiecafé om tirsdagen"})
    session.commit()
    rebuilt = get_index(session)
    assert rebuilt is not first
    assert rebuilt.offer(offer.ref).title == "Lektiecafé om tirsdagen"


def test_a_retired_offer_leaves_the_ranking_once_the_index_is_rebuilt(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    need = NeedRecord(id="n1", title="Hjælp til lektier", description="Lektier i skolen", age=14)
    assert [m.offer_id for m in get_index(session).rank(need)] == [offer.ref]
    retire_offer(session, editor, offer.ref)
    session.commit()
    assert get_index(session).rank(need) == []


def test_the_index_reads_every_offer_and_the_double_offer_scan_only_the_published(
    session, make_user
):
    editor = editor_of(make_user)
    published = add_offer(session, editor, publish=True)
    draft = add_offer(session, editor, title="Lektiecafé i kælderen")
    assert [r.id for r in all_offer_records(session)] == [published.ref, draft.ref]
    assert [r.status for r in all_offer_records(session)] == ["published", "draft"]
    records, ids = published_offer_records(session)
    assert [r.id for r in records] == [published.ref]
    assert ids == {published.ref: published.id}
