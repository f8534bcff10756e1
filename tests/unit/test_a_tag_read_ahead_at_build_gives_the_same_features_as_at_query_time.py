"""The tags an index reads when it is built give what a first query would work out.

An index reads the vocabulary's tag names ahead (a word the catalogue never uses costs a
typo lookup the first time): the features, words and typo corrections must be those an
analyzer that never read ahead finds when a need first says them.
"""

from __future__ import annotations

import pickle

from bank.bench.synthetic import make_catalogue
from bank.matching import CatalogueIndex, NeedRecord
from bank.matching.features import Analyzer
from bank.matching.memo import forget
from bank.vocabulary import BY_SLUG
from tests.unit.engine_support import synthetic_analyzer


def _fitted() -> Analyzer:
    return synthetic_analyzer(300, seed=5)


def test_a_tag_read_ahead_gives_the_same_features_words_and_corrections():
    ahead, fresh = _fitted(), _fitted()
    ahead.read_ahead(BY_SLUG)
    for slug in BY_SLUG:
        for everyday in (True, False):
            assert ahead.read_query(slug, everyday) == fresh.read_query(slug, everyday)
    assert ahead.corrections == fresh.corrections


def test_a_need_ranks_the_same_with_its_tags_read_ahead_or_not():
    catalogue = make_catalogue(300, 12, seed=5)
    index = CatalogueIndex.build(catalogue.offers, workers=1)
    cold = pickle.loads(pickle.dumps(index))  # no memos: nothing read ahead
    forget(cold.m.analyzer)
    cold.m.analyzer._cache.clear()
    needs = [*catalogue.needs, NeedRecord("t", "Hjælp", "Hjælp", tags=tuple(BY_SLUG)[:6])]
    for need in needs:
        assert index.rank(need) == cold.rank(need)
