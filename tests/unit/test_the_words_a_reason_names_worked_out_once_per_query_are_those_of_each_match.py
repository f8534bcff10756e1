"""The shared words a reason names, worked out once per query, are those worked out per match.

`named_terms` maps each of a query's features to the word a reason names it by, once for
all of a query's matches; the reasons must name what the word-by-word lookup of each
match's shared features (as first written) names, for needs and for misspelt searches.
"""

from __future__ import annotations

from functools import cache

from bank.bench.synthetic import make_catalogue
from bank.matching import CatalogueIndex, Match
from bank.matching.explain import CHATTY, MAX_TERMS, first_words, shared_features
from bank.matching.frequency import everyday_weight
from bank.matching.scoring import Query, need_query, text_query


@cache
def _index() -> CatalogueIndex:
    return CatalogueIndex.build(make_catalogue(400, 0, seed=9).offers, workers=1)


def terms_match_by_match(index: CatalogueIndex, query: Query, match: Match) -> list[str]:
    """The shared words of one match, looked up feature by feature (the lookup as written)."""
    m = index.m
    q = m.weigh_columns(query.features)
    shared = shared_features(q, m.row(index.rows[match.offer_id]), m)
    first_word = first_words(query, m)
    names, spelling = m.analyzer.feature_names(), m.analyzer.display
    terms: dict[str, None] = {}
    for name in (names[col] for col in shared):
        if len(terms) == MAX_TERMS:
            break
        if name in first_word:
            word = first_word[name]
            if query.texts and everyday_weight(word) < CHATTY:
                continue
            corrected = m.analyzer.corrections.get(word)
            own = query.shown.get(word, word)
            spelled = spelling.get(corrected or word, own) if corrected or own == word else own
            terms[spelled] = None
    return list(terms)


def test_a_needs_reasons_name_the_words_found_match_by_match():
    index = _index()
    for need in make_catalogue(10, 40, seed=4).needs:
        query = need_query(need, index.m.analyzer)
        for match in index.rank(need, top=10):
            assert match.why["terms"] == terms_match_by_match(index, query, match)


def test_a_misspelt_searchs_reasons_name_the_words_found_match_by_match():
    index = _index()
    for text in ("mentr til job", "angts", "Lektiecafe", "ensomhed unge", "fritidsjobb"):
        query = text_query(text, index.m.analyzer)
        for match in index.search(text, top=10):
            assert match.why["terms"] == terms_match_by_match(index, query, match)
