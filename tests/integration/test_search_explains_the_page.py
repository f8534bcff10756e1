"""The catalogue search ranks and counts every hit but explains only the page it shows."""

from __future__ import annotations

import pytest

from bank.matching import index as engine_index
from bank.offers.search import MAYBE_SHOWN, OfferFilters, search_offers


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
