"""The baselines obey the same hard filters as the engine; PostgreSQL's uses a temp table."""

from __future__ import annotations

import pytest

from bank.bench.baselines import BM25Baseline, PostgresBaseline, mutual_pairs, plain_url
from tests.conftest import PG_URL
from tests.unit.engine_support import CATALOGUE, need

ASKED = need("n1", "Mentor og job", "Jeg vil have en mentor og et job", tags=("job",), age=16)


def test_bm25_ranks_only_published_offers_that_hold_the_age():
    found = BM25Baseline(CATALOGUE).rank(ASKED, top=10)
    assert found[0] == "o1"
    assert not {"o5", "o6"} & set(found)


def test_mutual_best_pairs_need_a_high_enough_share():
    best = {0: (1, 0.9), 1: (0, 0.8), 2: (0, 0.9)}
    assert mutual_pairs(CATALOGUE, best) == [("o1", "o2")]


def test_a_sqlalchemy_url_becomes_a_psycopg_url():
    assert plain_url("postgresql+psycopg://u@h:5432/db") == "postgresql://u@h:5432/db"


@pytest.mark.postgres_only
def test_postgres_full_text_search_ranks_with_the_danish_configuration():
    baseline = PostgresBaseline(CATALOGUE, PG_URL)
    try:
        found = baseline.rank(ASKED, top=10)
        assert found[0] == "o1" and not {"o5", "o6"} & set(found)
        assert all(a < b for a, b in baseline.doubles())
    finally:
        baseline.close()
