"""The catalogue search ranks and counts every hit but explains only the page it shows."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bank.matching import index as engine_index
from bank.offers.search import MAYBE_SHOWN, OfferFilters, search_offers
from bank.offers.services import save


@pytest.fixture
def explained(monkeypatch) -> list[str]:
    """Record every offer the engine explains."""
    seen: list[str] = []
    real = engine_index.explain_match

    def counting(*args, **kwargs):
        offer = next(a for a in (*args, *kwargs.values()) if hasattr(a, "programme_text"))
        seen.append(offer.id)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine_index, "explain_match", counting)
    return seen


def test_a_search_explains_the_twenty_offers_it_shows_and_counts_them_all(
    session, demo_catalogue, explained
):
    results = search_offers(session, "unge", OfferFilters(), page=1, per_page=20)
    assert results.total > 20
    assert len(results.items) == 20
    assert sorted(explained) == sorted(o.ref for o in results.items)
    assert all(results.reasons[o.ref] for o in results.items)


def test_the_next_page_explains_its_own_offers(session, demo_catalogue, explained):
    first = search_offers(session, "unge", OfferFilters(), page=1, per_page=20)
    explained.clear()
    second = search_offers(session, "unge", OfferFilters(), page=2, per_page=20)
    assert second.items and second.total == first.total
    on_page = {o.ref for o in second.items} | {o.ref for o in second.maybe}
    assert {o.ref for o in second.items} <= set(explained)
    assert len(explained) <= 20 + MAYBE_SHOWN and not set(explained) & {o.ref for o in first.items}
    assert all(second.reasons[ref] for ref in on_page)


def test_a_step_filter_still_explains_every_offer_on_the_page(session, demo_catalogue):
    results = search_offers(session, "unge", OfferFilters(step=3), page=1, per_page=5)
    assert results.items and all(o.step == 3 for o in results.items)
    assert all(results.reasons[o.ref] for o in results.items)


def test_the_page_shows_each_hit_as_its_offer_says_without_reading_the_offers_again(
    session, demo_catalogue
):
    statements: list[str] = []
    engine = session.get_bind()

    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    results = search_offers(session, "mentor job", OfferFilters(), cards=True)  # index built
    sa.event.listen(engine, "before_cursor_execute", remember)
    try:
        results = search_offers(session, "mentor job", OfferFilters(), cards=True)
    finally:
        sa.event.remove(engine, "before_cursor_execute", remember)
    assert results.items
    for card in results.items + results.maybe:
        offer = demo_catalogue[card.ref]
        assert (card.title, card.unit_name, card.centre_name, card.status) == (
            offer.title,
            offer.unit_name,
            offer.centre_name,
            offer.status,
        )
        assert (card.age_min, card.age_max, card.step, card.tags, card.capacity) == (
            offer.age_min,
            offer.age_max,
            offer.step,
            offer.tags,
            offer.capacity,
        )
    tables = ("FROM offers", "FROM units", "FROM centres")
    assert not [s for s in statements if any(t in s for t in tables)]  # the index holds them


def test_a_card_shows_an_offers_change_on_the_next_search(session, demo_catalogue):
    first = search_offers(session, "mentor job", OfferFilters(), cards=True).items[0]
    offer = demo_catalogue[first.ref]
    save(session, offer, None, {"title": "Jobmentor med ny titel", "capacity": 0})
    session.commit()
    card = next(
        c
        for c in search_offers(session, "mentor job", OfferFilters(), cards=True).items
        if c.ref == first.ref
    )
    assert (card.title, card.capacity) == ("Jobmentor med ny titel", 0)
